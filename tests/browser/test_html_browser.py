"""The HTML export in a real headless Chromium: offline, searchable, clickable, and inert data."""

from __future__ import annotations

import pytest

from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.selection import select
from tests.browser.hostile import (
    ALIAS,
    NAME,
    NAME_RU,
    SUMMARY,
    SUMMARY_RU,
    TRICKY_HTTPS,
    WHY,
    WHY_RU,
    hostile_graph,
)
from tests.conftest import SHIPPED

pytestmark = pytest.mark.browser

DRAWN = "[network.body.nodeIndices.length, network.body.edgeIndices.length]"


def test_shipped_graph_draws_offline_without_errors(open_page):
    """The whole shipped graph draws every node and edge, fetches nothing, logs no error."""
    kg = load_graph(SHIPPED)
    selection = select(kg)
    opened = open_page(selection)
    assert opened.js(DRAWN) == [len(selection.members), len(selection.edges)]
    assert opened.js("network.physics.physicsEnabled") is False
    assert opened.requests == []
    assert opened.errors == []
    opened.page.fill("#search", "lora")
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["lora"]
    assert opened.requests == []
    assert opened.errors == []


def test_drawn_counts_equal_a_focused_selection(open_page, small_graph: KGraph):
    """A focused export draws exactly the selection's nodes and edges."""
    selection = select(small_graph, focus="lora", depth=1)
    opened = open_page(selection)
    assert opened.js(DRAWN) == [len(selection.members), len(selection.edges)]
    assert sorted(opened.js("network.body.data.nodes.getIds()")) == sorted(selection.members)
    assert opened.errors == []


def test_search_by_alias_selects_and_shows_the_concept(open_page, small_graph):
    """Typing an alias (any case, spacing) and pressing Enter selects, centres and details it."""
    opened = open_page(select(small_graph))
    assert "low-rank adaptation" in opened.js(
        "[...document.querySelectorAll('#concept-names option')].map(o => o.value)"
    )
    opened.page.fill("#search", "Low Rank  Adaptation")
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["lora"]
    assert opened.text("#details h2") == "LoRA"
    opened.page.fill("#search", "quantiz")
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["quant"]
    opened.page.fill("#search", "no such thing")
    opened.page.press("#search", "Enter")
    assert "No concept matches" in opened.text("#status")


def test_click_opens_details_with_text_and_links(open_page, small_graph):
    """Clicking a node shows its name, rung, category, hours, summary, needs, unlocks, links."""
    opened = open_page(select(small_graph))
    opened.click_node("ml")
    assert opened.js("network.getSelectedNodes()") == ["ml"]
    details = opened.text("#details")
    assert opened.text("#details h2") == "Machine learning"
    for expected in ("foundations", "ml", "30 h", "Also: machine-learning basics",
                     "The concept ml, described", "Linear algebra", "ml builds on linalg",
                     "Python", "LoRA", "Quantization", "About ml"):  # fmt: skip
        assert expected in details
    links = opened.js(
        "[...document.querySelectorAll('#details a')]"
        ".map(a => [a.textContent, a.href, a.rel, a.target])"
    )
    assert links == [["About ml", "https://example.org/ml", "noopener noreferrer", "_blank"]]


def test_clicking_a_listed_concept_moves_to_it(open_page, small_graph):
    """A prerequisite or unlocked concept in the panel is a button that selects it."""
    opened = open_page(select(small_graph))
    opened.click_node("ml")
    opened.page.get_by_role("button", name="LoRA", exact=True).click()
    assert opened.js("network.getSelectedNodes()") == ["lora"]
    assert opened.text("#details h2") == "LoRA"


PIXEL = """id => { const canvas = document.querySelector('#graph canvas');
  const p = network.canvasToDOM(network.getPosition(id)), k = canvas.width / canvas.clientWidth;
  return [...canvas.getContext('2d').getImageData(Math.round(p.x * k), Math.round(p.y * k), 1, 1).data].slice(0, 3); }"""


def test_ancestors_and_descendants_are_lit_the_rest_dimmed(open_page, small_graph):
    """Selecting lora lights what it needs and what it unlocks, and dims the others."""
    opened = open_page(select(small_graph))
    opened.click_node("lora")
    assert opened.state("lora") == "selected"
    for lit in ("ml", "linalg", "python", "qlora", "agi"):
        assert opened.state(lit) == "normal", lit
    for dim in ("quant", "history"):
        assert opened.state(dim) == "dim", dim
    fill = opened.js("parseInt(network.body.data.nodes.get('ml').color.background.slice(1), 16)")
    fill_rgb = [(fill >> 16) & 255, (fill >> 8) & 255, fill & 255]
    lit, dim = (opened.js(PIXEL, node) for node in ("ml", "quant"))  # the same rung's colour
    assert sum(abs(a - b) for a, b in zip(lit, fill_rgb, strict=True)) < 30
    assert sum(abs(a - b) for a, b in zip(dim, fill_rgb, strict=True)) > 150
    assert opened.js("window.kgraph.edgeLook('ml', 'lora')") == "on"
    assert opened.js("window.kgraph.edgeLook('ml', 'quant')") == "dim"
    opened.page.click("#fit")
    assert {opened.state(n) for n in small_graph.concepts} == {"normal"}


