"""The page's "this week" panel, its saved goal and pace, and its calendar, in both browsers.

What the page shows is compared with the library's own answers (`kgraph.study.this_week`,
`kgraph week`'s rule) and its calendar with the bytes `kgraph path … --format ics` prints for the
same goal, known set, pace and start, never with literal answers.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import icalendar
import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.goal import Goal, goal_path, goal_text
from kgraph.graph import KGraph
from kgraph.i18n import LANGUAGES, hours, texts
from kgraph.load import load_graph
from kgraph.pace import LAST_DAY, TooLateError, parse_date, schedule
from kgraph.queries import learning_path
from kgraph.render.ics import render_ics
from kgraph.render.plan_text import so_far_text
from kgraph.resources import start_with
from kgraph.saved_progress import marks_text
from kgraph.selection import select
from kgraph.study import guide, this_week
from tests.browser.hostile import JS_URL, NAME, hostile_concepts
from tests.conftest import SHIPPED
from tests.helpers import week_of
from tests.plan_graph import plan_graph

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.browser

WEEK = """[...document.querySelectorAll('#week li.week-step')].map(li => ({
  id: li.dataset.id, hours: Number(li.dataset.hours), total: Number(li.dataset.total),
  outcomes: [...li.querySelectorAll('.outcomes label')].map(l => l.textContent.slice(1)),
  deliverable: li.querySelector('.deliverable')?.textContent ?? null,
  start: li.querySelector('.start-with li')?.dataset.url ?? null,
  opens: li.querySelector('[data-opens]')?.dataset.opens ?? ''}))"""
FINISH = "document.querySelector('#week [data-finish]')"
CALENDAR = """new Promise(resolve => {
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    HTMLAnchorElement.prototype.click = click;
    fetch(this.href).then(r => r.arrayBuffer())
      .then(b => resolve([this.download, Array.from(new Uint8Array(b))]));
  };
  document.querySelector('#download-ics').click();
})"""
GOAL_STORE = "window.localStorage.getItem('kgraph.goal')"


@pytest.fixture(scope="module")
def shipped() -> KGraph:
    return load_graph(SHIPPED)


def expected_week(kg: KGraph, case: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """`kgraph week`'s steps for *case*, as the panel shows them in *lang*."""
    t = texts(lang)
    week = week_of(kg, case)
    rows = []
    for step, first, projects in zip(week.steps, week.start_with, week.projects, strict=True):
        c = step.concept
        deliverable = t.deliverable(c)
        rows.append(
            {
                "id": c.id,
                "hours": c.hours,
                "total": step.running_hours,
                "outcomes": list(t.outcomes(c)),
                "deliverable": t("page.week_deliverable", text=deliverable)
                if deliverable
                else None,
                "start": first.url if first else None,
                "opens": ",".join(p.id for p in projects),
            }
        )
    return rows


def whole_plan(to: str) -> dict[str, Any]:
    """A case whose pace (every hour of a week) takes the whole plan from nothing into week 1."""
    return {"to": to, "from": None, "known": [], "pace": 168, "start": "2027-01-04"}


def fragment(case: dict[str, Any]) -> str:
    parts = [f"to={case['to']}"] + ([f"from={case['from']}"] if case["from"] else [])
    parts += [f"pace={case['pace']}", f"start={case['start']}", f"known={','.join(case['known'])}"]
    return "&".join(parts)


def show(tab: Any, case: dict[str, Any]) -> None:
    tab.js(f"location.hash = {json.dumps(fragment(case))}")
    wanted = {"goal": case["to"], "marks": sorted(set(case["known"]))}
    tab.wait(
        "(s => JSON.stringify({goal: s.goal, marks: s.marks}))(window.kgraph.state())"
        f" === {json.dumps(json.dumps(wanted, separators=(',', ':')))}"
    )


