from __future__ import annotations

from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from kgraph.render.gexf import render_gexf
from kgraph.selection import select
from tests.render.readback import decoded, read_back

NS = "{http://www.gexf.net/1.2draft}"


def read_gexf(text: str, tmp_path) -> nx.DiGraph[str]:
    return read_back(text, tmp_path / "kgraph.gexf", nx.read_gexf)


@pytest.mark.parametrize("hostile", [False, True])
def test_networkx_reads_back_every_node_edge_and_attribute(
    hostile, small_graph, hostile_export_graph, expected, tmp_path
):
    """read_gexf gives the same nodes, edges and attributes, hostile strings exactly."""
    kg = hostile_export_graph if hostile else small_graph
    selection = select(
        kg, known=["x-ray" if hostile else "ml"], path=("end", "after") if hostile else None
    )
    graph = read_gexf(render_gexf(selection), tmp_path)
    nodes, edges = expected(selection)
    assert {n: decoded(d) for n, d in graph.nodes(data=True)} == nodes
    read_edges = {
        (u, v): {k: x for k, x in d.items() if k != "id"} for u, v, d in graph.edges(data=True)
    }
    assert read_edges == edges


def test_output_is_sorted_deterministic_and_undated(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """A shuffled graph gives the same bytes, with no date that would change them tomorrow."""
    out = render_gexf(select(hostile_export_graph))
    assert out == render_gexf(select(shuffled_hostile_export_graph))
    assert render_gexf(select(small_graph, known=["ml"])) == render_gexf(
        select(shuffled_small_graph, known=["ml"])
    )
    root = ET.fromstring(out.encode())  # noqa: S314 - our own output
    meta = root.find(f"{NS}meta")
    assert meta is not None
    assert meta.get("lastmodifieddate") is None
    ids = [n.get("id", "") for n in root.iter(f"{NS}node")]
    ends = [(e.get("source", ""), e.get("target", "")) for e in root.iter(f"{NS}edge")]
    assert ids == sorted(ids)
    assert ends == sorted(ends)
    assert [e.get("id") for e in root.iter(f"{NS}edge")] == [str(i) for i in range(len(ends))]
    assert out.endswith("</gexf>\n")


def test_title_and_focus_selection(small_graph, tmp_path):
    """The description is the selection's title; the nodes are the focused ring only."""
    selection = select(small_graph, focus="ml", depth=1)
    out = render_gexf(selection)
    assert "<description>kgraph: ml</description>" in out
    assert set(read_gexf(out, tmp_path)) == {"linalg", "python", "ml", "lora", "quant"}
