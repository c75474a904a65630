"""The ``kgraph`` command: parse options, call the library, render, write. Nothing else.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kgraph import __version__, queries
from kgraph.errors import KgraphError
from kgraph.model import Category, Level, json_schema
from kgraph.render.json import render_json
from kgraph.render.text import render_problems, render_text
from kgraph.store import dump, parse, read_text, resolve_graph_path, write_atomic
from kgraph.validate import load_checked, load_graph, validate

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.errors import Problem
    from kgraph.graph import KGraph


class _Group(click.Group):
    """Click group that turns every KgraphError into one stderr message and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgraphError as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(err.exit_code)


def _complete_concept(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
    """Concept ids for shell completion, from the graph the command line points at."""
    try:
        root = ctx.find_root().params.get("graph")
        kg = load_graph(resolve_graph_path(ctx.params.get("graph") or root))
    except KgraphError:
        return []
    return [cid for cid in kg.concepts if cid.startswith(incomplete.lower())]


def _split_names(_: click.Context, __: click.Parameter, value: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (value or "").split(",") if n.strip())


graph_option = click.option(
    "-g",
    "--graph",
    type=click.Path(dir_okay=False, path_type=Path),
    is_eager=True,
    help="Graph file (default: $KGRAPH_GRAPH, ./graph/concepts.json, then the packaged graph).",
)
known_option = click.option(
    "--known",
    callback=_split_names,
    metavar="A,B,…",
    help="Concepts you know, comma-separated (their prerequisites count as known).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Count only what is marked known, not its prerequisites."
)


def format_option(*choices: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``-f/--format`` with the given choices, the first being the default."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True
    )


def concept_argument(
    name: str, **kwargs: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A concept name argument that completes concept ids in the shell."""
    return click.argument(name, shell_complete=_complete_concept, **kwargs)


def _emit(result: object, fmt: str) -> None:
    click.echo(render_json(result) if fmt == "json" else render_text(result), nl=False)


def _graph_path(graph: Path | None) -> Path:
    """The command's ``--graph``, else the group's (``kgraph -g FILE path …``), else the default."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("graph") if ctx else None
    return resolve_graph_path(graph or root)


def _graph(graph: Path | None) -> KGraph:
    return load_graph(_graph_path(graph))


def query_command(func: Callable[..., object]) -> Callable[..., None]:
    """Wrap a function returning a query result into a command that loads the graph and renders."""

    @graph_option
    @format_option("text", "json")
    @functools.wraps(func)
    def command(graph: Path | None, fmt: str, **kwargs: Any) -> None:
        _emit(func(_graph(graph), **kwargs), fmt)

    return command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
@graph_option
def main(graph: Path | None) -> None:
    """Explore the prerequisite graph of AI-engineering concepts.

    \b
    Example:
        kgraph path lora agi        # what stands between LoRA and the top
    """


@main.command("path")
@concept_argument("names", nargs=-1, required=True, metavar="[FROM] TO")
@known_option
@strict_option
@query_command
def path_command(
    kg: KGraph, names: tuple[str, ...], known: tuple[str, ...], strict: bool
) -> object:
    """Print an ordered curriculum from FROM (and what you know) to TO, with hours.

    \b
    Example:
        kgraph path lora agi
        kgraph path transformer --known python,pytorch
    """
    if len(names) > 2:  # noqa: PLR2004 - FROM and TO
        msg = f"path takes TO or FROM TO, not {len(names)} names"
        raise click.UsageError(msg)
    source = names[0] if len(names) == 2 else None  # noqa: PLR2004
    return queries.learning_path(kg, names[-1], source=source, known=known, strict=strict)


@main.command()
@concept_argument("target")
@known_option
@strict_option
@query_command
def gaps(kg: KGraph, target: str, known: tuple[str, ...], strict: bool) -> object:
    """Split what you miss for TARGET into ready-now and blocked concepts.

    \b
    Example:
        kgraph gaps transformer --known python,neural-networks
    """
    return queries.gaps(kg, target, known=known, strict=strict)


@main.command("next")
@known_option
@strict_option
@click.option("--goal", shell_complete=_complete_concept, help="Rank toward this concept only.")
@query_command
def next_command(kg: KGraph, known: tuple[str, ...], strict: bool, goal: str | None) -> object:
    """List what you can learn now, ranked by how much it unlocks per hour.

    \b
    Example:
        kgraph next --known python,linear-algebra --goal transformer
    """
    return queries.fringe(kg, known=known, strict=strict, goal=goal)


@main.command()
@concept_argument("source")
@concept_argument("target")
@query_command
def why(kg: KGraph, source: str, target: str) -> object:
    """Show the shortest chains by which SOURCE is needed for TARGET, with reasons.

    \b
    Example:
        kgraph why matrix-rank lora
    """
    return queries.why(kg, source, target)


@main.command()
@concept_argument("concept")
@click.option("--depth", type=click.IntRange(min=1), help="Only this many steps away.")
@query_command
def unlocks(kg: KGraph, concept: str, depth: int | None) -> object:
    """Show what CONCEPT opens up, directly and transitively.

    \b
    Example:
        kgraph unlocks attention --depth 2
    """
    return queries.unlocks(kg, concept, depth=depth)


@main.command()
@concept_argument("concept")
@query_command
def show(kg: KGraph, concept: str) -> object:
    """Show one concept: summary, hours, resources, what it needs and unlocks.

    \b
    Example:
        kgraph show "kv cache"
    """
    return queries.show(kg, concept)


@main.command()
@click.argument("text")
@query_command
def search(kg: KGraph, text: str) -> object:
    """Find concepts by name, alias or words of their summary.

    \b
    Example:
        kgraph search quantization
    """
    return queries.search(kg, text)


@main.command("list")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), help="Only this rung.")
@click.option("--category", type=click.Choice([c.value for c in Category]), help="Only this topic.")
@query_command
def list_command(kg: KGraph, level: str | None, category: str | None) -> object:
    """List concepts in ladder order, optionally of one rung or category.

    \b
    Example:
        kgraph list --level repair
    """
    chosen_level = Level(level) if level else None
    chosen_category = Category(category) if category else None
    return queries.listing(kg, level=chosen_level, category=chosen_category)


