"""The HTML page re-checks every resource link in the browser, whatever the data says.

Validation already refuses these URLs, so the page is rendered from a valid graph and its
embedded data is then edited, as a hand-edited or foreign page would be: each resource URL is
swapped for a hostile one, and the details panel must show it as text, not as a link.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest

from kgraph.load import load_graph
from kgraph.render.html import packed_json, render_html, unpacked_json
from kgraph.selection import select

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pytestmark = pytest.mark.browser

GOOD = "https://example.org/good"
NOT_HTTPS = {
    "javascript": "javascript:window.__pwned=1",
    "data": "data:text/html,x",
    "http": "http://example.org/plain",
    "scheme-relative": "//example.org/x",
    "vbscript": "vbscript:msgbox(1)",
}
HIDDEN_TRAPS = {
    "credentials": "https://user:pass@example.org/",
    "space": "https://example.org/a b",
    "tab": "https://example.org/a\tb",
    "bidi": "https://example.org/\u202egpj.exe",
}


def links_of(open_page: Callable[..., Any], tmp_path: Path, urls: dict[str, str]) -> dict[str, str]:
    """Resource title → the href the page made of it ("" when it refused to link it)."""
    slots = [f"https://example.org/slot-{i}" for i in range(len(urls))]
    resources = [
        {"title": t, "url": u, "kind": "docs", "free": True}
        for t, u in zip(urls, slots, strict=True)
    ]
    concept = {"id": "evil", "name": "Evil", "level": "use", "category": "ml", "hours": 1,
               "summary": "Links.", "resources": [{"title": "good", "url": GOOD, "kind": "docs",
                                                    "free": True}, *resources]}  # fmt: skip
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"concepts": [concept]}), encoding="utf-8")
    page = render_html(select(load_graph(path)))
    packed = re.search(r'id="kgraph-data">([^<]*)<', page)
    assert packed is not None
    text = json.dumps(unpacked_json(packed.group(1)))
    for slot, hostile in zip(slots, urls.values(), strict=True):
        text = text.replace(json.dumps(slot), json.dumps(hostile))
    page = page.replace(packed.group(1), packed_json(json.loads(text)))  # past the schema's check
    opened = open_page(page)
    opened.page.fill("#search", "Evil")
    opened.page.press("#search", "Enter")
    found = opened.js(
        "[...document.querySelectorAll('#details li.resource')].map(li => {"
        " const a = li.querySelector('a'); return [li.firstChild.textContent, a ? a.href : '']; })"
    )
    assert opened.js("typeof window.__pwned") == "undefined"
    return {title.removesuffix(" (unsafe link removed)"): href for title, href in found}


@pytest.fixture
def open_html(chromium: Any, tmp_path: Path) -> Any:
    """Open an already rendered page (the shared fixture renders a selection itself)."""
    from tests.browser.conftest import OpenPage, _local_only

    contexts: list[Any] = []

    def opener(html: str) -> OpenPage:
        path = tmp_path / f"page{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        context = chromium.new_context()
        contexts.append(context)
        context.route("**/*", _local_only)
        opened = OpenPage(context.new_page())
        opened.page.goto(path.as_uri())
        opened.page.wait_for_function("window.kgraphReady === true", timeout=30_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def test_page_links_only_https(open_html, tmp_path):
    """A good https link is kept; every other scheme is shown as text."""
    links = links_of(open_html, tmp_path, NOT_HTTPS)
    assert links == {"good": GOOD} | dict.fromkeys(NOT_HTTPS, "")


def test_page_refuses_credentials_whitespace_and_bidi(open_html, tmp_path):
    links = links_of(open_html, tmp_path, HIDDEN_TRAPS)
    assert links == {"good": GOOD} | dict.fromkeys(HIDDEN_TRAPS, "")
