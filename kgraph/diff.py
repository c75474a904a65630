"""What a change to the graph does: concepts, edges, new errors and warnings, effect on learners.

`compare` takes two parsed files (base and head) and returns a frozen `GraphDiff`. A change
*breaks* when it introduces a validation error (a cycle, an unknown prerequisite, …) or removes
an id without keeping it as a name of another concept: saved progress and links use ids, and
they keep working only while the old id still resolves (``kgraph path old-id …``).

Warnings and errors are matched by (concept, field, message), not by line, so an edit that only
moves text does not count as fixing one warning and adding another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from kgraph.graph import KGraph, normalize
from kgraph.lint import lint
from kgraph.parsing import raw_id
from kgraph.queries import learning_path
from kgraph.validation import validate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.errors import Problem
    from kgraph.parsing import Parsed

Route = tuple[str | None, str]  # (FROM, TO) as `kgraph path` takes them; FROM None: from nothing


class Rename(NamedTuple):
    """An id that disappeared and now resolves, as a name or alias, to another concept."""

    old: str
    new: str


class Change(NamedTuple):
    """A concept on both sides whose fields differ."""

    concept: str
    fields: tuple[str, ...]


class Edge(NamedTuple):
    """An edge prerequisite → concept and its reason."""

    prerequisite: str
    concept: str
    why: str


class PathSize(NamedTuple):
    """How long a learning path is."""

    steps: int
    hours: float


class Landmark(NamedTuple):
    """A landmark path before and after; a side is None when it cannot be planned (see note)."""

    source: str | None
    target: str
    before: PathSize | None
    after: PathSize | None
    note: str | None


class GraphDiff(NamedTuple):
    """Everything a reviewer needs to judge a change of ``concepts.json``."""

    base: str
    head: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    renamed: tuple[Rename, ...]
    changed: tuple[Change, ...]
    edges_added: tuple[Edge, ...]
    edges_removed: tuple[Edge, ...]
    errors: tuple[Problem, ...]
    warnings_added: tuple[Problem, ...]
    warnings_fixed: tuple[Problem, ...]
    landmarks: tuple[Landmark, ...]
    replanned: tuple[str, ...] | None
    notes: tuple[str, ...]

    @property
    def breaks(self) -> bool:
        """True when the change introduces errors: new validation errors or lost ids."""
        return bool(self.errors or self.removed)


class _Side(NamedTuple):
    """One side of the comparison: the file, its errors and the graph of its valid concepts."""

    name: str
    parsed: Parsed
    errors: tuple[Problem, ...]
    kg: KGraph
    ids: frozenset[str]  # every id in the file, including concepts with schema errors

    @property
    def readable(self) -> bool:
        return self.parsed.graph is not None

    @property
    def valid(self) -> bool:
        return not self.errors and self.readable

    @property
    def broken(self) -> frozenset[str]:
        """Ids whose concept has a schema error: present, but not comparable."""
        return self.ids - self.kg.concepts.keys()


_Concepts = tuple[
    tuple[str, ...], tuple[str, ...], tuple[Rename, ...], tuple[Change, ...],
    tuple[Edge, ...], tuple[Edge, ...],
]  # fmt: skip


def compare(base: Parsed, head: Parsed, landmarks: Iterable[Route] = ()) -> GraphDiff:
    """The difference between two parsed graph files, base first (neither needs to be valid).

    *landmarks* are the learning paths whose length the report compares; one that names a
    concept neither side has is left out, so a graph of other concepts gets no noise from them.
    """
    old, new = _side("base", base), _side("head", head)
    readable = old.readable and new.readable
    added, removed, renamed, changed, edges_added, edges_removed = (
        _concepts(old, new) if readable else ((), (), (), (), (), ())
    )
    warnings_added, warnings_fixed = _lint_change(old, new)
    return GraphDiff(
        base=base.path,
        head=head.path,
        added=added,
        removed=removed,
        renamed=renamed,
        changed=changed,
        edges_added=edges_added,
        edges_removed=edges_removed,
        errors=_new_problems(old.errors, new.errors),
        warnings_added=warnings_added,
        warnings_fixed=warnings_fixed,
        landmarks=tuple(
            _landmark(old, new, source, target)
            for source, target in landmarks
            if _known_somewhere((source, target), old, new)
        ),
        replanned=_replanned(old, new),
        notes=_notes(old, new),
    )


def _side(name: str, parsed: Parsed) -> _Side:
    concepts = parsed.graph.concepts if parsed.graph is not None else ()
    ids = frozenset(cid for item in parsed.items if (cid := raw_id(item)) is not None)
    return _Side(name, parsed, validate(parsed), KGraph(concepts), ids)


def _notes(old: _Side, new: _Side) -> tuple[str, ...]:
    """What could not be compared, and why."""
    notes = [
        f"concepts and edges not compared: {side.name} ({side.parsed.path}) is not a readable graph"
        for side in (old, new)
        if not side.readable
    ]
    notes += [
        f"lint and plans not compared: {side.name} ({side.parsed.path}) has errors"
        for side in (old, new)
        if not side.valid
    ]
    return tuple(notes)


def _concepts(old: _Side, new: _Side) -> _Concepts:
    """Concepts and edges added, removed, renamed, changed; broken concepts are left out."""
    renamed, removed = _lost_ids(old.kg.concepts.keys() - new.ids, new.kg)
    added = new.kg.concepts.keys() - old.ids - {r.new for r in renamed}
    skip = old.broken | new.broken
    before, after = _edges(old.kg, skip), _edges(new.kg, skip)
    return (
        tuple(sorted(added)),
        removed,
        renamed,
        _changes(old.kg, new.kg),
        tuple(after[k] for k in sorted(after.keys() - before.keys())),
        tuple(before[k] for k in sorted(before.keys() - after.keys())),
    )


def _lost_ids(lost: Iterable[str], new: KGraph) -> tuple[tuple[Rename, ...], tuple[str, ...]]:
    """Ids gone from *new*: renamed when the old id still names a concept, else removed."""
    renamed, removed = [], []
    for cid in sorted(lost):
        target = new.name_index.get(normalize(cid))
        if target is None:
            removed.append(cid)
        else:
            renamed.append(Rename(cid, target))
    return tuple(renamed), tuple(removed)


def _changes(old: KGraph, new: KGraph) -> tuple[Change, ...]:
    changes = []
    for cid in sorted(set(old.concepts) & set(new.concepts)):
        before, after = old[cid].to_json(), new[cid].to_json()
        fields = tuple(k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k))
        if fields:
            changes.append(Change(cid, fields))
    return tuple(changes)


def _edges(kg: KGraph, skip: frozenset[str]) -> dict[tuple[str, str, str], Edge]:
    """Edges by (prerequisite, concept, why): a reworded reason shows as one out, one in."""
    return {
        (p.id, cid, p.why): Edge(p.id, cid, p.why)
        for cid, concept in kg.concepts.items()
        if cid not in skip
        for p in concept.prerequisites
    }


def _key(problem: Problem) -> tuple[str | None, str | None, str]:
    return (problem.concept, problem.field, problem.message)


def _new_problems(before: Iterable[Problem], after: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems of *after* that *before* did not have, compared without their position."""
    seen = {_key(p) for p in before}
    return tuple(p for p in after if _key(p) not in seen)


