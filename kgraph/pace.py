"""A plan at a pace: hours a week turned into week numbers, a date per rung and a finish date.

Week *n* covers the hours ((n−1)·H, n·H] of the plan's running total, and week 1 begins on the
start date. So a step lies in the weeks from the one its first hour falls in to the one its
running total ends in, a rung ends on the last day of the week its last step ends in, and the
plan ends on ``start + 7·ceil(total/H) − 1``. Pure functions: the caller passes the start date
(the CLI passes today when none is given), so the same input always gives the same dates.

Examples:
    >>> from datetime import date
    >>> finish_date(date(2026, 12, 7), 942, 10).isoformat()  # 95 weeks of 10 hours
    '2028-10-01'
    >>> weeks_of(12, 20, 10)  # hours (12, 20] of the plan: all in week 2
    (2, 2)
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kgraph.errors import MessageError
from kgraph.i18n import DEFAULT, texts
from kgraph.model import LEVELS, Level

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.queries import Step

MAX_PACE: Final = 168.0  # hours in a week
LAST_DAY: Final = date.max - timedelta(days=1)  # a plan's last: its calendar event ends a day after
_EPSILON: Final = 1e-9  # running totals are float sums: 0.1 + 0.2 must not spill into a new week
_NO_DATE_WEEKS: Final = 10**9  # more weeks than any date holds (a pace of 1e-320 h makes inf)
_ISO_DATE: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


class PaceError(MessageError):
    """A pace that is not a positive number of hours a week, at most 168."""


class DateError(MessageError):
    """A date that is not a real ``YYYY-MM-DD`` day."""


class TooLateError(MessageError):
    """A plan that would end past `LAST_DAY`, the last day its dates can be written on."""


class RungDates(NamedTuple):
    """When a plan's entries of one rung begin and end (ISO dates), and in which weeks."""

    level: Level
    first_week: int
    last_week: int
    begins: str
    ends: str


class Schedule(NamedTuple):
    """A plan laid out at ``pace`` hours a week from ``start`` (ISO dates throughout).

    ``weeks`` holds each plan step's first and last week, in plan order; ``finish`` is the last
    day of the last week, None when the plan is empty.
    """

    pace: float
    start: str
    weeks: tuple[tuple[int, int], ...]
    rungs: tuple[RungDates, ...]
    finish: str | None
    total_weeks: int


def check_pace(value: object, *, option: str = "--pace") -> float:
    """*value* as hours a week: a finite number above 0 and at most 168.

    Raises:
        PaceError: naming *option* and the value, for anything else.

    Examples:
        >>> check_pace("7.5")
        7.5
    """
    try:
        pace = float(str(value).strip())
    except ValueError:
        pace = math.nan
    if isinstance(value, bool) or not 0 < pace <= MAX_PACE:  # also refuses nan
        raise _error(PaceError, "error.pace", option=option, value=str(value), max=int(MAX_PACE))
    return pace


def parse_date(text: str, *, option: str = "--start") -> date:
    """The day *text* names, written ``YYYY-MM-DD``.

    Raises:
        DateError: naming *option* and the text, for another spelling or an impossible day.

    Examples:
        >>> parse_date("2028-02-29")
        datetime.date(2028, 2, 29)
    """
    try:
        if re.fullmatch(_ISO_DATE, text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise _error(DateError, "error.date", option=option, value=text)


def _error(kind: type[MessageError], key: str, **values: object) -> MessageError:
    return kind(texts(DEFAULT)(key, **values), key, **values)


def week_of(hours: float, pace: float) -> int:
    """The week a running total of *hours* ends in (week 1 for anything up to *pace*)."""
    return max(1, math.ceil(min(hours / pace - _EPSILON, _NO_DATE_WEEKS)))


def weeks_of(before: float, after: float, pace: float) -> tuple[int, int]:
    """The first and last week of a step that takes the running total from *before* to *after*."""
    first = math.floor(min(before / pace + _EPSILON, _NO_DATE_WEEKS)) + 1
    return min(first, week_of(after, pace)), week_of(after, pace)


def week_begins(start: date, week: int) -> date:
    """The first day of week *week* (week 1 begins on *start*)."""
    return _days_after(start, 7 * (week - 1))


def week_ends(start: date, week: int) -> date:
    """The last day of week *week*: ``start + 7·week − 1``."""
    return _days_after(start, 7 * week - 1)


def _days_after(start: date, days: int) -> date:
    try:
        day = start + timedelta(days=days)
    except OverflowError:  # past 9999-12-31, or more days than a timedelta holds
        day = date.max
    if day > LAST_DAY:
        raise _error(TooLateError, "error.too_late", last=LAST_DAY.isoformat())
    return day


def finish_date(start: date, total: float, pace: float) -> date | None:
    """``start + 7·ceil(total/pace) − 1``: the last day of the plan; None for an empty plan."""
    return week_ends(start, week_of(total, pace)) if total > 0 else None


def schedule(steps: Iterable[Step[Any]], *, pace: float, start: date) -> Schedule:
    """Lay out a plan's *steps* (in order, with running totals) at *pace* hours a week."""
    weeks: list[tuple[int, int]] = []
    span: dict[Level, tuple[int, int]] = {}
    total = 0.0
    for step in steps:
        first, last = weeks_of(step.running_hours - step.concept.hours, step.running_hours, pace)
        weeks.append((first, last))
        level = step.concept.level
        earliest = span.get(level, (first, last))[0]
        span[level] = (min(earliest, first), last)
        total = step.running_hours
    rungs = tuple(
        RungDates(
            level,
            *span[level],
            week_begins(start, span[level][0]).isoformat(),
            week_ends(start, span[level][1]).isoformat(),
        )
        for level in LEVELS
        if level in span
    )
    finish = finish_date(start, total, pace)
    return Schedule(
        pace=pace,
        start=start.isoformat(),
        weeks=tuple(weeks),
        rungs=rungs,
        finish=finish.isoformat() if finish else None,
        total_weeks=week_of(total, pace) if total > 0 else 0,
    )


__all__ = [
    "LAST_DAY",
    "MAX_PACE",
    "DateError",
    "PaceError",
    "RungDates",
    "Schedule",
    "TooLateError",
    "check_pace",
    "finish_date",
    "parse_date",
    "schedule",
    "week_begins",
    "week_ends",
    "week_of",
    "weeks_of",
]
