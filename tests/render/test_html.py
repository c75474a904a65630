"""The HTML export's structure: self-contained, escaped, laid out, physics off, deterministic."""

from __future__ import annotations

import base64
import gzip
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from kgraph.graph import KGraph
from kgraph.layout import Orientation, ladder_layout
from kgraph.model import Kind
from kgraph.render import html
from kgraph.render.html import (
    node_size,
    packed_json,
    page_data,
    render_html,
    script_json,
    unpacked_json,
)
from kgraph.selection import Selection, select
from tests.browser.hostile import (
    HOSTILE_STRINGS,
    IMG,
    JS_URL,
    NAME,
    NAME_RU,
    SCRIPT,
    SUMMARY,
    SUMMARY_RU,
    WHY,
    WHY_RU,
    hostile_graph,
)
from tests.helpers import make_concept

DATA_OPEN = '<script type="application/gzip" id="kgraph-data">'


class _Tags(HTMLParser):
    """Every start tag with its attributes (script bodies are raw text to the parser)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def both(text: str) -> dict[str, str]:
    """A text of a graph without translations, as the page carries it: English in every language."""
    return {"en": text, "ru": text}


def packed(page: str) -> str:
    """The data block as the page carries it: base64 of gzipped JSON."""
    start = page.index(DATA_OPEN) + len(DATA_OPEN)
    return page[start : page.index("</script>", start)]


def embedded(page: str) -> str:
    """The JSON text inside the page's data block."""
    return gzip.decompress(base64.b64decode(packed(page), validate=True)).decode("utf-8")


@pytest.fixture
def page(small_graph: KGraph) -> str:
    return render_html(select(small_graph))


def test_page_is_one_complete_document(page):
    """A doctype, UTF-8, a viewport, a trailing newline and the vis bundle inlined."""
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page
    assert page.endswith("</html>\n")
    assert "vis-network" in page
    assert len(page) > 400_000  # the bundle itself, not a link to it


def test_nothing_is_loaded_from_elsewhere(page):
    """No tag has a src or href and no stylesheet is linked: the page works offline."""
    found = tags(page)
    assert not [t for t in found if {"src", "href"} & set(t[1])]
    assert "link" not in {name for name, _ in found}
    assert [a.get("type") for name, a in found if name == "script"] == [
        "application/gzip",
        None,
        None,
    ]


def test_script_blocks_cannot_be_closed_early(page):
    """Exactly three scripts close: no stray ``</script>`` or ``<!--`` in the bundle or data."""
    assert page.lower().count("</script") == 3
    assert "<!--" not in page


def test_embedded_json_escapes_markup_characters():
    """Data JSON has no raw <, >, &, U+2028 or U+2029, and parses back to the exact strings."""
    page = render_html(select(hostile_graph()))
    raw = embedded(page)
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(raw)
    texts = json.dumps(data, ensure_ascii=False)
    for hostile in HOSTILE_STRINGS:
        assert json.dumps(hostile, ensure_ascii=False)[1:-1] in texts
    evil = next(c for c in data["concepts"] if c["id"] == "evil")
    assert JS_URL in [r["url"] for r in evil["resources"]]  # passed through; the page re-checks


def test_data_block_is_base64_only():
    """Hostile text reaches the page only packed: the data block is nothing but base64."""
    page = render_html(select(hostile_graph()))
    assert re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", packed(page))
    assert "__pwned" not in page  # not even escaped: every hostile text is packed


