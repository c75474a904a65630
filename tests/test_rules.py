"""Rules pinned on small literal graphs, not through the page's twin, snapshots or the data.

Each test here fails when its rule is mutated: next's tie-break, ``path X X``, the inclusive
lint bounds, a URL repeated inside one concept, hours in diff and lint, the reversed edges.
"""

from __future__ import annotations

from hypothesis import given

from kgraph.diff import GraphDiff, Landmark, PathSize
from kgraph.graph import KGraph, reverse_adjacency
from kgraph.lint import SUMMARY_CHARS
from kgraph.queries import learning_path, next_steps
from kgraph.render.diff import render_diff_text
from tests.helpers import make_concept
from tests.strategies import dags
from tests.test_lint import concept, warnings


def test_next_breaks_equal_scores_by_rung_before_id():
    """Two ready leaves, same score: the foundations one first though its id sorts last."""
    kg = KGraph([
        make_concept("a-use", level="use", hours=1),
        make_concept("z-found", level="foundations", hours=1),
    ])  # fmt: skip
    assert [c.concept.id for c in next_steps(kg).candidates] == ["z-found", "a-use"]


def test_next_breaks_equal_scores_on_one_rung_by_id():
    kg = KGraph([make_concept(cid, level="tune", hours=2) for cid in ("c", "a", "b")])
    assert [c.concept.id for c in next_steps(kg).candidates] == ["a", "b", "c"]


def test_next_puts_a_higher_score_before_a_lower_rung():
    kg = KGraph([
        make_concept("low", level="foundations", hours=1),
        make_concept("high", level="build", hours=1),
        make_concept("after", level="frontier", prerequisites=["high"], hours=1),
    ])  # fmt: skip
    assert [c.concept.id for c in next_steps(kg).candidates] == ["high", "low"]


@given(dags())
def test_next_is_ordered_by_score_then_rung_then_id(graph):
    kg = KGraph(graph.concepts)
    candidates = next_steps(kg).candidates
    keys = [(-c.score, kg[c.concept.id].level.rank, c.concept.id) for c in candidates]
    assert keys == sorted(keys)


def test_path_from_a_concept_to_itself_is_empty_and_has_no_chain():
    kg = KGraph.from_edges([("python", "ml"), ("ml", "lora")])
    plan = learning_path(kg, "ml", source="ml")
    assert plan.steps == ()
    assert plan.chain == ()
    assert not plan.reversed


def test_path_chain_is_shown_from_two_steps():
    kg = KGraph.from_edges([("python", "ml"), ("ml", "lora")])
    assert learning_path(kg, "lora", source="python").chain == ("python", "ml", "lora")


def test_summary_bounds_are_inclusive():
    low, high = SUMMARY_CHARS
    ok = [concept(f"c{n}", summary="x" * n) for n in (low, high)]
    short, long = (
        concept("short", summary="x" * (low - 1)),
        concept("long", summary="x" * (high + 1)),
    )
    found = [w for w in warnings(*ok, short, long) if "summary has" in w]
    assert found == [
        f"long|summary has {high + 1} characters; write one to three sentences, {low}-{high}",
        f"short|summary has {low - 1} characters; write one to three sentences, {low}-{high}",
    ]


def test_a_url_repeated_within_one_concept_is_a_duplicate():
    same = {"title": "t", "url": "https://example.org/same", "kind": "docs", "free": True}
    found = [w for w in warnings(concept("a", resources=[same, same])) if "resource" in w]
    assert found == ["a|resource https://example.org/same is also used by 'a'; cite it once"]


def test_lint_writes_hours_by_the_one_rule():
    found = [w for w in warnings(concept("a", hours=1234567.5)) if "implausible" in w]
    assert found == ["a|1234567.5 hours is implausible; estimate between 0.5 and 200"]


def _diff_text(*marks: Landmark) -> str:
    diff = GraphDiff(
        base="a", head="b", added=(), removed=(), renamed=(), changed=(), edges_added=(),
        edges_removed=(), errors=(), warnings_added=(), warnings_fixed=(), landmarks=marks,
        replanned=None, notes=(),
    )  # fmt: skip
    return render_diff_text(diff)


def test_diff_writes_hour_changes_by_the_one_rule():
    mark = Landmark(None, "x", PathSize(3, 1.0), PathSize(2, 1234568.5), None)
    assert "-1 step, +1234567.5 h" in _diff_text(mark)
    assert "+2 steps, -0.5 h" in _diff_text(mark._replace(after=PathSize(5, 0.5)))


def test_reverse_adjacency_turns_every_edge_round_once():
    needs = {"a": (), "b": ("a",), "c": ("a", "b"), "d": ("c",)}
    assert reverse_adjacency(needs) == {"a": ["b", "c"], "b": ["c"], "c": ["d"], "d": []}
    assert reverse_adjacency(needs, {"a", "c", "d"}) == {"a": ["c"], "c": ["d"], "d": []}


@given(dags())
def test_the_graph_dependents_are_the_reversed_prerequisites(graph):
    kg = KGraph(graph.concepts)
    turned = reverse_adjacency(kg.prerequisites)
    assert {c: tuple(d) for c, d in turned.items()} == dict(kg.dependents)
