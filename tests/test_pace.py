"""Pace and dates: week numbers, rung dates and the finish, and the bad input they refuse."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import MessageError
from kgraph.graph import KGraph
from kgraph.model import Level
from kgraph.pace import (
    LAST_DAY,
    DateError,
    PaceError,
    TooLateError,
    check_pace,
    finish_date,
    parse_date,
    schedule,
    week_begins,
    week_of,
    weeks_of,
)
from kgraph.queries import learning_path
from tests.strategies import dags

START = date(2026, 12, 7)


class TestWeeks:
    @pytest.mark.parametrize(
        ("hours", "week"), [(0.5, 1), (10, 1), (10.5, 2), (20, 2), (20.000001, 3), (0.1 + 0.2, 1)]
    )
    def test_week_n_covers_hours_up_to_n_times_pace(self, hours, week):
        assert week_of(hours, 10) == week

    def test_a_step_spans_from_its_first_hour_to_its_running_total(self):
        assert weeks_of(0, 10, 10) == (1, 1)
        assert weeks_of(10, 12, 10) == (2, 2)
        assert weeks_of(9, 31, 10) == (1, 4)

    def test_float_sums_do_not_spill_into_a_new_week(self):
        total = sum([0.1] * 100)  # 9.99999999999998
        assert weeks_of(total - 0.1, total, 10) == (1, 1)
        assert weeks_of(30 * 0.1, 30 * 0.1 + 7, 10) == (1, 1)

    def test_finish_is_start_plus_seven_ceil_minus_one(self):
        assert finish_date(START, 942, 10) == START + timedelta(days=7 * 95 - 1)
        assert finish_date(START, 10, 10) == date(2026, 12, 13)  # one week: start + 6
        assert finish_date(START, 0, 10) is None


class TestSchedule:
    def test_rungs_end_on_the_last_day_of_their_last_week(self):
        kg = KGraph.from_edges([("a", "b"), ("b", "c")], hours=6)
        kg = KGraph(
            c._replace(level=Level.USE if c.id == "c" else Level.FOUNDATIONS)
            for c in kg.concepts.values()
        )
        timed = schedule(learning_path(kg, "c").steps, pace=10, start=START)
        assert timed.weeks == ((1, 1), (1, 2), (2, 2))
        assert [(r.level, r.first_week, r.last_week, r.ends) for r in timed.rungs] == [
            (Level.FOUNDATIONS, 1, 2, "2026-12-20"),
            (Level.USE, 2, 2, "2026-12-20"),
        ]
        assert timed.finish == "2026-12-20"
        assert timed.total_weeks == 2

    @given(dags(), st.integers(1, 336).map(lambda n: n / 2), st.integers(0, 3000))
    def test_weeks_follow_the_running_total(self, graph, pace, offset):
        kg = KGraph(graph.concepts)
        target = kg.learning_order(kg.concepts)[-1]
        plan = learning_path(kg, target)
        start = START + timedelta(days=offset)
        timed = schedule(plan.steps, pace=pace, start=start)
        previous_last = 1
        for step, (first, last) in zip(plan.steps, timed.weeks, strict=True):
            assert first <= last == max(1, math.ceil(step.running_hours / pace - 1e-9))
            assert previous_last <= first <= previous_last + 1  # never back, never a gap
            assert first >= 1
            assert (first - 1) * pace <= step.running_hours - step.concept.hours + 1e-9
            previous_last = last
        expected = start + timedelta(days=7 * math.ceil(plan.hours / pace - 1e-9) - 1)
        assert timed.finish == expected.isoformat()
        assert max(r.ends for r in timed.rungs) == timed.finish


class TestBadInput:
    @pytest.mark.parametrize("value", ["0", "-1", "168.5", "nan", "inf", "ten", "", "1e400"])
    def test_a_pace_outside_0_to_168_is_refused(self, value):
        with pytest.raises(PaceError) as caught:
            check_pace(value)
        assert "--pace" in str(caught.value)
        assert caught.value.exit_code == 2

    @pytest.mark.parametrize("value", ["168", "0.5", "10", " 7.5 "])
    def test_a_pace_in_range_is_hours_a_week(self, value):
        assert check_pace(value) == float(value)

    @pytest.mark.parametrize(
        "text", ["2026-02-30", "2026-13-01", "26-1-1", "2026/01/01", "tomorrow", "2026-01-01T00:00"]
    )
    def test_an_impossible_or_misspelled_date_is_refused(self, text):
        with pytest.raises(DateError) as caught:
            parse_date(text)
        assert isinstance(caught.value, MessageError)
        assert caught.value.values == {"option": "--start", "value": text}

    def test_a_leap_day_is_a_day(self):
        assert parse_date("2028-02-29") == date(2028, 2, 29)


class TestTheLastDay:
    """A plan is dated up to `LAST_DAY` (its calendar event ends the day after): past it, one
    clear error instead of an overflow's traceback."""

    def test_a_plan_may_end_on_the_last_day_and_not_after(self):
        assert finish_date(LAST_DAY - timedelta(days=6), 10, 10) == LAST_DAY
        with pytest.raises(TooLateError) as caught:
            finish_date(LAST_DAY - timedelta(days=5), 10, 10)
        assert caught.value.exit_code == 2
        assert caught.value.values == {"last": LAST_DAY.isoformat()}

    @pytest.mark.parametrize("pace", [1e-4, 1e-9, 5e-324])  # past year 9999, and past timedelta
    def test_a_pace_too_slow_to_date_is_an_error(self, pace):
        with pytest.raises(TooLateError):
            finish_date(START, 1472, pace)

    def test_a_start_past_the_last_day_is_an_error(self):
        with pytest.raises(TooLateError):
            week_begins(date.max, 1)
