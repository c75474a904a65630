"""The plan to follow through click: path --detail/--pace/ics, projects, goal, week; bad input."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import icalendar
import pytest
from click.testing import CliRunner, Result

from kgraph.cli import main
from kgraph.model import GraphFile
from kgraph.queries import learning_path
from kgraph.saved_progress import marks_text
from kgraph.store import dump
from tests.plan_graph import plan_concepts, plan_graph

if TYPE_CHECKING:
    from pathlib import Path

TODAY = date(2026, 12, 7)


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(dump(GraphFile(concepts=tuple(plan_concepts()))), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kgraph.cli.plan.today", lambda: TODAY)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def run(graph: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, ["-g", str(graph), *args], catch_exceptions=code != 0)
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result


class TestPath:
    def test_detail_shows_outcomes_and_where_to_start(self, graph):
        out = run(graph, "path", "tune-cap", "--detail").stdout
        assert "[ ] You can call a hosted model and read its token usage." in out
        assert "start with: [course, free] API course: https://example.org/api-course" in out
        assert "        deliverable: A deployed app, with a URL.\n" in out  # a capstone step
        plain = run(graph, "path", "tune-cap").stdout
        assert "start with" not in plain
        assert "You can" not in plain

    def test_detail_in_russian_uses_the_translation(self, graph):
        out = run(graph, "--lang", "ru", "path", "tune-cap", "--detail").stdout
        assert "Вы можете вызвать модель и прочитать расход токенов." in out
        assert "начните с: [курс, бесплатно] API course" in out

    def test_practice_projects_shown_at_their_step_not_counted(self, graph):
        out = run(graph, "path", "tune-cap").stdout.splitlines()
        api_row = next(i for i, line in enumerate(out) if line.endswith("api — LLM APIs"))
        assert (
            out[api_row + 1]
            == "        + project: chatbot — A chatbot (5 h, suggested, not counted)"
        )
        total = learning_path(plan_graph(), "tune-cap").hours
        assert f"total          6 concepts  {total:>6g} h" in "\n".join(out)

    def test_json_has_start_with_projects_and_keeps_the_plans_keys(self, graph):
        data = json.loads(run(graph, "path", "tune-cap", "-f", "json").stdout)
        steps = {s["concept"]["id"]: s for s in data["steps"]}
        assert steps["api"]["start_with"]["title"] == "API course"
        assert [p["id"] for p in steps["api"]["projects"]] == ["chatbot"]
        assert steps["api"]["concept"]["outcomes"] == [
            "You can call a hosted model and read its token usage."
        ]
        assert {"target", "source", "known", "totals", "chain"} <= set(data)
        assert "finish" not in data

    def test_pace_numbers_weeks_and_gives_the_finish(self, graph):
        hours = learning_path(plan_graph(), "tune-cap").hours  # 46
        data = json.loads(
            run(
                graph, "path", "tune-cap", "--pace", "10", "--start", "2027-01-04", "-f", "json"
            ).stdout
        )
        assert data["finish"] == "2027-02-07"  # ceil(46/10) = 5 weeks: start + 34 days
        assert data["weeks"] == 5
        assert data["pace"] == 10
        assert hours == 46
        assert data["steps"][0]["weeks"] == [1, 1]
        assert [r["level"] for r in data["rung_dates"]] == ["foundations", "use", "tune"]
        text = run(graph, "path", "tune-cap", "--pace", "10", "--start", "2027-01-04").stdout
        assert "At 10 h a week from 2027-01-04: 5 weeks, finishing on 2027-02-07." in text
        assert "(week 1)" in text
        assert "  foundations week 1, ends on 2027-01-10\n" in text  # python: 10 h, week 1
        assert "  tune        weeks 3-5, ends on 2027-02-07\n" in text

    def test_start_defaults_to_today_and_russian_prints_iso_dates(self, graph):
        out = run(graph, "--lang", "ru", "path", "tune-cap", "--pace", "46").stdout
        assert "При 46 ч в неделю с 2026-12-07: 1 неделя, последний день 2026-12-13." in out

    def test_ics_parses_as_a_calendar(self, graph):
        text = run(graph, "path", "tune-cap", "--pace", "10", "-f", "ics").stdout
        cal = icalendar.Calendar.from_ical(text)
        assert len(list(cal.walk("VEVENT"))) == 5  # three rungs, two capstones

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--pace", "0"],
                "Error: --pace '0': hours a week must be a number above 0 and at most 168\n",
            ),
            (
                ["--pace", "169"],
                "Error: --pace '169': hours a week must be a number above 0 and at most 168\n",
            ),
            (
                ["--pace", "abc"],
                "Error: --pace 'abc': hours a week must be a number above 0 and at most 168\n",
            ),
            (
                ["--pace", "5", "--start", "2026-02-30"],
                "Error: --start '2026-02-30': not a day; write YYYY-MM-DD, e.g. 2026-12-07\n",
            ),
            (["-f", "ics"], "Error: --format ics needs --pace H (hours a week) to date the plan\n"),
        ],
    )
    def test_bad_pace_or_date_is_one_message_and_exit_2(self, graph, args, message):
        result = run(graph, "path", "tune-cap", *args, code=2)
        assert result.stderr == message
        assert result.stdout == ""

    def test_bad_pace_in_russian(self, graph):
        result = run(graph, "--lang", "ru", "path", "rag", "--pace", "-1", code=2)
        assert result.stderr.startswith("Ошибка: --pace '-1': часов в неделю")

    def test_markdown_checklist_has_outcomes_and_start_with(self, graph):
        out = run(graph, "path", "tune-cap", "-f", "markdown").stdout
        assert "  - [ ] You can call a hosted model and read its token usage\\." in out
        assert "- [ ] LLM APIs — 4 h — [API course](https://example.org/api-course)\n" in out
        assert "  - [ ] suggested project, not counted in hours\\: A chatbot — 5 h\n" in out


class TestProjects:
    def test_lists_projects_with_capstones_marked(self, graph):
        out = run(graph, "projects").stdout
        assert "ship-app — Ship an LLM app  [capstone]  waits for rag" in out
        assert "      deliverable: A deployed app, with a URL." in out

    def test_ready_uses_the_saved_known_set_or_known(self, graph, home):
        run(graph, "learn", "api")
        out = run(graph, "projects", "--ready").stdout
        assert out.splitlines()[0] == "Ready to build now (1):"
        assert "chatbot" in out
        assert "chatbot" not in run(graph, "projects", "--ready", "--known", "python").stdout

    def test_json_and_level(self, graph):
        data = json.loads(run(graph, "projects", "--level", "tune", "-f", "json").stdout)
        assert [p["concept"]["id"] for p in data["projects"]] == ["tune-cap", "tune-eval"]
        assert data["projects"][0]["concept"]["capstone"] is True


class TestGoalAndWeek:
    def test_goal_saves_shows_and_path_uses_it(self, graph, home):
        result = run(graph, "goal", "tune-cap", "--from", "python", "--pace", "10")
        assert result.stderr == f"Saved in {home / 'goal.json'}\n"
        assert "Goal: tune-cap\n  from: python\n  pace: 10 h a week" in run(graph, "goal").stdout
        assert (
            run(graph, "path").stdout
            == run(graph, "path", "python", "tune-cap", "--pace", "10").stdout
        )

    def test_goal_clear(self, graph, home):
        run(graph, "goal", "rag")
        result = run(graph, "goal", "--clear")
        assert not (home / "goal.json").exists()
        assert "goal.json.bak" in result.stderr
        assert run(graph, "goal").stdout.startswith("No goal saved")

    def test_week_lists_steps_that_fit_the_pace_then_the_finish(self, graph, home):
        run(graph, "goal", "tune-cap", "--pace", "12")
        out = run(graph, "week").stdout
        assert out.startswith(
            "This week toward tune-cap, at 12 h a week:\n\n   1     10 h  python\n"
        )
        assert "start with: [docs, free] Python tutorial" in out
        assert "[ ] You can write a script that reads a CSV file." in out
        assert "The last step runs over into next week." in out
        assert "        + project: chatbot — A chatbot (5 h, suggested, not counted)\n" in out
        assert out.rstrip().endswith("46 h left in all; at 12 h a week you finish on 2027-01-03.")

    def test_week_says_the_pace_so_far_from_dated_marks(self, graph, home):
        home.mkdir()
        marks = {"python": "2026-11-01T10:00:00Z", "api": "2026-11-30T10:00:00Z"}
        (home / "known.json").write_text(marks_text(marks), encoding="utf-8")
        run(graph, "goal", "tune-cap", "--pace", "10")
        out = run(graph, "week").stdout  # api's 4 h over 4 weeks; 32 h left: 32 weeks
        assert (
            "At your pace so far (1 h a week over the last 4 weeks) you arrive on 2027-07-18."
            in out
        )

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["week"],
                "Error: no goal saved yet: `kgraph goal TO` saves one, or name it: `kgraph path [FROM] TO`\n",
            ),
            (
                ["path"],
                "Error: no goal saved yet: `kgraph goal TO` saves one, or name it: `kgraph path [FROM] TO`\n",
            ),
            (["goal", "nowhere"], "Error: unknown concept 'nowhere'\n"),
            (
                ["goal", "rag", "--pace", "0"],
                "Error: --pace '0': hours a week must be a number above 0 and at most 168\n",
            ),
        ],
    )
    def test_no_goal_or_a_bad_one_is_one_message_and_exit_2(self, graph, home, args, message):
        result = run(graph, *args, code=2)
        assert result.stderr == message
        assert not (home / "goal.json").exists()

    def test_week_needs_a_pace(self, graph):
        run(graph, "goal", "rag")
        result = run(graph, "week", code=2)
        assert (
            result.stderr
            == "Error: no pace saved: `kgraph goal rag --pace H` saves one, or pass --pace H\n"
        )
        assert run(graph, "week", "--pace", "5").stdout.startswith("This week toward rag")

    def test_a_corrupt_goal_file_is_named_and_left_alone(self, graph, home):
        home.mkdir()
        (home / "goal.json").write_text("{broken", encoding="utf-8")
        for args in (["goal"], ["week"], ["path"], ["goal", "rag"]):
            result = run(graph, *args, code=2)
            assert result.stderr.startswith(
                f"Error: {home / 'goal.json'}: not a goal file kgraph can read"
            )
            assert (home / "goal.json").read_text(encoding="utf-8") == "{broken"
        ru = run(graph, "--lang", "ru", "week", code=2).stderr
        assert ru.startswith(
            f"Ошибка: {home / 'goal.json'}: kgraph не может прочитать этот файл цели"
        )


class TestOutcomes:
    def test_show_lists_outcomes_and_the_deliverable(self, graph):
        out = run(graph, "show", "ship-app").stdout
        assert "Deliverable: A deployed app, with a URL.\n" in out
        assert (
            "Mastered when you can:\n  [ ] You can ship an app that answers from your documents.\n"
            in out
        )
        assert "Mastered when" not in run(graph, "show", "rag").stdout

    def test_show_in_russian_and_json(self, graph):
        ru = run(graph, "--lang", "ru", "show", "api").stdout
        assert (
            "Освоено, когда вы можете:\n  [ ] Вы можете вызвать модель и прочитать расход токенов.\n"
            in ru
        )
        data = json.loads(run(graph, "show", "api", "-f", "json").stdout)
        assert data["concept"]["outcomes"] == [
            "You can call a hosted model and read its token usage."
        ]

    def test_assess_asks_can_you_with_outcomes_else_do_you_know(self, graph):
        result = CliRunner().invoke(main, ["-g", str(graph), "assess", "rag"], input="y\nn\nn\n")
        assert (
            "api — LLM APIs: Can you call a hosted model and read its token usage?" in result.stderr
        )
        assert "Do you know rag? The concept rag" in result.stderr

    def test_assess_in_russian(self, graph):
        result = CliRunner().invoke(
            main, ["-g", str(graph), "--lang", "ru", "assess", "api"], input="y\nq\n"
        )
        assert (
            "api — API моделей: Вы можете вызвать модель и прочитать расход токенов?"
            in result.stderr
        )
        assert (
            "python: Can you write a script that reads a CSV file?" in result.stderr
        )  # untranslated


class TestProgress:
    def test_progress_says_the_pace_so_far_toward_the_saved_goal(self, graph, home):
        home.mkdir()
        marks = {"python": "2026-11-01T10:00:00Z", "api": "2026-11-30T10:00:00Z"}
        (home / "known.json").write_text(marks_text(marks), encoding="utf-8")
        assert "pace so far" not in run(graph, "progress").stdout  # no goal yet
        run(graph, "goal", "tune-cap")
        out = run(graph, "progress").stdout
        assert out.endswith(
            "At your pace so far (1 h a week over the last 4 weeks) you arrive on 2027-07-18.\n"
        )
        data = json.loads(run(graph, "progress", "-f", "json").stdout)
        assert data["so_far"] == {"arrive": "2027-07-18", "hours_a_week": 1.0, "weeks": 4}
        assert "so_far" not in json.loads(
            run(graph, "progress", "--known", "api", "-f", "json").stdout
        )


def test_a_corrupt_goal_file_says_how_to_recover_as_the_progress_file_does(graph, home):
    run(graph, "goal", "rag")
    run(graph, "goal", "lora")  # the first goal is now goal.json.bak
    goal, bak = home / "goal.json", home / "goal.json.bak"
    goal.write_text("{broken", encoding="utf-8")
    result = run(graph, "week", "--pace", "5", code=2)
    assert (
        f"The version before the last change is in {bak}: `cp {bak} {goal}` restores it"
        in result.stderr
    )
    assert f"`kgraph goal --clear` moves it aside to {goal}.broken to start over." in result.stderr
    run(graph, "goal", "--clear")
    assert json.loads(bak.read_text(encoding="utf-8"))["to"] == "rag"  # the good copy survives
    assert (home / "goal.json.broken").read_text(encoding="utf-8") == "{broken"


class TestEdges:
    def test_pace_and_start_date_only_text_json_and_ics(self, graph):
        result = run(graph, "path", "rag", "-f", "markdown", "--pace", "5", code=2)
        assert "--pace and --start date a text, JSON or ics plan, not markdown" in result.stderr

    def test_goal_options_without_the_goal_are_a_usage_error(self, graph, home):
        result = run(graph, "goal", "--from", "python", code=2)
        assert "--from and --pace need the goal itself" in result.stderr
        assert not (home / "goal.json").exists()

    def test_week_json(self, graph):
        run(graph, "goal", "rag", "--pace", "10")
        data = json.loads(run(graph, "week", "-f", "json").stdout)
        assert [s["concept"]["id"] for s in data["steps"]] == ["python"]  # 10 h fill the week
        assert data["start_with"][0]["title"] == "Python tutorial"
        assert data["finish"] == "2026-12-20"  # 20 h at 10 h a week: two weeks
        assert data["goal"] == {"pace": 10.0, "source": None, "target": "rag"}

    def test_nothing_to_learn_has_no_dates_and_an_empty_calendar(self, graph):
        data = json.loads(
            run(graph, "path", "python", "--known", "python", "--pace", "5", "-f", "json").stdout
        )
        assert data["steps"] == []
        assert data["finish"] is None
        cal = icalendar.Calendar.from_ical(
            run(graph, "path", "python", "--known", "python", "--pace", "5", "-f", "ics").stdout
        )
        assert list(cal.walk("VEVENT")) == []
        text = run(graph, "path", "python", "--known", "python", "--pace", "5").stdout
        assert "finishing" not in text


def test_markdown_suggests_what_the_start_makes_possible_too(tmp_path):
    """A project needing FROM's closure and a plan step is suggested at that step, as in text."""
    from kgraph.graph import KGraph
    from kgraph.model import Kind
    from kgraph.render.markdown import render_markdown
    from kgraph.selection import select

    edges = KGraph.from_edges([("a", "b"), ("b", "c"), ("a", "p"), ("c", "p")], hours=2)
    kg = KGraph(
        c._replace(kind=Kind.PROJECT) if c.id == "p" else c for c in edges.concepts.values()
    )
    out = render_markdown(select(kg, path=("b", "c"), only_path=True))
    assert out.endswith(
        "- [ ] c — 2 h\n  - [ ] suggested project, not counted in hours\\: p — 2 h\n"
    )
