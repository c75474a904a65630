"""The saved goal: beside the progress file, atomic, backed up, never overwritten when corrupt."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import UnknownConceptError
from kgraph.goal import (
    Goal,
    GoalFileError,
    NoGoalError,
    clear_goal,
    goal_on,
    goal_path,
    goal_text,
    load_goal,
    needed_pace,
    parse_goal,
    save_goal,
)
from kgraph.pace import PaceError
from tests.plan_graph import plan_graph

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def where(tmp_path: Path) -> Path:
    return goal_path(tmp_path / "home" / "known.json")


def test_the_goal_lives_beside_the_known_set(tmp_path: Path):
    assert goal_path(tmp_path / "known.json") == tmp_path / "goal.json"


def test_save_resolves_names_and_reads_back(where: Path):
    saved = save_goal(plan_graph(), where, "Your own fine-tune", source="LLM APIs", pace="7.5")
    assert saved.goal == Goal("tune-cap", "api", 7.5)
    assert load_goal(where) == saved
    assert json.loads(where.read_text(encoding="utf-8")) == {
        "format": "kgraph-goal",
        "from": "api",
        "pace": 7.5,
        "to": "tune-cap",
        "version": 1,
    }


def test_each_save_keeps_the_previous_file(where: Path):
    save_goal(plan_graph(), where, "rag")
    first = where.read_bytes()
    save_goal(plan_graph(), where, "lora", pace="10")
    assert where.with_name("goal.json.bak").read_bytes() == first


@pytest.mark.parametrize(
    ("target", "pace", "error"),
    [("nowhere", None, UnknownConceptError), ("rag", "0", PaceError), ("rag", "200", PaceError)],
)
def test_bad_input_writes_nothing(where: Path, target, pace, error):
    save_goal(plan_graph(), where, "lora")
    before = where.read_bytes()
    with pytest.raises(error):
        save_goal(plan_graph(), where, target, pace=pace)
    assert where.read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        "{broken",
        "[]",
        '{"format": "kgraph-known", "known": {}, "version": 1}',
        '{"format": "kgraph-goal", "from": null, "pace": 500, "to": "rag", "version": 1}',
        '{"format": "kgraph-goal", "from": null, "pace": null, "to": 3, "version": 1}',
        '{"format": "kgraph-goal", "from": null, "pace": null, "to": "rag", "version": 2}',
    ],
)
def test_a_corrupt_goal_file_is_never_overwritten(where: Path, text: str):
    where.parent.mkdir(parents=True)
    where.write_text(text, encoding="utf-8")
    with pytest.raises(GoalFileError) as caught:
        load_goal(where)
    assert str(where) in str(caught.value)
    assert caught.value.exit_code == 2
    with pytest.raises(GoalFileError):
        save_goal(plan_graph(), where, "rag")
    assert where.read_text(encoding="utf-8") == text


def test_clear_keeps_a_copy_and_a_corrupt_file_goes_aside(where: Path):
    assert clear_goal(where) is None
    save_goal(plan_graph(), where, "rag")
    good = where.read_bytes()
    assert clear_goal(where) == where.with_name("goal.json.bak")
    assert not where.exists()
    assert where.with_name("goal.json.bak").read_bytes() == good
    where.write_text("{broken", encoding="utf-8")
    assert clear_goal(where) == where.with_name("goal.json.broken")
    assert where.with_name("goal.json.broken").read_text(encoding="utf-8") == "{broken"
    assert where.with_name("goal.json.bak").read_bytes() == good  # the last good goal survives


def test_goal_on_the_graph(where: Path):
    kg = plan_graph()
    with pytest.raises(NoGoalError):
        goal_on(kg, load_goal(where))
    where.parent.mkdir(parents=True)
    where.write_text(
        '{"format": "kgraph-goal", "from": null, "pace": null, "to": "gone", "version": 1}',
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="'gone'"):
        goal_on(kg, load_goal(where))


def test_a_pace_is_needed_from_somewhere():
    assert needed_pace(Goal("rag", None, 5.0), None) == 5.0
    assert needed_pace(Goal("rag", None, 5.0), 8.0) == 8.0
    with pytest.raises(NoGoalError, match="--pace"):
        needed_pace(Goal("rag"), None)


IDS = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True)


@given(IDS, st.none() | IDS, st.none() | st.integers(1, 336).map(lambda n: n / 2))
def test_a_goal_reads_back_as_written(target, source, pace):
    from pathlib import Path

    goal = Goal(target, source, pace)
    text = goal_text(goal)
    assert parse_goal(text, Path("goal.json")) == goal
    assert goal_text(parse_goal(text, Path("goal.json"))) == text  # canonical
