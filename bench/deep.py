"""Huge and deep graphs: a long prerequisite chain and wide fans, far past the recursion limit.

Each shape is written as a ``concepts.json`` and put through what a learner and a contributor
run: load (parse + validate + index), lint, path, gaps, next, why, unlocks and the Mermaid
export, in this process, printing the wall time of each. Every graph walk must be iterative,
so none of them may raise `RecursionError`; the test suite runs the same at 5,000
(tests/test_deep.py).

Run ``python bench/deep.py [SIZE] [SHAPE ...]``; SIZE defaults to 100,000, SHAPE is any of
``chain``, ``fan-out`` (one concept unlocks SIZE others) and ``fan-in`` (one concept needs SIZE
others); the default is all three.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.lint import lint
from kgraph.load import load_checked
from kgraph.model import LEVELS
from kgraph.queries import gaps, learning_path, next_steps, unlocks, why
from kgraph.render.mermaid import render_mermaid
from kgraph.selection import select

if TYPE_CHECKING:
    from collections.abc import Callable


def concept(cid: str, rung: int, needs: list[str]) -> dict[str, Any]:
    """A lint-clean concept: a resource of its own, a summary of the usual length."""
    return {
        "id": cid,
        "name": f"Concept {cid}",
        "level": LEVELS[rung].value,
        "category": "ml",
        "summary": f"Concept {cid} is one link of a generated graph used to time deep walks.",
        "hours": 1,
        "prerequisites": [{"id": p, "why": f"{cid} builds on {p}"} for p in needs],
        "resources": [{"title": cid, "url": f"https://example.org/{cid}", "kind": "docs",
                       "free": True}],
    }  # fmt: skip


def shape(name: str, size: int) -> tuple[list[dict[str, Any]], str, str]:
    """The concepts of one shape, and the two ends its queries ask about."""
    if name == "chain":
        ids = [f"c-{i}" for i in range(size)]
        chain = [concept(c, i * len(LEVELS) // size, ids[i - 1 : i]) for i, c in enumerate(ids)]
        return chain, ids[0], ids[-1]
    spokes = [f"s-{i}" for i in range(size)]
    if name == "fan-out":
        fan = [concept(s, 1, ["hub"]) for s in spokes]
        return [concept("hub", 0, []), *fan], "hub", spokes[-1]
    fan = [concept(s, 0, []) for s in spokes]
    return [*fan, concept("top", 1, spokes)], spokes[0], "top"


def timed(label: str, work: Callable[[], object]) -> object:
    """Run *work*, print its wall time, and return its result."""
    start = time.perf_counter()
    result = work()
    print(f"  {label:<10} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def run(name: str, size: int, folder: Path) -> None:
    """Write one shape and time every operation on it."""
    concepts, first, last = shape(name, size)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"concepts": concepts}, indent=1), encoding="utf-8")
    print(f"{name}: {size:,} wide/long, {path.stat().st_size / 1e6:.1f} MB", flush=True)
    parsed, kg = timed("load", lambda: load_checked(path))  # type: ignore[misc]
    timed("lint", lambda: lint(parsed, kg))
    timed("path", lambda: learning_path(kg, last, source=first))
    timed("gaps", lambda: gaps(kg, last, known=[first]))
    timed("next", lambda: next_steps(kg, known=[first]))
    timed("why", lambda: why(kg, first, last))
    timed("unlocks", lambda: unlocks(kg, first))
    timed("mermaid", lambda: render_mermaid(select(kg)))


def main(argv: list[str]) -> None:
    """Run the chosen shapes at the chosen size."""
    size = int(argv[0]) if argv else 100_000
    shapes = argv[1:] or ["chain", "fan-out", "fan-in"]
    sys.setrecursionlimit(1000)  # the default: a recursive walk would fail here
    with tempfile.TemporaryDirectory() as folder:
        for name in shapes:
            run(name, size, Path(folder))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
