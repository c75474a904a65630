"""The page as a planner, in Chromium and Firefox: parity, known set, fragment, keyboard, hostility.

Every test runs in both browsers (the ``open_tab`` fixture). The page is opened from disk with
no network; what it shows is compared with the Python library, never with literal answers.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from kgraph.graph import KGraph
from kgraph.i18n import hours
from kgraph.load import load_graph
from kgraph.queries import gaps, learning_path, next_steps
from kgraph.render.markdown import render_markdown
from kgraph.saved_progress import marks_text, parse_marks
from kgraph.selection import select
from tests.browser.hostile import NAME, hostile_graph
from tests.conftest import SHIPPED

pytestmark = pytest.mark.browser

# A long plan shows its rungs folded, each built when opened: open them all, then read the steps.
STEPS = (
    "(document.querySelectorAll('#plan-steps details').forEach(d => {"
    " d.open = true; d.dispatchEvent(new Event('toggle')); }),"
    " [...document.querySelectorAll('#plan-steps li')]"
    ".sort((a, b) => a.dataset.step - b.dataset.step).map(li => li.dataset.id))"
)
STATE = "window.kgraph.state()"
PWNED = "typeof window.__pwned"


@pytest.fixture(scope="module")
def shipped() -> KGraph:
    return load_graph(SHIPPED)


def _ids(selector: str) -> str:
    return f"[...document.querySelectorAll({json.dumps(selector)})].map(li => li.dataset.id)"


def plan_split(kg: KGraph, steps: list[str]) -> tuple[list[str], list[str]]:
    """The plan's steps that can start now (no prerequisite among the steps) and the others."""
    inside = set(steps)
    ready = [s for s in steps if not set(kg.prerequisites[s]) & inside]
    return ready, [s for s in steps if s not in ready]


def test_plans_gaps_and_next_equal_the_library(open_tab, shipped):
    """Seeded (from, to, known) links: the page's steps and hours are the CLI's; its gaps split
    that plan into ready and blocked (`kgraph gaps` exactly when there is no start) and what to
    learn next is the plan's ready steps, its first step first."""
    tab = open_tab(select(shipped))
    assert ("Firefox/" in tab.js("navigator.userAgent")) == (tab.browser == "firefox")
    rng = random.Random(16)
    ids = sorted(shipped.concepts)
    for _ in range(6):
        goal, start = rng.choice(ids), rng.choice([None, rng.choice(ids)])
        known = rng.sample(ids, rng.randint(0, 4))
        fragment = f"to={goal}" + (f"&from={start}" if start else "") + f"&known={','.join(known)}"
        tab.js(f"location.hash = {json.dumps(fragment)}")
        wanted = {"goal": goal, "from": start, "marks": sorted(set(known))}
        tab.wait(
            "(s => JSON.stringify({goal: s.goal, from: s.from, marks: s.marks}))(window.kgraph.state())"
            f" === {json.dumps(json.dumps(wanted, separators=(',', ':')))}"
        )
        plan = learning_path(shipped, goal, source=start, known=known)
        steps = [s.concept.id for s in plan.steps]
        assert tab.js(STEPS) == steps, fragment
        if plan.steps:
            assert f"{hours(plan.hours)} h" in tab.js(
                "document.querySelector('#plan .total').textContent"
            )
        ready, blocked = plan_split(shipped, steps)
        if start is None:
            found = gaps(shipped, goal, known=known)
            assert (ready, blocked) == (
                [c.id for c in found.ready],
                [b.concept.id for b in found.blocked],
            )
        assert tab.js(_ids("#gaps .ready-now li")) == ready
        tab.js(
            "(d => { d.open = true; d.dispatchEvent(new Event('toggle')); })(document.querySelector('#gaps details'))"
        )
        assert tab.js(_ids("#gaps .blocked-list li")) == blocked
        assert tab.js(_ids("#next li")) == ready[:6]
        if steps:
            assert tab.js(_ids("#next li.first")) == [steps[0]]
    assert tab.errors() == []
    assert tab.requests() == []


def test_next_without_a_goal_is_kgraph_next(open_tab, shipped):
    """With no goal, what to learn next is `kgraph next` for the known set, in its order."""
    tab = open_tab(select(shipped), fragment="known=python,linear-algebra")
    ranked = [
        c.concept.id for c in next_steps(shipped, known=["python", "linear-algebra"]).candidates
    ]
    tab.wait("document.querySelectorAll('#next li').length > 0")
    assert tab.js(_ids("#next li")) == ranked[:12]