def test_path_mode_numbers_the_plan_in_order(open_page, small_graph):
    """The plan's concepts are numbered in learning order, lit, and the total hours shown."""
    selection = select(small_graph, path=("python", "agi"))
    opened = open_page(selection)
    labels = opened.js(
        "Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.label]))"
    )
    for number, cid in enumerate(selection.plan_ids, start=1):
        assert labels[cid] == small_graph[cid].name
        assert opened.js("id => window.kgraph.look(id).step", cid) == number
        assert opened.state(cid) == "normal"
    assert opened.js("window.kgraph.look('python').step") is None
    assert opened.state("history") == "dim"
    assert "113 h in total" in opened.text("#plan")
    steps = opened.js("[...document.querySelectorAll('#plan li button')].map(b => b.textContent)")
    assert steps == [small_graph[c].name for c in selection.plan_ids]


def test_hostile_strings_render_as_text_and_run_nothing(open_page):
    """Script-like names, aliases, summaries, reasons, titles and URLs stay inert text."""
    opened = open_page(select(hostile_graph()))
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.js("network.body.data.nodes.get().every(n => typeof n.title === 'string')")
    opened.page.mouse.move(*opened.node_point("evil"), steps=4)
    opened.page.wait_for_selector("div.vis-tooltip", state="visible")
    tooltip = opened.js(
        "(() => { const t = document.querySelector('div.vis-tooltip');"
        " return [t.textContent, [...t.children].map(c => c.tagName)]; })()"
    )
    assert tooltip[0].startswith(NAME)
    assert set(tooltip[1]) == {"BR"}  # vis turns "\n" into <br>; everything else is text
    opened.page.fill("#search", ALIAS)
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["evil"]
    assert opened.js("document.querySelector('#details h2').textContent") == NAME
    details = opened.js("document.querySelector('#details').textContent")
    for text in (ALIAS, SUMMARY, WHY):
        assert text in details
    hrefs = opened.js("[...document.querySelectorAll('a')].map(a => a.href)")
    assert hrefs == ["https://example.org/good"]  # the tricky https one has quotes, brackets
    assert TRICKY_HTTPS not in opened.js("document.body.innerHTML")
    assert opened.text("#details").count("(unsafe link removed)") == 5
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.requests == []
    assert opened.errors == []


@pytest.mark.parametrize(("width", "height", "below"), [(1280, 800, False), (390, 844, True)])
def test_panel_sits_beside_or_below_the_graph(open_page, small_graph, width, height, below):
    """On a laptop the panel is right of the graph; on a phone-sized window, below it."""
    opened = open_page(select(small_graph), width=width, height=height)
    graph = opened.page.locator("#graph").bounding_box()
    panel = opened.page.locator("#panel").bounding_box()
    assert graph["height"] > 200
    if below:
        assert panel["y"] >= graph["y"] + graph["height"] - 1
    else:
        assert panel["x"] >= graph["x"] + graph["width"] - 1
    opened.click_node("lora")
    assert opened.text("#details h2") == "LoRA"


LABELS = "Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.label]))"


def _russian_is_shown(opened, selected: str) -> None:
    """Labels, panel, legend, static words and the switch itself are in Russian."""
    kg = load_graph(SHIPPED)
    labels = opened.js(LABELS)
    assert labels["matrix-rank"] == "Ранг матрицы"
    assert labels["lora-routing"] == "Маршрутизация между LoRA-адаптерами"
    assert opened.js("document.documentElement.lang") == "ru"
    assert opened.js("network.getSelectedNodes()") == [selected]
    assert opened.text("#details h2") == "Ранг матрицы"
    details = opened.js("document.querySelector('#details').textContent")
    needs, unlocks = kg.prerequisites["matrix-rank"], kg.dependents["matrix-rank"]
    first_need = kg[needs[0]].translations["ru"].name
    for expected in ("основы", "математика", f"Сначала нужно ({len(needs)})", first_need,
                     f"Открывает ({len(unlocks)} напрямую", "Материалы"):  # fmt: skip
        assert expected in details, expected
    legend = opened.js("document.querySelector('.legend').textContent")
    assert "Ступени" in legend
    assert "настройка" in legend
    assert "Стрелки идут от того, что нужно знать раньше." in legend
    assert opened.page.get_attribute("#search", "placeholder") == "Понятие или другое название…"
    assert opened.page.get_attribute("#langs [data-lang=ru]", "aria-pressed") == "true"
    assert opened.page.get_attribute("#langs [data-lang=en]", "aria-pressed") == "false"


