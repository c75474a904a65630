"""Lint: warnings about a valid graph that would still mislead a learner, each with a fix.

Russian text is checked only in a graph that has some: a graph translated into Russian warns
about each concept and reason still missing it, an English-only graph does not.

Redundant edges are found without networkx's transitive reduction (which does not finish at
100,000 concepts): walking the topological order once, each concept's ancestors are a bitset
held in a Python int, and an edge p → c is redundant when p is already an ancestor of another
prerequisite of c.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from kgraph.errors import Problem
from kgraph.model import Level

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kgraph.graph import KGraph
    from kgraph.parsing import Parsed
    from kgraph.position import JsonPath

SUMMARY_CHARS: Final = (40, 400)
REQUIRE_OUTCOMES: Final = False
"""Whether every concept and project must have outcomes in English and each of its translations.

Off only while a graph's outcomes are still being written (a strict lint fails without them)."""
HOURS: Final = (0.5, 200.0)

Rule = Callable[["_Context"], "Iterator[Problem]"]


class _Context:
    """The graph, where each concept stands in the file, and a way to build a located warning."""

    def __init__(self, parsed: Parsed, kg: KGraph) -> None:
        self.parsed, self.kg = parsed, kg
        self.index = {c.id: i for i, c in enumerate(parsed.graph.concepts)} if parsed.graph else {}

    def warn(self, concept: str, loc: JsonPath, field: str | None, message: str) -> Problem:
        line, column = self.parsed.locate(("concepts", self.index[concept], *loc))
        return Problem(self.parsed.path, line, column, concept, field, message, "warning")


def lint(parsed: Parsed, kg: KGraph) -> tuple[Problem, ...]:
    """Every warning about a valid graph, in file order."""
    context = _Context(parsed, kg)
    found = [problem for rule in RULES for problem in rule(context)]
    return tuple(sorted(found, key=lambda p: p.sort_key))


def _redundant_edges(ctx: _Context) -> Iterator[Problem]:
    """An edge p → c is redundant when another prerequisite of c already needs p.

    p is never its own ancestor, so testing p against the union of all of c's prerequisites'
    ancestors finds the redundant edges in one pass; only those then look for a witness. A
    concept's ancestors are dropped once everything that needs it has been visited, and bits
    are made when tested, so memory stays at the graph's width, not its size squared.
    """
    kg = ctx.kg
    order = kg.topological_order(set(kg.concepts))
    position = {cid: i for i, cid in enumerate(order)}
    readers = {cid: len(kg.dependents[cid]) for cid in order}
    ancestors: dict[str, int] = {}
    for cid in order:
        prereqs = kg.prerequisites[cid]
        covered = 0
        for p in prereqs:
            covered |= ancestors[p]
        for j, prereq in enumerate(kg[cid].prerequisites):
            if covered >> position[prereq.id] & 1:
                via = next(o for o in prereqs if ancestors[o] >> position[prereq.id] & 1)
                message = (
                    f"redundant edge {prereq.id} → {cid}: {via} already needs {prereq.id};"
                    f" remove {prereq.id!r} from its prerequisites"
                )
                yield ctx.warn(cid, ("prerequisites", j, "id"), f"prerequisites[{j}]", message)
        for p in prereqs:
            covered |= 1 << position[p]
            readers[p] -= 1
            if not readers[p]:
                del ancestors[p]  # everything that needs p has read it
        ancestors[cid] = covered


def _rung_inversions(ctx: _Context) -> Iterator[Problem]:
    for cid, concept in ctx.kg.concepts.items():
        for j, prereq in enumerate(concept.prerequisites):
            needed = ctx.kg[prereq.id].level
            if needed.rank > concept.level.rank:
                message = (
                    f"rung inversion: prerequisite {prereq.id!r} is on {needed}, above"
                    f" {concept.level}; move one of them or drop the edge"
                )
                yield ctx.warn(cid, ("prerequisites", j, "id"), f"prerequisites[{j}]", message)


def _missing_resources(ctx: _Context) -> Iterator[Problem]:
    for cid, concept in ctx.kg.concepts.items():
        if not concept.resources:
            message = "no resources; add one real source (paper, docs, course or book)"
            yield ctx.warn(cid, ("id",), "resources", message)


def _isolated(ctx: _Context) -> Iterator[Problem]:
    for cid in ctx.kg.concepts:
        if not ctx.kg.prerequisites[cid] and not ctx.kg.dependents[cid]:
            message = "isolated: nothing needs it and it needs nothing; connect it or remove it"
            yield ctx.warn(cid, ("id",), None, message)


