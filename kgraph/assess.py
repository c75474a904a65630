"""Self-assessment: find what someone knows with few yes/no questions, using the DAG both ways.

A pure state machine; the CLI owns the prompts. Knowledge is assumed closed under
prerequisites, so a *yes* to X decides X and all its ancestors as known, and a *no* decides X
and all its descendants as not known. Each question goes to the open concept with the largest
product of what its two answers would decide: that favours an even split of what is left and,
between even splits, the bigger one. (On the shipped graph it asked 5-25% fewer questions than
maximising the worse answer, and far fewer than maximising the sum.) Ties go to the lower rung,
then the id, so the same answers give the same run.

For a true known set closed under prerequisites and truthful answers, `Assessment.known` ends
equal to that set (within the scope) and no concept is asked twice.

Examples:
    >>> from kgraph.graph import KGraph
    >>> kg = KGraph.from_edges([("a", "b"), ("b", "c"), ("c", "d")])
    >>> run = Assessment(kg)
    >>> run.next_question()
    'b'
    >>> run.answer("b", "yes")
    >>> run.next_question()
    'c'
    >>> run.answer("c", "no")
    >>> run.done, sorted(run.known)
    (True, ['a', 'b'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, NamedTuple, get_args

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.graph import KGraph
    from kgraph.model import Concept

Answer = Literal["yes", "no", "skip"]
ANSWERS: Final[tuple[str, ...]] = get_args(Answer)


class Assessed(NamedTuple):
    """The outcome: what was inferred known, not known and left undecided, and how many asked."""

    target: str | None
    questions: int
    known: tuple[Concept, ...]
    unknown: tuple[Concept, ...]
    undecided: tuple[Concept, ...]

    @property
    def total(self) -> int:
        """How many concepts were in scope."""
        return len(self.known) + len(self.unknown) + len(self.undecided)

    @property
    def decided(self) -> int:
        """How many of them are now known or not known (saved progress and answers together)."""
        return len(self.known) + len(self.unknown)


class Assessment:
    """One assessment over the closure of *target* (or the whole graph).

    Args:
        kg: the loaded graph.
        target: id, name or alias whose closure is assessed; None for every concept.
        known: concepts already known (e.g. saved progress); they and their prerequisites are
            decided before the first question.
    """

    def __init__(self, kg: KGraph, target: str | None = None, *, known: Iterable[str] = ()) -> None:
        self.kg = kg
        self.target = kg.resolve(target) if target is not None else None
        scope = kg.closure([self.target]) if self.target is not None else set(kg.concepts)
        self.scope: frozenset[str] = frozenset(scope)
        self.known: set[str] = kg.closure(kg.resolve_all(known)) & self.scope
        self.start: frozenset[str] = frozenset(self.known)
        self.unknown: set[str] = set()
        self.skipped: set[str] = set()
        self.asked: list[tuple[str, Answer]] = []
        self._up = {c: kg.ancestors(c) for c in self.scope}
        self._down = {c: kg.descendants(c) & self.scope for c in self.scope}

    @property
    def undecided(self) -> set[str]:
        """Concepts in scope neither known nor unknown yet (skipped ones included)."""
        return set(self.scope) - self.known - self.unknown

    @property
    def open(self) -> set[str]:
        """Concepts that may still be asked: undecided and not skipped."""
        return self.undecided - self.skipped

    @property
    def done(self) -> bool:
        """True when nothing is left to ask."""
        return not self.open

    def next_question(self) -> str | None:
        """The concept to ask about next, or None when done."""
        undecided = self.undecided
        best: tuple[int, int, str] | None = None
        for cid in self.open:
            yes = 1 + len(self._up[cid] & undecided)
            no = 1 + len(self._down[cid] & undecided)
            key = (-yes * no, *self.kg.rung_key(cid))
            best = key if best is None or key < best else best
        return best[-1] if best is not None else None

    def answer(self, concept: str, answer: Answer) -> None:
        """Record the answer about *concept* and everything it implies.

        Raises:
            ValueError: if *concept* is not open or *answer* is not yes, no or skip.
        """
        if concept not in self.open or answer not in ANSWERS:
            msg = f"cannot answer {answer!r} about {concept!r}: not an open question"
            raise ValueError(msg)
        self.asked.append((concept, answer))
        if answer == "yes":
            self.known |= {concept} | self._up[concept]
        elif answer == "no":
            self.unknown |= {concept} | self._down[concept]
        else:
            self.skipped.add(concept)

    def newly_known(self) -> tuple[str, ...]:
        """What the answers found known beyond what was known at the start: what to save.

        In ladder order. Empty when nothing was answered yes (or every yes was known already).
        """
        return tuple(sorted(self.known - self.start, key=self.kg.rung_key))

    def result(self) -> Assessed:
        """What the answers so far decide, each part in ladder order."""

        def ordered(ids: set[str]) -> tuple[Concept, ...]:
            return tuple(self.kg[c] for c in sorted(ids, key=self.kg.rung_key))

        return Assessed(
            target=self.target,
            questions=len(self.asked),
            known=ordered(self.known),
            unknown=ordered(self.unknown),
            undecided=ordered(self.undecided),
        )


__all__ = ["ANSWERS", "Answer", "Assessed", "Assessment"]