def test_language_switch_repaints_the_page_and_survives_a_reload(open_page):
    """EN / RU changes labels, panel and legend in place; the fragment keeps it over a reload."""
    opened = open_page(select(load_graph(SHIPPED)))
    assert opened.js(LABELS)["matrix-rank"] == "Matrix rank"
    opened.click_node("matrix-rank")
    assert opened.text("#details h2") == "Matrix rank"
    opened.page.click("#langs [data-lang=ru]")
    _russian_is_shown(opened, "matrix-rank")
    assert opened.js("location.hash") == "#lang=ru&c=matrix-rank"
    opened.page.reload()
    opened.page.wait_for_function("window.kgraphReady === true", timeout=30_000)
    _russian_is_shown(opened, "matrix-rank")
    opened.page.fill("#search", "маршрутизация между lora адаптерами")
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["lora-routing"]
    assert opened.js("location.hash") == "#lang=ru&c=lora-routing"
    choices = opened.js("[...document.querySelectorAll('#concept-names option')].map(o => o.value)")
    assert "Параметрически эффективное дообучение" in choices
    assert "Parameter-efficient fine-tuning" not in choices
    opened.page.click("#langs [data-lang=en]")
    assert opened.js(LABELS)["matrix-rank"] == "Matrix rank"
    assert opened.text("#details h2") == "Routing among LoRA adapters"
    assert opened.text(".legend").startswith("Rungs")
    assert opened.js("location.hash") == "#lang=en&c=lora-routing"
    assert opened.requests == []
    assert opened.errors == []


def test_page_exported_in_russian_opens_in_russian(open_page, small_graph):
    """``export --lang ru`` opens in Russian; the fragment still picks the language."""
    opened = open_page(select(small_graph, path=("python", "agi")), lang="ru")
    assert opened.js("document.documentElement.lang") == "ru"
    assert opened.text("#plan h2") == "Путь: Python → AGI"
    assert "6 понятий · всего 113 ч" in opened.text("#plan")
    assert opened.text("#details h2") == "Обзор"
    opened.page.evaluate("location.hash = 'lang=en&c=ml'")
    opened.page.wait_for_function("document.documentElement.lang === 'en'")
    assert opened.text("#details h2") == "Machine learning"
    assert opened.js("network.getSelectedNodes()") == ["ml"]
    assert opened.errors == []


def test_hostile_russian_text_stays_inert(open_page):
    """Script-like Russian names, summaries and reasons render as text after the switch."""
    opened = open_page(select(hostile_graph()))
    opened.page.click("#langs [data-lang=ru]")
    assert opened.js("network.body.data.nodes.get('evil').label") == NAME_RU
    assert opened.js("network.body.data.nodes.get('evil').title").startswith(NAME_RU)
    opened.page.fill("#search", NAME_RU)
    opened.page.press("#search", "Enter")
    assert opened.js("network.getSelectedNodes()") == ["evil"]
    assert opened.js("document.querySelector('#details h2').textContent") == NAME_RU
    details = opened.js("document.querySelector('#details').textContent")
    assert SUMMARY_RU in details
    assert WHY_RU in details
    assert opened.text("#details").count("(небезопасная ссылка удалена)") == 5
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.errors == []


def test_dark_mode_follows_the_system(open_page, small_graph):
    """prefers-color-scheme: dark gives dark panels and light names on the graph."""
    opened = open_page(select(small_graph))
    light = opened.js("getComputedStyle(document.documentElement).backgroundColor")
    opened.page.emulate_media(color_scheme="dark")
    opened.page.reload()
    opened.page.wait_for_function("window.kgraphReady === true", timeout=30_000)
    dark = opened.js("getComputedStyle(document.documentElement).backgroundColor")
    assert light != dark
    assert sum(map(int, dark[4:-1].split(","))) < sum(map(int, light[4:-1].split(",")))
    ink = opened.js("getComputedStyle(document.documentElement).color")
    assert sum(map(int, ink[4:-1].split(","))) > 3 * 0xC0  # light text on the dark page
    assert opened.errors == []


HEADINGS = "[...document.querySelectorAll('#details h3')].map(h => h.textContent)"
OUTCOMES = "[...document.querySelectorAll('#details li.outcome')].map(li => li.textContent.trim())"


def test_details_show_the_outcomes_as_a_checklist_in_each_language(open_page):
    """The details list a concept's "you can …" outcomes, each with a box to tick, EN and RU."""
    from kgraph.i18n import texts

    kg = load_graph(SHIPPED)
    cid = next(c for c in sorted(kg.concepts) if kg[c].outcomes)
    opened = open_page(select(kg, focus=cid, depth=1))
    opened.js("id => window.kgraph.select(id)", cid)
    assert opened.js(OUTCOMES) == list(texts("en").outcomes(kg[cid]))
    assert texts("en")("page.outcomes") in opened.js(HEADINGS)
    opened.page.locator("#details li.outcome label").first.click()
    assert opened.js("document.querySelector('#details li.outcome input').checked") is True
    opened.js("window.kgraph.setLanguage('ru')")
    assert opened.js(OUTCOMES) == list(texts("ru").outcomes(kg[cid]))
    assert texts("ru")("page.outcomes") in opened.js(HEADINGS)
    assert opened.errors == []
