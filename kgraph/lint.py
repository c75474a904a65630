"""Lint: warnings about a valid graph that would still mislead a learner, each with a fix.

Russian text is checked only in a graph that has some: a graph translated into Russian warns
about each concept and reason still missing it, an English-only graph does not.

Redundant edges are found without networkx's transitive reduction (which does not finish at
100,000 concepts): walking the topological order once, each concept's ancestors are a bitset
held in a Python int, and an edge p → c is redundant when p is already an ancestor of another
prerequisite of c.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from kgraph.errors import Problem
from kgraph.i18n import DEFAULT, hours, texts
from kgraph.model import LEVELS, Category, Level

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kgraph.graph import KGraph
    from kgraph.parsing import Parsed
    from kgraph.position import JsonPath

SUMMARY_CHARS: Final = (40, 400)
HOURS: Final = (0.5, 200.0)

THEORY: Final = frozenset({Category.MATH, Category.ML, Category.DEEP_LEARNING, Category.NLP})
"""Categories of the `foundations` concepts a `use` concept must never need (DESIGN: riding to the
shop needs no anatomy; a `use` concept needs only programming basics and other `use` concepts)."""

CALCULUS_LEVEL: Final = frozenset(
    {"calculus", "multivariable-calculus", "convex-optimization", "eigendecomposition"}
)
"""Ids of the theory a `tune` concept must never need: derivations at the level of calculus.

A practitioner tunes with what a loss, a gradient step and overfitting are (light counterparts
on `tune` teach that), never with derivatives, convexity proofs or spectral decompositions;
those enter at `repair`, where you change the machine."""

Rule = Callable[["_Context"], "Iterator[Problem]"]


class _Context:
    """The graph, where each concept stands in the file, and a way to build a located warning."""

    def __init__(self, parsed: Parsed, kg: KGraph, lang: str = DEFAULT) -> None:
        self.parsed, self.kg, self.t = parsed, kg, texts(lang)
        self.index = {c.id: i for i, c in enumerate(parsed.graph.concepts)} if parsed.graph else {}

    def warn(self, concept: str, loc: JsonPath, field: str | None, message: str) -> Problem:
        line, column = self.parsed.locate(("concepts", self.index[concept], *loc))
        return Problem(self.parsed.path, line, column, concept, field, message, "warning")


def lint(
    parsed: Parsed, kg: KGraph, *, lang: str = DEFAULT, rules: Iterable[Rule] | None = None
) -> tuple[Problem, ...]:
    """Every warning of *rules* (all `RULES`) about a valid graph, in file order.

    The warnings of `LADDER_RULES` speak *lang*.
    """
    context = _Context(parsed, kg, lang)
    found = [problem for rule in (RULES if rules is None else rules) for problem in rule(context)]
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
    for cid in ctx.kg.topological_order(set(ctx.kg.concepts)):
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
                f"{hours(concept.hours)} hours is implausible;"
                f" estimate between {hours(low)} and {hours(high)}"
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


def _nearest(kg: KGraph, sources: Iterable[str]) -> dict[str, str | None]:
    """For each concept that needs one of *sources*, its neighbour one step nearer to them.

    One breadth-first walk from all sources at once along the edges (sources and dependents in
    id order, so following the neighbours back gives the first shortest chain, as `why` would
    print it), linear in the graph: a rule that names a chain for thousands of concepts must
    not walk the graph once per concept. Sources map to None.
    """
    parent: dict[str, str | None] = dict.fromkeys(sorted(sources))
    queue = deque(parent)
    while queue:
        node = queue.popleft()
        for dependent in kg.dependents[node]:
            if dependent not in parent:
                parent[dependent] = node
                queue.append(dependent)
    return parent


def _chain(parent: dict[str, str | None], cid: str) -> tuple[str, ...]:
    chain: list[str] = []
    node: str | None = cid
    while node is not None:
        chain.append(node)
        node = parent[node]
    return tuple(reversed(chain))


def _depth_by_rung(
    ctx: _Context, rung: Level, sources: Iterable[str], key: str
) -> Iterator[Problem]:
    parent = _nearest(ctx.kg, sources)
    for cid in sorted(parent):
        concept = ctx.kg[cid]
        if concept.level is rung and not concept.is_project and parent[cid] is not None:
            chain = _chain(parent, cid)
            message = ctx.t(key, theory=chain[0], chain=" → ".join(chain))
            yield ctx.warn(cid, ("prerequisites",), "prerequisites", message)


def _use_needs_theory(ctx: _Context) -> Iterator[Problem]:
    """A `use` concept with a `THEORY` foundation among its ancestors, and the chain to it."""
    theory = [
        cid
        for cid, c in ctx.kg.concepts.items()
        if c.level is Level.FOUNDATIONS and c.category in THEORY
    ]
    yield from _depth_by_rung(ctx, Level.USE, theory, "lint.use_theory")


def _tune_needs_calculus(ctx: _Context) -> Iterator[Problem]:
    """A `tune` concept with `CALCULUS_LEVEL` theory among its ancestors, and the chain to it."""
    found = [cid for cid in sorted(CALCULUS_LEVEL) if cid in ctx.kg]
    yield from _depth_by_rung(ctx, Level.TUNE, found, "lint.tune_calculus")


def _capstones(ctx: _Context) -> dict[Level, str]:
    """The capstone of each rung (the first by id, should validation have been skipped)."""
    found: dict[Level, str] = {}
    for cid in ctx.kg.capstones:
        found.setdefault(ctx.kg[cid].level, cid)
    return found


def _rungs_without_capstone(ctx: _Context) -> Iterator[Problem]:
    """Each rung from `use` to `frontier` that holds concepts but no capstone project."""
    capstones = _capstones(ctx)
    held = {c.level for c in ctx.kg.concepts.values()}
    for level in LEVELS[Level.USE.rank :]:
        if level in held and level not in capstones:
            message = ctx.t("lint.no_capstone", level=ctx.t.level(level))
            yield Problem(ctx.parsed.path, 1, 1, None, "capstone", message, "warning")


def _capstone_chain(ctx: _Context) -> Iterator[Problem]:
    """A capstone that does not need the capstone of the rung below."""
    capstones = _capstones(ctx)
    for level, cid in sorted(capstones.items(), key=lambda item: item[0].rank):
        below = capstones.get(LEVELS[level.rank - 1])
        if below is not None and below not in ctx.kg.ancestors(cid):
            message = ctx.t("lint.capstone_below", below=below, level=ctx.t.level(level))
            yield ctx.warn(cid, ("prerequisites",), "prerequisites", message)


def _untranslated_deliverables(ctx: _Context) -> Iterator[Problem]:
    """A project translated into a language hands in its deliverable in that language too."""
    for cid, concept in ctx.kg.concepts.items():
        if concept.is_project:
            for lang, translation in sorted(concept.translations.items()):
                if translation.deliverable is None:
                    message = ctx.t("lint.deliverable_untranslated", lang=lang)
                    loc = ("translations", lang)
                    yield ctx.warn(cid, loc, f"translations.{lang}.deliverable", message)


LADDER_RULES: Final[tuple[Rule, ...]] = (
    _use_needs_theory,
    _tune_needs_calculus,
    _rungs_without_capstone,
    _capstone_chain,
    _untranslated_deliverables,
)
"""The ladder's promise (DESIGN's "The ladder's promise" and "Capstones carry the ladder")."""


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
    *LADDER_RULES,
    _missing_outcomes,
)

__all__ = ["CALCULUS_LEVEL", "HOURS", "LADDER_RULES", "RULES", "SUMMARY_CHARS", "THEORY", "lint"]
