"""Plain-text rendering of a guided plan: the plan's own text, with what a learner follows.

A guided plan is the plain plan's text (`kgraph.render.text`, one row per step after the
column heads) with lines added under each step's row: with ``--detail`` its outcomes and the
resource to start with; always the practice projects it makes possible; at a pace, the weeks at
the row's end, and the dates after the totals. So a plan keeps one look, however it is asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.i18n import DEFAULT, hours, texts
from kgraph.render.terminal import clean, label, resource_text
from kgraph.render.text import render_text

if TYPE_CHECKING:
    from kgraph.i18n import Texts
    from kgraph.pace import Schedule
    from kgraph.study import Guide


def _step_lines(guide: Guide[Any], index: int, t: Texts) -> list[str]:
    concept = guide.plan.steps[index].concept
    lines = []
    if guide.detail:
        if (deliverable := t.deliverable(concept)) is not None:
            lines.append(t("guide.deliverable", text=clean(deliverable)))
        lines += [t("guide.outcome", outcome=clean(o)) for o in t.outcomes(concept)]
        if (first := guide.start_with[index]) is not None:
            lines.append(t("guide.start", resource=resource_text(first, t)))
    lines += [
        t("guide.project", label=label(p, t.lang), hours=hours(p.hours))
        for p in guide.projects[index]
    ]
    return lines


def _weeks(first: int, last: int, t: Texts) -> str:
    return (
        t("guide.week", first=first) if first == last else t("guide.weeks", first=first, last=last)
    )


def _span(first: int, last: int, t: Texts) -> str:
    if first == last:
        return t("guide.rung_week", first=first)
    return t("guide.rung_weeks", first=first, last=last)


def _dates(timed: Schedule, t: Texts) -> list[str]:
    weeks = t.plural(timed.total_weeks, "week")
    lines = [
        t("guide.pace", pace=hours(timed.pace), start=timed.start, weeks=timed.total_weeks,
          weeks_noun=weeks, finish=timed.finish),
        t("guide.rungs"),
    ]  # fmt: skip
    lines += [
        t(
            "guide.rung",
            level=t.level(r.level),
            weeks=_span(r.first_week, r.last_week, t),
            ends=r.ends,
        )
        for r in timed.rungs
    ]
    return lines


def render_guide(guide: Guide[Any], lang: str = DEFAULT) -> str:
    """The guided plan as text in *lang* (see the module's docstring)."""
    t = texts(lang)
    text = render_text(guide.plan, lang)
    if guide.schedule is None and not guide.detail and not any(guide.projects):
        return text  # no line to add, none to date: the plan's own text
    base = text.split("\n")
    out: list[str] = []
    number = 1
    for line in base:
        index = number - 1
        if index < len(guide.plan.steps) and line.startswith(f"{number:4}  "):
            if guide.schedule is not None:
                line += _weeks(*guide.schedule.weeks[index], t)  # noqa: PLW2901 - the row, dated
            out.append(line)
            if guide.detail or guide.projects[index]:  # most steps of a plan add no line
                out += _step_lines(guide, index, t)
            number += 1
        else:
            out.append(line)
    if guide.schedule is not None and guide.schedule.finish is not None:
        out[-1:] = ["", *_dates(guide.schedule, t), ""]
    return "\n".join(out)


__all__ = ["render_guide"]
