r"""A dated plan as an RFC 5545 calendar: one all-day event per rung and one per capstone.

Written by hand (a few dozen lines; no runtime dependency) to what Google Calendar,
Thunderbird and Apple Calendar import: CRLF line ends, content lines folded at 75 octets
without splitting a UTF-8 character, TEXT values escaped (``\\``, ``;``, ``,`` and line
breaks), all-day events as ``DATE`` values with an exclusive ``DTEND``.

A ``UID`` is made of ids alone (the plan's start, its goal, the rung or the capstone), so the
same plan exported again, even with another start date, updates its events instead of adding
copies. ``DTSTAMP`` is required; it is the plan's start date at midnight UTC rather than the time
of export, so the same input gives the same bytes (as every kgraph output does).

Examples:
    >>> fold("SUMMARY:" + "ж" * 40)[:2]
    ['SUMMARY:жжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжж', ' жжжжжжж']
    >>> escape_text("a, b; c\\d\nе")
    'a\\, b\\; c\\\\d\\nе'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from kgraph.i18n import DEFAULT, hours, texts
from kgraph.pace import week_begins, week_ends

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kgraph.i18n import Texts
    from kgraph.model import Concept
    from kgraph.pace import Schedule
    from kgraph.study import Guide

LINE_OCTETS: Final = 75
PRODID: Final = "-//kgraph//learning plan//EN"
_CONTROLS: Final = "[\x00-\x08\x0b-\x1f\x7f]"  # not allowed in TEXT; HTAB and line breaks are


def escape_text(text: str) -> str:
    """*text* as an RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped."""
    text = re.sub(_CONTROLS, "", text.replace("\r\n", "\n").replace("\r", "\n"))
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line: str) -> list[str]:
    """*line* folded into lines of at most 75 octets, continuations starting with a space."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    return [*parts, current]


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _event(uid: str, stamp: str, span: tuple[date, date], summary: str, text: str) -> list[str]:
    first, last = span
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(first)}",
        f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}",  # exclusive: the day after
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(text)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _span(timed: Schedule, first: int, last: int) -> tuple[date, date]:
    start = date.fromisoformat(timed.start)
    return week_begins(start, first), week_ends(start, last)


def _events(guide: Guide[Concept], timed: Schedule, t: Texts) -> Iterator[list[str]]:
    plan = guide.plan
    key = f"{plan.source or 'known'}.{plan.target}"
    # DTSTAMP is required; the clock would make every export differ, the start date does not.
    stamp = f"{_day(date.fromisoformat(timed.start))}T000000Z"
    for rung in timed.rungs:
        steps = [s.concept for s in plan.steps if s.concept.level == rung.level]
        spent = hours(sum(c.hours for c in steps))
        summary = t("ics.rung", level=t.level(rung.level), target=plan.target, hours=spent)
        text = "\n".join(f"{t.name(c)} ({t.hours(c.hours)})" for c in steps)
        span = _span(timed, rung.first_week, rung.last_week)
        yield _event(f"{key}.{rung.level}@kgraph", stamp, span, summary, text)
    for step, weeks in zip(plan.steps, timed.weeks, strict=True):
        if step.concept.capstone:
            c = step.concept
            summary = t("ics.capstone", name=t.name(c), hours=hours(c.hours))
            span = _span(timed, *weeks)
            yield _event(f"{key}.{c.id}@kgraph", stamp, span, summary, _project_text(c, t))


def _project_text(concept: Concept, t: Texts) -> str:
    lines = [t.deliverable(concept) or t.summary(concept)]
    lines += [f"- {o}" for o in t.outcomes(concept)]
    return "\n".join(lines)


def render_ics(guide: Guide[Concept], *, lang: str = DEFAULT) -> str:
    """The dated plan of *guide* as an iCalendar file (CRLF line ends), titles in *lang*.

    Raises:
        ValueError: if the guide has no schedule (the CLI asks for ``--pace`` first).
    """
    if guide.schedule is None:
        msg = "a calendar needs a plan with a schedule (a pace)"
        raise ValueError(msg)
    t = texts(lang)
    plan = guide.plan
    name = t.export_title(source=plan.source, target=plan.target, focus=None)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in _events(guide, guide.schedule, t):
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(f"{part}\r\n" for line in lines for part in fold(line))


__all__ = ["LINE_OCTETS", "PRODID", "escape_text", "fold", "render_ics"]
