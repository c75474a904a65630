"""``kgraph path``: the plan from FROM (and what you know) to TO, in a module of its own.

The most used command imports only what it needs: not the other query commands' definitions.
"""

from __future__ import annotations

import click

from kgraph import queries
from kgraph.cli.app import (
    chosen_graph,
    concept_argument,
    current_lang,
    format_option,
    known_for,
    main,
    saved_progress_option,
    strict_option,
)
from kgraph.cli.plan import emit_plan, goal_names, outline_only, pace_options
from kgraph.i18n import texts
from kgraph.render import exporter


@main.command("path")
@concept_argument("names", nargs=-1, metavar="[[FROM] TO]")
@saved_progress_option
@strict_option
@click.option(
    "--no-projects",
    "no_projects",
    is_flag=True,
    help="Leave out the capstone projects of the rungs the plan climbs.",
)
@format_option("text", "json", "mermaid", "markdown", "ics")
@click.option("--detail", is_flag=True, help="Under each step: its outcomes, where to start.")
@pace_options
def path_command(
    *,
    fmt: str,
    names: tuple[str, ...],
    known: tuple[str, ...] | None,
    progress_file: str | None,
    strict: bool,
    no_projects: bool,
    detail: bool,
    pace: str | None,
    start: str | None,
) -> None:
    """Print an ordered curriculum from FROM (and what you know) to TO, with hours.

    The plan carries the capstone project of each rung it climbs; foundations and use concepts
    come just before what needs them.

    \b
    Example:
        kgraph path lora agi
        kgraph path lora agi --no-projects        # concepts only
        kgraph path transformer --known python,pytorch
        kgraph path lora agi --format mermaid     # the plan as a diagram
        kgraph path lora agi --lang ru            # in Russian
        kgraph path lora agi --pace 10 --detail   # weeks, dates, outcomes, where to start
        kgraph path lora agi --pace 10 -f ics     # the plan as a calendar
        kgraph path                               # your saved goal (kgraph goal)
    """
    lang = current_lang()
    if len(names) > 2:  # noqa: PLR2004 - FROM and TO
        raise click.UsageError(texts(lang)("cli.path_names", count=len(names)))
    kg = chosen_graph()
    names, pace = goal_names(kg, names, pace, progress_file)
    source = names[0] if len(names) == 2 else None  # noqa: PLR2004
    known = known_for(kg, known, progress_file)
    if fmt in {"mermaid", "markdown"} and (pace or start):
        raise click.UsageError(texts(lang)("error.pace_format", format=fmt))
    if fmt in {"mermaid", "markdown"}:
        from kgraph.cli.export import warn_if_github_cannot_draw  # only diagrams need these
        from kgraph.selection import select

        chosen = select(
            kg,
            path=(source, names[-1]),
            only_path=True,
            known=known,
            strict=strict,
            projects=not no_projects,
        )
        diagram = exporter(fmt, lang=lang)(chosen)
        warn_if_github_cannot_draw(diagram, fmt, lang)
        click.echo(diagram, nl=False)
    else:
        query = queries.plan_outline if outline_only(fmt, detail=detail) else queries.learning_path
        plan = query(
            kg, names[-1], source=source, known=known, strict=strict, projects=not no_projects
        )
        emit_plan(kg, plan, fmt=fmt, lang=lang, detail=detail, pace=pace, start=start)