def _lint_change(old: _Side, new: _Side) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """New and fixed lint warnings; lint needs a valid graph on both sides."""
    if not (old.valid and new.valid):
        return (), ()
    before, after = lint(old.parsed, old.kg), lint(new.parsed, new.kg)
    return _new_problems(before, after), _new_problems(after, before)


def _landmark(old: _Side, new: _Side, source: str | None, target: str) -> Landmark:
    sizes, notes = [], []
    for side in (old, new):
        size, note = _path_size(side, source, target)
        sizes.append(size)
        notes += [note] if note else []
    return Landmark(source, target, sizes[0], sizes[1], "; ".join(notes) or None)


def _known_somewhere(route: Route, *sides: _Side) -> bool:
    """Whether some side has every concept *route* names, or cannot be read to tell."""
    names = [normalize(n) for n in route if n is not None]
    return any(not side.readable or all(n in side.kg.name_index for n in names) for side in sides)


def _path_size(side: _Side, source: str | None, target: str) -> tuple[PathSize | None, str | None]:
    if not side.valid:
        return None, f"{side.name} has errors"
    missing = [
        n for n in (source, target) if n is not None and normalize(n) not in side.kg.name_index
    ]
    if missing:
        return None, f"{' and '.join(repr(n) for n in missing)} missing on {side.name}"
    plan = learning_path(side.kg, target, source=source)  # both names resolve: checked above
    return PathSize(len(plan.steps), plan.hours), None


def _replanned(old: _Side, new: _Side) -> tuple[str, ...] | None:
    """Concepts on both sides whose plan from nothing known has a different step list.

    A plan depends only on the concepts of ``cl(X)``, their rungs and their prerequisites, so
    only concepts downstream of one whose rung or prerequisites changed need planning twice.
    None when either side has errors: a plan through a cycle means nothing.
    """
    if not (old.valid and new.valid):
        return None
    touched = _touched(old.kg, new.kg)
    suspects = set(touched)
    for cid in touched:
        suspects |= old.kg.descendants(cid) if cid in old.kg else set()
        suspects |= new.kg.descendants(cid) if cid in new.kg else set()
    both = suspects & old.kg.concepts.keys() & new.kg.concepts.keys()
    return tuple(cid for cid in sorted(both) if _plan_ids(old.kg, cid) != _plan_ids(new.kg, cid))


def _touched(old: KGraph, new: KGraph) -> set[str]:
    """Ids on one side only, or whose rung or prerequisites differ between the sides."""
    touched = old.concepts.keys() ^ new.concepts.keys()
    for cid in old.concepts.keys() & new.concepts.keys():
        before, after = old[cid], new[cid]
        if (before.level, old.prerequisites[cid]) != (after.level, new.prerequisites[cid]):
            touched.add(cid)
    return touched


def _plan_ids(kg: KGraph, cid: str) -> list[str]:
    return [step.concept.id for step in learning_path(kg, cid).steps]


__all__ = [
    "Change",
    "Edge",
    "GraphDiff",
    "Landmark",
    "PathSize",
    "Rename",
    "Route",
    "compare",
]
