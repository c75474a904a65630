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
Orientation = Literal["columns", "bands"]
# Width / height of the page's graph area: a laptop's 1280 x 800 beside the 380 px panel, and a
# phone's 390 x 844 below the planner. The page draws the layout nearest its own area's shape.
ASPECT: Final[dict[str, float]] = {"columns": 1.2, "bands": 0.75}
# Canvas pixels between neighbouring columns, between neighbours in a column, and added between
# rungs. Names are drawn at a constant size on screen, where they fit, so these only keep dots
# (radius up to kgraph.render.html.MAX_RADIUS) apart and give each rung room for its title.
PITCH: Final = (40, 44, 100)


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


def ladder_layout(
    prerequisites: Mapping[str, Iterable[str]],
    rungs: Mapping[str, int],
    *,
    orientation: Orientation = "columns",
    sweeps: int = SWEEPS,
) -> dict[str, tuple[int, int]]:
    """Integer ``(x, y)`` for the map: rungs in ladder order, the drawing shaped like its screen.

    Each rung is a group of *layers* (a concept's layer is its longest prerequisite chain inside
    its rung), and the layers follow each other rung by rung: left to right as ``"columns"`` for
    a wide screen, top to bottom as ``"bands"`` for a narrow one. A few barycenter sweeps over
    all layers order each one to cut crossings (rows are fractions of the layer, so a layer of
    three and one of thirty compare fairly). Each layer spreads over the whole height of the
    drawing (width for bands); a long layer is dealt round-robin into several side-by-side
    columns, as many as it takes to keep the drawing's shape near :data:`ASPECT`, so at the
    opening view the map fills the screen it is meant for instead of one thin strip.

    Args:
        prerequisites: each concept id with the ids it needs first.
        rungs: each concept's rung (0 = the lowest); rungs are laid out in increasing order.
        orientation: ``"columns"`` (rungs left to right) or ``"bands"`` (rungs top to bottom).
        sweeps: barycenter passes (alternately forwards and backwards).

    Returns:
        ``{id: (x, y)}``, sorted by id, centred on (0, 0).

    Examples:
        >>> ladder_layout({"a": [], "b": ["a"], "c": ["b"]}, {"a": 0, "b": 0, "c": 1})
        {'a': (-90, 0), 'b': (-50, 0), 'c': (90, 0)}
        >>> ladder_layout({"a": [], "b": ["a"]}, {"a": 0, "b": 1}, orientation="bands")
        {'a': (0, -70), 'b': (0, 70)}
    """
    needs = _restricted(prerequisites)
    layers = _ladder_layers(needs, rungs)
    unlocks = reverse_adjacency(needs)
    row = {
        node: (i + 0.5) / len(layer) - 0.5 for _, layer in layers for i, node in enumerate(layer)
    }
    for sweep in range(sweeps):
        forward = sweep % 2 == 0
        for _, layer in layers[1:] if forward else layers[-2::-1]:
            _reorder_fractions(layer, needs if forward else unlocks, row)
    aspect = ASPECT[orientation] if orientation == "columns" else 1 / ASPECT[orientation]
    per_track = _track_length(layers, aspect)
    along = _along(layers, per_track)
    length = max(along.values(), default=0.0)
    # The drawing is stretched to the screen's shape along whichever side is short.
    across = max(per_track * PITCH[1], length / aspect)
    stretch = aspect * across / length if length else 1.0
    placed = {n: ((along[n] - length / 2) * stretch, row[n] * across) for n in sorted(along)}
    if orientation == "columns":
        return {n: (round(a), round(c)) for n, (a, c) in placed.items()}
    return {n: (round(c), round(a)) for n, (a, c) in placed.items()}


def _along(layers: list[tuple[int, list[str]]], per_track: int) -> dict[str, float]:
    """Where each node sits along the ladder, layer after layer, an extra gap between rungs.

    A layer longer than *per_track* is dealt round-robin into side-by-side tracks.
    """
    along_gap, _, rung_gap = PITCH
    along: dict[str, float] = {}
    offset, previous = -float(along_gap), None
    for rung, layer in layers:
        tracks = math.ceil(len(layer) / per_track)
        offset += along_gap + (rung_gap if previous is not None and rung != previous else 0)
        for index, node in enumerate(layer):
            along[node] = offset + (index % tracks) * along_gap
        offset += (tracks - 1) * along_gap
        previous = rung
    return along


def _ladder_layers(
    needs: Mapping[str, tuple[str, ...]], rungs: Mapping[str, int]
) -> list[tuple[int, list[str]]]:
    """The layers in drawing order: rung by rung, each rung's layers by depth inside it."""
    layers: list[tuple[int, list[str]]] = []
    for rung in sorted({rungs[n] for n in needs}):
        depth = depths({n: needs[n] for n in needs if rungs[n] == rung})
        own: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
        for node, d in depth.items():  # sorted by id: the starting order of every layer
            own[d].append(node)
        layers.extend((rung, layer) for layer in own)
    return layers


def _track_length(layers: list[tuple[int, list[str]]], aspect: float) -> int:
    """How many nodes one track (a column; a row for bands) holds.

    The fewest whose drawing is no wider than *aspect*: long layers split only as far as the
    screen's shape asks.
    """
    low, high = 1, max((len(layer) for _, layer in layers), default=1)
    while low < high:  # longer tracks only shorten the drawing: the first fit is a bisection away
        length = (low + high) // 2
        if max(_along(layers, length).values(), default=0.0) <= aspect * length * PITCH[1]:
            high = length
        else:
            low = length + 1
    return low


def _reorder_fractions(
    layer: list[str], neighbours: Mapping[str, tuple[str, ...] | list[str]], row: dict[str, float]
) -> None:
    """Sort *layer* by the mean fractional row of each node's *neighbours*, then update rows."""

    def key(node: str) -> tuple[float, float, str]:
        near = neighbours[node]
        centre = sum(row[n] for n in near) / len(near) if near else row[node]
        return (centre, row[node], node)

    layer.sort(key=key)
    for index, node in enumerate(layer):
        row[node] = (index + 0.5) / len(layer) - 0.5


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


__all__ = [
    "ASPECT",
    "GAPS",
    "PITCH",
    "Direction",
    "Orientation",
    "depths",
    "ladder_layout",
    "layered_layout",
]
