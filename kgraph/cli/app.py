"""The ``kgraph`` group and what its commands share: options, graph loading, rendering.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kgraph import __version__
from kgraph.errors import KgraphError
from kgraph.profile import (
    load_profile,
    profile_path,
    resolve,
)
from kgraph.render.json import render_json
from kgraph.render.text import clean_message, render_text
from kgraph.store import resolve_graph_path
from kgraph.validate import load_graph

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from kgraph.graph import KGraph


@contextmanager
def _cleaned_usage_errors() -> Iterator[None]:
    """Click's own errors echo what was typed (a file name, a choice): clean them too."""
    try:
        yield
    except click.ClickException as err:
        err.message = clean_message(err.message)  # type: ignore[misc]  # Final in the stubs only
        raise


class _Group(click.Group):
    """Click group that turns every KgraphError into one stderr message and its exit code.

    Messages quote file names, typed names and file contents, so they are cleaned of terminal
    control characters first.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _cleaned_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _cleaned_usage_errors():
                return super().invoke(ctx)
        except KgraphError as err:
            click.echo(f"Error: {clean_message(str(err))}", err=True)
            ctx.exit(err.exit_code)


def complete_concept(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
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
profile_option = click.option(
    "--profile",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Progress file (default: $KGRAPH_HOME/known.json, else ~/.local/share/kgraph/known.json).",
)


def _names_or_none(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    return None if value is None else _split_names(ctx, param, value)


def saved_known_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--known`` that, when absent, means the saved progress; and ``--profile`` to pick it."""
    return click.option(
        "--known",
        callback=_names_or_none,
        metavar="A,B,…",
        help="Concepts you know, comma-separated (default: your saved progress, `kgraph known`).",
    )(profile_option(func))


def known_for(kg: KGraph, known: tuple[str, ...] | None, profile: Path | None) -> tuple[str, ...]:
    """*known* when given, else the saved progress mapped onto *kg*'s current ids."""
    if known is not None:
        return known
    return resolve(kg, load_profile(profile_path(profile)).marked).ids


def format_option(*choices: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``-f/--format`` with the given choices, the first being the default."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True
    )


def concept_argument(
    name: str, **kwargs: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A concept name argument that completes concept ids in the shell."""
    return click.argument(name, shell_complete=complete_concept, **kwargs)


def emit(result: object, fmt: str) -> None:
    """Print a query result as text or JSON."""
    click.echo(render_json(result) if fmt == "json" else render_text(result), nl=False)


def chosen_graph_path(graph: Path | None) -> Path:
    """The command's ``--graph``, else the group's (``kgraph -g FILE path …``), else the default."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("graph") if ctx else None
    return resolve_graph_path(graph or root)


def chosen_graph(graph: Path | None) -> KGraph:
    """Load and validate the graph the command line points at."""
    return load_graph(chosen_graph_path(graph))


def query_command(func: Callable[..., object]) -> Callable[..., None]:
    """Wrap a function returning a query result into a command that loads the graph and renders."""

    @graph_option
    @format_option("text", "json")
    @functools.wraps(func)
    def command(graph: Path | None, fmt: str, **kwargs: Any) -> None:
        emit(func(chosen_graph(graph), **kwargs), fmt)

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