def test_lora_to_agi_panels_answer_for_the_plan_above_its_list(open_tab, shipped):
    """LoRA → AGI: next and gaps start where the plan starts, not at the ladder's roots; both
    come before the plan's long list, whose steps fold by rung under column headers; the page
    itself does not grow past the screen on a desktop (the panels scroll inside)."""
    tab = open_tab(select(shipped), fragment="to=agi&from=lora")
    tab.wait("document.querySelectorAll('#plan-steps details').length > 0")
    plan = learning_path(shipped, "agi", source="lora")
    first = plan.steps[0].concept.id
    assert tab.js("document.querySelector('#next li').dataset.id") == first
    assert "python" not in tab.js(_ids("#next li")) + tab.js(_ids("#gaps .ready-now li"))
    order = tab.js(
        "['next', 'gaps', 'plan'].map(id => document.getElementById(id).getBoundingClientRect().top)"
    )
    assert order == sorted(order)
    rungs = sorted({c.concept.level.rank for c in plan.steps})
    assert (
        tab.js("[...document.querySelectorAll('#plan-steps details')].map(d => +d.dataset.rank)")
        == rungs
    )
    assert (
        len(
            tab.js(
                "[...document.querySelectorAll('#plan-steps .step-head span')].map(s => s.textContent)"
            )
        )
        == 4
    )
    assert tab.js("document.scrollingElement.scrollHeight") <= 800 + 1
    title = f"kgraph: {shipped['lora'].name} → {shipped['agi'].name}"
    assert tab.js("document.title") == title
    assert tab.js("document.getElementById('page-title').textContent") == title


def test_the_goal_picker_takes_a_name_and_numbers_the_graph(open_tab, shipped):
    """Typing a goal's name and Enter plans it; the steps are numbered and lit on the graph."""
    tab = open_tab(select(shipped))
    goal = next(c for c in sorted(shipped.concepts) if len(shipped.ancestors(c)) >= 3)
    tab.click_selector("#goal")
    tab.type(shipped[goal].name)
    tab.press("Enter")
    tab.wait(f"{STEPS}.length > 0")
    plan = learning_path(shipped, goal)
    assert tab.js(STEPS) == [s.concept.id for s in plan.steps]
    assert tab.js(STATE)["goal"] == goal
    assert tab.js("location.hash").startswith(f"#to={goal}&")
    first = plan.steps[0].concept
    assert tab.js(f"window.kgraph.look({json.dumps(first.id)}).step") == 1
    assert tab.js("document.querySelectorAll('#plan .totals li').length") == len(plan.totals)
    assert tab.errors() == []


def test_copy_gives_the_markdown_checklist_of_the_cli(open_tab, small_graph):
    """The plan copied as Markdown is byte for byte `kgraph export --format markdown --path`."""
    tab = open_tab(select(small_graph), fragment="to=agi&from=python")
    expected = render_markdown(select(small_graph, path=("python", "agi")))
    assert tab.js("window.kgraph.markdown()") == expected
    tab.click_selector("#plan .actions button")
    tab.wait("document.querySelector('#plan textarea') !== null")
    assert tab.js("document.querySelector('#plan textarea').value") == expected
    tab.js("window.kgraph.setLanguage('ru')")
    assert tab.js("window.kgraph.markdown()") == render_markdown(
        select(small_graph, path=("python", "agi")), lang="ru"
    )


def test_markdown_of_a_shipped_plan_has_its_outcomes_projects_and_start(open_tab, shipped):
    """A plan with outcomes, projects and ranked resources copies exactly as the CLI writes it:
    the resource to start with, outcomes as sub-checkboxes, suggested projects, hours split."""
    tab = open_tab(select(shipped), fragment="to=agi&from=lora")
    tab.wait("window.kgraph.markdown() !== null")
    for lang in ("en", "ru"):
        tab.js(f"window.kgraph.setLanguage('{lang}')")
        expected = render_markdown(select(shipped, path=("lora", "agi")), lang=lang)
        assert "  - [ ] " in expected
        assert tab.js("window.kgraph.markdown()") == expected


