"""A plan a person can follow: where to start each step, what to build, when, and this week.

`guide` adds to a `Plan` what a learner needs to walk it: the resource to start each step with
(`kgraph.resources.start_with`), the practice projects each step makes possible
(`kgraph.projects.suggested_along`, suggested and never counted in hours) and, at a pace, the
weeks and dates (`kgraph.pace.schedule`). `this_week` is the saved goal's next steps that fit
the pace; `pace_so_far` reads the dated marks of the progress file.

The pace so far: the window is the last N whole weeks up to today, N = 4, or fewer when the first
mark is more recent (none when it is less than a week old). The day of the first mark is where the
learner started (what they knew, or assessed, before), so its marks never count; the hours of the
concepts marked inside the window (each concept's own hours) divided by N is the pace. At that
pace the remaining hours end on ``today + 7·ceil(remaining/pace) − 1``, the rule of
`kgraph.pace`, with today as week 1.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, Generic, NamedTuple

from kgraph.projects import suggested_along, suggested_ids
from kgraph.queries import E, known_set, learning_path
from kgraph.resources import start_with

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kgraph.goal import Goal
    from kgraph.graph import KGraph
    from kgraph.model import Concept, Headline, Resource
    from kgraph.pace import Schedule
    from kgraph.queries import Plan, Step

WINDOW_WEEKS: Final = 4


class Guide(NamedTuple, Generic[E]):
    """A plan and, for each of its steps: a resource to start with and projects it opens.

    A guide of a `plan_outline` (`guide_outline`) holds headlines and no resources.
    """

    plan: Plan[E]
    start_with: tuple[Resource | None, ...]
    projects: tuple[tuple[E, ...], ...]
    schedule: Schedule | None = None
    detail: bool = False


class SoFar(NamedTuple):
    """The learner's pace over the last ``weeks`` weeks, and the day it brings them to the goal."""

    hours_a_week: float
    weeks: int
    arrive: str | None  # None: at 0 hours a week, never


class Week(NamedTuple):
    """This week's study for the saved goal: the steps that fit the pace, and the finish."""

    goal: Goal
    pace: float
    today: str
    steps: tuple[Step[Concept], ...]
    start_with: tuple[Resource | None, ...]
    remaining: float
    finish: str | None
    so_far: SoFar | None = None
    projects: tuple[tuple[Concept, ...], ...] = ()  # per step: practice projects it opens


def known_before(kg: KGraph, plan: Plan[Any]) -> set[str]:
    """What the plan counts as known: its known set and its start, as `learning_path` does."""
    marked = [*plan.known, *([plan.source] if plan.source else [])]
    return known_set(kg, marked, strict=plan.strict)


def guide(
    kg: KGraph,
    plan: Plan[Concept],
    *,
    pace: float | None = None,
    start: date | None = None,
    detail: bool = False,
) -> Guide[Concept]:
    """*plan* with a resource to start each step, the projects it opens, and dates at *pace*.

    The dates need both *pace* (hours a week) and *start* (the first day of week 1).
    """
    opened = suggested_along(kg, [s.concept.id for s in plan.steps], known_before(kg, plan))
    return Guide(
        plan,
        tuple(start_with(s.concept) for s in plan.steps),
        tuple(opened.get(i, ()) for i in range(len(plan.steps))),
        _dated(plan, pace, start),
        detail,
    )


def guide_outline(
    kg: KGraph, plan: Plan[Headline], *, pace: float | None = None, start: date | None = None
) -> Guide[Headline]:
    """`guide` for a `plan_outline`: the projects as headlines, no resources, no detail.

    What a plan's text shows without ``--detail``, built from a cached graph's index alone.
    """
    opened = suggested_ids(kg, [s.concept.id for s in plan.steps], known_before(kg, plan))
    return Guide(
        plan,
        (),
        tuple(tuple(map(kg.headline, opened.get(i, ()))) for i in range(len(plan.steps))),
        _dated(plan, pace, start),
    )


def _dated(plan: Plan[Any], pace: float | None, start: date | None) -> Schedule | None:
    if pace is None or start is None:
        return None
    from kgraph.pace import schedule  # noqa: PLC0415 - a plan without a pace has no dates

    return schedule(plan.steps, pace=pace, start=start)


def pace_so_far(
    kg: KGraph, marks: Mapping[str, str], *, today: date, remaining: float
) -> SoFar | None:
    """The pace of the dated *marks* (see the module's rule); None without a week of history.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("a", "b"), ("b", "c")], hours=5)
        >>> marks = {"a": "2026-11-01T09:00:00Z", "b": "2026-11-20T09:00:00Z"}
        >>> pace_so_far(kg, marks, today=date(2026, 12, 7), remaining=5)
        SoFar(hours_a_week=1.25, weeks=4, arrive='2027-01-03')
    """
    days = {cid: date.fromisoformat(when[:10]) for cid, when in marks.items() if cid in kg}
    if not days:
        return None
    weeks = min(WINDOW_WEEKS, (today - min(days.values())).days // 7)
    if weeks < 1:
        return None
    since = today - timedelta(days=7 * weeks)
    studied = 0.0  # added left to right in id order, as the page adds them (sum() compensates)
    for cid, day in sorted(days.items()):
        if since < day <= today:
            studied += kg[cid].hours
    rate = studied / weeks
    from kgraph.pace import TooLateError, finish_date  # noqa: PLC0415 - as in _dated

    try:
        arrive = finish_date(today, remaining, rate) if rate > 0 else None
    except TooLateError:  # not before the calendar's end: as good as never
        arrive = None
    if remaining <= 0:
        arrive = today
    return SoFar(rate, weeks, arrive.isoformat() if arrive else None)


def this_week(  # noqa: PLR0913 - the goal, the learner and the clock
    kg: KGraph,
    goal: Goal,
    *,
    pace: float,
    today: date,
    known: tuple[str, ...] = (),
    marks: Mapping[str, str] | None = None,
) -> Week:
    """The next steps of the goal's plan that fit *pace* hours (the last may spill over).

    Steps are taken in plan order until their hours reach *pace*; the finish date is the plan's
    at *pace* from *today*; each step names the practice projects it makes possible. With dated
    *marks*, the pace so far and where it leads come too.
    """
    plan = learning_path(kg, goal.target, source=goal.source, known=known)
    steps: list[Step[Concept]] = []
    for step in plan.steps:
        if steps and steps[-1].running_hours >= pace:
            break
        steps.append(step)
    from kgraph.pace import finish_date  # noqa: PLC0415 - as in _dated

    finish = finish_date(today, plan.hours, pace)
    so_far = pace_so_far(kg, marks, today=today, remaining=plan.hours) if marks else None
    order = [s.concept.id for s in plan.steps]
    opened = suggested_along(kg, order, known_before(kg, plan))
    return Week(
        goal=goal,
        pace=pace,
        today=today.isoformat(),
        steps=tuple(steps),
        start_with=tuple(start_with(s.concept) for s in steps),
        remaining=plan.hours,
        finish=finish.isoformat() if finish else None,
        so_far=so_far,
        projects=tuple(opened.get(i, ()) for i in range(len(steps))),
    )


__all__ = [
    "WINDOW_WEEKS",
    "Guide",
    "SoFar",
    "Week",
    "guide",
    "guide_outline",
    "known_before",
    "pace_so_far",
    "this_week",
]
