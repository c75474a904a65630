"""One small graph per lint rule, and the shipped graph lint-clean."""

from __future__ import annotations

import json

from hypothesis import given

from kgraph.graph import KGraph
from kgraph.lint import RULES, _Context, _missing_outcomes, lint
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
    f = concept("f", category="programming")
    found = warnings(f, concept("a", "f", level="build"), concept("b", "a", level="use"))
    assert found == [
        "None|the build rung has no capstone project; add one (kind: project, capstone: true)"
        " that proves the rung",
        "None|the use rung has no capstone project; add one (kind: project, capstone: true)"
        " that proves the rung",
        "b|rung inversion: prerequisite 'a' is on build, above use;"
        " move one of them or drop the edge",
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
        "None|the use rung has no capstone project; add one (kind: project, capstone: true)"
        " that proves the rung",
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


# The ladder's promise: each rung needs only what it needs, and capstones carry the ladder.


def ladder(*extra: dict[str, object]) -> list[dict[str, object]]:
    """A clean small ladder: one concept and one capstone per rung from use up."""
    rungs = ["use", "tune", "repair", "build", "frontier"]
    concepts = [concept("python", category="programming")]
    below_concept, below_capstone = "python", None
    for level in rungs:
        cid, cap = f"{level}-topic", f"{level}-capstone"
        concepts.append(concept(cid, below_concept, level=level, category="applications"))
        needs = [cid] + ([below_capstone] if below_capstone else [])
        concepts.append(
            concept(cap, *needs, level=level, kind="project", capstone=True, deliverable="It.")
        )
        below_concept, below_capstone = cid, cap
    return [*concepts, *extra]


def ladder_warnings(*concepts: dict[str, object], lang: str = "en") -> list[str]:
    parsed = parse(json.dumps({"concepts": list(concepts)}, indent=1), "g.json")
    assert parsed.graph is not None
    found = lint(parsed, KGraph(parsed.graph.concepts), lang=lang)
    return sorted(f"{w.concept}|{w.field}|{w.message}" for w in found)


def test_a_clean_ladder_has_no_warning():
    assert ladder_warnings(*ladder()) == []


def test_a_use_concept_that_drags_in_theory_names_the_chain():
    found = ladder_warnings(
        *ladder(
            concept("linear-algebra", category="math"),
            concept("embeddings", "linear-algebra", level="use", category="retrieval"),
            concept("rag", "embeddings", level="use", category="retrieval"),
        )
    )
    assert found == [
        "embeddings|prerequisites|a use concept needs theory: linear-algebra → embeddings; a use"
        " concept needs only programming basics and other use concepts: cut the edge that brings"
        " in linear-algebra, or need a light counterpart on use instead",
        "rag|prerequisites|a use concept needs theory: linear-algebra → embeddings → rag; a use"
        " concept needs only programming basics and other use concepts: cut the edge that brings"
        " in linear-algebra, or need a light counterpart on use instead",
    ]


def test_programming_foundations_and_use_projects_are_fine_for_use():
    found = ladder_warnings(
        *ladder(
            concept("git", category="programming"),
            concept("deploy", "git", level="use", category="applications"),
        )
    )
    assert found == []


def test_the_nearest_theory_is_named():
    found = ladder_warnings(
        *ladder(
            concept("probability", category="math"),
            concept("statistics", "probability", category="ml"),
            concept("linear-algebra", category="math"),
            concept("evals", "statistics", "linear-algebra", level="use", category="evaluation"),
        )
    )
    (warning,) = [w for w in found if w.startswith("evals|")]
    assert ": linear-algebra → evals;" in warning  # the nearest theory, by the shortest chain


def test_a_tune_concept_that_drags_in_calculus_names_the_chain():
    found = ladder_warnings(
        *ladder(
            concept("calculus", category="math"),
            concept("backprop", "calculus", category="deep-learning"),
            concept("lora", "backprop", level="tune", category="fine-tuning"),
            concept("statistics", category="ml"),
            concept("quantization", "statistics", level="tune", category="inference"),
        )
    )
    assert found == [
        "lora|prerequisites|a tune concept needs calculus-level theory: calculus → backprop →"
        " lora; tuning needs practitioner ML, not derivations: cut the edge that brings in"
        " calculus, or need a light counterpart on tune instead"
    ]


def test_a_rung_without_capstone_and_a_capstone_that_skips_the_one_below():
    concepts = [c for c in ladder() if c["id"] != "repair-capstone"]
    for c in concepts:
        if c["id"] == "build-capstone":
            c["prerequisites"] = [{"id": "build-topic", "why": "w"}]
    assert ladder_warnings(*concepts) == [
        "None|capstone|the repair rung has no capstone project; add one (kind: project,"
        " capstone: true) that proves the rung",
    ]
    tune_skips = ladder()
    for c in tune_skips:
        if c["id"] == "tune-capstone":
            c["prerequisites"] = [{"id": "tune-topic", "why": "w"}]
    assert ladder_warnings(*tune_skips) == [
        "tune-capstone|prerequisites|the tune capstone does not need use-capstone, the capstone"
        " of the rung below; add it to its prerequisites"
    ]


def test_an_empty_rung_needs_no_capstone():
    concepts = [c for c in ladder() if not str(c["id"]).startswith("frontier")]
    assert ladder_warnings(*concepts) == []


def test_a_translated_project_translates_its_deliverable():
    ru = {
        "ru": {
            "name": "Проект",
            "summary": "Краткое описание проекта, достаточно длинное.",
            "outcomes": ["Вы можете сдать проект."],
        }
    }
    concepts = ladder()
    for c in concepts:
        c["translations"] = ru
        for p in c["prerequisites"]:  # type: ignore[attr-defined]
            p["why_ru"] = "потому что"
    found = ladder_warnings(*concepts)
    assert found
    assert all("translations.ru.deliverable" in w for w in found)
    assert {w.split("|")[0] for w in found} == {c["id"] for c in concepts if "kind" in c}


def test_ladder_warnings_speak_russian():
    concepts = [c for c in ladder() if c["id"] != "use-capstone"]
    for c in concepts:
        if c["id"] == "tune-capstone":
            c["prerequisites"] = [{"id": "tune-topic", "why": "w"}]
    found = ladder_warnings(
        *concepts,
        concept("statistics", category="ml"),
        concept("evals", "statistics", level="use", category="evaluation"),
        lang="ru",
    )
    assert any("у ступени «применение» нет итогового проекта" in w for w in found)
    assert any("понятию ступени «применение» нужна теория: statistics → evals" in w for w in found)


@given(dags(max_concepts=20))
def test_each_theory_chain_is_a_shortest_chain_from_the_nearest_theory(graph):
    """The chain a use finding names is one `why` would print: real edges, none shorter."""
    from kgraph.lint import THEORY
    from kgraph.queries import why
    from kgraph.store import dump

    parsed = parse(dump(graph), "g.json")
    assert parsed.graph is not None
    kg = KGraph(parsed.graph.concepts)
    theory = {c for c, x in kg.concepts.items() if x.level.rank == 0 and x.category in THEORY}
    flagged = {}
    for w in lint(parsed, kg):
        if w.message.startswith("a use concept needs theory: "):
            chain = w.message.split(": ", 1)[1].split(";")[0].split(" → ")
            flagged[w.concept] = chain
    for cid, concept in kg.concepts.items():
        nearest = [len(c) for t in theory for c in why(kg, t, cid, limit=1).chains]
        if concept.level.rank != 1 or concept.is_project or not nearest:
            assert cid not in flagged
            continue
        chain = flagged[cid]
        assert chain[0] in theory
        assert chain[-1] == cid
        assert all(a in kg.prerequisites[b] for a, b in zip(chain, chain[1:], strict=False))
        assert len(chain) - 1 == min(nearest)


def outcome_warnings(*concepts: dict[str, object]) -> list[tuple[str | None, str | None, str]]:
    """The missing-outcomes rule alone."""
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


def test_the_outcomes_rule_runs_with_every_lint():
    assert _missing_outcomes in RULES
