"""The page as a map, in Chromium and Firefox, on a desktop and a phone.

The opening view fills its area with the rungs in ladder order; names never collide and the
most-needed get theirs first; a plan is a numbered route readable at the fitted view, with a
route-only view; the title names the goal; focus follows the action; every text switches
language, hover cards included; on a phone the planner comes first and the details open as a
bottom sheet that hides nothing chosen. Sizes and names are derived from the graph, never
counted by hand.
"""

from __future__ import annotations

import json
from itertools import combinations
from typing import Any

import pytest

from kgraph.graph import KGraph
from kgraph.i18n import texts
from kgraph.load import load_graph
from kgraph.model import Kind
from kgraph.queries import learning_path
from kgraph.render.html import render_html
from kgraph.selection import select
from tests.browser.hostile import NAME
from tests.conftest import SHIPPED
from tests.helpers import make_concept

pytestmark = pytest.mark.browser

SIZES = pytest.mark.parametrize(
    ("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"]
)
FRAME = (
    "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))"
)
SETTLED = (
    "new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 500))"
)
DRAWN = """(() => {
  const area = document.getElementById('graph').getBoundingClientRect();
  const data = window.kgraph.data;
  const rank = Object.fromEntries(data.concepts.map(c => [c.id, c.rank]));
  const ids = window.kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id);
  const pos = network.getPositions(ids);
  return {width: area.width, height: area.height, layout: window.kgraph.layout(),
    points: ids.map(id => { const p = network.canvasToDOM(pos[id]); return [id, rank[id], p.x, p.y]; })};
})()"""


@pytest.fixture(scope="module")
def shipped() -> KGraph:
    return load_graph(SHIPPED)


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


def drawn(tab: Any) -> dict[str, Any]:
    tab.js(FRAME)
    found: dict[str, Any] = tab.js(DRAWN)
    return found


@SIZES
def test_opening_view_fills_its_area_with_rungs_in_order(open_tab, shipped, width, height):
    """The concepts' box covers at least half the graph area, all inside it; rungs follow the
    ladder left to right on a desktop (columns) and top to bottom on a phone (bands)."""
    tab = open_tab(select(shipped), width=width, height=height)
    found = drawn(tab)
    wide = width > height
    assert found["layout"] == ("columns" if wide else "bands")
    xs = [p[2] for p in found["points"]]
    ys = [p[3] for p in found["points"]]
    assert min(xs) >= 0
    assert min(ys) >= 0
    assert max(xs) <= found["width"]
    assert max(ys) <= found["height"]
    cover = (max(xs) - min(xs)) * (max(ys) - min(ys)) / (found["width"] * found["height"])
    assert cover >= 0.5, cover
    axis = 2 if wide else 3
    along: dict[int, list[float]] = {}
    for point in found["points"]:
        along.setdefault(point[1], []).append(point[axis])
    ranks = sorted(along)
    assert len(ranks) > 1
    for lower, higher in zip(ranks, ranks[1:], strict=False):
        assert max(along[lower]) < min(along[higher])
    assert tab.errors() == []


@SIZES
@pytest.mark.parametrize("fragment", ["", "to=agi&from=lora"], ids=["opening", "plan"])
def test_names_never_collide_and_the_most_needed_come_first(
    open_tab, shipped, width, height, fragment
):
    """No two drawn names, rung titles or plan numbers overlap, all lie inside the area, and
    the name that matters most is drawn: the concept that unlocks most, or the plan's first
    step. Names keep one size on screen: none grows into a giant label."""
    tab = open_tab(select(shipped), fragment=fragment, width=width, height=height)
    tab.js(FRAME)
    found = tab.js("window.kgraph.labels()")
    area = tab.js("document.getElementById('graph').getBoundingClientRect().toJSON()")
    numbers = [
        {"x0": n["x"] - n["r"], "x1": n["x"] + n["r"], "y0": n["y"] - n["r"], "y1": n["y"] + n["r"]}
        for n in found["numbers"]
    ]
    names = found["names"]
    assert len(names) >= 10
    for a, b in combinations(names + found["titles"], 2):
        assert not overlap(a, b), (a, b)
    for name in names:
        assert not any(overlap(name, n) for n in numbers), name
        assert name["x0"] >= 0
        assert name["x1"] <= area["width"]
        assert name["y0"] >= 0
        assert name["y1"] <= area["height"]
        assert name["y1"] - name["y0"] <= 32  # at most two lines of the one small size
    labelled = {n["id"] for n in names}
    if fragment:
        first = learning_path(shipped, "agi", source="lora").steps[0].concept.id
        assert first in labelled
    else:
        counts = shipped.descendant_counts(shipped.concepts, set(shipped.concepts))
        top = min(shipped.concepts, key=lambda c: (-counts[c], c))
        assert top in labelled
    assert len(found["titles"]) == len({shipped[c].level for c in shipped.concepts})