def test_marking_known_counts_prerequisites_and_persists(open_tab, small_graph):
    """I-know-this on ml makes linalg and python known, survives a reload, unmarks only ml."""
    tab = open_tab(select(small_graph))
    tab.js("window.kgraph.select('ml')")
    tab.click_selector("#know-toggle")
    tab.wait("window.kgraph.state().saved.length === 1")
    learn = "window.kgraph.look({}).learn"
    assert [tab.js(learn.format(json.dumps(c))) for c in ("linalg", "python", "ml", "lora", "agi")] == [
        "known", "known", "known", "ready", "later",
    ]  # fmt: skip
    assert tab.js("document.querySelector('#know-toggle').getAttribute('aria-pressed')") == "true"
    tab.js("window.kgraph.select('python')")
    assert tab.js("document.querySelector('#know-toggle').getAttribute('aria-pressed')") == "false"
    tab.js("location.hash = ''")
    tab.reload()
    assert tab.js(STATE)["saved"] == ["ml"]
    assert tab.js(learn.format('"python"')) == "known"
    tab.js("window.kgraph.toggleKnown('python')")  # marking an implied concept adds a mark
    tab.js("window.kgraph.toggleKnown('ml')")  # unmarking ml keeps python's own mark
    assert tab.js(STATE)["saved"] == ["python"]
    assert tab.js(learn.format('"linalg"')) == "ready"
    assert tab.errors() == []


def _drop(tab, text: str, name: str = "known.json", *, js_text: str | None = None) -> None:
    """Drop a file on the page as a reader would, through a real DataTransfer and FileReader."""
    content = js_text if js_text is not None else json.dumps(text)
    tab.js(
        "(() => { const dt = new DataTransfer();"
        f" dt.items.add(new File([{content}], {json.dumps(name)}, {{type: 'application/json'}}));"
        " document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"
        " return true; })()"
    )


def _pick(tab, text: str, name: str = "known.json") -> None:
    """Choose a file in the import picker (the same files a reader's dialog would give)."""
    tab.js(
        "(() => { const dt = new DataTransfer(), input = document.querySelector('#import-file');"
        f" dt.items.add(new File([{json.dumps(text)}], {json.dumps(name)}));"
        " input.files = dt.files; input.dispatchEvent(new Event('change')); return true; })()"
    )


DOWNLOAD = """new Promise(resolve => {
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    HTMLAnchorElement.prototype.click = click;
    fetch(this.href).then(r => r.text()).then(text => resolve([this.download, text]));
  };
  document.querySelector('#export-known').click();
})"""


def test_known_json_moves_between_page_and_cli(open_tab, small_graph):
    """The CLI's file imports (picker and drop); the page's download is a file the CLI reads."""
    tab = open_tab(select(small_graph))
    _pick(tab, marks_text({"lora": "2025-05-01T10:00:00Z"}))
    tab.wait("window.kgraph.state().saved.length === 1")
    assert tab.js(STATE)["saved"] == ["lora"]
    _drop(tab, json.dumps(["quant"]))
    tab.wait("window.kgraph.state().saved.length === 2")
    name, text = tab.js(DOWNLOAD)
    assert name == "known.json"
    marks = parse_marks(text, "download")
    assert marks["lora"] == "2025-05-01T10:00:00Z"
    assert sorted(marks) == ["lora", "quant"]
    assert text == marks_text(marks)  # canonical, as the CLI writes it
    assert tab.errors() == []


def test_a_links_known_set_is_shown_not_saved(open_tab, small_graph):
    """#known=… is applied for the view; the saved set changes only when the reader keeps it."""
    tab = open_tab(select(small_graph), fragment="to=agi&known=lora")
    state = tab.js(STATE)
    assert (state["marks"], state["saved"], state["link"]) == (["lora"], [], True)
    assert tab.js(STEPS) == [
        s.concept.id for s in learning_path(small_graph, "agi", known=["lora"]).steps
    ]
    tab.js("location.hash = 'to=agi'")
    tab.wait("window.kgraph.state().link === false")
    assert tab.js(STATE)["marks"] == []
    tab.js("location.hash = 'to=agi&known=lora'")
    tab.wait("window.kgraph.state().link === true")
    tab.click_selector("#progress .actions button")  # keep it as mine
    tab.wait("window.kgraph.state().saved.length === 1")
    tab.js("location.hash = ''")
    tab.reload()
    assert tab.js(STATE)["saved"] == ["lora"]


