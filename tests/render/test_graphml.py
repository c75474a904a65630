from __future__ import annotations

from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from kgraph.render import selection_title
from kgraph.render.graphml import render_graphml, xml_escape
from kgraph.selection import select
from tests.render.readback import decoded, read_back


def read_graphml(text: str, tmp_path) -> nx.DiGraph[str]:
    return read_back(text, tmp_path / "kgraph.graphml", nx.read_graphml)


@pytest.mark.parametrize("hostile", [False, True])
def test_networkx_reads_back_every_node_edge_and_attribute(
    hostile, small_graph, hostile_export_graph, expected, tmp_path
):
    """read_graphml gives the same nodes, edges and attributes, hostile strings exactly."""
    kg = hostile_export_graph if hostile else small_graph
    selection = select(kg, known=["x-ray" if hostile else "ml"])
    graph = read_graphml(render_graphml(selection), tmp_path)
    nodes, edges = expected(selection)
    assert {n: decoded(d) for n, d in graph.nodes(data=True)} == nodes
    assert {(u, v): d for u, v, d in graph.edges(data=True)} == edges
    assert graph.graph["title"] == selection_title(selection)


def test_plan_steps_and_focus_selection_read_graphml(small_graph, expected, tmp_path):
    """Plan steps are integers on plan nodes only; the selection limits the nodes."""
    selection = select(small_graph, path=("lora", "agi"), only_path=True)
    graph = read_graphml(render_graphml(selection), tmp_path)
    assert {n: d["step"] for n, d in graph.nodes(data=True)} == {"quant": 1, "qlora": 2, "agi": 3}
    assert {n: decoded(d) for n, d in graph.nodes(data=True)} == expected(selection)[0]


def test_output_is_well_formed_sorted_and_deterministic(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """A shuffled graph gives the same bytes; nodes are sorted by id and edges by ends."""
    out = render_graphml(select(hostile_export_graph))
    assert out == render_graphml(select(shuffled_hostile_export_graph))
    assert render_graphml(select(small_graph, path=("python", "agi"))) == render_graphml(
        select(shuffled_small_graph, path=("python", "agi"))
    )
    root = ET.fromstring(out.encode())  # noqa: S314 - our own output
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    ids = [n.get("id", "") for n in root.iter(f"{ns}node")]
    ends = [(e.get("source", ""), e.get("target", "")) for e in root.iter(f"{ns}edge")]
    assert ids == sorted(ids)
    assert ends == sorted(ends)
    assert out.endswith("</graphml>\n")


def test_characters_xml_cannot_hold_become_replacement_characters():
    """Controls that XML 1.0 forbids even as references are replaced, so the file stays valid."""
    assert xml_escape("a\x00b\x1bc\r\n") == "a\ufffdb\ufffdc&#13;\n"
    assert xml_escape("\t\n", attribute=True) == "&#9;&#10;"
    ET.fromstring(f'<x a="{xml_escape(chr(0) + "<&>", attribute=True)}"/>')  # noqa: S314