@main.command()
@query_command
def stats(kg: KGraph) -> object:
    """Count concepts, edges and hours per rung and category.

    \b
    Example:
        kgraph stats --format json
    """
    return queries.stats(kg)


@main.command("validate")
@graph_option
@format_option("text", "json", "github")
@click.pass_context
def validate_command(ctx: click.Context, graph: Path | None, fmt: str) -> None:
    """Check the graph file; exit 1 and list every problem (file:line:col) if it has any.

    \b
    Example:
        kgraph validate --format github
    """
    path = _graph_path(graph)
    parsed = parse(read_text(path), str(path))
    problems = validate(parsed)
    count = len(parsed.graph.concepts) if parsed.graph else 0
    click.echo(_report(problems, fmt, path=str(path), count=count), nl=False)
    ctx.exit(1 if problems else 0)


def _report(problems: tuple[Problem, ...], fmt: str, *, path: str, count: int) -> str:
    if fmt == "json":
        return render_json({"path": path, "concepts": count, "problems": problems})
    if fmt == "github":
        from kgraph.render.github import render_github

        return render_github(problems)
    if not problems:
        return f"{path}: ok, {count} concepts\n"
    kind = problems[0].severity
    return render_problems(problems) + f"{path}: {len(problems)} {kind}(s)\n"


@main.command("lint")
@graph_option
@format_option("text", "json", "github")
@click.option("--strict", is_flag=True, help="Exit 1 when any warning remains.")
@click.pass_context
def lint_command(ctx: click.Context, graph: Path | None, fmt: str, strict: bool) -> None:
    """Warn about what misleads learners (redundant edges, rung inversions, …), with fixes.

    \b
    Example:
        kgraph lint --strict
    """
    from kgraph.lint import lint

    path = _graph_path(graph)
    parsed, kg = load_checked(path)
    warnings = lint(parsed, kg)
    click.echo(_report(warnings, fmt, path=str(path), count=len(kg)), nl=False)
    ctx.exit(1 if strict and warnings else 0)


@main.command()
@graph_option
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and show the diff if needed.")
@click.pass_context
def fmt(ctx: click.Context, graph: Path | None, check: bool) -> None:
    """Rewrite the graph file in its one canonical form (sorted, fixed key order).

    \b
    Example:
        kgraph fmt --check
    """
    path = _graph_path(graph)
    text = read_text(path)
    parsed = parse(text, str(path))
    if parsed.problems or parsed.graph is None:
        click.echo(render_problems(parsed.problems), nl=False)
        ctx.exit(1)
    canonical = dump(parsed.graph)
    if canonical == text:
        click.echo(f"{path}: already canonical", err=True)
    elif check:
        diff = difflib.unified_diff(
            text.splitlines(keepends=True), canonical.splitlines(keepends=True),
            f"{path} (now)", f"{path} (canonical)",
        )  # fmt: skip
        click.echo("".join(diff), nl=False)
        click.echo(f"{path}: not canonical; run `kgraph fmt` to rewrite it", err=True)
        ctx.exit(1)
    else:
        write_atomic(path, canonical)
        click.echo(f"{path}: rewritten in canonical form", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def schema(output: Path | None) -> None:
    """Print the JSON Schema of concepts.json (or write it with -o).

    \b
    Example:
        kgraph schema -o graph/concepts.schema.json
    """
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


__all__ = ["main"]
