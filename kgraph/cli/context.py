"""What the command line chose: the language, the graph file and the graph loaded from it.

The program's global options (``--graph``, ``--lang``, ``--no-cache``) are declared once here;
the group and every command take them, and their values live in the context's meta, which a
command's context shares with its parent's.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Final

import click

from kgraph.errors import InputError
from kgraph.i18n import DEFAULT, LANGUAGES, LanguageError, choose_language, texts
from kgraph.load import load_graph
from kgraph.render.terminal import clean
from kgraph.store import GRAPH_ENV, choose_graph

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.graph import KGraph
    from kgraph.store import GraphSource

LANG_KEY: Final = "kgraph.lang"  # ctx.meta keys, shared by a command's context and its parent's
GRAPH_KEY: Final = "kgraph.graph"
_GRAPH_PATH: Final = "kgraph.graph_path"
_NO_CACHE: Final = "kgraph.no_cache"


def environment_language() -> str:
    """The language of the environment, English when it names one kgraph lacks."""
    try:
        return choose_language()
    except LanguageError:
        return "en"


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback keeping a global option's value for the command; the last place given wins."""

    def callback(ctx: click.Context, _: click.Parameter, value: Any) -> None:
        if value is not None and value is not False:
            ctx.meta[key] = choose_language(value) if key == LANG_KEY else value

    return callback


def global_options() -> list[click.Option]:
    """The options of the whole program, declared once: the group and every command take them.

    So ``kgraph --lang ru path …`` and ``kgraph path … --lang ru`` mean the same; their values
    live in the context's meta (shared by the group and the command), read by `current_lang`,
    `chosen_graph_path` and `chosen_graph`.
    """
    return [
        click.Option(
            ["-g", "--graph"],
            type=click.Path(dir_okay=False),
            is_eager=True,
            expose_value=False,
            callback=_remember(_GRAPH_PATH),
            help="Graph file (default: $KGRAPH_GRAPH, ./graph/concepts.json, then the packaged"
            " graph).",
        ),
        click.Option(
            ["--lang"],
            type=click.Choice(LANGUAGES, case_sensitive=False),
            is_eager=True,
            expose_value=False,
            callback=_remember(LANG_KEY),
            help="Language of the output (default: $KGRAPH_LANG, then the locale, then en).",
        ),
        click.Option(
            ["--no-cache"],
            is_flag=True,
            expose_value=False,
            callback=_remember(_NO_CACHE),
            help="Check the graph file again instead of loading its validated copy"
            " (or KGRAPH_NO_CACHE=1).",
        ),
    ]


def current_lang() -> str:
    """The command's language: ``--lang`` (before or after it), else the environment's."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get(LANG_KEY) if ctx is not None else None
    return str(lang) if lang else choose_language()


def chosen_graph_path(ctx: click.Context | None = None) -> str:
    """``--graph`` (before or after the command), else ``$KGRAPH_GRAPH``, ``./graph``, packaged."""
    return chosen_graph_source(ctx)[0]


def chosen_graph_source(ctx: click.Context | None = None) -> tuple[str, GraphSource]:
    """The graph file and which step chose it.

    A ``$KGRAPH_GRAPH`` naming no file is an error that names the variable: a user may have set
    it long ago and forgotten.
    """
    ctx = ctx or click.get_current_context(silent=True)
    path, source = choose_graph(ctx.meta.get(_GRAPH_PATH) if ctx is not None else None)
    if source == "env" and (not os.path.exists(path) or os.path.isdir(path)):
        t = texts(ctx.meta.get(LANG_KEY) or environment_language() if ctx else DEFAULT)
        raise InputError(t("error.env_graph", var=GRAPH_ENV, path=clean(path)))
    return path, source


def chosen_graph(ctx: click.Context | None = None) -> KGraph:
    """Load the graph the command line points at (from the cache unless told not to).

    The graph is kept in the context, so an error message can name suggestions in any language.
    """
    ctx = ctx or click.get_current_context(silent=True)
    no_cache = bool(ctx is not None and ctx.meta.get(_NO_CACHE))
    kg = load_graph(chosen_graph_path(ctx), use_cache=not no_cache)
    if ctx is not None:
        ctx.meta[GRAPH_KEY] = kg
    return kg