def test_packed_json_is_deterministic_and_round_trips(small_graph):
    """Same data, same bytes (no timestamp in the gzip header), and it reads back exactly."""
    data = page_data(select(small_graph))
    assert packed_json(data) == packed_json(json.loads(json.dumps(data)))
    assert base64.b64decode(packed_json(data))[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    assert unpacked_json(packed_json(data)) == json.loads(script_json(data))


def test_hostile_markup_never_reaches_the_page_raw():
    """Hostile names, summaries and reasons appear only escaped, never as markup."""
    page = render_html(select(hostile_graph()))
    for hostile in (IMG, SCRIPT, "window.__pwned=1</script>", "<img"):
        assert hostile not in page
    assert not [t for t in tags(page) if t[0] == "img"]


def test_title_is_html_escaped(small_graph):
    """The selection's title, shown in <title> and <h1>, is escaped by the template."""
    selection = Selection(small_graph, ("ml",), title=f"T {IMG}")
    page = render_html(selection)
    assert "<title>T &lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;</title>" in page
    assert IMG not in page


def test_script_json_escapes_separators():
    """U+2028/U+2029 end a line in old JavaScript parsers; they are escaped too."""
    assert script_json(["\u2028\u2029<>&"]) == '["\\u2028\\u2029\\u003c\\u003e\\u0026"]'


def test_physics_off_straight_edges_with_arrows(page):
    """Fixed positions draw at once: no physics, no smooth (curved) edges, arrows on."""
    options = json.loads(embedded(page))["options"]
    assert options["physics"] == {"enabled": False}
    assert options["edges"]["smooth"] is False
    assert options["edges"]["arrows"]["to"]["enabled"] is True
    assert options["layout"]["improvedLayout"] is False


def test_positions_are_the_ladder_layout_both_ways(small_graph):
    """Each concept carries both of the layout's integer positions: rungs as columns left to
    right (``x``, ``y``) for a wide screen and as bands top to bottom (``bx``, ``by``) for a
    narrow one; a higher rung never starts before a lower one ends."""
    data = page_data(select(small_graph))
    rungs = {c: small_graph[c].level.rank for c in small_graph.concepts}
    needs = dict(small_graph.prerequisites)
    ways: tuple[tuple[Orientation, tuple[str, str], int], ...] = (
        ("columns", ("x", "y"), 0),
        ("bands", ("bx", "by"), 1),
    )
    for orientation, (kx, ky), axis in ways:
        positions = {c["id"]: (c[kx], c[ky]) for c in data["concepts"]}
        assert positions == ladder_layout(needs, rungs, orientation=orientation)
        along = {
            r: [xy[axis] for c, xy in positions.items() if rungs[c] == r] for r in rungs.values()
        }
        ordered = sorted(along)
        for lower, higher in zip(ordered, ordered[1:], strict=False):
            assert max(along[lower]) < min(along[higher])


def test_nodes_and_edges_are_the_selection(small_graph):
    """One node per member, one edge per selected edge; reasons and off-page names carried."""
    selection = select(small_graph, focus="lora", depth=1)
    data = page_data(selection)
    assert [c["id"] for c in data["concepts"]] == sorted(selection.members)
    assert [tuple(e) for e in data["edges"]] == sorted(selection.edges)
    concepts = {c["id"]: c for c in data["concepts"]}
    assert concepts["lora"]["needs"] == [{"id": "ml", "why": both("lora builds on ml")}]
    assert concepts["lora"]["unlocks"] == ["qlora"]
    assert {"id": "linalg", "why": both("ml builds on linalg")} in concepts["ml"]["needs"]
    assert data["offpage"] == {
        "agi": both("AGI"), "linalg": both("Linear algebra"), "python": both("Python"),
        "quant": both("Quantization"),
    }  # fmt: skip


def test_size_grows_with_what_a_concept_unlocks(small_graph):
    """Node size follows the descendant count over the whole graph."""
    unlocked = {c["id"]: c["unlocked"] for c in page_data(select(small_graph))["concepts"]}
    assert unlocked == {c: len(small_graph.descendants(c)) for c in small_graph.concepts}
    sizes = {c["id"]: c["size"] for c in page_data(select(small_graph))["concepts"]}
    assert sizes["linalg"] > sizes["lora"] > sizes["agi"] == node_size(0)


def test_path_mode_carries_the_path_asked_for(small_graph):
    """With a path, the data names its ends; the page computes the plan (tests/browser)."""
    selection = select(small_graph, path=("python", "agi"))
    assert page_data(selection)["plan"] == {"from": "python", "to": "agi"}
    assert page_data(select(small_graph, path=(None, "lora")))["plan"] == {
        "from": None,
        "to": "lora",
    }
    assert page_data(select(small_graph))["plan"] is None


def test_hours_travel_as_numbers_with_their_rung(small_graph):
    """The planner sums hours as the library does, so they travel as numbers, not text."""
    concepts = {c["id"]: c for c in page_data(select(small_graph))["concepts"]}
    assert {c: (d["hours"], d["rank"]) for c, d in concepts.items()} == {
        c: (small_graph[c].hours, small_graph[c].level.rank) for c in small_graph.concepts
    }


def test_vis_bundle_cannot_close_its_script(monkeypatch, small_graph):
    """A bundle holding ``</script>`` or ``<!--`` (any case) still closes only where it ends."""
    hostile = "var a = '</script><script>window.__pwned=1</SCRIPT>'; /* <!-- */"
    monkeypatch.setattr(html, "_vis_source", lambda: hostile)
    page = render_html(select(small_graph))
    assert "window.__pwned=1" in page
    assert page.lower().count("</script") == 3  # the data, vis-network, and the page script
    assert "<!--" not in page
    assert html.script_safe(hostile).lower().count("</script") == 0


def test_known_concepts_are_listed(small_graph):
    """Known concepts (with their ancestors) are marked for the page."""
    data = page_data(select(small_graph, known=["ml"]))
    assert data["known"] == ["linalg", "ml", "python"]


@pytest.mark.parametrize("options", [{}, {"path": ("python", "agi"), "known": ["quant"]}])
def test_shuffled_graph_renders_byte_identically(small_graph, shuffled_small_graph, options):
    """The same graph in another order gives the same bytes."""
    assert render_html(select(small_graph, **options)) == render_html(
        select(shuffled_small_graph, **options)
    )


def test_importing_the_renderer_does_not_import_jinja2():
    """jinja2 is imported inside render_html only, so other commands never pay for it."""
    code = "import sys, kgraph.render.html; print('jinja2' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_page_carries_every_language():
    """Names, summaries, reasons and the page's own words travel in English and Russian."""
    data = page_data(select(hostile_graph()))
    assert (data["lang"], data["languages"]) == ("en", ["en", "ru"])
    evil = next(c for c in data["concepts"] if c["id"] == "evil")
    assert evil["name"] == {"en": NAME, "ru": NAME_RU}
    assert evil["summary"] == {"en": SUMMARY, "ru": SUMMARY_RU}
    assert evil["needs"] == [{"id": "base", "why": {"en": WHY, "ru": WHY_RU}}]
    base = next(c for c in data["concepts"] if c["id"] == "base")
    assert base["name"] == both("Base")  # no translation: English in Russian too
    assert data["ui"]["ru"]["levels"]["foundations"] == "основы"
    assert data["ui"]["ru"]["messages"]["page.rungs"] == "Ступени"
    assert data["ui"]["en"]["nouns"]["concept"] == {"one": "concept", "other": "concepts"}
    assert data["title"] == {"en": "kgraph: all concepts", "ru": "kgraph: все понятия"}


def test_outcomes_travel_in_every_language_only_where_there_are_some(small_graph):
    """A concept's "you can …" list is carried per language; one without outcomes pays nothing."""
    outcomes = ("You can explain it.", "You can use it.")
    kg = KGraph([make_concept("a", outcomes=outcomes), make_concept("b", prerequisites=["a"])])
    concepts = {c["id"]: c for c in page_data(select(kg))["concepts"]}
    assert concepts["a"]["outcomes"] == {"en": list(outcomes), "ru": list(outcomes)}
    assert "outcomes" not in concepts["b"]


def test_versions_travel_only_where_there_are_some_and_are_named_off_the_page():
    """A light concept carries its full version (`deeper`), the full one its light ones
    (`lighter`); a concept with neither pays nothing; a version the selection leaves out is
    named in `offpage`, so the link reads as its name."""
    kg = KGraph(
        [
            make_concept("full", name="Full"),
            make_concept("light", name="Light", deeper="full"),
            make_concept("plain"),
        ]
    )
    concepts = {c["id"]: c for c in page_data(select(kg))["concepts"]}
    assert concepts["light"]["deeper"] == "full"
    assert concepts["full"]["lighter"] == ["light"]
    assert not {"deeper", "lighter"} & set(concepts["plain"])
    assert "lighter" not in concepts["light"]
    assert "deeper" not in concepts["full"]
    alone = page_data(Selection(kg, ("light",)))
    assert alone["offpage"] == {"full": both("Full")}


def test_lang_sets_the_language_the_page_opens_in(small_graph):
    """``lang="ru"`` writes the static words, the title and ``<html lang>`` in Russian."""
    page = render_html(select(small_graph, focus="lora"), lang="ru")
    assert '<html lang="ru">' in page
    assert "<title>kgraph: lora</title>" in page
    assert 'data-i18n="page.rungs">Ступени</h2>' in page
    assert 'placeholder="Понятие или другое название…"' in page
    assert (
        '<button type="button" class="ghost lang" data-lang="ru" lang="ru" title="Русский" aria-pressed="true">RU</button>'
        in page
    )
    assert json.loads(embedded(page))["lang"] == "ru"
    english = render_html(select(small_graph, focus="lora"))
    assert '<html lang="en">' in english
    assert 'data-i18n="page.rungs">Rungs</h2>' in english


def test_hostile_russian_text_never_reaches_the_page_raw():
    page = render_html(select(hostile_graph()), lang="ru")
    for hostile in (IMG, SCRIPT, "<img"):
        assert hostile not in page
    assert not [t for t in tags(page) if t[0] == "img"]


def test_covers_and_project_kind_travel_only_when_set():
    """A concept's sub-topics (which the page's search matches) and a project's kind are in the
    page's data when the concept has them, and absent otherwise, so a graph without them pays
    nothing."""
    kg = KGraph(
        [
            make_concept("plain"),
            make_concept("broad", covers=("tensors", "broadcasting")),
            make_concept("build-it", prerequisites=["plain"], level="use", kind=Kind.PROJECT),
        ]
    )
    concepts = {c["id"]: c for c in page_data(select(kg))["concepts"]}
    assert concepts["broad"]["covers"] == ["tensors", "broadcasting"]
    assert concepts["build-it"]["kind"] == "project"
    assert "covers" not in concepts["plain"]
    assert "kind" not in concepts["plain"]
    assert "kind" not in concepts["broad"]
