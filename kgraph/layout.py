"""Layered positions for drawing the graph: every concept right of all its prerequisites.

The layout is computed once in Python so the browser never runs a physics simulation: a
physics layout of thousands of nodes keeps the page busy for seconds before it settles, fixed
positions draw at once. It is the classic
Sugiyama shape, kept small:

1. a concept's layer is its *depth*, the length of the longest prerequisite chain below it,
   so each edge points strictly right (or down: the direction that fits a screen best);
2. the order inside each layer is improved by a few barycenter sweeps (each concept moves to
   the mean row of its neighbours), which removes most edge crossings;
3. rows are centred on 0 and every coordinate is a rounded integer.

Pure standard library and iterative (a 100,000-long chain must not overflow the stack).
Iteration follows sorted ids and every tie is broken by id, so the result depends only on the
graph, never on the order it was read in.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final, Literal

from kgraph.graph import kahn_order, reverse_adjacency

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

Direction = Literal["auto", "right", "down"]
# (distance between layers, distance between neighbours in a layer), in canvas pixels: labels
# are wrapped at about 170 px, so "down" needs less room across than "right" needs along.
GAPS: Final[dict[str, tuple[int, int]]] = {"right": (300, 64), "down": (130, 190)}
SCREEN: Final = 1.6  # width / height of the window the page is usually opened in
SWEEPS: Final = 4


def depths(prerequisites: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """Length of the longest prerequisite chain below each concept (0 for a root).

    Prerequisites that are not keys of *prerequisites* are ignored, so a subgraph can be laid
    out on its own.

    Examples:
        >>> depths({"python": [], "ml": ["python"], "lora": ["ml", "python"]})
        {'lora': 2, 'ml': 1, 'python': 0}
    """
    needs = _restricted(prerequisites)
    depth: dict[str, int] = {}
    for node in kahn_order(needs, reverse_adjacency(needs), set(needs)):  # the walk; depth is ours
        depth[node] = 1 + max((depth[p] for p in needs[node]), default=-1)
    return dict(sorted(depth.items()))


def layered_layout(
    prerequisites: Mapping[str, Iterable[str]],
    *,
    direction: Direction = "auto",
    sweeps: int = SWEEPS,
) -> dict[str, tuple[int, int]]:
    """Integer ``(x, y)`` for each concept: layers by depth, rows ordered to cut crossings.

    Args:
        prerequisites: each concept id with the ids it needs first (edges prerequisite → id).
        direction: ``"right"`` puts each concept right of its prerequisites, ``"down"`` below
            them; ``"auto"`` picks the one whose drawing is closest to a laptop screen's shape
            (a deep, narrow graph reads better top-down, a shallow, wide one left-to-right).
        sweeps: barycenter passes (alternately forwards and backwards).

    Returns:
        ``{id: (x, y)}``, sorted by id; along the chosen direction a prerequisite always comes
        first.

    Examples:
        >>> layered_layout({"a": [], "b": [], "x": ["b"], "y": ["a"]}, direction="right")
        {'a': (0, -32), 'b': (0, 32), 'x': (300, 32), 'y': (300, -32)}
    """
    needs = _restricted(prerequisites)
    depth = depths(needs)
    columns: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for node, d in depth.items():  # sorted by id: the starting order of every layer
        columns[d].append(node)
    unlocks = reverse_adjacency(needs)
    row = _rows(columns)
    for sweep in range(sweeps):
        forward = sweep % 2 == 0
        for column in columns[1:] if forward else columns[-2::-1]:
            _reorder(column, needs if forward else unlocks, row)
    if direction == "auto":
        direction = _best_direction(len(columns), max(map(len, columns), default=0))
    layer_gap, row_gap = GAPS[direction]
    if direction == "right":
        return {n: (depth[n] * layer_gap, round(row[n] * row_gap)) for n in sorted(depth)}
    return {n: (round(row[n] * row_gap), depth[n] * layer_gap) for n in sorted(depth)}


def rung_layout(
    prerequisites: Mapping[str, Iterable[str]], rungs: Mapping[str, int], *, band_gap: int = 200
) -> dict[str, tuple[int, int]]:
    """Integer ``(x, y)`` with each rung a horizontal band, the lowest rung at the bottom.

    Inside a band the rung's own concepts are laid out left to right by `layered_layout`
    (edges within a rung point right); bands are stacked upwards in rung order, *band_gap*
    apart, and centred on x = 0, so an edge between rungs climbs like a ladder.

    Examples:
        >>> rung_layout({"a": [], "b": ["a"], "c": ["b"]}, {"a": 0, "b": 0, "c": 1})
        {'a': (-150, 0), 'b': (150, 0), 'c': (0, -200)}
    """
    positions: dict[str, tuple[int, int]] = {}
    top = 0
    for rung in sorted({rungs[n] for n in prerequisites}):
        members = {n: prerequisites[n] for n in sorted(prerequisites) if rungs[n] == rung}
        band = layered_layout(members, direction="right")
        ys = [y for _, y in band.values()]
        xs = [x for x, _ in band.values()]
        shift_x, shift_y = (max(xs) + min(xs)) // 2, (top - band_gap if positions else 0) - max(ys)
        positions.update({n: (x - shift_x, y + shift_y) for n, (x, y) in band.items()})
        top = min(ys) + shift_y
    return dict(sorted(positions.items()))


def _best_direction(layers: int, widest: int) -> Literal["right", "down"]:
    """The direction whose bounding box has the aspect ratio nearest to :data:`SCREEN`."""

    def misfit(direction: Literal["right", "down"]) -> float:
        layer_gap, row_gap = GAPS[direction]
        along, across = max(layers - 1, 1) * layer_gap, max(widest - 1, 1) * row_gap
        aspect = along / across if direction == "right" else across / along
        return abs(math.log(aspect / SCREEN))

    return min(("down", "right"), key=misfit)


def _restricted(prerequisites: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """The adjacency with only known prerequisites, sorted, keyed in id order."""
    return {
        node: tuple(sorted({p for p in prerequisites[node] if p in prerequisites}))
        for node in sorted(prerequisites)
    }


def _rows(columns: list[list[str]]) -> dict[str, float]:
    """Centred row of each node: its index in its column minus the column's middle."""
    return {
        node: index - (len(column) - 1) / 2
        for column in columns
        for index, node in enumerate(column)
    }


def _reorder(
    column: list[str], neighbours: Mapping[str, tuple[str, ...] | list[str]], row: dict[str, float]
) -> None:
    """Sort *column* in place by the mean row of each node's *neighbours*, then update rows.

    A node without neighbours on that side keeps its own row as its key, so it stays put.
    """

    def key(node: str) -> tuple[float, float, str]:
        near = neighbours[node]
        centre = sum(row[n] for n in near) / len(near) if near else row[node]
        return (centre, row[node], node)

    column.sort(key=key)
    middle = (len(column) - 1) / 2
    for index, node in enumerate(column):
        row[node] = index - middle


__all__ = ["GAPS", "Direction", "depths", "layered_layout", "rung_layout"]
