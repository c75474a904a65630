"""Screenshots of every state of the page, to judge it by and for the docs.

Opens a page (the committed ``exports/kgraph.html`` unless ``--page`` names another) offline in
Debian's Chromium (Playwright) and firefox-esr (WebDriver BiDi, the test suite's small client),
on a desktop (1280 x 800) and a phone (390 x 844; in Chromium with touch, as a phone is), in
English and Russian, and saves one PNG per state into the folder given:

- ``open``: the opening view, the whole map fitted;
- ``plan``: a plan from LoRA to AGI (the numbered route, its panels);
- ``route``: the same plan in the "route only" view;
- ``details``: a concept chosen (details beside the map; a bottom sheet on a phone);
- ``panels``: the panels of the plan scrolled into view (on a phone: below the map);
- ``ladder``: the Ladder view;
- ``hover``: a hover card on the desktop, after the language was switched to the other one;
- ``week``: the same plan at 10 h a week from a fixed start, with dated "I know this" marks in
  the browser's storage: the end of the "This week" panel, its finish and the pace so far.

Names are ``{browser}-{device}-{lang}-{state}.png``. Usage::

    python bench/screenshots.py OUT_DIR [--page PAGE] [--browsers firefox] [--only phone,ru]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test suite's BiDi client drives Firefox

DEVICES = {"desktop": (1280, 800), "phone": (390, 844)}
LANGS = ("en", "ru")
PLAN = "to=agi&from=lora"
CHOSEN = "lora"
WEEK_START = "2026-12-07"
WEEK_MARKS = {  # what a learner marked, and when: 4 weeks of study after a first day
    "python": "2026-10-19T09:00:00Z",
    "embeddings": "2026-11-12T18:30:00Z",
    "attention": "2026-11-20T19:00:00Z",
    "transformer": "2026-12-01T20:15:00Z",
}
STORE_MARKS = (
    "window.localStorage.setItem('kgraph.known', "
    + json.dumps(json.dumps({"format": "kgraph-known", "known": WEEK_MARKS, "version": 1}))
    + ")"
)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
SO_FAR_IN_VIEW = """(async () => {  // rows laid out as they come into view move it: again
  const end = document.querySelector('#week .so-far, #week [data-finish]');
  for (let i = 0; i < 3; i++) {
    end.scrollIntoView({block: 'center'});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
})()"""
SETTLE = "new Promise(r => requestAnimationFrame(() => setTimeout(r, 450)))"  # a frame, animations


def states(lang: str) -> list[tuple[str, str, list[str]]]:
    """(name, fragment, scripts run after loading) for each state."""
    other = "ru" if lang == "en" else "en"
    tail = f"lang={lang}"
    return [
        ("open", tail, []),
        ("plan", f"{PLAN}&{tail}", []),
        ("route", f"{PLAN}&{tail}", ["window.kgraph.setView('route')"]),
        ("details", tail, [f"window.kgraph.select({json.dumps(CHOSEN)})"]),
        ("panels", f"{PLAN}&{tail}", ["document.getElementById('next').scrollIntoView()"]),
        ("ladder", tail, ["window.kgraph.setView('ladder')"]),
        ("hover", f"lang={other}", ["HOVER", f"window.kgraph.setLanguage({json.dumps(lang)})"]),
        (
            "week",
            f"{PLAN}&pace=10&start={WEEK_START}&{tail}",
            [STORE_MARKS, "RELOAD", SO_FAR_IN_VIEW],
        ),
    ]


POINT = """(id => { const box = document.querySelector('#graph canvas').getBoundingClientRect();
  const p = network.canvasToDOM(network.getPosition(id)); return [box.x + p.x, box.y + p.y]; })"""


class Shooter:
    """One browser behind goto / run / hover / shoot."""

    def __init__(self, kind: str, page: Any) -> None:  # noqa: ANN401 - either browser's page
        self.kind, self.page = kind, page

    def js(self, expression: str) -> Any:  # noqa: ANN401 - JSON from the page
        """The value of *expression* in the page."""
        return self.page.evaluate(expression)

    def goto(self, url: str) -> None:
        """Open *url* and wait for the first complete draw."""
        self.page.goto(url)
        self.drawn(url)

    def reload(self) -> None:
        """Load the page again (it reads the browser's storage anew) and wait for the draw."""
        self.page.reload()
        self.drawn("the page, reloaded")

    def drawn(self, url: str) -> None:
        """Wait for the first complete draw of *url*."""
        deadline = time.monotonic() + 60
        while not self.js("window.kgraphReady === true"):
            if time.monotonic() > deadline:
                msg = f"the page did not draw: {url}"
                raise RuntimeError(msg)
            time.sleep(0.1)

    def hover(self) -> None:
        """Rest the pointer on the chosen concept until its hover card shows."""
        x, y = self.js(f"{POINT}({json.dumps(CHOSEN)})")
        if self.kind == "chromium":
            self.page.mouse.move(x, y)
        else:
            self.page.move(x, y)
        time.sleep(0.6)

    def shoot(self, path: Path) -> None:
        """Wait a frame (and any animation), then save the viewport as *path*."""
        self.js(SETTLE)
        if self.kind == "chromium":
            self.page.screenshot(path=str(path))
        else:
            path.write_bytes(self.page.screenshot())


def shoot_all(kind: str, make_page: Any, url: str, out: Path, only: str) -> list[str]:  # noqa: ANN401
    """Every state on every device in every language in one browser; the names written."""
    written = []
    for device, (width, height) in DEVICES.items():
        for lang in LANGS:
            for state, fragment, scripts in states(lang):
                if state == "hover" and device == "phone":
                    continue  # a phone has no hover cards
                name = f"{kind}-{device}-{lang}-{state}.png"
                if only and not all(part in name for part in only.split(",")):
                    continue
                with make_page(width, height, phone=device == "phone") as page:
                    shooter = Shooter(kind, page)
                    shooter.goto(f"{url}#{fragment}")
                    for script in scripts:
                        if script == "HOVER":
                            shooter.hover()
                        elif script == "RELOAD":
                            shooter.reload()
                        else:
                            shooter.js(script)
                    shooter.shoot(out / name)
                    written.append(name)
    return written


def _local_only(route: Any) -> None:  # noqa: ANN401 - a Playwright route
    """Nothing leaves the machine: only file:// loads go through."""
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def chromium_pages(playwright: Any) -> Any:  # noqa: ANN401 - Playwright's own objects
    """Debian's Chromium and a maker of offline pages (a phone with touch, as phones are)."""
    import contextlib  # noqa: PLC0415

    executable = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)

    @contextlib.contextmanager
    def make(width: int, height: int, *, phone: bool) -> Any:  # noqa: ANN401
        context = browser.new_context(viewport={"width": width, "height": height},
                                      is_mobile=phone, has_touch=phone)  # fmt: skip
        context.route("**/*", _local_only)
        try:
            yield context.new_page()
        finally:
            context.close()

    return browser, make


def main() -> None:
    """Parse the command line and shoot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder the PNGs are written to")
    parser.add_argument("--page", type=Path, default=ROOT / "exports" / "kgraph.html")
    parser.add_argument("--browsers", default="chromium,firefox")
    parser.add_argument("--only", default="", help="comma-separated parts every name must have")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    url = args.page.resolve().as_uri()
    written: list[str] = []
    kinds = args.browsers.split(",")
    if "chromium" in kinds:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415

        with sync_playwright() as playwright:
            browser, make = chromium_pages(playwright)
            written += shoot_all("chromium", make, url, args.out, args.only)
            browser.close()
    if "firefox" in kinds:
        import contextlib  # noqa: PLC0415

        from tests.browser.bidi import Firefox  # noqa: PLC0415

        with tempfile.TemporaryDirectory() as profile:
            executable = os.environ.get("KGRAPH_FIREFOX", "/usr/bin/firefox-esr")
            firefox = Firefox(executable, Path(profile) / "profile")
            try:

                @contextlib.contextmanager
                def make(width: int, height: int, *, phone: bool) -> Any:  # noqa: ANN401, ARG001
                    with firefox.page(width, height) as page:
                        yield page

                written += shoot_all("firefox", make, url, args.out, args.only)
            finally:
                firefox.close()
    print(f"{len(written)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
