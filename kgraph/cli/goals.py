"""The goal's commands: the projects to build, the saved goal, this week's study."""

from __future__ import annotations

import click

from kgraph.cli import plan
from kgraph.cli.app import (
    chosen_graph,
    complete_concept,
    concept_argument,
    current_lang,
    emit,
    format_option,
    known_for,
    main,
    progress_option,
    saved_progress_option,
    strict_option,
)
from kgraph.i18n import texts
from kgraph.model import Level
from kgraph.projects import projects as list_projects
from kgraph.render.terminal import clean
from kgraph.study import this_week


@main.command()
@saved_progress_option
@strict_option
@click.option("--ready", is_flag=True, help="Only projects whose needs you all know.")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), help="Only this rung.")
@format_option("text", "json")
def projects(
    *,
    known: tuple[str, ...] | None,
    progress_file: str | None,
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
    known = known_for(kg, known, progress_file)
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
@progress_option
@format_option("text", "json")
def goal(
    *,
    target: str | None,
    source: str | None,
    pace: str | None,
    clear: bool,
    progress_file: str | None,
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
    from kgraph.saved_progress import progress_path

    lang = current_lang()
    t, where = texts(lang), goal_path(progress_path(progress_file))
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
@progress_option
@click.option("--pace", metavar="H", help="Hours a week (default: the saved goal's pace).")
@format_option("text", "json")
def week(*, progress_file: str | None, pace: str | None, fmt: str) -> None:
    """Print this week's study for your saved goal: steps, outcomes, where to start, the finish.

    \b
    Example:
        kgraph goal agi --pace 10
        kgraph week
    """
    from kgraph.goal import goal_on, goal_path, load_goal, needed_pace
    from kgraph.pace import check_pace
    from kgraph.saved_progress import load_progress, progress_path, resolve

    rate = check_pace(pace) if pace is not None else None
    kg = chosen_graph()
    progress = progress_path(progress_file)
    target = goal_on(kg, load_goal(goal_path(progress)))
    marks = dict(resolve(kg, load_progress(progress).marked).marks)
    result = this_week(
        kg,
        target,
        pace=needed_pace(target, rate),
        today=plan.today(),
        known=tuple(marks),
        marks=marks,
    )
    emit(result, fmt, current_lang())
