"""Headless Debian Chromium driven by Playwright, for the HTML export's real-browser tests.

The browser is never downloaded (`playwright install` is not used): it is the system's
``chromium``, found through ``KGRAPH_CHROMIUM`` (default ``/usr/bin/chromium``). When it is
missing the tests skip, except under ``CI=true``, where a skip would hide a broken step, so
they fail instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kgraph.render.html import render_html

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from kgraph.selection import Selection

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session."""
    executable = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        _unavailable(f"no Chromium at {executable} (set KGRAPH_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class OpenPage:
    """A loaded page with everything it tried to fetch and every error it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where *node_id* is drawn, in page coordinates."""
        xy = self.js("id => network.canvasToDOM(network.getPosition(id))", node_id)
        box = self.page.locator("#graph canvas").bounding_box()
        return box["x"] + xy["x"], box["y"] + xy["y"]

    def click_node(self, node_id: str) -> None:
        self.page.mouse.click(*self.node_point(node_id))

    def state(self, node_id: str) -> str:
        return str(self.js("id => network.body.data.nodes.get(id).kgState", node_id))

    def text(self, selector: str) -> str:
        return str(self.page.locator(selector).inner_text())


@pytest.fixture
def open_page(chromium: Any, tmp_path: Path) -> Iterator[Callable[..., OpenPage]]:
    """Render a selection, open it via file://, wait for the first complete draw."""
    contexts: list[Any] = []

    def opener(
        selection: Selection, *, width: int = 1280, height: int = 800, lang: str = "en"
    ) -> OpenPage:
        path = tmp_path / f"page{len(contexts)}.html"
        path.write_text(render_html(selection, lang=lang), encoding="utf-8")
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        opened = OpenPage(context.new_page())
        page = opened.page
        page.on("request", lambda r: _record(opened.requests, r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        context.route("**/*", _local_only)
        page.goto(path.as_uri())
        page.wait_for_function("window.kgraphReady === true", timeout=30_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def _record(requests: list[str], url: str) -> None:
    if not url.startswith(LOCAL_SCHEMES):
        requests.append(url)


def _local_only(route: Any) -> None:
    """Never let a test page reach the network, even if it tried."""
    if route.request.url.startswith(LOCAL_SCHEMES):
        route.continue_()
    else:
        route.abort()
