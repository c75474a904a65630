"""The options and arguments commands share, shell completion, and rendering a query's result."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any

import click

from kgraph.cli.context import chosen_graph, current_lang
from kgraph.errors import KgraphError
from kgraph.graph import names_of, normalize
from kgraph.render.text import render_text
from kgraph.store import progress_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from kgraph.graph import KGraph


def complete_concept(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
    """Concept ids for shell completion, from the graph the command line points at.

    Ids that start with what was typed; failing those, the ids of concepts one of whose names
    (in any language: ``вним`` completes ``attention``) starts with it.
    """
    try:
        kg = chosen_graph(ctx)
    except KgraphError:
        return []
    return matching_ids(kg, kg.concepts, incomplete)


def matching_ids(kg: KGraph, ids: Iterable[str], incomplete: str) -> list[str]:
    """The *ids* that start with *incomplete*, else those with a name that does."""
    ids = list(ids)
    by_id = [cid for cid in ids if cid.startswith(incomplete.lower())]
    if by_id or not incomplete:
        return by_id
    typed = normalize(incomplete)
    return [cid for cid in ids if any(normalize(n).startswith(typed) for n in names_of(kg[cid]))]


def complete_known(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """``--known a,b,c``: the last name completes, the ones before it are kept."""
    done, comma, last = incomplete.rpartition(",")
    head = done + comma
    return [head + cid for cid in complete_concept(ctx, param, last)]


def _split_names(_: click.Context, __: click.Parameter, value: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (value or "").split(",") if n.strip())


known_option = click.option(
    "--known",
    callback=_split_names,
    shell_complete=complete_known,
    metavar="A,B,…",
    help="Concepts you know, comma-separated (their prerequisites count as known).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Count only what is marked known, not its prerequisites."
)


class _RenamedOption(click.Option):
    """An option whose first name is the one help shows; the later, older names still work."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        names, self.opts = self.opts, self.opts[:1]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = names


progress_option = click.option(
    "--progress-file",
    "--profile",  # its name before "saved progress" was the one word for it
    "progress_file",
    cls=_RenamedOption,
    type=click.Path(dir_okay=False),
    help="Progress file (default: $KGRAPH_HOME/known.json, else ~/.local/share/kgraph/known.json).",
)


def _names_or_none(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    return None if value is None else _split_names(ctx, param, value)


def saved_progress_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--known`` that, when absent, means the saved progress; ``--progress-file`` picks it."""
    return click.option(
        "--known",
        callback=_names_or_none,
        shell_complete=complete_known,
        metavar="A,B,…",
        help="Concepts you know, comma-separated (default: your saved progress, `kgraph known`).",
    )(progress_option(func))


def known_for(
    kg: KGraph, known: tuple[str, ...] | None, progress_file: str | None
) -> tuple[str, ...]:
    """*known* when given, else the saved progress mapped onto *kg*'s current ids."""
    if known is not None:
        return known
    path = progress_path(progress_file)
    if not os.path.exists(path):  # nothing saved yet: the progress module need not even load
        return ()
    from kgraph.saved_progress import load_progress, resolve

    return resolve(kg, load_progress(path).marked).ids


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


def emit(result: object, fmt: str, lang: str) -> None:
    """Print a query result as text in *lang*, or as language-neutral JSON."""
    if fmt == "json":
        from kgraph.render.json import render_json  # only asked for: json is a share of a start

        click.echo(render_json(result), nl=False)
    else:
        click.echo(render_text(result, lang), nl=False)


def query_command(func: Callable[..., object]) -> Callable[..., None]:
    """Wrap a function returning a query result into a command that loads the graph and renders."""

    @format_option("text", "json")
    @functools.wraps(func)
    def command(fmt: str, **kwargs: Any) -> None:
        emit(func(chosen_graph(), **kwargs), fmt, current_lang())

    return command
