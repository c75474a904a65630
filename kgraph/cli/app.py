"""The ``kgraph`` group: which module holds each command, error messages and exit codes, `run`.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr. Every message comes from `kgraph.i18n` in the
language ``--lang`` (or the environment) chose. What commands share lives next door:
`kgraph.cli.context` (global options, the chosen graph) and `kgraph.cli.options` (shared options,
completion, rendering); their names are importable from here too.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from importlib import import_module
from typing import TYPE_CHECKING, Any, Final, NoReturn

import click

from kgraph.cli.context import (
    GRAPH_KEY,
    LANG_KEY,
    chosen_graph,
    chosen_graph_path,
    chosen_graph_source,
    current_lang,
    environment_language,
    global_options,
)
from kgraph.cli.options import (
    complete_concept,
    complete_known,
    concept_argument,
    emit,
    format_option,
    known_for,
    known_option,
    matching_ids,
    progress_option,
    query_command,
    saved_progress_option,
    strict_option,
)
from kgraph.errors import FileError, KgraphError, MessageError, UnknownConceptError
from kgraph.graph import normalize, short_names
from kgraph.i18n import texts
from kgraph.render.terminal import clean, clean_message
from kgraph.version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kgraph.graph import KGraph
    from kgraph.i18n import Texts

__all__ = [
    "COMMAND_MODULES",
    "CONTRIBUTOR_MODULES",
    "audience",
    "chosen_graph",
    "chosen_graph_path",
    "chosen_graph_source",
    "closest_command",
    "complete_concept",
    "complete_known",
    "concept_argument",
    "current_lang",
    "describe",
    "emit",
    "format_option",
    "global_options",
    "known_for",
    "known_option",
    "main",
    "matching_ids",
    "progress_option",
    "query_command",
    "run",
    "saved_progress_option",
    "strict_option",
]

COMMAND_MODULES: Final = {
    "path": "path",
    **dict.fromkeys(("gaps", "next", "why", "unlocks", "show", "search", "list", "stats"), "query"),
    **dict.fromkeys(("validate", "lint", "fmt", "schema", "diff"), "data"),
    "export": "export",
    "refresh": "refresh",
    **dict.fromkeys(("learn", "forget", "known", "progress", "assess"), "learner"),
    **dict.fromkeys(("projects", "goal", "week"), "goals"),
}
# Whom each module's commands serve, for the grouped help; a module not named serves learners.
CONTRIBUTOR_MODULES: Final = frozenset(("data", "refresh"))
_WHOLE_SENTENCE: Final = 200  # a command's first sentence in the help, wrapped, never cut off


def audience(command: str) -> str:
    """``learners`` or ``contributors``: under which heading ``kgraph --help`` lists *command*."""
    return "contributors" if COMMAND_MODULES.get(command) in CONTRIBUTOR_MODULES else "learners"


def closest_command(typed: str) -> str | None:
    """The command a mistyped *typed* most likely meant (``nxt`` → ``next``), or None.

    Examples:
        >>> closest_command("nxt"), closest_command("vaildate"), closest_command("zzz")
        ('next', 'validate', None)
    """
    import difflib  # only a mistyped command needs it

    found = difflib.get_close_matches(typed.lower(), sorted(COMMAND_MODULES), n=1, cutoff=0.6)
    return found[0] if found else None


@contextmanager
def _cleaned_usage_errors() -> Iterator[None]:
    """Click's own errors echo what was typed (a file name, a choice): clean them too."""
    try:
        yield
    except click.ClickException as err:
        err.message = clean_message(err.message)  # type: ignore[misc]  # Final in the stubs only
        raise


class _Command(click.Command):
    """A kgraph command: it takes the program's global options after its name too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(
            global_options()
        )  # `kgraph path … --lang ru` as `kgraph --lang ru path …`


class _Group(click.Group):
    """The ``kgraph`` group: a command's module is imported only when that command runs.

    So each command pays for its own imports alone. Every KgraphError becomes one stderr message
    and its exit code here; messages quote file names, typed names and file contents, so they
    are cleaned of terminal control characters first (click's own usage errors too).
    """

    command_class = _Command  # every `@main.command()`

    def list_commands(self, _: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES:
            import_module(f"kgraph.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            typed = click.utils.make_str(args[0])
            if typed.startswith("-") or (guess := closest_command(typed)) is None:
                raise
            t = texts(ctx.meta.get(LANG_KEY) or environment_language())
            raise click.UsageError(t("cli.no_command", name=typed, guess=guess), ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands in two groups: for learners, then for contributors."""
        t = texts(ctx.meta.get(LANG_KEY) or environment_language())
        commands = [(n, c) for n in self.list_commands(ctx) if (c := self.get_command(ctx, n))]
        for group in ("learners", "contributors"):
            rows = [
                (name, command.get_short_help_str(limit=_WHOLE_SENTENCE))
                for name, command in commands
                if audience(name) == group and not command.hidden
            ]
            if rows:
                with formatter.section(t(f"help.{group}")):
                    formatter.write_dl(rows)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _cleaned_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _cleaned_usage_errors():
                result = super().invoke(ctx)
        except KgraphError as err:
            t = texts(ctx.meta.get(LANG_KEY) or environment_language())
            _say_where_taught(ctx, t)
            message = clean_message(describe(err, t, ctx.meta.get(GRAPH_KEY)))
            click.echo(t("error", message=message), err=True)
            ctx.exit(err.exit_code)
        _say_where_taught(ctx, texts(ctx.meta.get(LANG_KEY) or environment_language()))
        return result


def _say_where_taught(ctx: click.Context, t: Texts) -> None:
    """A note on stderr for each name that resolved through a sub-topic: where it is taught."""
    kg: KGraph | None = ctx.meta.get(GRAPH_KEY)
    if kg is None:
        return
    for name, cid in kg.taught_in:
        concept = clean(t.name(kg[cid]))
        click.echo(clean_message(t("note.taught_in", name=name, concept=concept, id=cid)), err=True)


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
    hundred modules unloaded one by one) costs a short query a tenth or more of its time:
    ``bench/path_ratio.py`` measures it against ``main()`` with the normal exit, in its "normal
    exit" rows. kgraph loses nothing: every file it writes is closed and synced by
    `kgraph.store` before the command returns, and the streams are flushed here. What is
    skipped is other code's ``atexit`` work (logging's final flush, coverage's data file): a
    program that embeds kgraph, or measures its coverage, calls `main` instead.
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
