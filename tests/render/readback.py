"""Reading an XML export back with networkx, shared by the GraphML and GEXF tests."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

JSON_FIELDS = ("aliases", "prerequisites", "resources", "translations")


def read_back(text: str, path: Path, reader: Callable[[Path], Any]) -> nx.DiGraph[str]:
    """The export as networkx's *reader* gets it from a file at *path*."""
    path.write_text(text, encoding="utf-8")
    graph = reader(path)
    assert isinstance(graph, nx.DiGraph)
    return graph


def decoded(data: dict[str, Any]) -> dict[str, Any]:
    """Node data with the JSON-string fields parsed and the display label checked and dropped."""
    out = {k: json.loads(v) if k in JSON_FIELDS else v for k, v in data.items()}
    assert out.pop("label") == out["name"]
    return out
