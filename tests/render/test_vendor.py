"""The vis-network bundle ships inside kgraph: pinned, licensed, and inlined safely."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from importlib.resources import files

from kgraph.render import html

# vis-network 9.1.13, dist/vis-network.min.js of its npm package, byte for byte.
VERSION = "9.1.13"
SHA256 = "39b9a36f17b4ca2e27d1e4327216860b042077b3307402ae315402ac826f878b"
VENDOR = files("kgraph.render") / "vendor" / "vis-network"


def test_the_bundle_is_the_pinned_release():
    data = (VENDOR / "vis-network.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    assert re.search(rb"@version\s+(\S+)", data[:1000])[1].decode() == VERSION  # type: ignore[index]
    assert html.VIS_BUNDLE.endswith("vis-network/vis-network.min.js")


def test_its_licences_ship_beside_it():
    assert "MIT License" in (VENDOR / "LICENSE-MIT").read_text(encoding="utf-8")
    assert "Apache License" in (VENDOR / "LICENSE-APACHE-2.0").read_text(encoding="utf-8")


def test_the_inlined_bundle_links_no_source_map():
    raw = (VENDOR / "vis-network.min.js").read_text(encoding="utf-8")
    assert "sourceMappingURL" in raw  # what the stripping below is for
    inlined = html._vis_bundle()
    assert "sourceMappingURL" not in inlined
    assert "Network" in inlined


def test_exporting_a_page_never_imports_pyvis():
    probe = (
        "import json, sys\n"
        "from kgraph.graph import KGraph\n"
        "from kgraph.render.html import render_html\n"
        "from kgraph.selection import select\n"
        "page = render_html(select(KGraph.from_edges([('a', 'b')])))\n"
        "print(json.dumps([len(page), sorted(m for m in sys.modules if m.startswith('pyvis'))]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    size, imported = json.loads(result.stdout)
    assert size > 100_000  # the bundle is inlined
    assert imported == []
