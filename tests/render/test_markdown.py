from __future__ import annotations

import html
import re
from textwrap import dedent

import pytest

from kgraph.render.markdown import md_link, md_text, render_markdown
from kgraph.selection import Selection, select


def rendered(markdown: str) -> str:
    """The Markdown as HTML, the way a CommonMark viewer turns it into a page."""
    markdown_it = pytest.importorskip("markdown_it")
    return str(markdown_it.MarkdownIt("commonmark").render(markdown))


def test_plan_is_a_checklist_in_learning_order(small_graph):
    """A path selection is the plan as unticked items with hours and the first resource."""
    out = render_markdown(select(small_graph, path=("lora", "agi"), only_path=True))
    assert out == dedent("""\
        # kgraph\\: lora → agi

        3 concepts, 57 h in all.

        - [ ] Quantization — 4 h — [About quant](https://example.org/quant)
        - [ ] QLoRA — 3 h — [About qlora](https://example.org/qlora)
        - [ ] AGI — 50 h — [About agi](https://example.org/agi)
        """)


def test_full_selection_is_grouped_by_rung_with_known_ticked(small_graph):
    """Without a path, every selected concept under its rung's heading; known ones ticked."""
    out = render_markdown(select(small_graph, known=["ml"], focus="ml", depth=1))
    assert out == dedent("""\
        # kgraph\\: ml

        ## foundations (3 concepts, 60 h)

        - [x] Linear algebra — 20 h — [About linalg](https://example.org/linalg)
        - [x] Python — 10 h — [About python](https://example.org/python)
        - [x] Machine learning — 30 h — [About ml](https://example.org/ml)

        ## tune (2 concepts, 10 h)

        - [ ] LoRA — 6 h — [About lora](https://example.org/lora)
        - [ ] Quantization — 4 h — [About quant](https://example.org/quant)
        """)


def test_hostile_text_renders_as_text_and_only_the_resource_is_a_link(hostile_export_graph):
    """No tag, entity, emphasis or autolink comes out of concept text; the https URL links."""
    out = render_markdown(select(hostile_export_graph))
    page = rendered(out)
    assert "<img" not in page
    assert "<script" not in page
    assert "<em>" not in page
    assert "<strong>" not in page
    assert re.findall(r'href="([^"]*)"', page) == [
        "https://example.org/end",
        "https://example.org/x-ray",
        "https://example.org/a_%28b%29/c?q=1&amp;r=%5B2%5D#frag",
        "https://example.org/after",
    ]
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    evil = hostile_export_graph["evil"]
    assert " ".join(evil.name.split()) in text
    assert " ".join(evil.resources[0].title.split()) in text


def test_no_bare_address_is_left_for_an_autolinker(hostile_export_graph):
    """GitHub turns bare https:// and www. into links; every one left is a link destination."""
    out = render_markdown(select(hostile_export_graph))
    for match in re.finditer(r"(?<!\\)(https?://|www\.|@)", out):
        assert out[match.start() - 2 : match.start()] == "](", out[match.start() - 20 : match.end()]


def test_md_link_only_links_https():
    """Anything but an https URL stays text, so javascript: can never be clicked."""
    assert md_link("x", "javascript:alert(1)") == "x"
    assert md_link("x", "http://example.org") == "x"
    assert md_link("t", "https://e.org/a_(b)?q=[2]") == "[t](https://e.org/a_%28b%29?q=[2])"


def test_md_text_flattens_lines_and_shows_controls():
    """A newline would end the list item; a control character is shown as its escape."""
    assert md_text("a\nb\r\nc") == "a b c"
    assert md_text("bell\x07") == "bell\\\\x07"


def test_shuffled_graph_gives_identical_bytes(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """The order of concepts and prerequisites in the file never changes the output."""
    assert render_markdown(select(small_graph, path=("python", "agi"))) == render_markdown(
        select(shuffled_small_graph, path=("python", "agi"))
    )
    assert render_markdown(select(hostile_export_graph, known=["end"])) == render_markdown(
        select(shuffled_hostile_export_graph, known=["end"])
    )


def test_empty_plan_and_empty_selection_say_so(small_graph):
    """Nothing to learn, or nothing selected, is one plain line."""
    plan = render_markdown(select(small_graph, path=("agi", "agi"), only_path=True))
    assert plan.endswith("\n\nNothing to learn: you know everything it needs.\n")
    none = render_markdown(Selection(small_graph, ()))
    assert none.endswith("\n\nNothing selected.\n")


def test_large_hours_are_written_out_in_full():
    from kgraph.graph import KGraph
    from tests.helpers import make_concept

    kg = KGraph([make_concept("a", hours=1234567), make_concept("b", hours=2.345678)])
    text = render_markdown(select(kg))
    assert "1234567 h" in text
    assert "2.345678 h" in text
    assert "e+06" not in text