def _unrooted(ctx: _Context) -> Iterator[Problem]:
    rooted = {c for c, concept in ctx.kg.concepts.items() if concept.level == Level.FOUNDATIONS}
    for cid in ctx.kg.learning_order(ctx.kg.concepts):
        if any(p in rooted for p in ctx.kg.prerequisites[cid]):
            rooted.add(cid)
    for cid in sorted(set(ctx.kg.concepts) - rooted):
        message = "nothing leads to it from foundations; add the foundation it builds on"
        yield ctx.warn(cid, ("prerequisites",), "prerequisites", message)


def _summary_length(ctx: _Context) -> Iterator[Problem]:
    low, high = SUMMARY_CHARS
    for cid, concept in ctx.kg.concepts.items():
        size = len(concept.summary)
        if not low <= size <= high:
            message = f"summary has {size} characters; write one to three sentences, {low}-{high}"
            yield ctx.warn(cid, ("summary",), "summary", message)


def _implausible_hours(ctx: _Context) -> Iterator[Problem]:
    low, high = HOURS
    for cid, concept in ctx.kg.concepts.items():
        if not low <= concept.hours <= high:
            message = (
                f"{concept.hours:g} hours is implausible; estimate between {low:g} and {high:g}"
            )
            yield ctx.warn(cid, ("hours",), "hours", message)


def _duplicate_urls(ctx: _Context) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for cid, concept in ctx.kg.concepts.items():
        for j, resource in enumerate(concept.resources):
            owner = first.setdefault(resource.url, cid)
            if owner != cid or [r.url for r in concept.resources].index(resource.url) < j:
                message = f"resource {resource.url} is also used by {owner!r}; cite it once"
                yield ctx.warn(cid, ("resources", j, "url"), f"resources[{j}].url", message)


def _case_only_aliases(ctx: _Context) -> Iterator[Problem]:
    for cid, concept in ctx.kg.concepts.items():
        for j, alias in enumerate(concept.aliases):
            if alias != concept.name and alias.casefold() == concept.name.casefold():
                message = f"alias {alias!r} differs from the name only by case; remove it"
                yield ctx.warn(cid, ("aliases", j), f"aliases[{j}]", message)


def _untranslated_concepts(ctx: _Context) -> Iterator[Problem]:
    concepts = ctx.kg.concepts
    if any("ru" in c.translations for c in concepts.values()):
        for cid, concept in concepts.items():
            if "ru" not in concept.translations:
                message = "no Russian translation; add translations.ru with its name and summary"
                yield ctx.warn(cid, ("id",), "translations", message)


def _untranslated_reasons(ctx: _Context) -> Iterator[Problem]:
    concepts = ctx.kg.concepts
    if any(p.why_ru for c in concepts.values() for p in c.prerequisites):
        for cid, concept in concepts.items():
            for j, prereq in enumerate(concept.prerequisites):
                if not prereq.why_ru:
                    message = f"no why_ru for {prereq.id!r}; add the reason in Russian"
                    yield ctx.warn(cid, ("prerequisites", j, "why"), f"prerequisites[{j}]", message)


def _missing_outcomes(ctx: _Context) -> Iterator[Problem]:
    """Outcomes are the mastery criterion: every entry needs them, in every language it has."""
    for cid, concept in ctx.kg.concepts.items():
        if not concept.outcomes:
            message = 'no outcomes; add 1-3 checkable "You can ..." statements in English'
            yield ctx.warn(cid, ("id",), "outcomes", message)
        for lang, translation in sorted(concept.translations.items()):
            if not translation.outcomes:
                message = f"no outcomes in {lang}; add translations.{lang}.outcomes"
                yield ctx.warn(
                    cid, ("translations", lang), f"translations.{lang}.outcomes", message
                )


RULES: Final[tuple[Rule, ...]] = (
    _redundant_edges,
    _rung_inversions,
    _missing_resources,
    _isolated,
    _unrooted,
    _summary_length,
    _implausible_hours,
    _duplicate_urls,
    _case_only_aliases,
    _untranslated_concepts,
    _untranslated_reasons,
    *((_missing_outcomes,) if REQUIRE_OUTCOMES else ()),
)

__all__ = ["HOURS", "REQUIRE_OUTCOMES", "RULES", "SUMMARY_CHARS", "lint"]
