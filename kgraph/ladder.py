"""The learner's view of the ladder: what they know per rung, where they stand, how to climb.

The rung you stand on is the highest rung of any concept you know: knowing LoRA puts you on
*tune*, since whoever can fine-tune with LoRA can tune a model. The moves up are the unknown
concepts of the next rung above it that still has something to learn, cheapest first (hours
still needed for the concept and its missing prerequisites), so the first one is the fastest
way up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from kgraph.model import LEVELS, Concept, Level
from kgraph.queries import known_set

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from kgraph.graph import KGraph


class Rung(NamedTuple):
    """How much of one rung is known, by count and by hours."""

    level: Level
    known: int
    total: int
    known_hours: float
    total_hours: float

    @property
    def share(self) -> float:
        """Share of the rung's hours that is known (0 to 1)."""
        return self.known_hours / self.total_hours if self.total_hours else 0.0


class Move(NamedTuple):
    """A concept of the next rung and what it still costs, starting with ``first``."""

    concept: Concept
    hours: float
    steps: int
    first: str


class Ladder(NamedTuple):
    """The whole ladder for one learner."""

    rungs: tuple[Rung, ...]
    standing: Level | None
    toward: Level | None
    moves: tuple[Move, ...]


class KnownConcept(NamedTuple):
    """A known concept; ``marked`` is when, or None when only implied by a marked one."""

    concept: Concept
    marked: str | None


class KnownReport(NamedTuple):
    """The saved progress grouped by rung, and saved ids this graph does not know."""

    path: str
    rungs: tuple[tuple[Level, tuple[KnownConcept, ...]], ...]
    unresolved: tuple[str, ...]
    saved: bool = True  # whether the progress file exists (nothing has been saved yet)

    @property
    def known_count(self) -> int:
        """How many concepts count as known."""
        return sum(len(group) for _, group in self.rungs)


def ladder(
    kg: KGraph, *, known: Iterable[str] = (), strict: bool = False, limit: int = 3
) -> Ladder:
    """Per-rung shares, the rung you stand on and the *limit* cheapest moves up.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("a", "b"), ("b", "c")])
        >>> lad = ladder(kg, known=["a"])
        >>> lad.rungs[0].known, lad.rungs[0].total, str(lad.standing)
        (1, 3, 'foundations')
    """
    have = known_set(kg, known, strict=strict)
    rungs = tuple(_rung(kg, level, have) for level in LEVELS)
    standing = max((kg[c].level for c in have), key=LEVELS.index, default=None)
    toward = _toward(rungs, standing)
    candidates = [c for c in kg.concepts.values() if c.level == toward and c.id not in have]
    moves = sorted((_move(kg, c, have) for c in candidates), key=_move_key)
    return Ladder(rungs, standing, toward, tuple(moves[:limit]))


def _rung(kg: KGraph, level: Level, have: set[str]) -> Rung:
    concepts = [c for c in kg.concepts.values() if c.level == level]
    mine = [c for c in concepts if c.id in have]
    return Rung(
        level, len(mine), len(concepts), sum(c.hours for c in mine), sum(c.hours for c in concepts)
    )


def _toward(rungs: tuple[Rung, ...], standing: Level | None) -> Level | None:
    """The lowest rung above *standing* with something left, else the highest such rung."""
    start = standing.rank + 1 if standing is not None else 0
    left = [r.level for r in rungs if r.known < r.total]
    above = [lv for lv in left if lv.rank >= start]
    return above[0] if above else (left[-1] if left else None)


def _move(kg: KGraph, concept: Concept, have: set[str]) -> Move:
    missing = kg.closure([concept.id]) - have
    order = kg.learning_order(missing)
    return Move(concept, sum(kg[c].hours for c in missing), len(missing), order[0])


def _move_key(move: Move) -> tuple[float, int, str]:
    return (move.hours, move.steps, move.concept.id)


def known_report(
    kg: KGraph,
    path: str,
    marks: Mapping[str, str],
    unresolved: Iterable[str] = (),
    *,
    saved: bool = True,
) -> KnownReport:
    """Marked concepts with their times, plus those they imply, grouped by rung in order."""
    have = kg.closure(marks)
    groups = []
    for level in LEVELS:
        ids = sorted((c for c in have if kg[c].level == level), key=lambda c: (c not in marks, c))
        if ids:
            groups.append((level, tuple(KnownConcept(kg[c], marks.get(c)) for c in ids)))
    return KnownReport(path, tuple(groups), tuple(sorted(unresolved)), saved=saved)


__all__ = ["KnownConcept", "KnownReport", "Ladder", "Move", "Rung", "known_report", "ladder"]
