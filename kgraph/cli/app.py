"""The ``kgraph`` group and what its commands share: options, graph loading, rendering.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr. Every message comes from `kgraph.i18n` in the
language ``--lang`` (or the environment) chose.
"""

from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

import click

from kgraph.errors import FileError, InputError, KgraphError, MessageError, UnknownConceptError
from kgraph.graph import names_of, normalize, short_names
from kgraph.i18n import DEFAULT, LANGUAGES, LanguageError, choose_language, texts
from kgraph.load import load_graph
from kgraph.render.json import render_json
from kgraph.render.terminal import clean, clean_message
from kgraph.render.text import render_text
from kgraph.store import GRAPH_ENV, choose_graph
from kgraph.version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from kgraph.graph import KGraph
    from kgraph.i18n import Texts
    from kgraph.store import GraphSource

_LANG: Final = "kgraph.lang"  # ctx.meta keys, shared by a command's context and its parent's
_GRAPH: Final = "kgraph.graph"
_GRAPH_PATH: Final = "kgraph.graph_path"
_NO_CACHE: Final = "kgraph.no_cache"


COMMAND_MODULES: Final = {
    **dict.fromkeys(
        ("path", "gaps", "next", "why", "unlocks", "show", "search", "list", "stats"), "query"
    ),
    **dict.fromkeys(("validate", "lint", "fmt", "schema", "diff"), "data"),
    "export": "export",
    "refresh": "refresh",
    **dict.fromkeys(("learn", "forget", "known", "progress", "assess"), "learner"),
    **dict.fromkeys(("projects", "goal", "week"), "plan"),
}


@contextmanager
def _cleaned_usage_errors() -> Iterator[None]:
    """Click's own errors echo what was typed (a file name, a choice): clean them too."""
    try:
        yield
    except click.ClickException as err:
        err.message = clean_message(err.message)  # type: ignore[misc]  # Final in the stubs only
        raise


class _Group(click.Group):
    """The ``kgraph`` group: a command's module is imported only when that command runs.

    So each command pays for its own imports alone. Every KgraphError becomes one stderr message
    and its exit code here; messages quote file names, typed names and file contents, so they
    are cleaned of terminal control characters first (click's own usage errors too).
    """

    def list_commands(self, _: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES:
            import_module(f"kgraph.cli.{COMMAND_MODULES[cmd_name]}")
        command = super().get_command(ctx, cmd_name)
        if command is not None and not any(p.name == "graph" for p in command.params):
            command.params.extend(global_options())  # accepted after the command name too
        return command

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _cleaned_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _cleaned_usage_errors():
                return super().invoke(ctx)
        except KgraphError as err:
            t = texts(ctx.meta.get(_LANG) or _environment_language())
            message = clean_message(describe(err, t, ctx.meta.get(_GRAPH)))
            click.echo(t("error", message=message), err=True)
            ctx.exit(err.exit_code)


def _environment_language() -> str:
    """The language of the environment, English when it names one kgraph lacks."""
    try:
        return choose_language()
    except LanguageError:
        return "en"


def describe(err: KgraphError, t: Texts, kg: KGraph | None = None) -> str:
    """The message for *err* in *t*'s language; suggestions name concepts as *kg* calls them."""
    if isinstance(err, UnknownConceptError) and err.suggestions:
        suggestions = ", ".join(_suggestion(cid, t, kg) for cid in err.suggestions)
        return t("error.did_you_mean", name=err.name, suggestions=suggestions)
    if isinstance(err, UnknownConceptError):
        return t("error.unknown_concept", name=err.name)
    if isinstance(err, FileError):
        return t(f"error.file.{err.reason}", path=err.path, **err.details)
    if isinstance(err, MessageError):
        return t(err.key, **err.values)
    return str(err)


def _suggestion(concept_id: str, t: Texts, kg: KGraph | None) -> str:
    """A suggested concept as *t*'s language shows it: ``lora``, or ``Имя (lora)`` in Russian."""
    if kg is None or concept_id not in kg:
        return concept_id
    name = clean(t.name(kg[concept_id]))
    if any(normalize(part) == normalize(concept_id) for part in short_names(name)):
        return t("error.suggestion_named", id=concept_id, name=name)  # "Внимание (attention)"
    return t("error.suggestion", id=concept_id, name=name)


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback keeping a global option's value for the command; the last place given wins."""

    def callback(ctx: click.Context, _: click.Parameter, value: Any) -> None:
        if value is not None and value is not False:
            ctx.meta[key] = choose_language(value) if key == _LANG else value

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
            type=click.Path(dir_okay=False, path_type=Path),
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
            callback=_remember(_LANG),
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
    lang = ctx.meta.get(_LANG) if ctx is not None else None
    return str(lang) if lang else choose_language()


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
        shell_complete=complete_known,
        metavar="A,B,…",
        help="Concepts you know, comma-separated (default: your saved progress, `kgraph known`).",
    )(profile_option(func))


