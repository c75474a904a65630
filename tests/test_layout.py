"""The layered layout: prerequisites first along the layout's direction, few crossings, stable."""

from __future__ import annotations

import math
import random
from itertools import combinations

import pytest
from hypothesis import given

from kgraph.graph import KGraph
from kgraph.layout import ASPECT, GAPS, depths, ladder_layout, layered_layout
from kgraph.load import load_graph
from tests.conftest import SHIPPED
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


# ---- the ladder layout: the map the page opens on -------------------------------------------


def ladder_needs(kg: KGraph) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    return dict(kg.prerequisites), {c: kg[c].level.rank for c in kg.concepts}


def random_ladder(size: int, seed: int) -> tuple[dict[str, list[str]], dict[str, int]]:
    """A graph shaped like the ladder: six rungs, each concept needing up to three earlier ones
    (of its own rung or a lower one), chains inside a rung several deep."""
    rng = random.Random(seed)
    ids = [f"n{i:05}" for i in range(size)]
    rungs = {c: i * 6 // size for i, c in enumerate(ids)}
    needs = {
        c: sorted(set(rng.sample(ids[max(0, i - 60) : i], min(i, rng.randint(1, 3)))))
        for i, c in enumerate(ids)
    }
    return needs, rungs


def box(layout: dict[str, tuple[int, int]]) -> tuple[int, int]:
    xs, ys = [x for x, _ in layout.values()], [y for _, y in layout.values()]
    return max(xs) - min(xs), max(ys) - min(ys)


@pytest.mark.parametrize(("orientation", "axis"), [("columns", 0), ("bands", 1)])
@given(graph=dags(max_concepts=30))
def test_ladder_keeps_rungs_in_order_and_prerequisites_first(graph, orientation, axis):
    """Along the ladder (x for columns, y for bands) every rung comes after the lower ones,
    never overlapping them; inside a rung a prerequisite comes first; no two concepts share a
    position and every coordinate is an int."""
    kg = KGraph(graph.concepts)
    needs, rungs = ladder_needs(kg)
    layout = ladder_layout(needs, rungs, orientation=orientation)
    assert list(layout) == sorted(kg.concepts)
    assert len(set(layout.values())) == len(layout)
    assert all(type(v) is int for xy in layout.values() for v in xy)
    along = {r: [layout[c][axis] for c in layout if rungs[c] == r] for r in set(rungs.values())}
    ordered = sorted(along)
    for lower, higher in zip(ordered, ordered[1:], strict=False):
        assert max(along[lower]) < min(along[higher])
    for concept, prereqs in needs.items():
        for prereq in prereqs:
            if rungs[prereq] == rungs[concept]:
                assert layout[prereq][axis] < layout[concept][axis]


@pytest.mark.parametrize("orientation", ["columns", "bands"])
@pytest.mark.parametrize("size", [60, 472, 3000])
def test_ladder_has_the_shape_of_its_screen(orientation, size):
    """On graphs from tens to thousands of concepts the drawing's width / height is within 15 %
    of the screen shape it is made for, so fitting it to that screen fills the screen."""
    width, height = box(ladder_layout(*random_ladder(size, size), orientation=orientation))
    assert abs(math.log(width / height / ASPECT[orientation])) < math.log(1.15)


def test_ladder_on_the_shipped_graph_has_the_shape_of_its_screen():
    """The same on the graph kgraph ships, whatever its size today."""
    kg = load_graph(SHIPPED)
    for orientation in ("columns", "bands"):
        width, height = box(ladder_layout(*ladder_needs(kg), orientation=orientation))
        assert abs(math.log(width / height / ASPECT[orientation])) < math.log(1.15)


def test_ladder_sweeps_reduce_crossings():
    """The barycenter sweeps over all layers leave far fewer crossings than id order."""
    needs, rungs = random_ladder(300, 5)
    plain = crossings(ladder_layout(needs, rungs, sweeps=0), needs)
    swept = crossings(ladder_layout(needs, rungs), needs)
    assert swept < plain * 0.6


def test_ladder_input_order_does_not_change_the_layout():
    """A shuffled mapping with shuffled prerequisite lists gives the identical layout."""
    rng = random.Random(7)
    needs, rungs = random_ladder(200, 7)
    items = list(needs.items())
    rng.shuffle(items)
    shuffled = {c: tuple(reversed(ps)) for c, ps in items}
    for orientation in ("columns", "bands"):
        assert ladder_layout(shuffled, rungs, orientation=orientation) == ladder_layout(
            needs, rungs, orientation=orientation
        )


def test_ladder_of_nothing_and_of_one():
    """No concepts, no positions; one concept sits at the origin."""
    assert ladder_layout({}, {}) == {}
    assert ladder_layout({"a": []}, {"a": 3}) == {"a": (0, 0)}
