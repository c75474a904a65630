"""Plain-text rendering of query results and reports, for a terminal.

Every string from the graph passes through `clean` first: a concept name must not be able to
move the cursor, recolour the terminal or reverse the text around it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import singledispatch
from typing import TYPE_CHECKING, Final

from kgraph.queries import (
    Details,
    Fringe,
    Gaps,
    Listing,
    Plan,
    Stats,
    Unlocks,
    Why,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.errors import Problem
    from kgraph.model import Concept
    from kgraph.queries import RungTotal

# Printable ASCII is always safe; anything else is looked up by Unicode category. Hidden are
# controls (C0 and C1: ESC starts ANSI and OSC 8 sequences, CR and BS overwrite, CSI is \x9b),
# format characters (bidi embeddings, overrides and isolates, zero-width spaces and joiners,
# the BOM), line and paragraph separators, and lone surrogates (which no terminal can encode).
_SUSPECT: Final = re.compile(r"[^\x20-\x7e]")
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _HIDDEN:
        return char
    return char.encode("unicode_escape").decode("ascii")


def clean(text: str) -> str:
    r"""*text* with every control, format or bidi character shown as a visible escape (``\x1b``).

    Examples:
        >>> print(clean("\x1b[31mred\u202e\r"))
        \x1b[31mred\u202e\r
    """
    if text.isascii() and text.isprintable():
        return text
    return _SUSPECT.sub(_shown, text)


def clean_message(text: str) -> str:
    """A multi-line message (an error, a report) cleaned line by line, keeping its line breaks."""
    return "\n".join(clean(line) for line in text.split("\n"))


def hours(value: float) -> str:
    """Hours as people write them: ``6``, ``1.5``."""
    return f"{value:g}"


def label(concept: Concept) -> str:
    """``id — Name``, or the id alone when the name says the same."""
    name = clean(concept.name)
    return (
        concept.id if name.casefold() == concept.id.replace("-", " ") else f"{concept.id} — {name}"
    )


@singledispatch
def render_text(result: object) -> str:
    """Render any query result as text; one registered function per result type."""
    msg = f"no text rendering for {type(result).__name__}"
    raise TypeError(msg)


@render_text.register
def _plan(plan: Plan) -> str:
    start = f"from {plan.source} " if plan.source else ""
    lines = [f"Learning path {start}to {plan.target}"]
    if plan.known:
        lines.append(f"Known: {', '.join(plan.known)} (and their prerequisites)")
    if not plan.steps:
        return "\n".join([*lines, "Nothing to learn: you know everything it needs."]) + "\n"
    lines += ["", "   #  rung         hours   total  concept"]
    for number, step in enumerate(plan.steps, 1):
        c = step.concept
        row = f"{number:4}  {c.level:<11} {hours(c.hours):>6}  {hours(step.running_hours):>6}"
        lines.append(f"{row}  {label(c)}")
    lines += ["", *_totals(plan.totals)]
    if plan.chain:
        lines += ["", "Shortest chain: " + " → ".join(plan.chain)]
    return "\n".join(lines) + "\n"


def _totals(totals: Iterable[RungTotal]) -> list[str]:
    rows = list(totals)
    lines = ["Per rung:"]
    lines += [f"  {t.level:<11} {t.count:4} concepts  {hours(t.hours):>6} h" for t in rows]
    count, total = sum(t.count for t in rows), sum(t.hours for t in rows)
    lines.append(f"  {'total':<11} {count:4} concepts  {hours(total):>6} h")
    return lines


@render_text.register
def _gaps(result: Gaps) -> str:
    lines = [f"Gaps for {result.target}"]
    if not result.ready and not result.blocked:
        return f"{lines[0]}: none, you know everything it needs.\n"
    lines += ["", f"Ready now ({len(result.ready)}):"]
    lines += [f"  {label(c)}  [{c.level}, {hours(c.hours)} h]" for c in result.ready]
    lines += ["", f"Blocked ({len(result.blocked)}):"]
    lines += [
        f"  {label(b.concept)}  waiting for {', '.join(b.waiting_for)}" for b in result.blocked
    ]
    for marked, missing in result.unmarked:
        lines.append(f"Note: you marked {marked} but not {', '.join(missing)}")
    return "\n".join(lines) + "\n"


@render_text.register
def _fringe(result: Fringe) -> str:
    scope = f" toward {result.goal}" if result.goal else ""
    if not result.candidates:
        return f"Nothing left to learn{scope}.\n"
    lines = [f"Ready to learn now{scope}, most leverage (concepts unlocked per hour) first:"]
    where = f" on the way to {result.goal}" if result.goal else ""
    previous = None
    for number, cand in enumerate(result.candidates, 1):
        c = cand.concept
        opens = f"unlocks {cand.unlocks} concept{'s' * (cand.unlocks != 1)}{where}"
        reason = f"{opens} in {hours(c.hours)} h = {cand.score:.2f}/h"
        tie = " (tied: lower rung, then id, first)" if previous == cand.score else ""
        lines.append(f"{number:4}  {label(c)}  [{c.level}] {reason}{tie}")
        previous = cand.score
    return "\n".join(lines) + "\n"


@render_text.register
def _why(result: Why) -> str:
    if not result.chains:
        return f"{result.source} is not needed for {result.target}.\n"
    lines = [f"{result.source} is needed for {result.target}:"]
    for chain in result.chains:
        lines.append("")
        lines += [f"  {ln.prerequisite} → {ln.concept}: {clean(ln.why)}" for ln in chain]
    return "\n".join(lines) + "\n"


@render_text.register
def _unlocks(result: Unlocks) -> str:
    if not result.rings:
        return f"{result.concept} unlocks nothing yet.\n"
    lines = [f"{result.concept} unlocks:"]
    for distance, concepts in result.rings:
        lines.append("  directly:" if distance == 1 else f"  {distance} steps away:")
        lines += [f"    {label(c)}  [{c.level}]" for c in concepts]
    return "\n".join(lines) + "\n"


@render_text.register
def _details(result: Details) -> str:
    c = result.concept
    lines = [f"{clean(c.name)} ({c.id})", f"  rung: {c.level}   category: {c.category}"]
    lines.append(f"  hours: {hours(c.hours)}")
    if c.aliases:
        lines.append(f"  aliases: {', '.join(clean(a) for a in c.aliases)}")
    lines += ["", f"  {clean(c.summary)}"]
    if result.prerequisites:
        lines += ["", "Needs:"]
        lines += [f"  {p.id}: {clean(why)}" for p, why in result.prerequisites]
    if result.unlocks:
        lines += ["", "Unlocks: " + ", ".join(d.id for d in result.unlocks)]
    if c.resources:
        lines += ["", "Resources:"]
        lines += [f"  [{r.kind}] {clean(r.title)}: {clean(r.url)}" for r in c.resources]
    return "\n".join(lines) + "\n"


@render_text.register
def _listing(result: Listing) -> str:
    if not result.concepts:
        return f"No concepts match {clean(result.title)}.\n"
    rows = [f"{c.level:<11} {hours(c.hours):>5} h  {label(c)}" for c in result.concepts]
    return "\n".join(rows) + f"\n({len(rows)} concepts)\n"


@render_text.register
def _stats(result: Stats) -> str:
    lines = [
        f"{result.concepts} concepts, {result.edges} prerequisite edges, {hours(result.hours)} h",
        f"{result.roots} roots, {result.leaves} leaves, longest chain {result.longest_chain}",
        "",
        *_totals(result.by_level),
        "",
        "Per category:",
    ]
    lines += [f"  {name:<17} {count:4}" for name, count in result.by_category]
    return "\n".join(lines) + "\n"


def render_problems(problems: Iterable[Problem]) -> str:
    """One line per problem, ``file:line:col: concept 'x': field 'y': message``."""
    rows = [clean(str(p)) for p in problems]
    return "".join(f"{row}\n" for row in rows)


__all__ = ["clean", "clean_message", "hours", "label", "render_problems", "render_text"]

# The learner's result types register themselves on render_text; importing them here (after
# render_text exists) makes every caller of render_text see them.
import kgraph.render.learner_text  # noqa: E402, F401