@SIZES
def test_a_plan_is_a_numbered_route_readable_at_the_fitted_view(open_tab, shipped, width, height):
    """At the fitted view the steps carry their numbers on discs at least 18 px across, which
    never overlap: where two would, the earlier step keeps its number (the first always does)
    and the later gets a small plain disc. The plan's own edges are lit (bold from step to next
    step where it needs it, thin otherwise), the rest dimmed."""
    tab = open_tab(select(shipped), fragment="to=agi&from=lora", width=width, height=height)
    tab.js(FRAME)
    steps = [s.concept.id for s in learning_path(shipped, "agi", source="lora").steps]
    numbers = tab.js("window.kgraph.labels().numbers")
    assert {n["id"]: n["text"] for n in numbers} == {
        s: str(i + 1) for i, s in enumerate(steps) if s in {n["id"] for n in numbers}
    }
    assert numbers[0]["id"] == steps[0]
    # Most steps on a desktop; a phone's narrow map still numbers a third of a long climb (about
    # 40 % of today's 233 steps): a margin, so one added concept does not flip the test.
    assert len(numbers) >= (0.4 if width > height else 1 / 3) * len(steps)
    assert min(n["r"] for n in numbers) >= 9
    for a, b in combinations(numbers, 2):
        assert (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 >= (a["r"] + b["r"]) ** 2 * 0.5
    # The route reads as a line: bold only where a step needs the step just before it; the
    # plan's other needs stay thin; everything else is dimmed.
    needs = [(p, c) for c in steps for p in shipped.prerequisites[c] if p in steps]
    consecutive = {(a, b) for a, b in zip(steps, steps[1:], strict=False)}
    bold = [e for e in needs if e in consecutive]
    assert bold
    assert len(bold) < len(needs)
    assert tab.js("window.kgraph.drawnEdges()") == {
        "on": len(bold),
        "quiet": len(needs) - len(bold),
    }
    look = "window.kgraph.edgeLook({}, {})"
    assert tab.js(look.format(*map(json.dumps, bold[0]))) == "on"
    quiet = next(e for e in needs if e not in consecutive)
    assert tab.js(look.format(*map(json.dumps, quiet))) == "quiet"
    outside = next(c for c in sorted(shipped.concepts) if c not in steps)
    assert tab.js(f"window.kgraph.look({json.dumps(outside)}).lit") == "dim"


def test_route_only_draws_the_plan_in_order_by_rung(open_tab, shipped):
    """The route view draws just the plan's steps: rungs left to right, and inside a rung the
    steps in plan order, column after column; without a plan there is no route button."""
    tab = open_tab(select(shipped))
    assert tab.js("document.querySelector('[data-view=route]').hidden") is True
    tab.js("location.hash = 'to=agi&from=lora'")
    tab.wait("!document.querySelector('[data-view=route]').hidden")
    tab.click_selector("[data-view=route]")
    tab.wait("window.kgraph.layout() === 'route'")
    found = drawn(tab)
    steps = [s.concept.id for s in learning_path(shipped, "agi", source="lora").steps]
    assert sorted(p[0] for p in found["points"]) == sorted(steps)
    at = {p[0]: (p[2], p[3]) for p in found["points"]}
    rank = {p[0]: p[1] for p in found["points"]}
    for rung in set(rank.values()):
        own = [s for s in steps if rank[s] == rung]
        assert sorted(own, key=lambda s: at[s]) == own  # x, then y: columns read top to bottom
    xs = {r: [at[s][0] for s in steps if rank[s] == r] for r in set(rank.values())}
    ordered = sorted(xs)
    for lower, higher in zip(ordered, ordered[1:], strict=False):
        assert max(xs[lower]) < min(xs[higher])
    assert (
        tab.js("document.querySelector('[data-view=route]').getAttribute('aria-pressed')") == "true"
    )
    numbers = tab.js("window.kgraph.labels().numbers")
    assert len(numbers) == len(steps)  # spaced out in the route view: every step numbered
    tab.click_selector("[data-view=graph]")
    tab.wait("window.kgraph.layout() === 'columns'")
    assert len(drawn(tab)["points"]) == len(shipped.concepts)


def test_title_and_heading_name_the_goal_in_each_language(open_tab, shipped):
    """With a goal the title and the page heading say where the plan goes, in either language."""
    tab = open_tab(select(shipped))
    before = tab.js("document.title")
    tab.js("location.hash = 'to=agi&from=lora'")
    title = f"kgraph: {shipped['lora'].name} → {shipped['agi'].name}"
    tab.wait(f"document.title === {json.dumps(title)}")
    assert tab.js("document.getElementById('page-title').textContent") == title
    tab.js("window.kgraph.setLanguage('ru')")
    ru = f"kgraph: {shipped['lora'].name} → {shipped['agi'].translations['ru'].name}"
    assert tab.js("document.title") == ru
    tab.js("window.kgraph.plan(null)")
    tab.js("window.kgraph.setLanguage('en')")
    assert tab.js("document.title") == before


def test_focus_follows_the_action(open_tab, small_graph):
    """Plan a path here → focus on what to learn next, with the plan drawn whole and no concept
    selected; Clear the plan → the goal field; Close on the details → back where the reader was."""
    tab = open_tab(select(small_graph))
    tab.js("window.kgraph.select('lora')")
    assert tab.js("document.activeElement.id") == "details-title"
    tab.click_selector("#learn-this")
    tab.wait("window.kgraph.state().goal === 'lora'")
    assert tab.js("document.activeElement.id") == "next-title"
    assert tab.js("window.kgraph.state().selected") is None
    names = tab.js("window.kgraph.labels().names")
    assert all(n["y1"] - n["y0"] <= 32 for n in names)
    tab.click_selector("#plan .actions button:last-child")
    tab.wait("window.kgraph.state().goal === null")
    assert tab.js("document.activeElement.id") == "goal"
    tab.click_selector("#goal")
    tab.type("agi")
    tab.press("Enter")
    tab.wait("window.kgraph.state().goal === 'agi'")
    assert tab.js("document.activeElement.id") == "next-title"
    tab.js("document.getElementById('search').focus()")
    tab.js("window.kgraph.select('ml')")
    assert tab.js("document.activeElement.id") == "details-title"
    tab.click_selector("#details-close")
    tab.wait("window.kgraph.state().selected === null")
    assert tab.js("document.activeElement.id") == "search"


def test_an_open_hover_card_switches_language(open_tab, shipped):
    """A hover card open while the reader switches to Russian is rewritten in Russian."""
    tab = open_tab(select(shipped))
    tab.js("window.kgraph.setView('graph')")
    target = "transformer"
    # A late resize re-fits a view the reader has not moved: zoom until the zoom stays.
    for _ in range(10):
        tab.js(SETTLED)
        tab.js(f"network.moveTo({{position: network.getPosition({json.dumps(target)}), scale: 3}})")
        tab.js(SETTLED)
        if tab.js("network.getScale()") == 3:
            break
    tab.hover_node(target)
    name = json.dumps(shipped[target].name)
    # The pointer may cross a neighbour on its way: wait for the node's own card.
    tab.wait(
        "(c => c && c.style.visibility !== 'hidden' && c.textContent.includes("
        + name
        + "))(document.querySelector('.vis-tooltip'))"
    )
    tab.js("window.kgraph.setLanguage('ru')")
    text = tab.js("document.querySelector('.vis-tooltip').textContent")
    assert shipped[target].translations["ru"].name in text
    assert shipped[target].translations["ru"].summary in text


def test_phone_planner_first_details_as_a_sheet_hiding_nothing(open_tab, shipped):
    """On a phone the planner comes before the map; a tapped concept opens its details as a
    sheet over the bottom of the screen and the map moves the concept above the sheet."""
    tab = open_tab(select(shipped), width=390, height=844)
    top = tab.js(
        "['plan-form', 'graph', 'next'].map(id => document.getElementById(id).getBoundingClientRect().top)"
    )
    assert top == sorted(top)
    tab.js("document.getElementById('graph').scrollIntoView()")
    tab.js(FRAME)
    target = "lora"
    tab.click_node(target)
    tab.wait(f"window.kgraph.state().selected === {json.dumps(target)}")
    tab.js(SETTLED)
    sheet = tab.js("document.getElementById('details').getBoundingClientRect().toJSON()")
    assert tab.js("getComputedStyle(document.getElementById('details')).position") == "fixed"
    assert abs(sheet["bottom"] - 844) <= 1
    x, y = tab.js(
        f"(() => {{ const b = document.querySelector('#graph canvas').getBoundingClientRect();"
        f" const p = network.canvasToDOM(network.getPosition({json.dumps(target)}));"
        " return [b.x + p.x, b.y + p.y]; })()"
    )
    assert 0 <= y < sheet["top"]
    assert 0 <= x <= 390
    tab.click_selector("#details-close")
    tab.wait("window.kgraph.state().selected === null")
    assert tab.js("getComputedStyle(document.getElementById('details')).position") != "fixed"


def test_touch_shows_no_hover_card(chromium, tmp_path):
    """On a touch screen a tap selects: no hover card opens over the map under the finger."""
    page_file = tmp_path / "page.html"
    page_file.write_text(render_html(select(load_graph(SHIPPED))), encoding="utf-8")
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.wait_for_function("window.kgraphReady === true")
        assert page.evaluate("window.kgraph.nodes.get('lora').title") is None
        page.evaluate("document.getElementById('graph').scrollIntoView()")
        x, y = page.evaluate(
            "(() => { const b = document.querySelector('#graph canvas').getBoundingClientRect();"
            " const p = network.canvasToDOM(network.getPosition('lora')); return [b.x + p.x, b.y + p.y]; })()"
        )
        page.touchscreen.tap(x, y)
        page.wait_for_function("window.kgraph.state().selected === 'lora'")
        page.wait_for_timeout(400)
        assert page.evaluate(
            "(c => !c || c.style.visibility === 'hidden')(document.querySelector('.vis-tooltip'))"
        )
    finally:
        context.close()


def test_projects_are_marked_and_search_finds_what_a_concept_covers(open_tab):
    """A plan step that is a project carries data-kind="project"; search matches the sub-topics
    a concept covers, while a concept's own name still wins over another's sub-topic."""
    kg = KGraph(
        [
            make_concept("basics", covers=("tensors", "broadcasting")),
            make_concept("advanced", prerequisites=["basics"], level="use"),
            make_concept("tensors", level="use", prerequisites=["basics"]),
            make_concept(
                "capstone-build", prerequisites=["advanced"], level="use", kind=Kind.PROJECT
            ),
        ]
    )
    tab = open_tab(select(kg), fragment="to=capstone-build")
    tab.wait("document.querySelectorAll('#plan-steps li').length === 3")
    assert tab.js(
        "[...document.querySelectorAll('#plan-steps li[data-kind=project]')].map(li => li.dataset.id)"
    ) == ["capstone-build"]
    for text, found in (("broadcasting", "basics"), ("tensors", "tensors")):
        tab.js(f"document.getElementById('search').value = {json.dumps(text)}")
        tab.js("document.getElementById('search-form').requestSubmit()")
        tab.wait(f"window.kgraph.state().selected === {json.dumps(found)}")


def test_route_on_a_phone_reads_as_a_list_from_the_first_step(open_tab, shipped):
    """On a phone the route view opens on its first steps, each numbered and named, in order
    down the screen, without overlapping numbers."""
    tab = open_tab(select(shipped), fragment="to=agi&from=lora", width=390, height=844)
    tab.js("window.kgraph.setView('route')")
    tab.wait("window.kgraph.layout() === 'route'")
    tab.js(FRAME)
    steps = [s.concept.id for s in learning_path(shipped, "agi", source="lora").steps]
    found = tab.js("window.kgraph.labels()")
    numbers = found["numbers"]
    assert [n["id"] for n in numbers] == steps[: len(numbers)]
    assert len(numbers) >= 5
    assert [n["y"] for n in numbers] == sorted(n["y"] for n in numbers)
    named = {n["id"] for n in found["names"]}
    assert set(steps[:5]) <= named
    for a, b in combinations(numbers, 2):
        assert (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 >= (a["r"] + b["r"]) ** 2


PLAN = "to=agi&from=lora"


DEVICE = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.mark.parametrize(
    "case",
    [
        "phone-route-ru",
        "phone-route-en",
        "desktop-route-ru",
        "desktop-graph-ru",
        "phone-graph-ru",
        "desktop-graph-en",
    ],
)
def test_rung_titles_are_never_cut_nor_overlap(open_tab, shipped, case):
    """Every rung in sight is titled with its whole name from the language's catalogue (no
    ellipsis, however narrow its column), in ladder order across the columns (down the bands),
    at 10 px or more, and no title overlaps another title, a number or a name."""
    device, view, lang = case.split("-")
    width, height = DEVICE[device]
    fragment = f"{PLAN}&lang={lang}" if view == "route" else f"lang={lang}"
    tab = open_tab(select(shipped), fragment=fragment, width=width, height=height)
    if view == "route":
        tab.js("window.kgraph.setView('route')")
        tab.wait("window.kgraph.layout() === 'route'")
        shown = [s.concept.id for s in learning_path(shipped, "agi", source="lora").steps]
    else:
        shown = list(shipped.concepts)
    tab.js(FRAME)
    found = tab.js("window.kgraph.labels()")
    order = tab.js("window.kgraph.data.levels.map(l => l.id)")
    rungs = sorted({str(shipped[c].level) for c in shown}, key=order.index)
    catalogue = texts(lang)
    titles = found["titles"]
    across = tab.js("window.kgraph.layout()") != "bands"
    ordered = sorted(titles, key=lambda t: t["x0"] if across else t["y0"])
    assert [t["text"] for t in ordered] == [catalogue.level(r) for r in rungs]
    area = tab.js("document.getElementById('graph').getBoundingClientRect().toJSON()")
    numbers = [
        {"x0": n["x"] - n["r"], "x1": n["x"] + n["r"], "y0": n["y"] - n["r"], "y1": n["y"] + n["r"]}
        for n in found["numbers"]
    ]
    for title in titles:
        assert not title["text"].endswith("\u2026"), title
        assert title["size"] >= 10  # the smallest title font
        assert title["x0"] >= 0
        assert title["x1"] <= area["width"]
        for other in numbers + found["names"]:
            assert not overlap(title, other), (title, other)
    for a, b in combinations(titles, 2):
        assert not overlap(a, b), (a, b)
    assert tab.errors() == []


def test_details_go_deeper_and_back_to_the_lighter_version(open_tab, shipped):
    """A light concept's details link its full version ("Go deeper"), and the full version's
    details link back to every light concept that names it ("Lighter version"), in English and
    Russian; each link selects that concept. The pair comes from the data."""
    light = min(c for c in shipped.concepts if shipped[c].deeper in shipped)
    full = shipped[light].deeper
    assert full is not None
    lighter = sorted(shipped.lighter[full])
    tab = open_tab(select(shipped), fragment=f"c={light}")
    tab.wait(f"window.kgraph.state().selected === {json.dumps(light)}")
    links = "[...document.querySelectorAll('#details [data-versions={}] button')].map(b => b.dataset.id)"
    label = "document.querySelector('#details [data-versions={}] .label').textContent"
    assert tab.js(links.format("deeper")) == [full]
    assert tab.js(label.format("deeper")) == texts("en")("page.deeper")
    assert tab.js("document.querySelector('#details [data-versions=lighter]')") is None
    tab.click_selector(f"#details [data-versions=deeper] button[data-id={json.dumps(full)}]")
    tab.wait(f"window.kgraph.state().selected === {json.dumps(full)}")
    assert tab.js(links.format("lighter")) == lighter
    assert tab.js(label.format("lighter")) == texts("en")("page.lighter")
    tab.js("window.kgraph.setLanguage('ru')")
    assert tab.js(label.format("lighter")) == texts("ru")("page.lighter")
    names = "[...document.querySelectorAll('#details [data-versions=lighter] button')].map(b => b.textContent)"
    assert tab.js(names) == [texts("ru").name(shipped[c]) for c in lighter]
    tab.click_selector(f"#details [data-versions=lighter] button[data-id={json.dumps(light)}]")
    tab.wait(f"window.kgraph.state().selected === {json.dumps(light)}")
    assert tab.js(label.format("deeper")) == texts("ru")("page.deeper")


def test_version_links_show_hostile_names_as_text(open_tab):
    """A hostile name in a "Go deeper" link is shown as text, never run or parsed."""
    kg = KGraph(
        [
            make_concept("full", name=NAME),
            make_concept("light", deeper="full"),
        ]
    )
    tab = open_tab(select(kg), fragment="c=light")
    tab.wait("document.querySelector('#details [data-versions=deeper] button')")
    assert (
        tab.js("document.querySelector('#details [data-versions=deeper] button').textContent")
        == NAME
    )
    assert tab.js("document.querySelector('#details [data-versions=deeper] img')") is None
    assert tab.js("window.__pwned === undefined") is True
