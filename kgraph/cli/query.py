"""The learner's query commands: parse options, call one query, render the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kgraph import queries
from kgraph.cli.app import (
    complete_concept,
    concept_argument,
    current_lang,
    known_for,
    main,
    query_command,
    saved_progress_option,
    strict_option,
)
from kgraph.i18n import texts
from kgraph.model import Category, Level

if TYPE_CHECKING:
    from kgraph.graph import KGraph


def _from_to(command: str, names: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """``[FROM] TO`` as ``path`` reads it: FROM counts as known. Returns (FROM or nothing, TO)."""
    if len(names) > 2:  # noqa: PLR2004 - FROM and TO
        t = texts(current_lang())
        raise click.UsageError(t("cli.from_to_names", command=command, count=len(names)))
    return names[:-1], names[-1]


@main.command()
@concept_argument("names", nargs=-1, required=True, metavar="[FROM] TO")
@saved_progress_option
@strict_option
@query_command
def gaps(
    kg: KGraph,
    names: tuple[str, ...],
    known: tuple[str, ...] | None,
    progress_file: str | None,
    strict: bool,
) -> object:
    """Split what you miss for TO into ready-now and blocked concepts; FROM counts as known.

    \b
    Example:
        kgraph gaps transformer --known python,neural-networks
        kgraph gaps lora agi                      # as --known lora
    """
    source, target = _from_to("gaps", names)
    known = (*known_for(kg, known, progress_file), *source)
    return queries.gaps(kg, target, known=known, strict=strict)


@main.command("next")
@concept_argument("source", required=False, metavar="[FROM]")
@saved_progress_option
@strict_option
@click.option("--goal", shell_complete=complete_concept, help="Rank toward this concept only.")
@query_command
def next_command(
    kg: KGraph,
    *,
    source: str | None,
    known: tuple[str, ...] | None,
    progress_file: str | None,
    strict: bool,
    goal: str | None,
) -> object:
    """List what you can learn now, ranked by how much it unlocks per hour; FROM counts as known.

    \b
    Example:
        kgraph next --known python,linear-algebra --goal transformer
        kgraph next lora                          # as --known lora
    """
    known = (*known_for(kg, known, progress_file), *([source] if source else []))
    return queries.next_steps(kg, known=known, strict=strict, goal=goal)


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