HOSTILE_FRAGMENTS = [
    "to=javascript:window.__pwned=1",
    "to=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
    "known=ml,%3Cscript%3Ewindow.__pwned%3D1%3C/script%3E",
    "known=" + ",".join(["ml"] * 5000),
    "c=%1B%5B31m%E2%80%AEevil",
    "lang=%3Cb%3Eru",
    "from=nope&to=nope",
    "known=" + "a" * 250000,
]


def test_hostile_fragments_change_nothing_but_a_message(open_tab, small_graph):
    """Unknown ids, markup, javascript:, controls and huge lists: a message, nothing else."""
    tab = open_tab(select(small_graph), fragment="to=lora&lang=en")
    before = tab.js(STATE)
    for fragment in HOSTILE_FRAGMENTS:
        tab.js(f"location.hash = {json.dumps(fragment)}")
        tab.wait("document.querySelector('#status').textContent !== ''")
        message = tab.js("document.querySelector('#status').textContent")
        assert "ignored" in message, fragment
        assert tab.js(STATE) == before, fragment
        assert tab.js(STEPS) == [s.concept.id for s in learning_path(small_graph, "lora").steps]
        tab.js("document.querySelector('#status').textContent = ''")
    assert tab.js(PWNED) == "undefined"
    assert tab.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert tab.errors() == []


HOSTILE_FILES = [
    ("not json {", "not a kgraph progress file"),
    (json.dumps({"format": "other", "known": {}}), "not a kgraph progress file"),
    (json.dumps({"format": "kgraph-known", "version": 2, "known": {}}), "another version"),
    (
        json.dumps(
            {
                "format": "kgraph-known",
                "version": 1,
                "known": {"<img src=x onerror=window.__pwned=1>": "2025-01-01T00:00:00Z"},
            }
        ),
        "not a kgraph progress file",
    ),
    (
        json.dumps(
            {"format": "kgraph-known", "version": 1, "known": {"lora": "javascript:alert(1)"}}
        ),
        "not a kgraph progress file",
    ),
    *(
        (json.dumps({"format": "kgraph-known", "version": 1, "known": {"lora": when}}), "not a")
        for when in ("2026-02-30T09:00:00Z", "2026-02-28T24:00:00Z", "0000-01-01T00:00:00Z")
    ),  # not a real time: the CLI refuses the file too (test_saved_progress)
    (json.dumps(["ml", "no-such-concept"]), "not in this graph"),
    (json.dumps(["ml", 7]), "not a kgraph progress file"),
    ("", "too large"),  # 5.5 MB, made in the page: see HUGE
]
HUGE = "'[' + '\"ml\",'.repeat(1100000) + '\"ml\"]'"


@pytest.mark.parametrize(("text", "message"), HOSTILE_FILES)
def test_hostile_known_files_change_nothing_but_a_message(
    open_tab, small_graph, text: str, message: str
):
    tab = open_tab(select(small_graph))
    tab.js("window.kgraph.toggleKnown('python')")
    before = tab.js(STATE)
    _drop(tab, text, name="evil\u202e<b>.json", js_text=None if text else HUGE)
    tab.wait("document.querySelector('#status').textContent.includes('nothing changed')")
    status = tab.js("document.querySelector('#status').textContent")
    assert message in status
    assert "\u202e" not in status  # the file name is shown with its hidden characters escaped
    assert tab.js(STATE) == before
    assert tab.js(PWNED) == "undefined"
    assert tab.js("document.querySelectorAll('b, img').length") == 0
    assert tab.errors() == []


def test_keyboard_search_lists_and_escape(open_tab, small_graph):
    """/ focuses search, Enter selects, arrows move in the plan, Enter opens a step, Esc clears."""
    tab = open_tab(select(small_graph), fragment="to=agi")
    tab.click(5, 400)
    tab.press("/")
    assert tab.js("document.activeElement.id") == "search"
    tab.type("lora")
    tab.press("Enter")
    tab.wait("window.kgraph.state().selected === 'lora'")
    tab.press("Escape")
    tab.wait("window.kgraph.state().selected === null")
    tab.js("document.querySelector('#plan-steps .concept-link').focus()")
    tab.press("ArrowDown")
    tab.press("ArrowDown")
    steps = [s.concept.id for s in learning_path(small_graph, "agi").steps]
    assert tab.js("document.activeElement.dataset.id") == steps[2]
    tab.press("ArrowUp")
    tab.press("Enter")
    tab.wait(f"window.kgraph.state().selected === {json.dumps(steps[1])}")
    visible = tab.js("getComputedStyle(document.activeElement).outlineStyle")
    assert visible != "none"
    tab.press("Escape")
    tab.wait("window.kgraph.state().selected === null")
    assert tab.errors() == []


