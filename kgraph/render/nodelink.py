"""Node-link JSON export: the shape of networkx's ``node_link_data``, for tools and scripts.

``{"directed": true, "multigraph": false, "graph": {...}, "nodes": [...], "links": [...]}``:
nodes carry every concept field (as in ``concepts.json``) plus the selection's marks (``known``
and, for plan steps, ``step``); links run prerequisite → concept with their ``why``. Nodes are
sorted by id, links by (source, target), keys sorted, so a shuffled graph gives the same bytes.
Read it back with ``networkx.node_link_graph(data, edges="links")``.

The same records feed the GraphML and GEXF exports, so all three agree on what a node holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.render import selection_title
from kgraph.render.json import dumps

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kgraph.selection import Selection


def node_record(selection: Selection, concept_id: str, steps: Mapping[str, int]) -> dict[str, Any]:
    """Every field of the concept (translations always present) with its marks."""
    record = {"translations": {}, **selection.kg[concept_id].to_json()}
    record["known"] = concept_id in selection.known
    if concept_id in steps:
        record["step"] = steps[concept_id]
    return record


def link_record(selection: Selection, prerequisite: str, concept: str) -> dict[str, Any]:
    """The edge prerequisite → concept with its reason (and its translation, when given)."""
    edge = selection.kg.edge(prerequisite, concept)
    record: dict[str, Any] = {"source": prerequisite, "target": concept, "why": edge.why}
    if edge.why_ru is not None:
        record["why_ru"] = edge.why_ru
    return record


def graph_record(selection: Selection) -> dict[str, Any]:
    """What the export shows as a whole: its title, the focus and the plan, when there are."""
    record: dict[str, Any] = {"title": selection_title(selection)}
    if selection.focus is not None:
        record["focus"] = selection.focus
    if selection.plan is not None:
        record["plan"] = list(selection.plan_ids)
        record["plan_hours"] = selection.plan.hours
    return record


def render_nodelink(selection: Selection) -> str:
    """The selection as sorted node-link JSON ending in a newline."""
    steps = selection.steps
    doc = {
        "directed": True,
        "multigraph": False,
        "graph": graph_record(selection),
        "nodes": [node_record(selection, cid, steps) for cid in sorted(selection.members)],
        "links": [link_record(selection, p, c) for p, c in sorted(selection.edges)],
    }
    return dumps(doc)


__all__ = ["graph_record", "link_record", "node_record", "render_nodelink"]
