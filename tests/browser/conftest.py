"""Headless Debian Chromium (Playwright) and firefox-esr (WebDriver BiDi) for the HTML export.

The browser is never downloaded (`playwright install` is not used): it is the system's
``chromium``, found through ``KGRAPH_CHROMIUM`` (default ``/usr/bin/chromium``). When it is
missing the tests skip, except under ``CI=true``, where a skip would hide a broken step, so
they fail instead.
"""

from __future__ import annotations

import json
import os
import time
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
        return str(self.js("id => window.kgraph.look(id).lit", node_id))

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


@pytest.fixture(scope="session")
def firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless firefox-esr for the session, driven over WebDriver BiDi (tests/browser/bidi)."""
    executable = os.environ.get("KGRAPH_FIREFOX", "/usr/bin/firefox-esr")
    if not Path(executable).is_file():
        _unavailable(f"no Firefox at {executable} (set KGRAPH_FIREFOX)")
    try:
        import websockets  # noqa: F401
    except ImportError:  # pragma: no cover - the test extra installs it
        _unavailable("websockets is not installed")
    from tests.browser.bidi import Firefox

    browser = Firefox(executable, tmp_path_factory.mktemp("firefox") / "profile")
    yield browser
    browser.close()


POINT = """(id => { const box = document.querySelector('#graph canvas').getBoundingClientRect();
  const c = network.canvasToDOM(network.getPosition(id)), b = network.getBoundingBox(id);
  const tl = network.canvasToDOM({x: b.left, y: b.top}), br = network.canvasToDOM({x: b.right, y: b.bottom});
  const inside = p => p.x >= 0 && p.y >= 0 && p.x < box.width && p.y < box.height;
  const ours = p => inside(p) && network.getNodeAt(p) === id;
  let p = c;
  for (let r = 0; r <= 8 && !ours(p); r++)
    for (const [fx, fy] of [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0], [-1, -1], [1, -1], [-1, 1], [1, 1]]) {
      const q = {x: c.x + fx * r * (br.x - tl.x) / 18, y: c.y + fy * r * (br.y - tl.y) / 18};
      if (ours(q)) { p = q; break; }
    }
  return [box.x + p.x, box.y + p.y]; })"""
"""Where a pointer lands on *id* itself: its centre, or the nearest point of its box that no
neighbour's box (a name drawn below a dot reaches far) covers, as vis-network decides a hover."""


class Tab:
    """A page in Chromium (Playwright) or Firefox (BiDi) behind one small interface."""

    def __init__(self, browser: str, page: Any, opened: OpenPage | None = None) -> None:
        self.browser = browser
        self.page = page
        self.opened = opened

    def js(self, expression: str, timeout: float = 60) -> Any:
        if self.opened is not None:
            return self.page.evaluate(f"(async () => await ({expression}))()")
        return self.page.evaluate(expression, timeout=timeout)

    def wait(self, expression: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(f"!!({expression})"):
            if time.monotonic() > deadline:
                msg = f"timed out waiting for {expression}"
                raise AssertionError(msg)
            time.sleep(0.05)

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.wait("window.kgraphReady === true")

    def reload(self) -> None:
        self.page.reload()
        self.wait("window.kgraphReady === true")

    def click_node(self, node_id: str) -> None:
        x, y = self.js(f"{POINT}({json.dumps(node_id)})")
        self.click(x, y)

    def hover_node(self, node_id: str) -> None:
        """Rest the pointer on *node_id*, as a reader does to see its hover card."""
        x, y = self.js(f"{POINT}({json.dumps(node_id)})")
        if self.opened is not None:
            self.page.mouse.move(x, y)
        else:
            self.page.move(x, y)

    def click(self, x: float, y: float) -> None:
        if self.opened is not None:
            self.page.mouse.click(x, y)
        else:
            self.page.click(x, y)

    def press(self, key: str) -> None:
        if self.opened is not None:
            self.page.keyboard.press(key)
        else:
            self.page.press(key)

    def type(self, text: str) -> None:
        if self.opened is not None:
            self.page.keyboard.type(text)
        else:
            self.page.type(text)

    def click_selector(self, selector: str) -> None:
        """A real click in the middle of the element *selector* finds."""
        found = f"document.querySelector({json.dumps(selector)})"
        self.js(f"{found}.scrollIntoView({{block: 'center'}})")
        # rows that come into view are laid out on the next frame (content-visibility): wait
        self.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        x, y = self.js(
            f"(() => {{ const r = {found}.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        self.click(x, y)

    def errors(self) -> list[str]:
        return self.opened.errors if self.opened is not None else self.page.errors()

    def requests(self) -> list[str]:
        if self.opened is not None:
            return self.opened.requests
        return [url for url in self.page.requests() if not url.startswith(LOCAL_SCHEMES)]


@pytest.fixture(params=["chromium", "firefox"])
def open_tab(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Tab]]:
    """Open a rendered page (file://, offline) in each browser; fragment and size optional."""
    browser = request.getfixturevalue(request.param)
    closers: list[Any] = []

    def opener(
        selection: Selection, *, fragment: str = "", width: int = 1280, height: int = 800
    ) -> Tab:
        path = tmp_path / f"tab{len(closers)}.html"
        path.write_text(render_html(selection), encoding="utf-8")
        url = path.as_uri() + (f"#{fragment}" if fragment else "")
        if request.param == "chromium":
            context = browser.new_context(viewport={"width": width, "height": height})
            closers.append(context.close)
            page = context.new_page()
            opened = OpenPage(page)
            page.on("request", lambda r: _record(opened.requests, r.url))
            page.on(
                "console", lambda m: opened.errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: opened.errors.append(str(e)))
            context.route("**/*", _local_only)
            tab = Tab("chromium", page, opened)
        else:
            manager = browser.page(width, height)
            tab = Tab("firefox", manager.__enter__())
            closers.append(lambda: manager.__exit__(None, None, None))
        tab.goto(url)
        return tab

    yield opener
    for close in closers:
        close()
