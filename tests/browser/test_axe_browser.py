"""Accessibility checked by a standard engine: axe-core finds no serious or critical violation.

axe-core is vendored under ``tests/browser/vendor/axe-core`` (test-only, pinned, with its
licence) and injected into the page under test, so the check runs offline in Chromium and
Firefox alike. Each state a learner meets is checked: the opening view, a plan, the Ladder view,
the details panel, the route only and a plan at a pace (this week's panel), on a desktop and a
phone.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from kgraph.load import load_graph
from kgraph.selection import select
from tests.conftest import SHIPPED

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SRI = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="  # sri-history.json of 4.14.1
RUN = """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""
STATES = {
    "opening": ("", None),
    "plan": ("to=agi&from=lora", None),
    "ladder": ("", "window.kgraph.setView('ladder')"),
    "details": ("c=lora", None),
    "route": ("to=agi&from=lora", "window.kgraph.setView('route')"),
    "week": ("to=agi&from=lora&pace=10&start=2027-01-04", None),
}


def test_vendored_axe_is_the_published_file():
    """The engine is byte for byte the one axe-core 4.14.1 published (its own SRI hash)."""
    digest = base64.b64encode(hashlib.sha256(AXE.read_bytes()).digest()).decode()
    assert f"sha256-{digest}" == AXE_SRI


@pytest.fixture(scope="module")
def shipped_selection():
    return select(load_graph(SHIPPED))


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("state", list(STATES))
def test_no_serious_or_critical_violation(open_tab, shipped_selection, state, width, height):
    """axe-core reports nothing serious or critical in any state, in either browser."""
    fragment, action = STATES[state]
    tab = open_tab(shipped_selection, fragment=fragment, width=width, height=height)
    if action:
        tab.js(action)
    tab.js("new Promise(r => requestAnimationFrame(() => setTimeout(r, 400)))")
    if state == "details":
        assert tab.js("window.kgraph.state().selected") == "lora"
    if state == "week":  # this week's panel and the calendar's button are on the page
        assert tab.js("document.querySelectorAll('[data-panel=week] li').length") > 0
    tab.js(f"((0, eval)({json.dumps(AXE.read_text(encoding='utf-8'))}), true)")
    assert tab.js(RUN, timeout=300) == [], state  # a whole-page audit: minutes on a busy machine
