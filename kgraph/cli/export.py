"""``kgraph export``: the selected graph in one format, written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from kgraph.i18n import DEFAULT, texts
from kgraph.model import Category, Level
from kgraph.render import EXPORTS, exporter
from kgraph.render.mermaid import MAX_CHARS, MAX_EDGES, github_overflow
from kgraph.render.terminal import clean
from kgraph.selection import select
from kgraph.store import LOCAL_GRAPH, write_atomic

if TYPE_CHECKING:
    from kgraph.selection import Selection


def default_name(selection: Selection, fmt: str, lang: str, options: dict[str, Any]) -> str:
    """A file name that says what was exported: ``kgraph-path-lora-agi.ru.mmd``.

    The whole graph in English is ``kgraph.<ext>``; each selection option adds its resolved ids
    or values, and a page or diagram in another language its language, so two different exports
    never share a default name.
    """
    parts = ["kgraph"]
    if (plan := selection.plan) is not None:
        kind = "plan" if options["only_path"] else "path"
        parts += [kind, *([plan.source] if plan.source else []), plan.target]
    if selection.focus is not None:
        parts += ["focus", selection.focus]
        parts += [f"depth{options['depth']}"] if options["depth"] != 1 else []
    parts += [str(v) for v in (*options["levels"], *options["categories"])]
    language = f".{lang}" if EXPORTS[fmt].localized and lang != DEFAULT else ""
    return f"{'-'.join(parts)}{language}.{EXPORTS[fmt].extension}"


def default_folder() -> Path:
    """``exports/`` in a checkout (where ``graph/concepts.json`` is), else the current folder."""
    return Path("exports") if Path(LOCAL_GRAPH).is_file() else Path()


def _write_export(text: str, output: Path | None, default: str, lang: str) -> None:
    """Write an export to *output* ('-': stdout), by default *default* in `default_folder`."""
    if output == Path("-"):
        click.echo(text, nl=False)
        return
    t = texts(lang)
    target = output or default_folder() / default
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = t("cli.mkdir", path=target.parent, reason=err.strerror or err)
        raise InputError(msg) from None
    said = "cli.wrote"
    if target.exists():  # a default name may hide an older export: say how to keep it
        said = "cli.replaced" if output is None else "cli.replaced_chosen"
    write_atomic(target, text)
    click.echo(t(said, path=clean(str(target))), err=True)


def warn_if_github_cannot_draw(text: str, fmt: str, lang: str) -> None:
    """A Mermaid diagram over GitHub's limits is shown there as an error: say so, and how."""
    if fmt != "mermaid":
        return
    too_big = github_overflow(text)
    if too_big is not None:
        t = texts(lang)
        edges, chars = too_big
        click.echo(t("cli.mermaid_too_big", edges=edges, chars=chars,
                     max_edges=MAX_EDGES, max_chars=MAX_CHARS), err=True)  # fmt: skip


@main.command()
@format_option(*sorted(EXPORTS, key=lambda f: f != "html"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write, '-' for stdout  [default: a name saying what is exported, such as"
    " kgraph-focus-lora.html, in exports/ in a checkout, else in the current folder]",
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
    text = exporter(fmt, lang=lang)(selection)
    warn_if_github_cannot_draw(text, fmt, lang)
    _write_export(text, output, default_name(selection, fmt, lang, options), lang)
