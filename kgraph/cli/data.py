"""Commands for contributors: validate, lint, fmt, schema and diff.

Their own lines follow ``--lang``; the problems themselves (and ``diff``) stay in English, the
language of pull requests and of the annotations GitHub shows.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click

from kgraph.cli.app import (
    chosen_graph_source,
    current_lang,
    format_option,
    main,
)
from kgraph.errors import InputError
from kgraph.i18n import texts
from kgraph.load import load_checked
from kgraph.parsing import parse
from kgraph.render.json import render_json
from kgraph.render.terminal import clean, clean_message
from kgraph.render.text import render_problems
from kgraph.store import GRAPH_ENV, dump, read_graph, write_atomic
from kgraph.validation import validate

if TYPE_CHECKING:
    from kgraph.diff import Route
    from kgraph.errors import Problem


@main.command("validate")
@format_option("text", "json", "github")
@click.pass_context
def validate_command(ctx: click.Context, fmt: str) -> None:
    """Check the graph file; exit 1 and list every problem (file:line:col) if it has any.

    \b
    Example:
        kgraph validate --format github
    """
    lang = current_lang()
    path = _checked_file(lang)
    parsed = parse(read_graph(path), str(path))
    problems = validate(parsed)
    count = len(parsed.graph.concepts) if parsed.graph else 0
    click.echo(_report(problems, fmt, path=str(path), count=count, lang=lang), nl=False)
    ctx.exit(1 if problems else 0)


def _checked_file(lang: str, *, rewrite: bool = False) -> Path:
    """The graph file a contributor's command works on; say which when it is not one they chose.

    The file of ``$KGRAPH_GRAPH`` or the copy packaged with kgraph (outside a checkout) is named
    on stderr; ``fmt`` never rewrites the packaged copy.
    """
    path, source = chosen_graph_source()
    t = texts(lang)
    if source == "packaged" and rewrite:
        raise InputError(t("cli.fmt_packaged", path=clean(path)))
    if source in {"env", "packaged"}:
        click.echo(t(f"cli.checked_{source}", path=clean(path), var=GRAPH_ENV), err=True)
    return Path(path)


def _report(problems: tuple[Problem, ...], fmt: str, *, path: str, count: int, lang: str) -> str:
    if fmt == "json":
        return render_json({"path": path, "concepts": count, "problems": problems})
    if fmt == "github":
        from kgraph.render.github import render_github

        return render_github(problems)
    t = texts(lang)
    if not problems:
        return (
            t("cli.valid", path=clean(path), count=count, concepts=t.plural(count, "concept"))
            + "\n"
        )
    kind, found = problems[0].severity, len(problems)
    summary = t(
        "cli.problems", path=clean(path), count=found, kind=kind, problems=t.plural(found, kind)
    )
    return render_problems(problems) + summary + "\n"


@main.command("lint")
@format_option("text", "json", "github")
@click.option("--strict", is_flag=True, help="Exit 1 when any warning remains.")
@click.pass_context
def lint_command(ctx: click.Context, fmt: str, strict: bool) -> None:
    """Warn about what misleads learners (redundant edges, rung inversions, …), with fixes.

    \b
    Example:
        kgraph lint --strict
    """
    from kgraph.lint import lint

    lang = current_lang()
    path = _checked_file(lang)
    parsed, kg = load_checked(path)
    warnings = lint(parsed, kg, lang=lang)
    click.echo(_report(warnings, fmt, path=str(path), count=len(kg), lang=lang), nl=False)
    ctx.exit(1 if strict and warnings else 0)


@main.command()
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and show the diff if needed.")
@click.pass_context
def fmt(ctx: click.Context, check: bool) -> None:
    """Rewrite the graph file in its one canonical form (sorted, fixed key order).

    \b
    Example:
        kgraph fmt --check
    """
    lang = current_lang()
    path = _checked_file(lang, rewrite=not check)
    text = read_graph(path)
    parsed = parse(text, str(path))
    if parsed.problems or parsed.graph is None:
        click.echo(render_problems(parsed.problems), nl=False)
        ctx.exit(1)
    canonical, t = dump(parsed.graph), texts(lang)
    if canonical == text:
        click.echo(t("cli.canonical", path=clean(str(path))), err=True)
    elif check:
        diff = difflib.unified_diff(
            text.splitlines(keepends=True), canonical.splitlines(keepends=True),
            t("cli.diff_now", path=path), t("cli.diff_canonical", path=path),
        )  # fmt: skip
        click.echo(clean_message("".join(diff)), nl=False)  # the file's text may be hostile
        click.echo(t("cli.not_canonical", path=clean(str(path))), err=True)
        ctx.exit(1)
    else:
        write_atomic(path, canonical)
        click.echo(t("cli.rewritten", path=clean(str(path))), err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def schema(output: Path | None) -> None:
    """Print the JSON Schema of concepts.json (or write it with -o).

    \b
    Example:
        kgraph schema -o graph/concepts.schema.json
    """
    from kgraph.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


LANDMARKS: Final = ("lora:agi", "prompting:transformer", "agi")  # this repository's graph


def _routes(_: click.Context, __: click.Parameter, values: tuple[str, ...]) -> tuple[Route, ...]:
    """``FROM:TO`` or ``TO`` (from nothing known), as `kgraph.diff.compare` takes them."""
    routes = []
    for value in values or LANDMARKS:
        source, _sep, target = value.rpartition(":")
        routes.append((source or None, target))
    return tuple(routes)


@main.command("diff")
@click.argument("base")
@click.argument("head")
@click.option(
    "--path",
    "graph_file",
    default="graph/concepts.json",
    show_default=True,
    help="The graph file inside the repository, read at BASE or HEAD when they are revisions.",
)
@click.option(
    "--landmark",
    "landmarks",
    multiple=True,
    callback=_routes,
    metavar="[FROM:]TO",
    help="A learning path whose length the report compares (repeatable)"
    f"  [default: {' '.join(LANDMARKS)}]",
)
@format_option("text", "json", "markdown")
@click.pass_context
def diff_command(
    ctx: click.Context,
    *,
    base: str,
    head: str,
    graph_file: str,
    landmarks: tuple[Route, ...],
    fmt: str,
) -> None:
    """Review a change: compare two graphs, files or git revisions.

    Reports concepts added, removed, renamed and changed, edges with their reasons, new errors
    and lint warnings, and how landmark learning paths change. Exits 1 when the change
    introduces errors (a cycle, an id removed without keeping it as an alias, …).

    \b
    Example:
        kgraph diff origin/main HEAD
        kgraph diff HEAD graph/concepts.json --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from kgraph.diff import compare
    from kgraph.gitrev import read_side
    from kgraph.render.diff import render_diff

    result = compare(read_side(base, graph_file), read_side(head, graph_file), landmarks)
    click.echo(render_diff(result, fmt), nl=False)
    ctx.exit(1 if result.breaks else 0)
