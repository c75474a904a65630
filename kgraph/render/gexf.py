"""GEXF 1.2 export, Gephi's native format.

Written by hand: ``networkx.write_gexf`` stamps a ``lastmodifieddate`` of today into the
file, which would make two exports of the same graph differ. Nodes carry the concept name as
their GEXF ``label`` and every field as an attribute value (lists and objects as JSON strings,
``hours`` as a double); edges run prerequisite → concept with their ``why``. Attribute ids are
the attribute titles, so the file reads well. ``networkx.read_gexf`` gives back exactly these
nodes, edges and attributes (plus the ``label`` and each edge's ``id``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from kgraph.render import selection_title
from kgraph.render.graphml import EDGE_FIELDS, NODE_FIELDS, node_values, xml_escape, xml_value
from kgraph.render.nodelink import link_record, node_record

if TYPE_CHECKING:
    from kgraph.selection import Selection

# GraphML's "int" is GEXF's "integer"; "label" is a native GEXF attribute, not an attvalue.
_GEXF_TYPES: Final = {"int": "integer"}
_NODE_FIELDS: Final = tuple((n, _GEXF_TYPES.get(t, t)) for n, t in NODE_FIELDS if n != "label")
_EDGE_FIELDS: Final = tuple((n, _GEXF_TYPES.get(t, t)) for n, t in EDGE_FIELDS)


def _attr(text: str) -> str:
    return xml_escape(text, attribute=True)


def _declarations(kind: str, fields: tuple[tuple[str, str], ...]) -> list[str]:
    rows = [f'      <attribute id="{n}" title="{n}" type="{t}"/>' for n, t in fields]
    return [f'    <attributes class="{kind}" mode="static">', *rows, "    </attributes>"]


def _attvalues(fields: tuple[tuple[str, str], ...], record: dict[str, Any]) -> list[str]:
    rows = [
        f'          <attvalue for="{n}" value="{_attr(xml_value(record[n]))}"/>'
        for n, _ in fields
        if n in record
    ]
    return ["        <attvalues>", *rows, "        </attvalues>"]


def _node(selection: Selection, concept_id: str, steps: dict[str, int]) -> list[str]:
    record = node_values(node_record(selection, concept_id, steps))
    head = f'      <node id="{_attr(concept_id)}" label="{_attr(record["name"])}">'
    return [head, *_attvalues(_NODE_FIELDS, record), "      </node>"]


def _edge(selection: Selection, number: int, prerequisite: str, concept: str) -> list[str]:
    record = link_record(selection, prerequisite, concept)
    ends = f'source="{_attr(prerequisite)}" target="{_attr(concept)}"'
    head = f'      <edge id="{number}" {ends}>'
    return [head, *_attvalues(_EDGE_FIELDS, record), "      </edge>"]


def render_gexf(selection: Selection) -> str:
    """The selection as a GEXF 1.2 document, nodes sorted by id and edges by (source, target)."""
    steps = selection.steps
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
        "  <meta>",
        "    <creator>kgraph</creator>",
        f"    <description>{xml_escape(selection_title(selection))}</description>",
        "  </meta>",
        '  <graph defaultedgetype="directed" mode="static">',
        *_declarations("node", _NODE_FIELDS),
        *_declarations("edge", _EDGE_FIELDS),
        "    <nodes>",
    ]
    for cid in sorted(selection.members):
        lines += _node(selection, cid, steps)
    lines.append("    </nodes>")
    lines.append("    <edges>")
    for number, (prereq, concept) in enumerate(sorted(selection.edges)):
        lines += _edge(selection, number, prereq, concept)
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    return "\n".join(lines) + "\n"


__all__ = ["render_gexf"]
