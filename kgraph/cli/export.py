"""``kgraph export``: the selected graph in one format, written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kgraph.cli.app import (
    chosen_graph,
    complete_concept,
    current_lang,
    format_option,
    known_option,
    main,
)
from kgraph.errors import InputError
from kgraph.i18n import texts
from kgraph.model import Category, Level
from kgraph.render import EXPORTS, exporter
from kgraph.render.terminal import clean
from kgraph.selection import select
from kgraph.store import write_atomic


def _write_export(text: str, output: Path | None, fmt: str, lang: str) -> None:
    """Write an export to *output* ('-': stdout), by default ``exports/kgraph.<ext>``."""
    if output == Path("-"):
        click.echo(text, nl=False)
        return
    t = texts(lang)
    target = output or Path("exports") / f"kgraph.{EXPORTS[fmt].extension}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = t("cli.mkdir", path=target.parent, reason=err.strerror or err)
        raise InputError(msg) from None
    write_atomic(target, text)
    click.echo(t("cli.wrote", path=clean(str(target))), err=True)


@main.command()
@format_option(*sorted(EXPORTS, key=lambda f: f != "html"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write, '-' for stdout  [default: exports/kgraph.<ext>]",
)
@click.option(
    "--focus",
    shell_complete=complete_concept,
    help="Only this concept and its neighbours (see --depth).",
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="How many steps (prerequisite edges) away from --focus, both ways.",
)
@click.option("--path", nargs=2, metavar="FROM TO", help="Highlight the learning plan FROM → TO.")
@click.option("--only-path", is_flag=True, help="Show the --path plan alone.")
@click.option(
    "--level",
    "levels",
    multiple=True,
    type=click.Choice([lv.value for lv in Level]),
    help="Only this rung (repeatable).",
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice([c.value for c in Category]),
    help="Only this topic (repeatable).",
)
@known_option
def export(fmt: str, output: Path | None, **options: Any) -> None:
    """Export the graph, or part of it, in one of the formats of --format.

    The page, the diagrams and the checklist are written in --lang (the page can switch
    language); graphml, gexf and json carry every language.

    \b
    Example:
        kgraph export --format mermaid --path lora agi --only-path -o -
        kgraph export --focus lora --depth 2 --known python
        kgraph export --lang ru -o exports/kgraph.ru.html
    """
    lang = current_lang()
    if options["only_path"] and not options["path"]:
        raise click.UsageError(texts(lang)("cli.only_path"))
    options["levels"] = [Level(v) for v in options["levels"]]
    options["categories"] = [Category(c) for c in options["categories"]]
    selection = select(chosen_graph(), **options)
    _write_export(exporter(fmt, lang=lang)(selection), output, fmt, lang)