def test_ladder_view_lists_rungs_with_progress(open_tab, small_graph):
    """The ladder view: one section per rung, bottom first, progress = known concepts."""
    tab = open_tab(select(small_graph), fragment="known=ml")
    tab.click_selector("#views [data-view=ladder]")
    tab.wait("!document.querySelector('#ladder').hidden")
    rungs = tab.js(
        "[...document.querySelectorAll('#ladder .rung')].map(r => [Number(r.dataset.rank),"
        " r.querySelector('progress').value, r.querySelector('progress').max,"
        " [...r.querySelectorAll('li')].map(li => [li.dataset.id, li.className])])"
    )
    known = small_graph.closure(["ml"])
    expected = []
    for rank in sorted({c.level.rank for c in small_graph.concepts.values()}):
        members = sorted(c for c in small_graph.concepts if small_graph[c].level.rank == rank)
        states = [
            (
                c,
                "known"
                if c in known
                else ("ready" if set(small_graph.prerequisites[c]) <= known else "later"),
            )
            for c in members
        ]
        expected.append(
            [rank, sum(c in known for c in members), len(members), [list(s) for s in states]]
        )
    assert rungs == expected
    assert tab.js("document.querySelector('#graph').hidden") is True
    assert tab.errors() == []


def test_phone_layout_and_plan(open_tab, small_graph):
    """On a phone-sized window the panel sits below the graph and the plan still works."""
    tab = open_tab(select(small_graph), fragment="to=qlora", width=390, height=844)
    graph: Any = tab.js("document.querySelector('#graph').getBoundingClientRect().toJSON()")
    panel: Any = tab.js("document.querySelector('#panel').getBoundingClientRect().toJSON()")
    assert panel["y"] >= graph["y"] + graph["height"] - 1
    assert tab.js("document.documentElement.scrollWidth") <= 390
    assert tab.js(STEPS) == [s.concept.id for s in learning_path(small_graph, "qlora").steps]


def test_hostile_graph_text_in_plans_stays_text(open_tab):
    """Script-like names and reasons in the plan, gaps, next and the checklist stay inert."""
    kg = hostile_graph()
    tab = open_tab(select(kg), fragment="to=after&c=evil")
    assert tab.js(STEPS) == [s.concept.id for s in learning_path(kg, "after").steps]
    assert NAME in tab.js("document.querySelector('#plan').textContent")
    assert NAME in tab.js("document.querySelector('#details h2').textContent")
    assert tab.js("window.kgraph.markdown()") == render_markdown(select(kg, path=(None, "after")))
    tab.js("window.kgraph.setView('ladder')")
    assert NAME in tab.js("document.querySelector('#ladder').textContent")
    assert tab.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert tab.js(PWNED) == "undefined"
    assert tab.errors() == []


def test_saved_ids_this_graph_does_not_know_are_kept(open_tab, small_graph):
    """As the CLI keeps them: unknown saved ids stay in storage and in the download, unused."""
    tab = open_tab(select(small_graph))
    saved = marks_text({"gone-concept": "2025-01-01T00:00:00Z", "lora": "2025-02-01T00:00:00Z"})
    tab.js(f"localStorage.setItem('kgraph.known', {json.dumps(saved)})")
    tab.js("location.hash = ''")
    tab.reload()
    assert tab.js(STATE)["saved"] == ["gone-concept", "lora"]
    assert tab.js("window.kgraph.look('ml').learn") == "known"
    tab.js("window.kgraph.toggleKnown('quant')")
    _, text = tab.js(DOWNLOAD)
    assert sorted(parse_marks(text, "download")) == ["gone-concept", "lora", "quant"]
    _drop(tab, json.dumps(["Low Rank Adaptation", "QLoRA"]))  # names resolve, as in the CLI
    tab.wait("window.kgraph.state().saved.includes('qlora')")
    assert tab.js(STATE)["saved"] == ["gone-concept", "lora", "qlora", "quant"]
    assert tab.errors() == []


