"""Mermaid and Markdown exports read back by a strict reader hold exactly the original graph.

The fixture's text carries everything either syntax could act on: quotes, brackets, pipes,
backticks, Mermaid arrows, ``%%`` comments and init directives, ``click`` lines, newlines,
tags, Markdown links to ``javascript:``, emphasis, headings, HTML entities and Mermaid's own
``#34;`` entity look-alikes. Read back, the node set, the edge set and every label are the
originals (whitespace runs flattened to one space, as both formats show them); nothing is a
link but a resource, nothing is raw HTML.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest

from kgraph.load import load_graph
from kgraph.render.markdown import render_markdown
from kgraph.render.mermaid import render_mermaid
from kgraph.selection import select
from tests.render.readback import read_markdown, read_mermaid

if TYPE_CHECKING:
    from pathlib import Path

    from kgraph.graph import KGraph

MERMAID = (
    "Quote \" ' `tick` [sq] ]] {curly} (paren) |pipe| --> -.-> ==> ; %% comment\n"
    '%%{init: {"theme": "dark"}}%%'
)
INJECT = 'a"]\nclick c_end href "javascript:alert(1)"\nc_end --> c_click\nclassDef x fill:#f00'
HTML = "<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &#60; &lt; #34; #quot;"
MARKDOWN = (
    "[x](javascript:alert(1)) *em* **strong** _u_ ~~s~~ # heading\n- item\n> quote"
    " https://evil.example www.evil.example <https://auto.example> @user $x$ \\ end\\"
)
TITLE = f"[t](javascript:alert(1)) <b>b</b> `code` | ]] &amp; {MARKDOWN}"
URL = "https://example.org/a_(b)/c?q=[1]&r=2#f"
MARKDOWN_HEAD, _, MARKDOWN_TAIL = MARKDOWN.partition(" https")  # names are capped at 120
NAMES = {
    "end": MERMAID,
    "click": INJECT,
    "x-ray": HTML,
    "o": MARKDOWN_HEAD,
    "subgraph": f"Кириллица ß · 5 h — 3 h https{MARKDOWN_TAIL}",
}
EDGES = {("end", "click"), ("click", "x-ray"), ("end", "o"), ("x-ray", "o")}
LEVELS = {
    "end": "foundations",
    "click": "use",
    "x-ray": "tune",
    "o": "build",
    "subgraph": "frontier",
}


def flat(text: str) -> str:
    """Text as a one-line label shows it: whitespace runs are one space."""
    return " ".join(text.split())


def concept(cid: str) -> dict[str, Any]:
    needs = sorted(p for p, c in EDGES if c == cid)
    return {
        "id": cid,
        "name": NAMES[cid],
        "level": LEVELS[cid],
        "category": "ml",
        "summary": f"Summary {HTML} {MARKDOWN}",
        "hours": 1.5,
        "prerequisites": [{"id": p, "why": f"why {HTML}"} for p in needs],
        "resources": [
            {"title": f"{cid} {TITLE}", "url": f"{URL}{cid}", "kind": "docs", "free": True}
        ],
    }


@pytest.fixture
def hostile(tmp_path: Path) -> KGraph:
    path = tmp_path / "hostile.json"
    doc = {"concepts": [concept(cid) for cid in NAMES]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_graph(path)


def test_mermaid_reads_back_the_exact_nodes_edges_and_labels(hostile):
    """Every node once, with its own label and rung; exactly the graph's edges; nothing else."""
    diagram = read_mermaid(render_mermaid(select(hostile, known=["end"])))
    assert diagram.nodes == {cid: f"{flat(name)} · 1.5 h" for cid, name in NAMES.items()}
    assert diagram.edges == EDGES
    assert diagram.rungs == LEVELS
    assert diagram.classes == {"known": {"end"}}
    focused = read_mermaid(render_mermaid(select(hostile, focus="x-ray", depth=1)))
    assert set(focused.nodes) == {"click", "x-ray", "o"}
    assert focused.edges == {("click", "x-ray"), ("x-ray", "o")}
    assert focused.classes == {"focus": {"x-ray"}}


def test_mermaid_plan_reads_back_numbered_steps_only(hostile):
    plan = select(hostile, path=("end", "o"), only_path=True)
    diagram = read_mermaid(render_mermaid(plan))
    assert diagram.nodes == {
        "click": f"1. {flat(INJECT)} · 1.5 h",
        "x-ray": f"2. {flat(HTML)} · 1.5 h",
        "o": f"3. {flat(NAMES['o'])} · 1.5 h",
    }
    assert diagram.edges == {("click", "x-ray"), ("x-ray", "o")}
    assert diagram.classes == {}


def test_mermaid_reader_rejects_what_a_broken_renderer_would_write():
    """The reader is strict: an injected line or a raw quote or tag fails it."""
    good = 'flowchart TD\n        c_a["A · 1 h"]\n'
    read_mermaid(good)
    for bad in (
        good + '        c_b["B"] --> c_a\n',
        good + '    click c_a href "javascript:alert(1)"\n',
        good.replace("A ·", "<b>A</b> ·"),
        good.replace("A ·", "A #quot; ·"),
        good + "    c_a --> c_zz\n",
    ):
        with pytest.raises(AssertionError):
            read_mermaid(bad)


def test_markdown_reads_back_every_item_exactly_with_only_resource_links(hostile):
    """Headings, names, hours and links come back as the originals; no markup, no HTML."""
    doc = read_markdown(render_markdown(select(hostile, known=["end"])))
    assert doc.headings[0] == (1, "kgraph: all concepts")
    assert [level for level, _ in doc.headings[1:]] == [2] * 5
    by_name = {item.name: item for item in doc.items}
    assert set(by_name) == {flat(name) for name in NAMES.values()}
    for cid, name in NAMES.items():
        item = by_name[flat(name)]
        assert (item.done, item.hours) == (cid == "end", 1.5)
        assert item.link is not None
        title, href = item.link
        assert title == flat(f"{cid} {TITLE}")
        assert unquote(href) == unquote(f"{URL}{cid}")


def test_markdown_plan_reads_back_in_learning_order(hostile):
    doc = read_markdown(render_markdown(select(hostile, path=("end", "o"), only_path=True)))
    assert doc.headings == [(1, "kgraph: end → o")]
    assert doc.paragraphs == ["3 concepts, 4.5 h in all."]
    assert [item.name for item in doc.items] == [flat(NAMES[c]) for c in ("click", "x-ray", "o")]


def test_markdown_reader_rejects_markup_and_html():
    """The reader is strict: emphasis, code, raw HTML or a second link fails it."""
    good = "# T\n\n- [ ] Name — 1 h — [t](https://e.org)\n"
    assert read_markdown(good).items[0].link == ("t", "https://e.org")
    for bad in (
        good.replace("Name", "*Name*"),
        good.replace("Name", "`Name`"),
        good.replace("Name", "<b>Name</b>"),
        good.replace("Name", "[x](https://evil.example)"),
        good + "\n<script>alert(1)</script>\n",
    ):
        with pytest.raises(AssertionError):
            read_markdown(bad)
