"""The committed exports/kgraph.html is what the shipped graph renders to today."""

from __future__ import annotations

from kgraph.load import load_graph
from kgraph.render import exporter
from kgraph.selection import select
from tests.conftest import REPO, SHIPPED


def test_committed_html_export_is_up_to_date():
    committed = (REPO / "exports" / "kgraph.html").read_text(encoding="utf-8")
    fresh = exporter("html")(select(load_graph(SHIPPED)))
    assert committed == fresh, "run `kgraph export --format html` and commit exports/kgraph.html"
