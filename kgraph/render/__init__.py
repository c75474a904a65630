"""Renderers: results and graphs to text. Each returns a string and never prints.

Export formats are a registry of ``"module:function"`` names, imported only when used, so a
query command never pays for the heavy ones (pyvis, networkx). The formats people read (the
page, the diagrams, the checklist) take a ``lang``; the data formats carry every language.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Final

from kgraph.i18n import DEFAULT, texts

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
LOCALIZED: Final = frozenset({"html", "mermaid", "dot", "markdown"})


def exporter(fmt: str, *, lang: str = DEFAULT) -> Callable[[Selection], str]:
    """The export function for *fmt*, imported on first use, writing its text in *lang*."""
    module, _, name = EXPORTERS[fmt].partition(":")
    func: Callable[..., str] = getattr(importlib.import_module(module), name)
    return functools.partial(func, lang=lang) if fmt in LOCALIZED else func


def selection_title(selection: Selection, lang: str = DEFAULT) -> str:
    """The caller's own title, else what the selection shows (plan, focus or all) in *lang*.

    Made from resolved ids, so a heading never echoes raw user input.
    """
    if selection.title is not None:
        return selection.title
    plan = selection.plan
    return texts(lang).export_title(
        source=plan.source if plan else None,
        target=plan.target if plan else None,
        focus=selection.focus,
    )


__all__ = ["EXPORTERS", "EXTENSIONS", "LOCALIZED", "exporter", "selection_title"]
