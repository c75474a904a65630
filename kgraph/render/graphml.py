"""GraphML export, for yEd, Gephi, Cytoscape and graph databases.

Written by hand rather than with ``networkx.write_graphml`` so that the output is plain,
sorted and byte-identical for the same graph in any order, with no heavy import. Every concept
field is a node attribute: lists and objects (aliases, prerequisites, resources, translations)
as JSON strings, ``hours`` as a double; ``label`` repeats the name for tools that display it.
Edges run prerequisite → concept and carry their ``why``. ``networkx.read_graphml`` gives back
exactly these nodes, edges and attributes.

XML escaping lives here too and the GEXF export shares it. XML 1.0 cannot hold most control
characters even as character references, so those become U+FFFD; everything else round-trips.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final

from kgraph.render import selection_title
from kgraph.render.nodelink import link_record, node_record
from kgraph.render.terminal import escape_hidden

if TYPE_CHECKING:
    from kgraph.selection import Selection

Fields = tuple[tuple[str, str], ...]
# Concept fields and marks with their XML types, in output order.
NODE_FIELDS: Final[Fields] = (
    ("label", "string"),
    ("name", "string"),
    ("aliases", "string"),
    ("level", "string"),
    ("category", "string"),
    ("summary", "string"),
    ("hours", "double"),
    ("prerequisites", "string"),
    ("resources", "string"),
    ("translations", "string"),
    ("known", "boolean"),
    ("step", "int"),
)
EDGE_FIELDS: Final[Fields] = (("why", "string"), ("why_ru", "string"))
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR: Final = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}


def xml_escape(text: str, *, attribute: bool = False) -> str:
    """*text* as XML character data, or as a double-quoted attribute value that keeps newlines.

    Examples:
        >>> xml_escape('a <b> & "c"\\n', attribute=True)
        'a &lt;b&gt; &amp; &quot;c&quot;&#10;'
    """
    table = _ATTR if attribute else _TEXT
    escaped = "".join(table.get(ch, ch) for ch in _NOT_XML.sub("\ufffd", text))
    return escape_hidden(escaped, _reference)


def _reference(char: str) -> str:
    """A hidden character (C1, bidi, zero-width) as a character reference: same data, visible."""
    return char if char in "\t\n" else f"&#x{ord(char):X};"


def xml_value(value: Any) -> str:  # noqa: ANN401 - any JSON value of a record
    """A record value as XML text: booleans as ``true``/``false``, lists and objects as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | int):
        return repr(value)
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def node_values(record: dict[str, Any]) -> dict[str, Any]:
    """A node record in the field set of `NODE_FIELDS` (hours as a float, label = name)."""
    return {**record, "label": record["name"], "hours": float(record["hours"])}


def _data(key: str, value: Any) -> str:  # noqa: ANN401 - any JSON value of a record
    return f'      <data key="{key}">{xml_escape(xml_value(value))}</data>'


def _keys() -> list[str]:
    fields = [("n", "node", NODE_FIELDS), ("e", "edge", EDGE_FIELDS)]
    return [
        f'  <key id="{p}{i}" for="{kind}" attr.name="{name}" attr.type="{xml_type}"/>'
        for p, kind, table in fields
        for i, (name, xml_type) in enumerate(table)
    ] + ['  <key id="g0" for="graph" attr.name="title" attr.type="string"/>']


def _element(tag: str, ends: dict[str, str], fields: Fields, record: dict[str, Any]) -> list[str]:
    prefix = tag[0]  # key ids: n0… for nodes, e0… for edges
    attrs = " ".join(
        f'{name}="{xml_escape(value, attribute=True)}"' for name, value in ends.items()
    )
    data = [_data(f"{prefix}{i}", record[n]) for i, (n, _) in enumerate(fields) if n in record]
    return [f"    <{tag} {attrs}>", *data, f"    </{tag}>"]


def render_graphml(selection: Selection) -> str:
    """The selection as a GraphML document, nodes sorted by id and edges by (source, target)."""
    steps = selection.steps
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        *_keys(),
        '  <graph id="kgraph" edgedefault="directed">',
        f'    <data key="g0">{xml_escape(selection_title(selection))}</data>',
    ]
    for cid in sorted(selection.members):
        record = node_values(node_record(selection, cid, steps))
        lines += _element("node", {"id": cid}, NODE_FIELDS, record)
    for source, target in sorted(selection.edges):
        record = link_record(selection, source, target)
        lines += _element("edge", {"source": source, "target": target}, EDGE_FIELDS, record)
    return "\n".join([*lines, "  </graph>", "</graphml>"]) + "\n"


__all__ = ["EDGE_FIELDS", "NODE_FIELDS", "node_values", "render_graphml", "xml_escape", "xml_value"]
