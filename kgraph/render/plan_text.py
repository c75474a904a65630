"""Plain-text rendering of what a learner follows: projects, the saved goal and this week.

`RENDERERS` maps each result type to its function; `kgraph.render.text.render_text` registers
them the first time it meets a type it does not know (as `kgraph.render.learner_text`'s), so
this module needs nothing of it. The guided plan is `kgraph.render.guide_text`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from kgraph.goal import SavedGoal
from kgraph.i18n import DEFAULT, hours, texts
from kgraph.projects import Projects
from kgraph.render.terminal import clean, label, resource_text
from kgraph.study import SoFar, Week

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kgraph.i18n import Texts
    from kgraph.model import Concept, Resource


def _projects(result: Projects, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not result.projects:
        return t("projects.none_ready" if result.ready_only else "projects.none") + "\n"
    key = "projects.head_ready" if result.ready_only else "projects.head"
    lines = [t(key, count=len(result.projects))]
    for entry in result.projects:
        c = entry.concept
        marks = t("projects.capstone") if c.capstone else ""
        if entry.done:
            marks += t("projects.done")
        elif entry.waiting_for:
            marks += t("projects.waiting", ids=", ".join(entry.waiting_for))
        row = t("projects.row", level=t.level(c.level), hours=hours(c.hours), label=label(c, lang),
                marks=marks)  # fmt: skip
        lines.append(row)
        if (deliverable := t.deliverable(c)) is not None:
            lines.append(t("projects.deliverable", text=clean(deliverable)))
    return "\n".join(lines) + "\n"


def _goal(saved: SavedGoal, lang: str = DEFAULT) -> str:
    t = texts(lang)
    goal = saved.goal
    if goal is None:
        return t("goal.none") + "\n"
    lines = [t("goal.head", target=goal.target)]
    if goal.source is not None:
        lines.append(t("goal.from", source=goal.source))
    if goal.pace is not None:
        lines.append(t("goal.pace", pace=hours(goal.pace)))
    lines.append(t("goal.file", path=clean(saved.path)))
    return "\n".join(lines) + "\n"


def _concept_lines(concept: Concept, first: Resource | None, t: Texts) -> list[str]:
    lines = []
    if (deliverable := t.deliverable(concept)) is not None:
        lines.append(t("guide.deliverable", text=clean(deliverable)))
    lines += [t("guide.outcome", outcome=clean(o)) for o in t.outcomes(concept)]
    if first is not None:
        lines.append(t("guide.start", resource=resource_text(first, t)))
    return lines


def _week(week: Week, lang: str = DEFAULT) -> str:
    t = texts(lang)
    target = week.goal.target
    if not week.steps:
        return t("week.reached", target=target) + "\n"
    lines = [t("week.head", target=target, pace=hours(week.pace)), ""]
    for number, (step, first) in enumerate(zip(week.steps, week.start_with, strict=True), 1):
        c = step.concept
        lines.append(t("week.row", number=number, hours=hours(c.hours), label=label(c, lang)))
        lines += _concept_lines(c, first, t)
        lines += [
            t("guide.project", label=label(p, lang), hours=hours(p.hours))
            for p in week.projects[number - 1]
        ]
    if week.steps[-1].running_hours > week.pace:
        lines += ["", t("week.spill")]
    lines += ["", t("week.finish", hours=hours(week.remaining), pace=hours(week.pace),
                    finish=week.finish)]  # fmt: skip
    if week.so_far is not None:
        lines.append(so_far_text(week.so_far, t))
    return "\n".join(lines) + "\n"


def so_far_text(so_far: SoFar, t: Texts) -> str:
    """The pace so far and where it leads, one sentence in *t*'s language."""
    nouns = {"weeks": so_far.weeks, "weeks_noun": t.plural(so_far.weeks, "week")}
    if so_far.arrive is None:
        return t("week.so_far_never", **nouns)
    return t(
        "week.so_far", rate=hours(round(so_far.hours_a_week, 1)), arrive=so_far.arrive, **nouns
    )


RENDERERS: Final[Mapping[type, Callable[..., str]]] = {
    Projects: _projects,
    SavedGoal: _goal,
    Week: _week,
}


__all__ = ["RENDERERS", "so_far_text"]
