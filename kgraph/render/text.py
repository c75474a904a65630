"""Plain-text rendering of query results and reports, for a terminal.

Every string from the graph passes through `kgraph.render.terminal.clean` first.
"""

from __future__ import annotations

from functools import singledispatch
from typing import TYPE_CHECKING, Any

from kgraph.i18n import DEFAULT, hours, texts
from kgraph.model import LEVELS
from kgraph.queries import (
    Details,
    Gaps,
    Listing,
    NextSteps,
    Plan,
    Stats,
    Unlocks,
    Why,
)
from kgraph.render.terminal import clean, label, label_in

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.errors import Problem
    from kgraph.i18n import Texts
    from kgraph.model import Concept
    from kgraph.queries import RungTotal


@singledispatch
def render_text(result: object, lang: str = DEFAULT) -> str:
    """Render any query result as text in *lang*; one registered function per result type.

    The learner's renderers (`kgraph.render.learner_text.RENDERERS`) are registered on the first
    result this module does not know, so the query commands never load the learner's modules.
    """
    from kgraph.render.learner_text import RENDERERS  # noqa: PLC0415 - see above
    from kgraph.render.plan_text import RENDERERS as PLAN_RENDERERS  # noqa: PLC0415

    for kind, func in {**RENDERERS, **PLAN_RENDERERS}.items():
        render_text.register(kind, func)
    if render_text.dispatch(type(result)) is not _unknown:
        return render_text(result, lang)
    msg = f"no text rendering for {type(result).__name__}"
    raise TypeError(msg)


_unknown = render_text.dispatch(object)


# Each renderer registered by its class: singledispatch would otherwise evaluate every
# annotation (`typing.get_type_hints`) at every start, and a generic's annotation is no class.
@render_text.register(Plan)
def _plan(plan: Plan[Any], lang: str = DEFAULT) -> str:
    t = texts(lang)
    if plan.source:
        lines = [t("plan.from", source=plan.source, target=plan.target)]
    else:
        lines = [t("plan.to", target=plan.target)]
    if plan.known:
        key = "plan.known_strict" if plan.strict else "plan.known"
        lines.append(t(key, known=", ".join(plan.known)))
    if plan.capstones:
        lines.append(t("plan.capstones", ids=", ".join(plan.capstones)))
    if not plan.steps:
        nothing = t("plan.reversed", source=plan.source, target=plan.target)
        return "\n".join([*lines, nothing if plan.reversed else t("plan.nothing")]) + "\n"
    columns = (t("col.number"), t("col.rung"), t("col.hours"), t("col.total"), t("col.concept"))
    lines += ["", "{:>4}  {:<11} {:>6}  {:>6}  {}".format(*columns)]
    # Made once, not per row: each rung's column, the projects' marks.
    rungs = {level: f"{t.level(level):<11}" for level in LEVELS}
    marks = {False: f"  {t('plan.project')}", True: f"  {t('plan.capstone')}"}
    projects = False
    # One f-string a row; ``:>6.12g`` is `hours`' rule (``.12g``) in a column of six.
    for number, step in enumerate(plan.steps, 1):
        c = step.concept
        if c.is_project:
            projects, mark = True, marks[c.capstone]
        else:
            mark = ""
        lines.append(
            f"{number:4}  {rungs[c.level]} {c.hours:>6.12g}  {step.running_hours:>6.12g}"
            f"  {label_in(c, t)}{mark}"
        )
    lines += ["", *_totals(plan.totals, t)]
    if projects:
        split = {"study": hours(plan.study_hours), "projects": hours(plan.project_hours)}
        lines.append(t("totals.split", **split))
    if plan.chain:
        lines += ["", t("plan.chain", chain=" → ".join(plan.chain))]
    return "\n".join(lines) + "\n"


def _totals(totals: Iterable[RungTotal], t: Texts) -> list[str]:
    rows = [(t.level(r.level), r.count, r.hours, r.projects, r.project_hours) for r in totals]
    count, spent = sum(r[1] for r in rows), sum(r[2] for r in rows)
    rows.append((t("totals.total"), count, spent, sum(r[3] for r in rows), sum(r[4] for r in rows)))
    lines = [t("totals.head")]
    for level, count, spent, projects, built in rows:
        concepts = t.plural(count, "concept")
        row = t("totals.row", level=level, count=count, concepts=concepts, hours=hours(spent))
        if projects:
            row += t("totals.projects", count=projects, hours=hours(built))
        lines.append(row)
    return lines


