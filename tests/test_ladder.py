"""The ladder (shares per rung, where you stand, moves up) and the known-set report."""

from __future__ import annotations

import json
from textwrap import dedent

from kgraph.graph import KGraph
from kgraph.ladder import known_report, ladder
from kgraph.model import Level
from kgraph.render.json import render_json
from kgraph.render.text import render_text


def test_shares_per_rung_by_count_and_hours(small_graph: KGraph):
    result = ladder(small_graph, known=["ml"])
    foundations = result.rungs[0]
    assert (foundations.level, foundations.known, foundations.total) == (Level.FOUNDATIONS, 3, 3)
    assert (foundations.known_hours, foundations.total_hours) == (60, 60)
    assert [r.known for r in result.rungs] == [3, 0, 0, 0, 0, 0]
    assert [r.total for r in result.rungs] == [3, 1, 3, 0, 0, 1]


def test_stand_on_the_highest_rung_known_and_move_to_the_next(small_graph: KGraph):
    result = ladder(small_graph, known=["lora"])
    assert result.standing == Level.TUNE
    assert result.toward == Level.FRONTIER  # repair and build are empty in this graph
    assert [(m.concept.id, m.hours, m.steps, m.first) for m in result.moves] == [
        ("agi", 57, 3, "quant")
    ]


def test_cheapest_moves_first(small_graph: KGraph):
    result = ladder(small_graph, known=["ml", "history"])
    assert result.toward == Level.TUNE
    assert [(m.concept.id, m.hours) for m in result.moves] == [
        ("quant", 4),
        ("lora", 6),
        ("qlora", 13),
    ]


def test_nothing_known_starts_at_foundations(small_graph: KGraph):
    result = ladder(small_graph)
    assert result.standing is None
    assert result.toward == Level.FOUNDATIONS
    assert [m.concept.id for m in result.moves] == ["python", "linalg", "ml"]


def test_everything_known(small_graph: KGraph):
    result = ladder(small_graph, known=["agi", "history"])
    assert (result.standing, result.toward, result.moves) == (Level.FRONTIER, None, ())
    assert render_text(result).endswith("You know every concept of the graph.\n")


def test_strict_counts_only_what_is_marked(small_graph: KGraph):
    result = ladder(small_graph, known=["lora"], strict=True)
    assert [r.known for r in result.rungs] == [0, 0, 1, 0, 0, 0]


def test_ladder_text(small_graph: KGraph):
    expected = dedent("""\
        The ladder, bottom rung first (the bar: share of each rung's hours you know):

          foundations [####################] 100%      3/3 concepts        60/60 h
          use         [....................]   0%      0/1 concept           0/2 h
          tune        [....................]   0%      0/3 concepts         0/13 h
          repair      [....................]   0%      0/0 concepts          0/0 h
          build       [....................]   0%      0/0 concepts          0/0 h
          frontier    [....................]   0%      0/1 concept          0/50 h

        Fastest ways onto use:
           1  history — History of AI  (2 h over 1 concept)
        """)
    text = render_text(ladder(small_graph, known=["ml"]))
    assert text.replace("  <- you stand here", "") == expected
    assert "foundations [####################] 100%" in text.splitlines()[2]
    assert text.splitlines()[2].endswith("<- you stand here")


def test_shuffled_graph_gives_identical_output(small_graph, shuffled_small_graph):
    for kg_known in (["ml"], ["lora", "history"], []):
        first = ladder(small_graph, known=kg_known)
        second = ladder(shuffled_small_graph, known=kg_known)
        assert render_text(first) == render_text(second)
        assert render_json(first) == render_json(second)


def test_ladder_json(small_graph: KGraph):
    data = json.loads(render_json(ladder(small_graph, known=["lora"])))
    assert data["standing"] == "tune"
    assert data["moves"][0]["concept"]["id"] == "agi"
    assert data["rungs"][2] == {
        "known": 1,
        "known_hours": 6.0,
        "level": "tune",
        "total": 3,
        "total_hours": 13.0,
    }


def test_known_report_groups_marked_first_then_implied(small_graph: KGraph):
    report = known_report(small_graph, "p.json", {"lora": "2025-01-02T03:04:05Z"}, ["gone"])
    groups = [(lv, [(k.concept.id, k.marked) for k in g]) for lv, g in report.rungs]
    assert groups == [
        (Level.FOUNDATIONS, [("linalg", None), ("ml", None), ("python", None)]),
        (Level.TUNE, [("lora", "2025-01-02T03:04:05Z")]),
    ]
    assert report.known_count == 4
    text = render_text(report)
    assert "tune (1, 1 marked)\n  lora  marked 2025-01-02\n" in text
    assert "foundations (3, 0 marked)\n  implied: linalg, ml, python\n" in text
    assert text.endswith("Saved but not in this graph: gone\n\nSaved in p.json\n")


def test_known_report_empty(small_graph: KGraph):
    text = render_text(known_report(small_graph, "p.json", {}))
    assert text.startswith("You have marked nothing as known yet")
