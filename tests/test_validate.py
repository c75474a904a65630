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
