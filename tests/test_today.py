"""``KGRAPH_TODAY``: the hidden variable that pins the CLI's today (the docs' examples use it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.model import GraphFile
from kgraph.pace import finish_date
from kgraph.queries import learning_path
from kgraph.store import dump
from tests.plan_graph import plan_concepts, plan_graph

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(dump(GraphFile(concepts=tuple(plan_concepts()))), encoding="utf-8")
    return path


def week(graph: Path, today: str | None) -> tuple[int, str, str]:
    runner = CliRunner()
    saved = runner.invoke(main, ["-g", str(graph), "goal", "tune-cap", "--pace", "7"])
    assert saved.exit_code == 0, saved.stderr
    result = runner.invoke(
        main, ["-g", str(graph), "week", "-f", "json"], env={"KGRAPH_TODAY": today}
    )
    return result.exit_code, result.stdout, result.stderr


def finish_on(day: date) -> str:
    plan = learning_path(plan_graph(), "tune-cap")
    finish = finish_date(day, plan.hours, 7)
    assert finish is not None
    return finish.isoformat()


@pytest.mark.parametrize("day", ["2027-01-04", "2028-02-29"])
def test_kgraph_today_is_the_day_week_counts_from(graph, day):
    code, out, _ = week(graph, day)
    assert code == 0
    assert f'"today": "{day}"' in out
    assert f'"finish": "{finish_on(date.fromisoformat(day))}"' in out


def test_without_it_today_is_the_clock_s(graph):
    code, out, _ = week(graph, None)
    assert code == 0
    assert f'"today": "{datetime.now().astimezone().date().isoformat()}"' in out


@pytest.mark.parametrize("bad", ["2027-02-30", "tomorrow", "2027-1-4", " 2027-01-04"])
def test_a_bad_kgraph_today_is_one_line_and_exit_2(graph, bad):
    code, out, err = week(graph, bad)
    assert (code, out) == (2, "")
    assert err == f"Error: KGRAPH_TODAY {bad!r}: not a day; write YYYY-MM-DD, e.g. 2026-12-07\n"
