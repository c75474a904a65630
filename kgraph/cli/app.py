"""The ``kgraph`` group and what its commands share: options, graph loading, rendering.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import functools
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from kgraph.errors import KgraphError
from kgraph.render.json import render_json
from kgraph.render.text import render_text
from kgraph.store import resolve_graph_path
from kgraph.validate import load_graph, paused_gc
from kgraph.version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.graph import KGraph


COMMAND_MODULES: Final = {
    **dict.fromkeys(
        ("path", "gaps", "next", "why", "unlocks", "show", "search", "list", "stats"), "query"
    ),
    **dict.fromkeys(("validate", "lint", "fmt", "schema", "diff"), "data"),
    "export": "export",
    **dict.fromkeys(("learn", "forget", "known", "progress", "assess"), "learner"),
}


class _Group(click.Group):
    """The ``kgraph`` group: a command's module is imported only when that command runs.

    So each command pays for its own imports alone. Every KgraphError becomes one stderr message
    and its exit code here.
    """

    def list_commands(self, _: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES:
            import_module(f"kgraph.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with paused_gc():  # a command is short and keeps what it loads: see paused_gc
                return super().invoke(ctx)
        except KgraphError as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(err.exit_code)


def complete_concept(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
    """Concept ids for shell completion, from the graph the command line points at."""
    try:
        root = ctx.find_root().params.get("graph")
        kg = chosen_graph(ctx.params.get("graph") or root)
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
    from kgraph.profile import load_profile, profile_path, resolve

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
    """Load and validate the graph the command line points at (from the cache when allowed)."""
    ctx = click.get_current_context(silent=True)
    no_cache = bool(ctx and ctx.find_root().params.get("no_cache"))
    return load_graph(chosen_graph_path(graph), use_cache=not no_cache)


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
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check the graph file again instead of loading its validated copy (or KGRAPH_NO_CACHE=1).",
)
def main(graph: Path | None, no_cache: bool) -> None:
    """Explore the prerequisite graph of AI-engineering concepts.

    \b
    Example:
        kgraph path lora agi        # what stands between LoRA and the top
    """
