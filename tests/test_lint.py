"""One small graph per lint rule, and the shipped graph lint-clean."""

from __future__ import annotations

import json

from hypothesis import given

from kgraph.graph import KGraph
from kgraph.lint import REQUIRE_OUTCOMES, RULES, _Context, _missing_outcomes, lint
from kgraph.parsing import parse
from tests.strategies import dags


def concept(cid: str, *prereqs: str, **extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": cid,
        "name": cid.title(),
        "level": "foundations",
        "category": "ml",
        "summary": "A summary long enough to pass the lint rule for summaries.",
        "hours": 2,
        "outcomes": [f"You can use {cid} on a problem of your own."],
        "prerequisites": [{"id": p, "why": "w"} for p in prereqs],
        "resources": [
            {"title": "t", "url": f"https://example.org/{cid}", "kind": "docs", "free": True}
        ],
    }
    base.update(extra)
    return base


def warnings(*concepts: dict[str, object]) -> list[str]:
    parsed = parse(json.dumps({"concepts": list(concepts)}, indent=1), "g.json")
    assert parsed.graph is not None
    return sorted(f"{w.concept}|{w.message}" for w in lint(parsed, KGraph(parsed.graph.concepts)))


def test_clean():
    assert warnings(concept("a"), concept("b", "a")) == []


def test_redundant_edge():
    assert warnings(concept("a"), concept("b", "a"), concept("c", "a", "b")) == [
        "c|redundant edge a → c: b already needs a; remove 'a' from its prerequisites"
    ]


def test_rung_inversion():
    found = warnings(concept("f"), concept("a", "f", level="build"), concept("b", "a", level="use"))
    assert found == [
        "b|rung inversion: prerequisite 'a' is on build, above use;"
        " move one of them or drop the edge"
    ]


def test_missing_resources_and_isolated():
    found = warnings(concept("a", resources=[]))
    assert found == [
        "a|isolated: nothing needs it and it needs nothing; connect it or remove it",
        "a|no resources; add one real source (paper, docs, course or book)",
    ]


def test_not_reachable_from_foundations():
    found = warnings(concept("a", level="use"), concept("b", "a", level="use"))
    assert found == [
        "a|nothing leads to it from foundations; add the foundation it builds on",
        "b|nothing leads to it from foundations; add the foundation it builds on",
    ]


def test_summary_length_and_hours():
    found = warnings(concept("a", summary="Too short.", hours=0.25), concept("b", "a", hours=300))
    assert found == [
        "a|0.25 hours is implausible; estimate between 0.5 and 200",
        "a|summary has 10 characters; write one to three sentences, 40-400",
        "b|300 hours is implausible; estimate between 0.5 and 200",
    ]


def test_duplicate_urls_and_case_only_alias():
    shared = [{"title": "t", "url": "https://example.org/same", "kind": "docs", "free": True}]
    found = warnings(
        concept("a", resources=shared), concept("b", "a", resources=shared, aliases=["b"])
    )
    assert found == [
        "b|alias 'b' differs from the name only by case; remove it",
        "b|resource https://example.org/same is also used by 'a'; cite it once",
    ]


def test_warnings_carry_the_line_of_the_field():
    parsed = parse(json.dumps({"concepts": [concept("a", summary="short")]}, indent=1), "g.json")
    assert parsed.graph is not None
    (warning,) = [w for w in lint(parsed, KGraph(parsed.graph.concepts)) if w.field == "summary"]
    line = parsed.text.splitlines()[warning.line - 1]
    assert '"summary": "short"' in line
    assert warning.severity == "warning"


def test_untranslated_concepts_and_reasons_once_the_graph_has_russian():
    """A graph with any Russian warns about each concept and reason missing it."""
    ru = {
        "ru": {
            "name": "А",
            "summary": "Краткое описание понятия, достаточно длинное для lint.",
            "outcomes": ["Вы можете применить это понятие."],
        }
    }
    found = warnings(
        concept("a", translations=ru),
        concept("b", "a"),
        concept("c", "b", prerequisites=[{"id": "b", "why": "w", "why_ru": "потому что"}]),
    )
    assert found == [
        "b|no Russian translation; add translations.ru with its name and summary",
        "b|no why_ru for 'a'; add the reason in Russian",
        "c|no Russian translation; add translations.ru with its name and summary",
    ]


def test_an_english_only_graph_is_not_asked_for_russian():
    assert warnings(concept("a"), concept("b", "a")) == []


def test_untranslated_reason_points_at_its_line():
    graph = [
        concept("a"),
        concept("b", "a", prerequisites=[{"id": "a", "why": "w", "why_ru": "потому что"}]),
        concept("c", "a", "b"),
    ]
    parsed = parse(json.dumps({"concepts": graph}, indent=1), "g.json")
    assert parsed.graph is not None
    found = [w for w in lint(parsed, KGraph(parsed.graph.concepts)) if "why_ru" in w.message]
    assert [(w.concept, w.field) for w in found] == [
        ("c", "prerequisites[0]"),
        ("c", "prerequisites[1]"),
    ]
    assert '"why": "w"' in parsed.text.splitlines()[found[0].line - 1]


@given(dags(max_concepts=25))
def test_redundant_edges_are_exactly_those_outside_the_transitive_reduction(graph):
    import networkx as nx

    from kgraph.store import dump

    parsed = parse(dump(graph), "g.json")
    assert parsed.graph is not None
    kg = KGraph(parsed.graph.concepts)
    found = {
        (w.message.split()[2], w.concept)
        for w in lint(parsed, kg)
        if w.message.startswith("redundant edge")
    }
    g: nx.DiGraph[str] = nx.DiGraph([(p, c) for c in kg.concepts for p in kg.prerequisites[c]])
    g.add_nodes_from(kg.concepts)
    assert found == set(g.edges) - set(nx.transitive_reduction(g).edges)


def outcome_warnings(*concepts: dict[str, object]) -> list[tuple[str | None, str | None, str]]:
    """The missing-outcomes rule alone, whether or not `REQUIRE_OUTCOMES` registers it."""
    parsed = parse(json.dumps({"concepts": list(concepts)}, indent=1), "g.json")
    assert parsed.graph is not None
    found = _missing_outcomes(_Context(parsed, KGraph(parsed.graph.concepts)))
    return sorted((w.concept, w.field, w.message) for w in found)


def test_missing_outcomes_are_named_by_concept_and_language():
    ru = {"ru": {"name": "Б", "summary": "Краткое описание понятия, достаточно длинное для lint."}}
    project = concept("c", "a", kind="project", deliverable="A thing.")
    del project["outcomes"]
    found = outcome_warnings(concept("a"), concept("b", "a", translations=ru), project)
    assert found == [
        ("b", "translations.ru.outcomes", "no outcomes in ru; add translations.ru.outcomes"),
        ("c", "outcomes", 'no outcomes; add 1-3 checkable "You can ..." statements in English'),
    ]


def test_the_outcomes_rule_is_registered_by_its_switch():
    assert (_missing_outcomes in RULES) is REQUIRE_OUTCOMES
