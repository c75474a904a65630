"""Cross-concept validation: every problem, located, even next to schema errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import DataError
from kgraph.load import load_graph
from kgraph.parsing import parse
from kgraph.store import dump
from kgraph.validation import find_cycles, validate
from tests.strategies import dags
from tests.test_store import BAD as SCHEMA_ERRORS


def concept(cid: str, *prereqs: str, **extra: object) -> dict[str, object]:
    return {
        "id": cid,
        "name": cid.upper(),
        "level": "use",
        "category": "ml",
        "summary": "S.",
        "hours": 1,
        "prerequisites": [{"id": p, "why": "w"} for p in prereqs],
        **extra,
    }


def problems(*concepts: dict[str, object]) -> list[str]:
    text = json.dumps({"concepts": list(concepts)}, indent=1)
    return [f"{p.concept}|{p.field}|{p.message}" for p in validate(parse(text, "g"))]


def test_clean_graph_has_no_problems():
    assert problems(concept("a"), concept("b", "a")) == []


def test_duplicate_ids():
    assert problems(concept("a"), concept("a")) == ["a|id|duplicate id (first defined at line 4)"]


def test_unknown_prerequisite_suggests_ids():
    assert problems(concept("python"), concept("ml", "pyton")) == [
        "ml|prerequisites[0].id|unknown prerequisite 'pyton'; did you mean python?"
    ]


def test_self_and_repeated_prerequisites():
    assert problems(concept("a"), concept("b", "b", "a", "a")) == [
        "b|prerequisites[0].id|a concept cannot require itself",
        "b|prerequisites[2].id|prerequisite 'a' is listed twice",
    ]


def test_cycle_is_printed_in_edge_direction():
    assert problems(concept("a", "c"), concept("b", "a"), concept("c", "b"), concept("d")) == [
        "a|prerequisites|prerequisites form a cycle: a → b → c → a"
    ]


def test_name_collisions_ignore_case_spaces_and_hyphens():
    found = problems(concept("kv-cache"), concept("cache", aliases=["KV Cache"]))
    assert found == [
        "cache|aliases[0]|'KV Cache' is already a name of concept 'kv-cache' (id); names, ids"
        " and aliases must be unique ignoring case, spaces, hyphens and underscores"
    ]


def test_cross_rules_still_run_next_to_schema_errors():
    found = problems(concept("a", "zz", hours=-1), concept("b", "b"))
    assert any("greater than 0" in f for f in found)
    assert any("unknown prerequisite 'zz'" in f for f in found)
    assert any("cannot require itself" in f for f in found)


def test_load_graph_raises_with_all_problems(tmp_path: Path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"concepts": [concept("a", "x"), concept("a")]}), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_graph(path)
    assert len(err.value.problems) == 2


@given(dags(), st.data())
def test_any_back_edge_is_reported_as_a_real_cycle(graph, data):
    kg_ids = {c.id: c for c in graph.concepts}
    with_prereq = [c for c in graph.concepts if c.prerequisites]
    if not with_prereq:
        return
    target = data.draw(st.sampled_from(with_prereq))
    ancestor = data.draw(st.sampled_from(target.prerequisite_ids))
    doc = json.loads(dump(graph))
    for item in doc["concepts"]:
        if item["id"] == ancestor:
            item["prerequisites"].append({"id": target.id, "why": "back edge"})
    found = validate(parse(json.dumps(doc), "g"))
    cycles = [p.message.split(": ", 1)[1].split(" → ") for p in found if "cycle" in p.message]
    assert len(cycles) == 1
    cycle = cycles[0]
    assert cycle[0] == cycle[-1]
    for prereq, dependent in zip(cycle, cycle[1:], strict=False):
        needs = set(kg_ids[dependent].prerequisite_ids) | (
            {target.id} if dependent == ancestor else set()
        )
        assert prereq in needs


def test_find_cycles_finds_one_per_tangle():
    assert find_cycles({"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"], "e": []}) == [
        ("a", "b", "a"),
        ("c", "d", "c"),
    ]


def test_load_graph_reports_every_schema_problem(tmp_path: Path):
    path = tmp_path / "g.json"
    path.write_text(SCHEMA_ERRORS, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_graph(path)
    assert len(err.value.problems) == 9
    assert str(err.value).startswith("the graph has 9 errors:\n")


def test_loading_pauses_the_collector_and_restores_it(graph_file):
    import gc

    from kgraph.load import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        load_graph(graph_file)
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        load_graph(graph_file)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


# Projects, capstones and light counterparts.


def proj(cid: str, *prereqs: str, level: str = "use", **extra: object) -> dict[str, object]:
    return concept(cid, *prereqs, kind="project", level=level, **extra)


def test_a_clean_ladder_of_projects():
    assert (
        problems(
            concept("api"),
            proj("app", "api", capstone=True, deliverable="An app."),
            concept("lora", "api", level="tune"),
            proj("finetune", "lora", "app", level="tune", capstone=True, deliverable="A model."),
            proj("side", "lora", level="tune", deliverable="A side project."),
            concept("light", level="use", deeper="lora"),
        )
        == []
    )


def test_a_project_needs_a_deliverable():
    assert problems(concept("api"), proj("app", "api", capstone=True)) == [
        "app|deliverable|a project needs a deliverable: what the learner hands in"
    ]


def test_capstone_and_deliverable_only_on_projects():
    assert problems(concept("a", capstone=True, deliverable="x"), concept("b", capstone=False)) == [
        "a|capstone|only a project (kind: project) has a capstone",
        "a|deliverable|only a project (kind: project) has a deliverable",
    ]


def test_one_capstone_per_rung_and_none_on_foundations():
    found = problems(
        proj("a", capstone=True, deliverable="x"),
        proj("b", capstone=True, deliverable="x"),
        proj("f", level="foundations", capstone=True, deliverable="x"),
    )
    assert found == [
        "b|capstone|use already has a capstone, 'a'; one per rung",
        "f|capstone|foundations has no capstone: capstones prove the rungs from use up",
    ]


def test_a_concept_never_needs_a_project():
    found = problems(
        proj("app", deliverable="x"), concept("rag", "app"), proj("next", "app", deliverable="y")
    )
    assert found == ["rag|prerequisites[0].id|a concept never needs a project; 'app' is one"]


def test_deeper_names_another_concept_the_counterpart_does_not_need():
    found = problems(
        concept("full", level="foundations"),
        concept("middle", "full"),
        concept("self", deeper="self"),
        concept("typo", deeper="fulll"),
        concept("needs", "middle", level="use", deeper="full"),
        concept("light", level="use", deeper="full"),
    )
    assert found == [
        "self|deeper|a concept cannot be its own deeper version",
        "typo|deeper|unknown concept 'fulll'; did you mean full?",
        "needs|deeper|'needs' needs its deeper version 'full': a light counterpart is learned"
        " without its full version",
    ]


def test_ladder_rules_survive_schema_errors():
    found = problems(
        concept("a", capstone=[], deliverable={"x": 1}, deeper=3, level="nowhere"),
        proj("p", capstone="yes", level="7"),
    )
    assert any("capstone" in f for f in found)
    assert any("p|deliverable|a project needs a deliverable" in f for f in found)


def test_validate_exits_1_naming_concept_and_field(tmp_path: Path):
    from click.testing import CliRunner

    from kgraph.cli import main

    path = tmp_path / "g.json"
    path.write_text(json.dumps({"concepts": [concept("api"), concept("rag", "app"), proj("app")]}))
    result = CliRunner().invoke(main, ["validate", "-g", str(path)])
    assert result.exit_code == 1
    assert "concept 'app': field 'deliverable': a project needs a deliverable" in result.stdout
    assert "concept 'rag': field 'prerequisites[0].id': a concept never needs a project" in (
        result.stdout
    )