WEEKS = STEPS.replace("li.dataset.id)", "li.dataset.weeks)")


def test_a_pace_in_the_link_gives_weeks_and_a_finish_date_like_the_cli(open_tab, shipped):
    """``pace=`` and ``start=`` in the fragment: each step's weeks and the plan's finish date are
    `kgraph path … --pace H --start D`'s; a bad pace typed in the field is refused with a message
    and changes nothing."""
    from kgraph.pace import parse_date, schedule

    tab = open_tab(select(shipped), fragment="to=agi&from=lora&pace=7.5&start=2026-12-07")
    tab.wait("document.querySelector('#plan [data-finish]') !== null")
    plan = learning_path(shipped, "agi", source="lora")
    paced = schedule(plan.steps, pace=7.5, start=parse_date("2026-12-07"))
    assert tab.js("document.querySelector('#plan [data-finish]').dataset.finish") == paced.finish
    assert tab.js(WEEKS) == [f"{first}-{last}" for first, last in paced.weeks]
    assert tab.js("document.getElementById('pace').value") == "7.5"
    tab.js("document.getElementById('pace').value = '200'")
    tab.js("document.getElementById('plan-go').click()")
    assert "168" in tab.js("document.getElementById('status').textContent")
    assert tab.js("document.querySelector('#plan [data-finish]').dataset.finish") == paced.finish
    assert "pace=7.5" in tab.js("location.hash")
    assert tab.errors() == []


OPENS = STEPS.replace(
    ".map(li => li.dataset.id))",
    ".map(li => li.querySelector('[data-opens]')?.dataset.opens ?? ''))",
)


def test_each_step_names_the_practice_projects_it_opens(open_tab, shipped):
    """The plan shows, at the step that opens them, the projects `kgraph path` suggests there
    (kgraph/projects.py suggested_along), each a link marked as a project."""
    from kgraph.projects import suggested_along
    from kgraph.study import known_before

    tab = open_tab(select(shipped), fragment="to=agi&from=lora")
    tab.wait("document.querySelectorAll('#plan-steps details').length > 0")
    plan = learning_path(shipped, "agi", source="lora")
    order = [s.concept.id for s in plan.steps]
    opened = suggested_along(shipped, order, known_before(shipped, plan))
    assert opened  # the shipped graph has practice projects along this plan
    expected = [",".join(c.id for c in opened.get(i, ())) for i in range(len(order))]
    assert tab.js(OPENS) == expected
    kinds = tab.js(
        "[...document.querySelectorAll('#plan-steps [data-opens] .concept-link')]"
        ".map(a => a.dataset.kind)"
    )
    assert kinds == ["project"] * sum(len(v) for v in opened.values())
    assert tab.errors() == []


def test_known_and_ready_follow_each_mark_and_unmark(open_tab, shipped):
    """Marks added one at a time (the page updates its sets from the new concepts only), then one
    taken away (the page recomputes): after each, every concept's state is the library's: known
    is the marks with all they need, ready is what has all its prerequisites known."""
    tab = open_tab(select(shipped))
    rng = random.Random(25)
    marks = rng.sample(sorted(shipped.concepts), 6)
    looks = "Object.fromEntries(window.kgraph.data.concepts.map(c => [c.id, window.kgraph.look(c.id).learn]))"

    def expected(marked: list[str]) -> dict[str, str]:
        known = shipped.closure(marked)
        ready = {
            c for c in shipped.concepts if c not in known and set(shipped.prerequisites[c]) <= known
        }
        return {
            c: "known" if c in known else "ready" if c in ready else "later"
            for c in shipped.concepts
        }

    for n, mark in enumerate(marks, 1):
        if mark in shipped.closure(marks[: n - 1]):
            continue  # already implied: a mark would add nothing new to check
        tab.js(f"window.kgraph.toggleKnown({json.dumps(mark)})")
        assert tab.js(looks) == expected(tab.js(STATE)["saved"]), mark
    tab.js(f"window.kgraph.toggleKnown({json.dumps(tab.js(STATE)['saved'][0])})")
    assert tab.js(looks) == expected(tab.js(STATE)["saved"])
    assert tab.errors() == []
