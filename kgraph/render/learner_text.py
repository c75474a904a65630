"""Plain-text rendering of the learner's results: saved progress, the ladder, an assessment.

`RENDERERS` maps each result type to its function; `kgraph.render.text.render_text` registers
them the first time it meets a type it does not know, so ``render_text(result)`` covers them
wherever it is called from, and this module needs nothing of it.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Final

from kgraph.assess import Assessed
from kgraph.i18n import DEFAULT, hours, texts
from kgraph.ladder import KnownReport, Ladder
from kgraph.render.terminal import clean, label
from kgraph.saved_progress import ProgressChange

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kgraph.i18n import Texts
    from kgraph.model import Concept

_BAR = 20


def _known(report: KnownReport, lang: str = DEFAULT) -> str:
    t = texts(lang)
    if not report.rungs:
        lines = [t("known.none")]
    else:
        lines = [
            t(
                "known.head",
                count=report.known_count,
                concepts=t.plural(report.known_count, "concept"),
            )
        ]
    for level, group in report.rungs:
        marked = [k for k in group if k.marked]
        lines += ["", t("known.rung", level=t.level(level), count=len(group), marked=len(marked))]
        lines += [
            t("known.row", label=label(k.concept, lang), date=(k.marked or "")[:10]) for k in marked
        ]
        implied = ", ".join(k.concept.id for k in group if not k.marked)
        if implied:
            lines += _wrap(implied, t("known.implied"), "    ")
    if report.unresolved:
        unresolved = ", ".join(map(clean, report.unresolved))  # raw ids from a file: may be hostile
        lines += ["", t("known.unresolved", ids=unresolved)]
    where = "saved_in" if report.saved else "known.not_saved"
    return "\n".join([*lines, "", t(where, path=clean(report.path))]) + "\n"


def _ladder(result: Ladder, lang: str = DEFAULT) -> str:
    t = texts(lang)
    lines = [t("ladder.head"), ""]
    for rung in result.rungs:
        filled = round(rung.share * _BAR)
        lines.append(
            t("ladder.row", level=t.level(rung.level), bar="#" * filled + "." * (_BAR - filled),
              share=f"{rung.share:4.0%}", counts=f"{rung.known}/{rung.total}",
              concepts=t.plural(rung.total, "concept"),
              spent=t("ladder.spent", known=hours(rung.known_hours), total=hours(rung.total_hours)),
              here=t("ladder.here") if rung.level == result.standing else "")
        )  # fmt: skip
    if result.standing is None:
        lines += ["", t("ladder.nothing")]
    if result.toward is None:
        return "\n".join([*lines, "", t("ladder.all")]) + "\n"
    lines += ["", t("ladder.toward", level=t.level(result.toward))]
    for number, move in enumerate(result.moves, 1):
        c = move.concept
        start = "" if move.first == c.id else t("ladder.start", first=move.first)
        lines.append(
            t("ladder.move", number=number, label=label(c, lang), hours=hours(move.hours),
              steps=move.steps, concepts=t.plural(move.steps, "concept"), start=start)
        )  # fmt: skip
    return "\n".join(lines) + "\n"


def _assessed(result: Assessed, lang: str = DEFAULT) -> str:
    t = texts(lang)
    scope = t("assess.for", target=result.target) if result.target else t("assess.all")
    nouns = {
        "questions_noun": t.plural(result.questions, "question"),
        "concepts": t.plural(result.total, "concept"),
    }
    counts = {"questions": result.questions, "decided": result.decided, "total": result.total}
    lines = [t("assess.head", **counts, scope=scope, **nouns)]
    if result.decided:  # stopped at once: no "You know 0" and "Not yet known: 0"
        lines += ["", t("assess.known", count=len(result.known))]
        lines += _by_rung(result.known, t)
        lines += ["", t("assess.unknown", count=len(result.unknown))]
    if result.undecided:
        lines += ["", t("assess.undecided", count=len(result.undecided))]
        lines += _by_rung(result.undecided, t)
    return "\n".join(lines) + "\n"


def _by_rung(concepts: tuple[Concept, ...], t: Texts) -> list[str]:
    rows: dict[str, list[str]] = {}
    for concept in concepts:
        rows.setdefault(t.level(concept.level), []).append(concept.id)
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


def _change(change: ProgressChange, lang: str = DEFAULT) -> str:
    t = texts(lang)
    lines = []
    if change.changed:
        lines.append(t(f"change.{change.action}", ids=", ".join(change.changed)))
    if change.unchanged:
        verb = "change.already" if change.action != "forgot" else "change.not_marked"
        lines.append(t(verb, ids=", ".join(change.unchanged)))
    for concept, marked in change.still_implied:
        key = "change.implied_one" if len(marked) == 1 else "change.implied_many"
        lines.append(t(key, concept=concept, ids=", ".join(marked)))
    lines.append(t("saved_in", path=clean(change.path)) if change.changed else t("change.nothing"))
    return "\n".join(lines) + "\n"


RENDERERS: Final[Mapping[type, Callable[..., str]]] = {
    KnownReport: _known,
    Ladder: _ladder,
    Assessed: _assessed,
    ProgressChange: _change,
}


__all__ = ["RENDERERS"]