def known_for(kg: KGraph, known: tuple[str, ...] | None, profile: Path | None) -> tuple[str, ...]:
    """*known* when given, else the saved progress mapped onto *kg*'s current ids."""
    if known is not None:
        return known
    from kgraph.saved_known import load_profile, profile_path, resolve

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


def emit(result: object, fmt: str, lang: str) -> None:
    """Print a query result as text in *lang*, or as language-neutral JSON."""
    click.echo(render_json(result) if fmt == "json" else render_text(result, lang), nl=False)


def chosen_graph_path(ctx: click.Context | None = None) -> Path:
    """``--graph`` (before or after the command), else ``$KGRAPH_GRAPH``, ``./graph``, packaged."""
    return chosen_graph_source(ctx)[0]


def chosen_graph_source(ctx: click.Context | None = None) -> tuple[Path, GraphSource]:
    """The graph file and which step chose it.

    A ``$KGRAPH_GRAPH`` naming no file is an error that names the variable: a user may have set
    it long ago and forgotten.
    """
    ctx = ctx or click.get_current_context(silent=True)
    path, source = choose_graph(ctx.meta.get(_GRAPH_PATH) if ctx is not None else None)
    if source == "env" and (not path.exists() or path.is_dir()):
        t = texts(ctx.meta.get(_LANG) or _environment_language() if ctx else DEFAULT)
        raise InputError(t("error.env_graph", var=GRAPH_ENV, path=clean(str(path))))
    return path, source


def chosen_graph(ctx: click.Context | None = None) -> KGraph:
    """Load the graph the command line points at (from the cache unless told not to).

    The graph is kept in the context, so an error message can name suggestions in any language.
    """
    ctx = ctx or click.get_current_context(silent=True)
    no_cache = bool(ctx is not None and ctx.meta.get(_NO_CACHE))
    kg = load_graph(chosen_graph_path(ctx), use_cache=not no_cache)
    if ctx is not None:
        ctx.meta[_GRAPH] = kg
    return kg


def query_command(func: Callable[..., object]) -> Callable[..., None]:
    """Wrap a function returning a query result into a command that loads the graph and renders."""

    @format_option("text", "json")
    @functools.wraps(func)
    def command(fmt: str, **kwargs: Any) -> None:
        emit(func(chosen_graph(), **kwargs), fmt, current_lang())

    return command


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="kgraph")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Explore the prerequisite graph of AI-engineering concepts.

    \b
    Example:
        kgraph path lora agi        # what stands between LoRA and the top
    """
    if ctx.invoked_subcommand is None:  # bare `kgraph`: the help, and success, as git does
        click.echo(ctx.get_help())


main.params.extend(global_options())


def run() -> NoReturn:
    """The ``kgraph`` program: run the command, flush its output, and leave at once.

    A command is over when its output is flushed; tearing the interpreter down after that (a
    hundred modules unloaded one by one) took a seventh of a short query's time. Nothing is lost
    by skipping it: every file kgraph writes is closed (and synced) by `kgraph.store` before
    the command returns, and the streams are flushed here.
    """
    code: object = 0
    try:
        main()
    except SystemExit as done:  # how click always ends
        code = done.code
    if isinstance(code, str):
        click.echo(code, err=True)  # what the interpreter does with sys.exit("...")
    status = code if isinstance(code, int) else 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a closed stream: nothing to add
            status = status or 1
    os._exit(status)