@render_text.register(Gaps)
def _gaps(result: Gaps, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not result.ready and not result.blocked:
        return t("gaps.none", target=result.target) + "\n"
    lines = [t("gaps.title", target=result.target), "", t("gaps.ready", count=len(result.ready))]
    lines += [
        t("gaps.ready_row", label=label(c, lang), level=t.level(c.level), hours=hours(c.hours))
        for c in result.ready
    ]
    lines += ["", t("gaps.blocked", count=len(result.blocked))]
    lines += [
        t("gaps.blocked_row", label=label(b.concept, lang), ids=", ".join(b.waiting_for))
        for b in result.blocked
    ]
    for marked, missing in result.unmarked:
        lines.append(t("gaps.unmarked", marked=marked, missing=", ".join(missing)))
    return "\n".join(lines) + "\n"


@render_text.register(NextSteps)
def _next_steps(result: NextSteps, lang: str = DEFAULT) -> str:
    t, goal = texts(lang), result.goal
    if not result.candidates:
        return (t("next.none_goal", goal=goal) if goal else t("next.none")) + "\n"
    lines = [t("next.head_goal", goal=goal) if goal else t("next.head")]
    reason = "next.reason_goal" if goal else "next.reason"
    previous = None
    for number, cand in enumerate(result.candidates, 1):
        c = cand.concept
        why = t(reason, count=cand.unlocks, concepts=t.plural(cand.unlocks, "concept"), goal=goal,
                hours=hours(c.hours), score=cand.score)  # fmt: skip
        tie = t("next.tie") if previous == cand.score else ""
        lines.append(f"{number:4}  {label(c, lang)}  [{t.level(c.level)}] {why}{tie}")
        previous = cand.score
    return "\n".join(lines) + "\n"


@render_text.register(Why)
def _why(result: Why, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not result.chains:
        key = "why.reversed" if result.reversed else "why.not_needed"
        return t(key, source=result.source, target=result.target) + "\n"
    lines = [t("why.head", source=result.source, target=result.target)]
    for chain in result.chains:
        lines.append("")
        lines += [f"  {ln.prerequisite} → {ln.concept}: {clean(t.why(ln))}" for ln in chain]
    return "\n".join(lines) + "\n"


@render_text.register(Unlocks)
def _unlocks(result: Unlocks, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not result.rings:
        return t("unlocks.nothing", concept=result.concept) + "\n"
    lines = [t("unlocks.head", concept=result.concept)]
    for distance, concepts in result.rings:
        steps = t.plural(distance, "step")
        lines.append(
            t("unlocks.direct")
            if distance == 1
            else t("unlocks.ring", distance=distance, steps=steps)
        )
        lines += [f"    {label(c, lang)}  [{t.level(c.level)}]" for c in concepts]
    return "\n".join(lines) + "\n"


@render_text.register(Details)
def _details(result: Details, lang: str = DEFAULT) -> str:
    t, c = texts(lang), result.concept
    lines = [t("details.head", name=clean(t.name(c)), id=c.id)]
    lines.append(t("details.meta", level=t.level(c.level), category=t.category(c.category)))
    lines.append(t("details.hours", hours=hours(c.hours)))
    if c.aliases:
        lines.append(t("details.aliases", aliases=", ".join(clean(a) for a in c.aliases)))
    lines += ["", f"  {clean(t.summary(c))}"]
    lines += _mastery(c, t)
    if result.prerequisites:
        reasons = {p.id: p for p in c.prerequisites}
        lines += ["", t("details.needs")]
        lines += [f"  {p.id}: {clean(t.why(reasons[p.id]))}" for p, _ in result.prerequisites]
    if result.unlocks:
        lines += ["", t("details.unlocks", ids=", ".join(d.id for d in result.unlocks))]
    if result.deeper is not None:
        lines += ["", t("details.deeper", label=label(result.deeper, lang))]
    if result.lighter:
        lighter = ", ".join(label(c, lang) for c in result.lighter)
        lines += ["", t("details.lighter", labels=lighter)]
    if c.resources:
        lines += ["", t("details.resources")]
        lines += [f"  [{t.kind(r.kind)}] {clean(r.title)}: {clean(r.url)}" for r in c.resources]
    return "\n".join(lines) + "\n"


def _mastery(c: Concept, t: Texts) -> list[str]:
    """What a project hands in, and the outcomes that tell a learner they know it."""
    lines = []
    if (deliverable := t.deliverable(c)) is not None:
        lines += ["", t("details.deliverable", text=clean(deliverable))]
    if outcomes := t.outcomes(c):
        lines += ["", t("details.outcomes")]
        lines += [t("details.outcome", outcome=clean(o)) for o in outcomes]
    return lines


@render_text.register(Listing)
def _listing(result: Listing, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not result.concepts:
        return t("listing.empty", subject=clean(_subject(result, t))) + "\n"
    taught = dict(result.covers)
    rows = [
        t("listing.row", level=t.level(c.level), hours=hours(c.hours), label=label(c, lang))
        + (t("listing.covers", topic=clean(taught[c.id])) if c.id in taught else "")
        for c in result.concepts
    ]
    footer = t("listing.count", count=len(rows), concepts=t.plural(len(rows), "concept"))
    return "\n".join([*rows, footer]) + "\n"


def _subject(result: Listing, t: Texts) -> str:
    """What a listing shows, in *t*'s language."""
    if result.search is not None:
        return t("listing.search", text=result.search)
    words = [t.level(result.level)] if result.level is not None else []
    words += [t.category(result.category)] if result.category is not None else []
    return " ".join(words) or t("listing.all")


@render_text.register(Stats)
def _stats(result: Stats, lang: str = DEFAULT) -> str:
    t = texts(lang)
    nouns = {
        f"{field}_noun": t.plural(getattr(result, field), noun)
        for field, noun in (("concepts", "concept"), ("edges", "edge"), ("roots", "root"),
                            ("leaves", "leaf"))
    }  # fmt: skip
    size = {"concepts": result.concepts, "edges": result.edges, "hours": hours(result.hours)}
    shape = {"roots": result.roots, "leaves": result.leaves, "chain": result.longest_chain}
    lines = [
        t("stats.size", **size, **nouns),
        t("stats.shape", **shape, **nouns),
        "",
        *_totals(result.by_level, t),
        "",
        t("stats.categories"),
    ]
    names = sorted((t.category(name), count) for name, count in result.by_category)
    width = max([16, *(len(name) for name, _ in names)]) + 1
    lines += [f"  {name:<{width}} {count:4}" for name, count in names]
    return "\n".join(lines) + "\n"


def render_problems(problems: Iterable[Problem]) -> str:
    """One line per problem, ``file:line:col: concept 'x': field 'y': message``."""
    rows = [clean(str(p)) for p in problems]
    return "".join(f"{row}\n" for row in rows)


__all__ = ["render_problems", "render_text"]
