"""Renderers: results and graphs to text. Each returns a string and never prints.

Export formats are a registry of ``"module:function"`` names, imported only when used, so a
query command never pays for the heavy ones (pyvis, networkx).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kgraph.selection import Selection

EXPORTERS: Final[Mapping[str, str]] = {
    "html": "kgraph.render.html:render_html",
    "mermaid": "kgraph.render.mermaid:render_mermaid",
    "dot": "kgraph.render.dot:render_dot",
    "graphml": "kgraph.render.graphml:render_graphml",
    "gexf": "kgraph.render.gexf:render_gexf",
    "json": "kgraph.render.nodelink:render_nodelink",
    "markdown": "kgraph.render.markdown:render_markdown",
}
EXTENSIONS: Final[Mapping[str, str]] = {
    "html": "html",
    "mermaid": "mmd",
    "dot": "dot",
    "graphml": "graphml",
    "gexf": "gexf",
    "json": "json",
    "markdown": "md",
}


def exporter(fmt: str) -> Callable[[Selection], str]:
    """The export function for *fmt*, imported on first use."""
    module, _, name = EXPORTERS[fmt].partition(":")
    func: Callable[[Selection], str] = getattr(importlib.import_module(module), name)
    return func


__all__ = ["EXPORTERS", "EXTENSIONS", "exporter"]
