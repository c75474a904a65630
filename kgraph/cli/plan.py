"""Printing a plan to follow: its dates (``--pace``, ``--start``), the saved goal's names, guided.

What ``path`` (`kgraph.cli.path`), the goal's commands (`kgraph.cli.goals`) and ``progress``
share; no command is defined here, so ``path`` defines none but its own.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from kgraph.cli.app import (
    emit,
)
from kgraph.errors import InputError
from kgraph.i18n import texts
from kgraph.queries import learning_path
from kgraph.study import guide, guide_outline, pace_so_far

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.graph import KGraph
    from kgraph.queries import Plan
    from kgraph.study import SoFar


def pace_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--pace H`` (hours a week) and ``--start YYYY-MM-DD`` (default: today)."""
    func = click.option(
        "--start", metavar="YYYY-MM-DD", help="First day of week 1 (default: today)."
    )(func)
    return click.option(
        "--pace", metavar="H", help="Hours a week: number the weeks and date the plan."
    )(func)


TODAY_VARIABLE = "KGRAPH_TODAY"


def today() -> date:
    """The learner's today (local time): the day a plan starts unless told otherwise.

    ``KGRAPH_TODAY=YYYY-MM-DD`` pins it (the docs' examples and tests run on a fixed day); a
    value that is not a real day is refused (`kgraph.pace.DateError`, exit 2).
    """
    pinned = os.environ.get(TODAY_VARIABLE, "")
    if pinned:
        from kgraph.pace import parse_date  # dates are parsed only where a day is pinned

        return parse_date(pinned, option=TODAY_VARIABLE)
    return datetime.now().astimezone().date()


def goal_names(
    kg: KGraph, names: tuple[str, ...], pace: str | None, progress_file: str | None
) -> tuple[tuple[str, ...], str | None]:
    """*names*, or with none the saved goal's FROM and TO, and its pace when none is given."""
    if names:
        return names, pace
    from kgraph.goal import goal_on, goal_path, load_goal
    from kgraph.saved_progress import progress_path

    goal = goal_on(kg, load_goal(goal_path(progress_path(progress_file))))
    saved = str(goal.pace) if goal.pace is not None else None
    return (*([goal.source] if goal.source else []), goal.target), pace or saved


def outline_only(fmt: str, *, detail: bool) -> bool:
    """Whether *fmt* shows only what a `plan_outline` holds: text without ``--detail``."""
    return fmt == "text" and not detail


def emit_plan(
    kg: KGraph,
    plan: Plan[Any],
    *,
    fmt: str,
    lang: str,
    detail: bool,
    pace: str | None,
    start: str | None,
) -> None:
    """Print *plan* guided: text, JSON or, with a pace, an iCalendar file.

    *plan* is a `plan_outline` where `outline_only` says the format needs no more, else a
    `learning_path`.
    """
    rate, first = None, today()
    if pace is not None or start is not None:  # only a plan with dates reads them
        from kgraph.pace import check_pace, parse_date

        rate = check_pace(pace) if pace is not None else None
        first = parse_date(start) if start is not None else first
    if fmt == "ics" and rate is None:
        raise InputError(texts(lang)("error.ics_pace"))
    if outline_only(fmt, detail=detail):
        from kgraph.render.guide_text import render_guide

        click.echo(render_guide(guide_outline(kg, plan, pace=rate, start=first), lang), nl=False)
        return
    guided = guide(kg, plan, pace=rate, start=first, detail=detail)
    if fmt == "ics":
        from kgraph.render.ics import render_ics

        click.echo(render_ics(guided, lang=lang), nl=False)
    elif fmt == "json":
        from kgraph.render.guide_json import render_guide_json

        click.echo(render_guide_json(guided), nl=False)
    else:
        from kgraph.render.guide_text import render_guide

        click.echo(render_guide(guided, lang), nl=False)


def emit_with_pace_so_far(
    kg: KGraph, result: object, *, fmt: str, lang: str, progress_file: str | None, saved: bool
) -> None:
    """Print *result*, then (from saved progress and a saved goal) the pace so far.

    JSON gains a ``so_far`` key; text a last line. Nothing is added for an explicit ``--known``
    (no dates) or without a saved goal.
    """
    so_far = pace_so_far_for_goal(kg, progress_file) if saved else None
    if fmt == "json":
        from kgraph.render.json import dumps, to_data  # as `emit`

        data = to_data(result)
        if isinstance(data, dict) and so_far is not None:
            data["so_far"] = to_data(so_far)
        click.echo(dumps(data), nl=False)
        return
    emit(result, fmt, lang)
    if so_far is not None:
        from kgraph.render.plan_text import so_far_text

        click.echo(so_far_text(so_far, texts(lang)))


def pace_so_far_for_goal(kg: KGraph, progress_file: str | None) -> SoFar | None:
    """The pace so far toward the saved goal, from the saved progress; None without a goal."""
    from kgraph.goal import goal_on, goal_path, load_goal
    from kgraph.saved_progress import load_progress, progress_path, resolve

    progress = progress_path(progress_file)
    saved = load_goal(goal_path(progress))
    if saved.goal is None:
        return None
    target = goal_on(kg, saved)
    marks = dict(resolve(kg, load_progress(progress).marked).marks)
    plan = learning_path(kg, target.target, source=target.source, known=tuple(marks))
    return pace_so_far(kg, marks, today=today(), remaining=plan.hours)
