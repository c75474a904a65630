from __future__ import annotations

import json

import networkx as nx

from kgraph.render.nodelink import render_nodelink
from kgraph.selection import select


def test_networkx_reads_back_every_node_edge_and_attribute(hostile_export_graph, expected):
    """node_link_graph gives the same nodes, edges and attributes, hostile strings exactly."""
    selection = select(hostile_export_graph, path=("end", "after"), known=["end"])
    graph = nx.node_link_graph(json.loads(render_nodelink(selection)), edges="links")
    nodes, edges = expected(selection)
    assert graph.is_directed()
    assert not graph.is_multigraph()
    assert {n: {**d, "hours": float(d["hours"])} for n, d in graph.nodes(data=True)} == nodes
    assert {(u, v): d for u, v, d in graph.edges(data=True)} == edges
    assert graph.graph == {"title": "kgraph: end → after", "plan": ["x-ray", "evil", "after"],
                           "plan_hours": 3.5}  # fmt: skip


def test_document_shape_is_sorted_with_every_field(small_graph):
    """Top-level keys, nodes by id, links by (source, target); hours keep the file's form."""
    doc = json.loads(render_nodelink(select(small_graph, focus="ml", known=["python"])))
    assert list(doc) == ["directed", "graph", "links", "multigraph", "nodes"]
    assert doc["graph"] == {"focus": "ml", "title": "kgraph: ml"}
    assert [n["id"] for n in doc["nodes"]] == ["linalg", "lora", "ml", "python", "quant"]
    assert [(e["source"], e["target"]) for e in doc["links"]] == [
        ("linalg", "ml"), ("ml", "lora"), ("ml", "quant"), ("python", "ml"),
    ]  # fmt: skip
    ml = next(n for n in doc["nodes"] if n["id"] == "ml")
    assert ml["hours"] == 30
    assert ml["known"] is False
    assert "step" not in ml
    assert ml["prerequisites"] == [
        {"id": "linalg", "why": "ml builds on linalg"},
        {"id": "python", "why": "ml builds on python"},
    ]
    assert set(ml) == {"id", "name", "aliases", "level", "category", "summary", "hours",
                       "prerequisites", "resources", "translations", "known"}  # fmt: skip


def test_shuffled_graph_gives_identical_bytes(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """The order of concepts and prerequisites in the file never changes the output."""
    assert render_nodelink(select(small_graph, path=("python", "agi"))) == render_nodelink(
        select(shuffled_small_graph, path=("python", "agi"))
    )
    out = render_nodelink(select(hostile_export_graph))
    assert out == render_nodelink(select(shuffled_hostile_export_graph))
    assert out.endswith("}\n")
    assert "</script>" in out  # JSON keeps text as data; escaping for HTML is html.py's job


def test_hidden_characters_are_escaped_and_read_back_the_same():
    from kgraph.graph import KGraph
    from tests.helpers import make_concept

    name = "A \u202eevil\u2028 \x85 name"
    kg = KGraph([make_concept("a", name=name)])
    text = render_nodelink(select(kg))
    assert not any(ch in text for ch in "\u202e\u2028\x85")
    assert json.loads(text)["nodes"][0]["name"] == name
