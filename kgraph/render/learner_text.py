"""Plain-text rendering of the learner's results: saved progress, the ladder, an assessment.

Registered on `kgraph.render.text.render_text`, which imports this module at its end, so
``render_text(result)`` covers these types wherever it is called from.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from kgraph.assess import Assessed
from kgraph.profile import Change
from kgraph.progress import KnownReport, Ladder
from kgraph.render.text import clean, hours, label, render_text

if TYPE_CHECKING:
    from kgraph.model import Concept

_BAR = 20


@render_text.register(KnownReport)
def _known(report: KnownReport) -> str:
    if not report.rungs:
        lines = ["You have marked nothing as known yet (kgraph learn X, or kgraph assess)."]
    else:
        lines = [f"You know {report.count} concepts:"]
    for level, group in report.rungs:
        marked = [k for k in group if k.marked]
        lines += ["", f"{level} ({len(group)}, {len(marked)} marked)"]
        lines += [f"  {label(k.concept)}  marked {(k.marked or '')[:10]}" for k in marked]
        implied = ", ".join(k.concept.id for k in group if not k.marked)
        if implied:
            lines += _wrap(implied, "  implied: ", "    ")
    if report.unresolved:
        unresolved = ", ".join(map(clean, report.unresolved))  # raw ids from a file: may be hostile
        lines += ["", "Saved but not in this graph: " + unresolved]
    return "\n".join([*lines, "", f"Saved in {clean(report.profile)}"]) + "\n"


@render_text.register(Ladder)
def _ladder(result: Ladder) -> str:
    lines = ["The ladder, bottom rung first (the bar: share of each rung's hours you know):", ""]
    for rung in result.rungs:
        filled = round(rung.share * _BAR)
        bar = "#" * filled + "." * (_BAR - filled)
        here = "  <- you stand here" if rung.level == result.standing else ""
        counts = f"{rung.known}/{rung.total}"
        spent = f"{hours(rung.known_hours)}/{hours(rung.total_hours)} h"
        lines.append(
            f"  {rung.level:<11} [{bar}] {rung.share:4.0%} {counts:>8} concepts {spent:>14}{here}"
        )
    if result.standing is None:
        lines += ["", "You have marked nothing as known yet."]
    if result.toward is None:
        return "\n".join([*lines, "", "You know every concept of the graph."]) + "\n"
    lines += ["", f"Fastest ways onto {result.toward}:"]
    for number, move in enumerate(result.moves, 1):
        c = move.concept
        start = "" if move.first == c.id else f", start with {move.first}"
        need = f"{hours(move.hours)} h over {move.steps} concept{'s' * (move.steps != 1)}"
        lines.append(f"{number:4}  {label(c)}  ({need}{start})")
    return "\n".join(lines) + "\n"


@render_text.register(Assessed)
def _assessed(result: Assessed) -> str:
    scope = f"for {result.target}" if result.target else "over the whole graph"
    total = len(result.known) + len(result.unknown) + len(result.undecided)
    lines = [f"{result.questions} questions decided {total} concepts {scope}."]
    lines += ["", f"You know {len(result.known)}:"]
    lines += _by_rung(result.known)
    lines += ["", f"Not yet known: {len(result.unknown)}"]
    if result.undecided:
        lines += ["", f"Undecided (skipped): {len(result.undecided)}", *_by_rung(result.undecided)]
    return "\n".join(lines) + "\n"


def _by_rung(concepts: tuple[Concept, ...]) -> list[str]:
    rows: dict[str, list[str]] = {}
    for concept in concepts:
        rows.setdefault(str(concept.level), []).append(concept.id)
    lines = []
    for level, ids in rows.items():
        head = f"  {level:<11} "
        indent = " " * len(head)
        text = ", ".join(ids)
        lines += _wrap(text, head, indent)
    return lines


def _wrap(text: str, head: str, indent: str) -> list[str]:
    """Comma-separated ids wrapped at 96 columns, never inside an id."""
    return textwrap.wrap(
        text, 96, initial_indent=head, subsequent_indent=indent, break_on_hyphens=False
    )


@render_text.register(Change)
def _change(change: Change) -> str:
    lines = []
    if change.changed:
        lines.append(f"{change.action}: {', '.join(change.changed)}")
    if change.unchanged:
        verb = "already marked" if change.action != "Forgot" else "not marked"
        lines.append(f"{verb}: {', '.join(change.unchanged)}")
    for concept, marked in change.still_implied:
        need = "needs" if len(marked) == 1 else "need"
        lines.append(f"{concept} still counts as known: {', '.join(marked)} {need} it")
    lines.append(f"Saved in {clean(change.path)}" if change.changed else "Nothing changed.")
    return "\n".join(lines) + "\n"


__all__: list[str] = []