def test_the_week_panel_is_kgraph_week(open_tab, shipped):
    """Seeded goals, starts, known sets and paces: the panel lists `kgraph week`'s steps with
    their hours, outcomes, resource to start with and projects, then its hours left and finish."""
    tab = open_tab(select(shipped))
    rng = random.Random(2024)
    ids = sorted(shipped.concepts)
    cases: list[dict[str, Any]] = [
        {"to": "agi", "from": "lora", "known": [], "pace": 7.5, "start": "2026-12-07"}
    ]
    cases += [
        {
            "to": rng.choice(ids),
            "from": rng.choice([None, rng.choice(ids)]),
            "known": rng.sample(ids, rng.randint(0, 3)),
            "pace": rng.choice([1, 4, 10, 25]),
            "start": f"2027-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        }
        for _ in range(4)
    ]
    for case in cases:
        show(tab, case)
        week = week_of(shipped, case)
        assert tab.js(WEEK) == expected_week(shipped, case, "en"), case
        if week.steps:
            assert tab.js(f"{FINISH}.dataset.finish") == week.finish
            assert float(tab.js(f"{FINISH}.dataset.remaining")) == week.remaining
            spilled = week.steps[-1].running_hours > week.pace
            assert tab.js("!!document.querySelector('#week .spill')") == spilled
            assert f"{hours(week.remaining)} h" in tab.js(f"{FINISH}.textContent")
        else:
            assert tab.js(FINISH) is None
    assert tab.js("document.querySelector('#week').dataset.panel") == "week"
    # above the plan's long list, in the same panel column
    assert tab.js(
        "document.querySelector('#week').compareDocumentPosition(document.querySelector('#plan'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert tab.errors() == []


def test_the_week_in_russian_and_a_capstone_s_deliverable(open_tab):
    """At a pace that takes the whole plan, every step is this week's, capstones with their
    deliverable; switching to Russian rewrites outcomes, words and the finish."""
    kg = plan_graph()
    case = whole_plan(to="tune-cap")
    tab = open_tab(select(kg), fragment=fragment(case))
    tab.wait(f"{FINISH} !== null")
    rows = tab.js(WEEK)
    assert rows == expected_week(kg, case, "en")
    assert any(row["deliverable"] for row in rows)  # a capstone is among this week's steps
    assert any(row["opens"] for row in rows)
    tab.js("window.kgraph.setLanguage('ru')")
    assert tab.js(WEEK) == expected_week(kg, case, "ru")
    ru = texts("ru")
    assert tab.js("document.querySelector('#week-title').textContent") == ru("page.week_title")
    week = week_of(kg, case)
    assert tab.js(f"{FINISH}.textContent") == ru(
        "page.week_finish", hours=hours(week.remaining), pace="168", date=week.finish
    )
    assert tab.errors() == []


def cli_calendar(case: dict[str, Any], lang: str) -> bytes:
    """What `kgraph path [FROM] TO --known … --pace H --start D --format ics` prints."""
    names = [*([case["from"]] if case["from"] else []), case["to"]]
    args = ["-g", str(SHIPPED), "--lang", lang, "path", *names, "--known", ",".join(case["known"])]
    args += ["--pace", str(case["pace"]), "--start", case["start"], "--format", "ics"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_the_calendar_download_is_kgraph_path_ics(open_tab, shipped):
    """The downloaded .ics is byte for byte the CLI's for the page's goal, known set, pace and
    start, in the page's language; icalendar reads it, one event per rung and per capstone."""
    case: dict[str, Any] = {
        "to": "agi",
        "from": "lora",
        "known": ["rag"],
        "pace": 7.5,
        "start": "2026-12-07",
    }
    tab = open_tab(select(shipped), fragment=fragment(case))
    tab.wait("document.querySelector('#download-ics') !== null")
    plan = learning_path(shipped, "agi", source="lora", known=["rag"])
    capstones = sum(s.concept.capstone for s in plan.steps)
    assert capstones  # the plan carries capstones, so the calendar has their events
    for lang in LANGUAGES:
        tab.js(f"window.kgraph.setLanguage({json.dumps(lang)})")
        tab.wait("document.querySelector('#download-ics') !== null")
        name, data = tab.js(CALENDAR)
        assert name == "kgraph-agi.ics"
        got = bytes(data)
        assert got == cli_calendar(case, lang)
        assert got.decode("utf-8") == tab.js("window.kgraph.calendar()")
        calendar = icalendar.Calendar.from_ical(got)
        events = calendar.walk("VEVENT")
        rungs = {s.concept.level for s in plan.steps}
        assert len(events) == len(rungs) + capstones
        assert all(len(line) <= 75 for line in got.split(b"\r\n"))
    assert tab.errors() == []


def test_a_hostile_graph_s_week_and_calendar_stay_text(open_tab):
    """Script-like names and a javascript: resource in the week: text, no link, no markup; the
    calendar escapes them exactly as the CLI does."""
    concepts = hostile_concepts()
    evil = next(c for c in concepts if c.id == "evil")
    bad = evil._replace(resources=(evil.resources[1],))  # only the javascript: resource
    assert bad.resources[0].url == JS_URL
    kg = KGraph([bad if c.id == "evil" else c for c in concepts])
    assert start_with(kg["evil"]) is not None
    case = whole_plan(to="after")
    tab = open_tab(select(kg), fragment=fragment(case))
    tab.wait(f"{FINISH} !== null")
    assert NAME in tab.js("document.querySelector('#week').textContent")
    evil_row = "document.querySelector('#week li.week-step[data-id=\"evil\"]')"
    assert tab.js(f"{evil_row}.querySelectorAll('a').length") == 0  # no javascript: link
    assert tab.js(f"{evil_row}.querySelectorAll('.start-with .blocked').length") == 1
    assert tab.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    plan = learning_path(kg, "after")
    for lang in LANGUAGES:
        tab.js(f"window.kgraph.setLanguage({json.dumps(lang)})")
        guided = guide(kg, plan, pace=168, start=parse_date("2027-01-04"))
        assert tab.js("window.kgraph.calendar()") == render_ics(guided, lang=lang)
    assert tab.js("typeof window.__pwned") == "undefined"
    assert tab.errors() == []


def test_goal_and_pace_are_kept_a_link_wins_clearing_forgets(open_tab, small_graph):
    """The planner's goal, start and pace are saved as the CLI's goal.json text; a page reopened
    without a fragment plans it again, a fragment's goal wins, clearing the plan forgets it."""
    tab = open_tab(select(small_graph))
    assert tab.js(GOAL_STORE) is None
    tab.js("document.getElementById('goal').value = 'agi'")
    tab.js("document.getElementById('from').value = 'linalg'")
    tab.js("document.getElementById('pace').value = '7.5'")
    tab.js("document.getElementById('plan-go').click()")
    tab.wait("window.kgraph.state().goal === 'agi'")
    assert tab.js(GOAL_STORE) == goal_text(Goal("agi", "linalg", 7.5))
    tab.js("history.replaceState(null, '', location.pathname)")
    tab.reload()
    assert tab.js("location.hash") == ""
    state = tab.js("window.kgraph.state()")
    assert (state["goal"], state["from"]) == ("agi", "linalg")
    assert tab.js("document.getElementById('pace').value") == "7.5"
    assert tab.js(f"{FINISH} !== null")  # the week panel is back, at the saved pace
    steps = learning_path(small_graph, "agi", source="linalg").steps
    assert tab.js(WEEK)[0]["id"] == steps[0].concept.id
    tab.js("location.hash = 'to=qlora'")
    tab.wait("window.kgraph.state().goal === 'qlora'")
    tab.reload()  # the fragment still names qlora: it wins over the saved agi
    assert tab.js("window.kgraph.state().goal") == "qlora"
    assert tab.js(f"{FINISH}") is None  # the link gives no pace: no week
    assert tab.js(GOAL_STORE) == goal_text(Goal("agi", "linalg", 7.5))  # a link is not saved
    tab.js("[...document.querySelectorAll('#plan button')].at(-1).click()")  # Clear the plan
    tab.wait("window.kgraph.state().goal === null")
    assert tab.js(GOAL_STORE) is None
    tab.js("history.replaceState(null, '', location.pathname)")
    tab.reload()
    assert tab.js("window.kgraph.state().goal") is None
    assert tab.errors() == []


def test_a_browser_that_will_not_store_still_plans(open_tab, small_graph):
    """Private mode: storage throws; the page plans, shows the week and says it could not save."""
    tab = open_tab(select(small_graph))
    tab.js(
        "(() => { Storage.prototype.setItem = () => { throw new Error('QuotaExceededError'); };"
        " Storage.prototype.removeItem = Storage.prototype.setItem; return true; })()"
    )
    tab.js("document.getElementById('goal').value = 'agi'")
    tab.js("document.getElementById('pace').value = '5'")
    tab.js("document.getElementById('plan-go').click()")
    tab.wait("window.kgraph.state().goal === 'agi'")
    assert tab.js(f"{FINISH} !== null")
    assert tab.js("document.getElementById('status').textContent") == texts("en")(
        "page.storage_failed"
    )
    assert tab.js("window.kgraph.calendar()").startswith("BEGIN:VCALENDAR\r\n")
    assert tab.errors() == []


def test_a_saved_goal_the_page_cannot_read_is_ignored(open_tab, small_graph):
    """Not a goal, an unknown id or a bad pace in storage: no goal restored, nothing broken."""
    tab = open_tab(select(small_graph))
    bad = [
        "not json",
        json.dumps({"format": "kgraph-goal", "from": None, "pace": 500, "to": "agi", "version": 1}),
        goal_text(Goal("nowhere")),
        json.dumps({"format": "kgraph-known", "known": {}, "version": 1}),
    ]
    for text in bad:
        tab.js(f"window.localStorage.setItem('kgraph.goal', {json.dumps(text)})")
        tab.js("history.replaceState(null, '', location.pathname)")
        tab.reload()
        assert tab.js("window.kgraph.state().goal") is None, text
    tab.js(f"window.localStorage.setItem('kgraph.goal', {json.dumps(goal_text(Goal('agi')))})")
    tab.reload()
    assert tab.js("window.kgraph.state().goal") == "agi"  # and a good one is read
    assert tab.errors() == []


SO_FAR = "document.querySelector('#week .so-far')?.textContent ?? null"


def dated(start: str, days_back: int, hour: int = 9) -> str:
    """A mark's time *days_back* days before *start* (after it when negative)."""
    return f"{parse_date(start) - timedelta(days=days_back)}T{hour:02}:00:00Z"


def cli_week(folder: Path, case: dict[str, Any], marks: dict[str, str], lang: str) -> list[str]:
    """The lines `kgraph week` prints with *marks* saved, the case's goal and pace saved beside
    them, on the case's start as today (KGRAPH_TODAY)."""
    folder.mkdir(exist_ok=True)
    progress = folder / "known.json"
    progress.write_text(marks_text(marks), encoding="utf-8")
    saved = goal_text(Goal(case["to"], case["from"], case["pace"]))
    goal_path(progress).write_text(saved, encoding="utf-8")
    args = ["-g", str(SHIPPED), "--lang", lang, "week", "--progress-file", str(progress)]
    result = CliRunner().invoke(main, args, env={"KGRAPH_TODAY": case["start"]})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_the_pace_so_far_is_kgraph_week_s_last_line(open_tab, shipped, tmp_path):
    """Dated marks in the browser's storage and a start in the link: after the finish the panel
    says `kgraph week`'s last line for the same marks, goal, pace and today, in English and
    Russian; at 0 h a week its own words point at "I know this"; with less than a week of
    marks, or none in the graph, it says nothing of the pace."""
    tab = open_tab(select(shipped))
    case: dict[str, Any] = {"to": "agi", "from": None, "known": [], "pace": 10.0}
    rng = random.Random(2412)
    marked = rng.sample([i for i in sorted(shipped.concepts) if i != case["to"]], 8)
    start = "2027-03-01"
    stories: list[dict[str, str]] = [
        {
            marked[0]: dated(start, 45),
            marked[1]: dated(start, 40),
            **{c: dated(start, rng.randint(0, 27)) for c in marked[2:]},
        },
        {marked[0]: dated(start, 23), marked[1]: dated(start, 3), marked[2]: dated(start, 0)},
        {
            marked[0]: dated(start, 30, 8),
            marked[1]: dated(start, 30, 20),
            marked[2]: dated(start, -2),
        },
        {marked[0]: dated(start, 6), marked[1]: dated(start, 1)},
    ]
    said: list[str] = []
    for n, marks in enumerate(stories):
        tab.js(f"window.localStorage.setItem('kgraph.known', {json.dumps(marks_text(marks))})")
        tab.js(f"location.hash = {json.dumps(f'to=agi&pace=10&start={start}&lang=en')}")
        tab.reload()
        tab.wait(f"{FINISH} !== null")
        assert sorted(tab.js("window.kgraph.state().marks")) == sorted(marks)
        week = this_week(
            shipped, Goal("agi"), pace=10, today=parse_date(start), known=tuple(marks), marks=marks
        )
        for lang in LANGUAGES:
            tab.js(f"window.kgraph.setLanguage({json.dumps(lang)})")
            t, shown = texts(lang), tab.js(SO_FAR)
            last = cli_week(tmp_path / f"{n}-{lang}", {**case, "start": start}, marks, lang)[-1]
            if week.so_far is None:
                assert shown is None, (n, lang)
                assert last == t("week.finish", hours=hours(week.remaining), pace="10",
                                 finish=week.finish)  # fmt: skip
            elif week.so_far.arrive is None:
                assert last == so_far_text(week.so_far, t)
                assert shown == t("page.week_so_far_never", weeks=week.so_far.weeks,
                                  weeks_noun=t.plural(week.so_far.weeks, "week"))  # fmt: skip
            else:
                assert shown == last, (n, lang)
                said.append(shown)
    # the stories reach each kind of answer: arrivals (one over fewer than 4 weeks), never, none
    assert [
        None if w.so_far is None else w.so_far.weeks if w.so_far.arrive else 0
        for w in (
            this_week(shipped, Goal("agi"), pace=10, today=parse_date(start), known=tuple(m),
                      marks=m)
            for m in stories
        )
    ] == [4, 3, 0, None]  # fmt: skip
    assert len(said) == 2 * len(LANGUAGES)
    assert tab.errors() == []


def test_a_plan_past_the_last_day_is_said_not_dated(open_tab):
    """Where the library refuses to date a plan ending past `LAST_DAY` (`kgraph path … --pace H
    --start D` exits 2), the page says so in the finish's place: no finish, no week panel."""
    kg = plan_graph()
    late = {**whole_plan(to="tune-cap"), "pace": 0.5, "start": "9999-06-07"}
    steps = learning_path(kg, late["to"]).steps
    with pytest.raises(TooLateError):
        schedule(steps, pace=late["pace"], start=parse_date(late["start"]))
    tab = open_tab(select(kg), fragment=fragment(late))
    tab.wait("document.querySelector('.too-late') !== null")
    for lang in LANGUAGES:
        tab.js(f"window.kgraph.setLanguage('{lang}')")
        shown = tab.js("document.querySelector('.too-late').textContent")
        assert shown == texts(lang)("page.too_late", last=LAST_DAY.isoformat())
    assert tab.js("document.querySelector('#week').hidden") is True
    assert tab.js("document.querySelector('[data-finish]')") is None
    on_time = {**late, "start": "2026-06-07"}
    schedule(steps, pace=on_time["pace"], start=parse_date(on_time["start"]))  # dated
    show(tab, on_time)
    tab.wait(f"{FINISH} !== null")
    assert tab.js("document.querySelector('.too-late')") is None
    assert tab.errors() == []
