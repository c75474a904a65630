"""Which part of the graph an export shows, and what it marks: shared by every export format.

A `Selection` is plain data: the concept ids to draw (in learning order, so renderers that
list nodes are deterministic), the learning plan to highlight, the known concepts to mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kgraph.queries import known_set, learning_path

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.graph import KGraph
    from kgraph.model import Category, Concept, Level
    from kgraph.queries import Plan


@dataclass(frozen=True)
class Selection:
    """The concepts to draw, in learning order, with the plan and known set to mark."""

    kg: KGraph
    members: tuple[str, ...]
    plan: Plan[Concept] | None = None
    known: frozenset[str] = frozenset()
    focus: str | None = None
    title: str | None = None  # a caller's own heading; None: the renderer names the selection
    _member_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_member_set", frozenset(self.members))

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._member_set

    @property
    def edges(self) -> tuple[tuple[str, str], ...]:
        """Edges ``(prerequisite, concept)`` between members, sorted."""
        return tuple(
            (p, c) for c in sorted(self.members) for p in self.kg.prerequisites[c] if p in self
        )

    @property
    def plan_ids(self) -> tuple[str, ...]:
        """The plan's concepts in learning order (empty without ``--path``)."""
        return tuple(s.concept.id for s in self.plan.steps) if self.plan else ()

    @property
    def steps(self) -> dict[str, int]:
        """Each plan concept's step number, from 1 (empty without ``--path``)."""
        return {cid: number for number, cid in enumerate(self.plan_ids, 1)}


def neighbourhood(kg: KGraph, concept: str, depth: int) -> set[str]:
    """*concept* with everything at most *depth* edges before or after it."""
    ring, seen = {concept}, {concept}
    for _ in range(depth):
        ring = {n for c in ring for n in (*kg.prerequisites[c], *kg.dependents[c])} - seen
        seen |= ring
    return seen


def select(  # noqa: PLR0913 - one keyword per export option
    kg: KGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str | None, str] | None = None,
    only_path: bool = False,
    levels: Iterable[Level] = (),
    categories: Iterable[Category] = (),
    known: Iterable[str] = (),
    strict: bool = False,
    projects: bool = True,
) -> Selection:
    """Choose what an export shows, from the options every format shares.

    *path* is ``(FROM, TO)``; FROM may be None, as in ``kgraph path TO``, so the plan starts
    from the known set alone. *strict* counts only what is marked known, as in the queries;
    without *projects* the plan leaves out the capstones of the rungs it climbs.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("python", "ml"), ("ml", "lora"), ("linalg", "ml")])
        >>> select(kg, focus="lora", depth=1).members
        ('ml', 'lora')
    """
    known_ids = kg.resolve_all(known)
    members = set(kg.concepts)
    focus_id = kg.resolve(focus) if focus is not None else None
    if focus_id is not None:
        members &= neighbourhood(kg, focus_id, depth)
    plan = None
    if path is not None:
        plan = learning_path(
            kg, path[1], source=path[0], known=known_ids, strict=strict, projects=projects
        )
        if only_path:
            members &= {s.concept.id for s in plan.steps}
    if wanted_levels := set(levels):
        members = {m for m in members if kg[m].level in wanted_levels}
    if wanted_categories := set(categories):
        members = {m for m in members if kg[m].category in wanted_categories}
    return Selection(
        kg,
        tuple(kg.learning_order(members)),
        plan=plan,
        known=frozenset(known_set(kg, known_ids, strict=strict)),
        focus=focus_id,
    )


__all__ = ["Selection", "neighbourhood", "select"]
