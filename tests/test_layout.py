"""The layered layout: prerequisites first along the layout's direction, few crossings, stable."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from hypothesis import given

from kgraph.graph import KGraph
from kgraph.layout import GAPS, depths, layered_layout
from tests.strategies import dags

DIAMOND = {"a": [], "b": [], "x": ["b"], "y": ["a"], "z": ["x", "y"]}


def adjacency(kg: KGraph) -> dict[str, tuple[str, ...]]:
    return dict(kg.prerequisites)


def crossings(layout: dict[str, tuple[int, int]], needs: dict[str, list[str]]) -> int:
    """Pairs of edges between the same two layers whose ends swap order."""
    edges = [(layout[p], layout[c]) for c, ps in needs.items() for p in ps]
    count = 0
    for (p1, c1), (p2, c2) in combinations(edges, 2):
        same_layers = p1[0] == p2[0] and c1[0] == c2[0]
        if same_layers and (p1[1] - p2[1]) * (c1[1] - c2[1]) < 0:
            count += 1
    return count


@pytest.mark.parametrize("direction", ["right", "down"])
@given(graph=dags(max_concepts=25))
def test_every_concept_comes_after_its_prerequisites(graph, direction):
    """Along the layout direction, each concept lies strictly beyond all its prerequisites."""
    kg = KGraph(graph.concepts)
    layout = layered_layout(adjacency(kg), direction=direction)
    axis = 0 if direction == "right" else 1
    assert set(layout) == set(kg.concepts)
    for concept, prereqs in kg.prerequisites.items():
        for prereq in prereqs:
            assert layout[prereq][axis] < layout[concept][axis]


@given(graph=dags(max_concepts=25))
def test_no_two_concepts_share_a_position(graph):
    """Concepts never overlap: every position is distinct and every coordinate an int."""
    layout = layered_layout(adjacency(KGraph(graph.concepts)))
    assert len(set(layout.values())) == len(layout)
    assert all(type(v) is int for xy in layout.values() for v in xy)


def test_layers_are_longest_prerequisite_chains():
    """A concept's layer is the longest chain below it, not the shortest."""
    needs = {"a": [], "b": ["a"], "c": ["b", "a"], "lonely": []}
    assert depths(needs) == {"a": 0, "b": 1, "c": 2, "lonely": 0}
    layout = layered_layout(needs, direction="right")
    assert [layout[n][0] for n in ("a", "b", "c")] == [0, GAPS["right"][0], 2 * GAPS["right"][0]]


def test_barycenter_sweeps_remove_avoidable_crossings():
    """Id order would cross a→y and b→x; the sweeps untangle them."""
    layout = layered_layout(DIAMOND, direction="right")
    assert crossings(layout, DIAMOND) == 0
    assert layout["y"][1] < layout["x"][1]  # y follows a, which sorts first


def test_sweeps_reduce_crossings_on_a_random_dag():
    """On a tangled random DAG, the sweeps leave fewer crossings than no sweeps at all."""
    rng = random.Random(3)
    ids = [f"n{i:02}" for i in range(60)]
    needs = {c: rng.sample(ids[: i // 10 * 10], min(2, i // 10 * 10)) for i, c in enumerate(ids)}
    plain = crossings(layered_layout(needs, direction="right", sweeps=0), needs)
    swept = crossings(layered_layout(needs, direction="right"), needs)
    assert swept < plain / 2


def test_input_order_does_not_change_the_layout():
    """A shuffled mapping with shuffled prerequisite lists gives the identical layout."""
    rng = random.Random(11)
    ids = [f"n{i}" for i in range(80)]
    needs = {c: rng.sample(ids[:i], min(3, i)) for i, c in enumerate(ids)}
    items = list(needs.items())
    rng.shuffle(items)
    shuffled = {c: list(reversed(ps)) for c, ps in items}
    assert layered_layout(shuffled) == layered_layout(needs)
    assert list(layered_layout(shuffled)) == sorted(needs)


def test_unknown_prerequisites_are_ignored():
    """A prerequisite outside the mapping (a focused subgraph) neither fails nor counts."""
    assert depths({"lora": ["ml"], "qlora": ["lora"]}) == {"lora": 0, "qlora": 1}


def test_long_chain_does_not_overflow_the_stack():
    """The walk is iterative: a 20,000-long chain lays out without recursion errors."""
    needs = {f"c{i}": [f"c{i - 1}"] if i else [] for i in range(20_000)}
    layout = layered_layout(needs, sweeps=1)
    assert layout["c19999"][1] == 19_999 * GAPS["down"][0]


def test_auto_direction_fits_the_screen():
    """A deep chain is laid out top-down, a shallow wide fan left-to-right."""
    chain = {f"c{i}": [f"c{i - 1}"] if i else [] for i in range(30)}
    fan = {"root": [], **{f"leaf{i}": ["root"] for i in range(40)}}
    chain_xy, fan_xy = layered_layout(chain), layered_layout(fan)
    assert chain_xy["c0"][1] < chain_xy["c29"][1]
    assert chain_xy["c0"][0] == chain_xy["c29"][0]
    assert fan_xy["root"][0] < fan_xy["leaf0"][0]


def test_empty_graph():
    """No concepts, no positions."""
    assert layered_layout({}) == {}
