"""A plan to follow: projects, the saved goal, this week; and how ``path`` dates its plan."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from kgraph.cli.app import (
    chosen_graph,
    complete_concept,
    concept_argument,
    current_lang,
    emit,
    format_option,
    known_for,
    main,
    profile_option,
    saved_known_option,
    strict_option,
)
from kgraph.errors import InputError
from kgraph.i18n import texts
from kgraph.model import Level
from kgraph.projects import projects as list_projects
from kgraph.queries import learning_path
from kgraph.render.json import dumps, to_data
from kgraph.render.terminal import clean
from kgraph.study import guide, guide_outline, pace_so_far, this_week

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

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


def today() -> date:
    """The learner's today (local time): the day a plan starts unless told otherwise."""
    return datetime.now().astimezone().date()


def goal_names(
    kg: KGraph, names: tuple[str, ...], pace: str | None, profile: Path | None
) -> tuple[tuple[str, ...], str | None]:
    """*names*, or with none the saved goal's FROM and TO, and its pace when none is given."""
    if names:
        return names, pace
    from kgraph.goal import goal_on, goal_path, load_goal
    from kgraph.saved_known import profile_path

    goal = goal_on(kg, load_goal(goal_path(profile_path(profile))))
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


@main.command()
@saved_known_option
@strict_option
@click.option("--ready", is_flag=True, help="Only projects whose needs you all know.")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), help="Only this rung.")
@format_option("text", "json")
def projects(
    *,
    known: tuple[str, ...] | None,
    profile: Path | None,
    strict: bool,
    ready: bool,
    level: str | None,
    fmt: str,
) -> None:
    """List the projects to build, capstones marked; --ready: those you can start now.

    \b
    Example:
        kgraph projects --ready
        kgraph projects --level tune --known lora
    """
    kg = chosen_graph()
    known = known_for(kg, known, profile)
    rung = Level(level) if level else None
    emit(
        list_projects(kg, known=known, strict=strict, ready=ready, level=rung), fmt, current_lang()
    )


@main.command()
@concept_argument("target", required=False, metavar="[TO]")
@click.option(
    "--from", "source", metavar="FROM", shell_complete=complete_concept,
    help="Where the plan starts (a concept).",
)  # fmt: skip
@click.option("--pace", metavar="H", help="Hours a week you mean to study.")
@click.option("--clear", is_flag=True, help="Remove the saved goal (a copy stays as .bak).")
@profile_option
@format_option("text", "json")
def goal(
    *,
    target: str | None,
    source: str | None,
    pace: str | None,
    clear: bool,
    profile: Path | None,
    fmt: str,
) -> None:
    """Save a goal (TO, from FROM, at H hours a week) beside your progress; or show or clear it.

    `kgraph path` with no names and `kgraph week` use it.

    \b
    Example:
        kgraph goal agi --from lora --pace 10
        kgraph goal
        kgraph goal --clear
    """
    from kgraph.goal import clear_goal, goal_path, load_goal, save_goal
    from kgraph.saved_known import profile_path

    lang = current_lang()
    t, where = texts(lang), goal_path(profile_path(profile))
    if clear:
        kept = clear_goal(where)
        message = t("goal.cleared", backup=clean(str(kept))) if kept else t("goal.no_clear")
        click.echo(message, err=True)
    elif target is None:
        if source is not None or pace is not None:
            raise click.UsageError(t("cli.goal_needs_to"))
        emit(load_goal(where), fmt, lang)
    else:
        saved = save_goal(chosen_graph(), where, target, source=source, pace=pace)
        emit(saved, fmt, lang)
        click.echo(t("saved_in", path=clean(saved.path)), err=True)


@main.command()
@profile_option
@click.option("--pace", metavar="H", help="Hours a week (default: the saved goal's pace).")
@format_option("text", "json")
def week(*, profile: Path | None, pace: str | None, fmt: str) -> None:
    """Print this week's study for your saved goal: steps, outcomes, where to start, the finish.

    \b
    Example:
        kgraph goal agi --pace 10
        kgraph week
    """
    from kgraph.goal import goal_on, goal_path, load_goal, needed_pace
    from kgraph.pace import check_pace
    from kgraph.saved_known import load_profile, profile_path, resolve

    rate = check_pace(pace) if pace is not None else None
    kg = chosen_graph()
    progress = profile_path(profile)
    target = goal_on(kg, load_goal(goal_path(progress)))
    marks = dict(resolve(kg, load_profile(progress).marked).marks)
    result = this_week(
        kg, target, pace=needed_pace(target, rate), today=today(), known=tuple(marks), marks=marks
    )
    emit(result, fmt, current_lang())


def emit_with_pace_so_far(
    kg: KGraph, result: object, *, fmt: str, lang: str, profile: Path | None, saved: bool
) -> None:
    """Print *result*, then (from saved progress and a saved goal) the pace so far.

    JSON gains a ``so_far`` key; text a last line. Nothing is added for an explicit ``--known``
    (no dates) or without a saved goal.
    """
    so_far = pace_so_far_for_goal(kg, profile) if saved else None
    if fmt == "json":
        data = to_data(result)
        if isinstance(data, dict) and so_far is not None:
            data["so_far"] = to_data(so_far)
        click.echo(dumps(data), nl=False)
        return
    emit(result, fmt, lang)
    if so_far is not None:
        from kgraph.render.plan_text import so_far_text

        click.echo(so_far_text(so_far, texts(lang)))


def pace_so_far_for_goal(kg: KGraph, profile: Path | None) -> SoFar | None:
    """The pace so far toward the saved goal, from the saved progress; None without a goal."""
    from kgraph.goal import goal_on, goal_path, load_goal
    from kgraph.saved_known import load_profile, profile_path, resolve

    progress = profile_path(profile)
    saved = load_goal(goal_path(progress))
    if saved.goal is None:
        return None
    target = goal_on(kg, saved)
    marks = dict(resolve(kg, load_profile(progress).marked).marks)
    plan = learning_path(kg, target.target, source=target.source, known=tuple(marks))
    return pace_so_far(kg, marks, today=today(), remaining=plan.hours)
