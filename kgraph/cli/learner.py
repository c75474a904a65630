"""Saved progress and the ladder: learn, forget, known, progress, assess."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

import click

from kgraph.assess import Answer, Assessment
from kgraph.cli.app import (
    chosen_graph,
    concept_argument,
    current_lang,
    emit,
    format_option,
    known_for,
    main,
    matching_ids,
    progress_option,
    saved_progress_option,
    strict_option,
)
from kgraph.errors import KgraphError
from kgraph.i18n import texts
from kgraph.ladder import known_report, ladder
from kgraph.render.terminal import clean, label
from kgraph.render.text import render_text
from kgraph.saved_progress import (
    load_progress,
    locked_progress,
    marks_text,
    migrated,
    now,
    parse_marks,
    progress_path,
    record_forgotten,
    record_imported,
    record_learned,
    resolve,
)
from kgraph.store import read_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.graph import KGraph
    from kgraph.i18n import Texts
    from kgraph.model import Concept

T = TypeVar("T")


@main.command()
@concept_argument("names", nargs=-1, required=True, metavar="CONCEPT...")
@progress_option
def learn(names: tuple[str, ...], progress_file: str | None) -> None:
    """Mark concepts as known and save it; their prerequisites count as known too.

    \b
    Example:
        kgraph learn python linear-algebra lora
    """
    lang = current_lang()
    kg = chosen_graph()
    with locked_progress(progress_path(progress_file)) as saved:
        change = record_learned(kg, saved, names, now())
    click.echo(render_text(change, lang), nl=False, err=True)


def _complete_marked(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
    """For ``forget``: only the concepts the saved progress marks."""
    try:
        kg = chosen_graph(ctx)
        marked = resolve(
            kg, load_progress(progress_path(ctx.params.get("progress_file"))).marked
        ).ids
    except KgraphError:
        return []
    return matching_ids(kg, sorted(marked), incomplete)


@main.command()
@click.argument(
    "names", nargs=-1, required=True, metavar="CONCEPT...", shell_complete=_complete_marked
)
@progress_option
def forget(names: tuple[str, ...], progress_file: str | None) -> None:
    """Unmark concepts as known; nothing else is removed.

    \b
    Example:
        kgraph forget lora
    """
    lang = current_lang()
    kg = chosen_graph()
    with locked_progress(progress_path(progress_file)) as saved:
        change = record_forgotten(kg, saved, names)
    click.echo(render_text(change, lang), nl=False, err=True)


@main.command()
@progress_option
@format_option("text", "json")
@click.option("--export", "export_", is_flag=True, help="Print the progress file, to keep or move.")
@click.option(
    "--import", "import_", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Merge the progress in FILE (from --export) into yours.",
)  # fmt: skip
def known(
    *,
    progress_file: str | None,
    fmt: str,
    export_: bool,
    import_: Path | None,
) -> None:
    """List what you know, by rung; or export or import (merge) your saved progress.

    \b
    Example:
        kgraph known
        kgraph known --export > progress.json
        kgraph known --import progress.json
    """
    lang = current_lang()
    if export_ and import_:
        raise click.UsageError(texts(lang)("cli.export_import"))
    kg = chosen_graph()
    if import_:
        incoming = parse_marks(read_text(import_), str(import_))
        with locked_progress(progress_path(progress_file)) as saved:
            change = record_imported(kg, saved, incoming)  # unknown ids: nothing is written
        click.echo(render_text(change, lang), nl=False, err=True)
        return
    saved = load_progress(progress_path(progress_file))
    if export_:
        click.echo(marks_text(migrated(kg, saved.marked)), nl=False)
    else:
        resolved = resolve(kg, saved.marked)
        report = known_report(
            kg,
            str(saved.path),
            dict(resolved.marks),
            resolved.unresolved,
            saved=saved.path.exists(),
        )
        emit(report, fmt, lang)


@main.command("progress")
@saved_progress_option
@strict_option
@format_option("text", "json")
def progress_command(
    known: tuple[str, ...] | None, progress_file: str | None, strict: bool, fmt: str
) -> None:
    """Show the ladder: how much of each rung you know, where you stand, how to climb.

    With a saved goal and dated progress, also when you arrive at your pace so far.

    \b
    Example:
        kgraph progress
        kgraph progress --known lora --format json
    """
    kg = chosen_graph()
    result = ladder(kg, known=known_for(kg, known, progress_file), strict=strict)
    from kgraph.cli.plan import emit_with_pace_so_far

    emit_with_pace_so_far(
        kg,
        result,
        fmt=fmt,
        lang=current_lang(),
        progress_file=None if known else progress_file,
        saved=known is None,
    )


_REPLIES: dict[str, Answer] = {"y": "yes", "n": "no", "s": "skip"}
_STOP: Final = "q"


def _reply(ask: Callable[[], T]) -> T | None:
    """What *ask* returns, or None when the input ends (Ctrl-C still aborts)."""
    try:
        return ask()
    except click.Abort as err:
        if isinstance(err.__context__, EOFError):
            return None
        raise


def _piped_reply(ask: Callable[[], T]) -> T | None:
    """`_reply`, ending the prompt's line when the input is piped (a terminal echoes the answer).

    So piped answers give one prompt per line, not prompts run together.
    """
    try:
        return _reply(ask)
    finally:
        if not sys.stdin.isatty():
            click.echo(err=True)


def _question(concept: Concept, t: Texts) -> str:
    """The question about *concept*: "Can you …?" from its outcomes, else "Do you know X?"."""
    name = label(concept, t.lang)
    if outcomes := t.outcomes(concept):
        questions = " ".join(clean(t.can_you(o)) for o in outcomes)
        return t("cli.assess_outcomes", label=name, questions=questions)
    return t("cli.assess_question", label=name, summary=clean(t.summary(concept)))


def _ask(run: Assessment, t: Texts) -> None:
    """Ask until every concept is decided, ``q`` is answered or the input ends."""
    kg, choices = run.kg, click.Choice([*_REPLIES, _STOP])
    while (question := run.next_question()) is not None:
        prompt = _question(kg[question], t)
        reply: str | None = _piped_reply(partial(click.prompt, prompt, type=choices, err=True))
        if reply is None or reply == _STOP:
            click.echo(t("cli.assess_stopped"), err=True)
            return
        run.answer(question, _REPLIES[reply])


def _offer_to_save(kg: KGraph, new: tuple[str, ...], path: Path, t: Texts, *, ask: bool) -> None:
    """Save *new* into the progress file at *path*, asking first when *ask*; say what happened."""
    if not new:
        click.echo(t("cli.assess_nothing_new"), err=True)
        return
    where = clean(str(path))
    if ask:
        concepts = t.plural(len(new), "concept")
        question = t("cli.assess_save", count=len(new), concepts=concepts, path=where)
        confirmed = _piped_reply(lambda: click.confirm(question, default=True, err=True))
        if not confirmed:  # None: the input ended after a complete session; no error either way
            key = "cli.assess_declined" if confirmed is False else "cli.assess_not_saved"
            click.echo(t(key, path=where), err=True)
            return
    with locked_progress(path) as latest:  # re-read: another command may have saved meanwhile
        record_learned(kg, latest, new, now())
    click.echo(t("saved_in", path=where), err=True)


@main.command()
@concept_argument("target", required=False)
@progress_option
@format_option("text", "json")
@click.option("-y", "--yes", "save", is_flag=True, help="Save what was found without asking.")
@click.option("--fresh", is_flag=True, help="Ask even about what your saved progress covers.")
def assess(
    *,
    target: str | None,
    progress_file: str | None,
    fmt: str,
    save: bool,
    fresh: bool,
) -> None:
    """Find what you know with few yes/no questions, then save it.

    A yes counts all prerequisites as known, a no rules out everything that needs it.

    \b
    Example:
        kgraph assess transformer
    """
    lang = current_lang()
    kg, t = chosen_graph(), texts(lang)
    saved = load_progress(progress_path(progress_file))
    run = Assessment(kg, target, known=() if fresh else resolve(kg, saved.marked).ids)
    count = len(run.open)
    click.echo(t("cli.assess_start", count=count, concepts=t.plural(count, "concept")), err=True)
    _ask(run, t)
    emit(run.result(), fmt, lang)
    _offer_to_save(kg, run.newly_known(), saved.path, t, ask=not save)
