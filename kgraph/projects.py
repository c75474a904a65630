"""Projects: what to build to practise, and when a plan makes each one possible.

A project (``kind: "project"``) is ready when every one of its needs is known. A plan suggests
the *practice* projects (not the capstones, which are plan entries and counted in its hours)
that become possible along it: a project appears at the step that completes its needs, when
every need is known or an earlier step of the plan. A project already possible before the plan
starts is not the plan's to suggest (``kgraph projects --ready`` lists it).

Examples:
    >>> from kgraph.graph import KGraph
    >>> from kgraph.model import Kind
    >>> edges = KGraph.from_edges([("python", "api"), ("api", "app"), ("api", "chat")])
    >>> kg = KGraph(
    ...     c._replace(kind=Kind(c.id == "app" and "project" or "concept"))
    ...     for c in edges.concepts.values()
    ... )
    >>> [e.concept.id for e in projects(kg, known=["python"]).projects]
    ['app']
    >>> {i: [c.id for c in cs] for i, cs in suggested_along(kg, ["api", "chat"], set()).items()}
    {0: ['app']}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from kgraph.queries import known_set

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from kgraph.graph import KGraph
    from kgraph.model import Concept, Level


class ProjectEntry(NamedTuple):
    """A project, whether its needs are all known, whether it is done, and what it waits for."""

    concept: Concept
    ready: bool
    done: bool
    waiting_for: tuple[str, ...]


class Projects(NamedTuple):
    """The projects asked for, in ladder order (capstones carry ``capstone: true``)."""

    projects: tuple[ProjectEntry, ...]
    ready_only: bool = False
    level: Level | None = None


def projects(
    kg: KGraph,
    *,
    known: Iterable[str] = (),
    strict: bool = False,
    ready: bool = False,
    level: Level | None = None,
) -> Projects:
    """Every project (of *level*), or under *ready* only those not done whose needs are known."""
    have = known_set(kg, known, strict=strict)
    entries = []
    for cid in sorted(kg.concepts, key=kg.rung_key):
        concept = kg[cid]
        if not concept.is_project or (level is not None and concept.level != level):
            continue
        waiting = tuple(p for p in kg.prerequisites[cid] if p not in have)
        entry = ProjectEntry(concept, ready=not waiting, done=cid in have, waiting_for=waiting)
        if not ready or (entry.ready and not entry.done):
            entries.append(entry)
    return Projects(tuple(entries), ready_only=ready, level=level)


def suggested_along(
    kg: KGraph, order: Sequence[str], have: set[str]
) -> dict[int, tuple[Concept, ...]]:
    """The practice projects each step of *order* makes possible, by step index (from 0).

    *have* is what is known before the plan starts. Projects that are plan entries, known, or
    already possible before the plan are left out; at one step, projects come in ladder order.
    """
    return {i: tuple(kg[c] for c in ids) for i, ids in suggested_ids(kg, order, have).items()}


def suggested_ids(kg: KGraph, order: Sequence[str], have: set[str]) -> dict[int, tuple[str, ...]]:
    """`suggested_along` by id: found from the index's marks, no concept is built."""
    position = {cid: i for i, cid in enumerate(order)}
    skip = {*kg.capstones, *have, *position}
    found: dict[int, list[str]] = {}
    for cid in kg.project_ids:
        if cid in skip:
            continue
        missing = [p for p in kg.prerequisites[cid] if p not in have]
        if missing and all(p in position for p in missing):
            found.setdefault(max(position[p] for p in missing), []).append(cid)
    return {i: tuple(sorted(ids, key=kg.rung_key)) for i, ids in sorted(found.items())}


__all__ = ["ProjectEntry", "Projects", "projects", "suggested_along", "suggested_ids"]
