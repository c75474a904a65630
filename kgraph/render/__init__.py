"""Renderers: results and graphs to text. Each returns a string and never prints.

Export formats are one registry, `EXPORTS`: a record per format naming its function as
``"module:function"``, imported only when used, so a query command never pays for the heavy
ones (pyvis, networkx). The CLI's choices, default file names and the tests all read it. The
formats people read (the page, the diagrams, the checklist) take a ``lang``; the data formats
carry every language.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Final, NamedTuple

from kgraph.i18n import DEFAULT, texts

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kgraph.selection import Selection


class Export(NamedTuple):
    """One export format: everything the CLI's choices, file names and the tests derive from."""

    name: str
    function: str  # "module:function", imported on first use
    extension: str
    localized: bool  # read by people, so written in --lang; data formats carry every language


EXPORTS: Final[Mapping[str, Export]] = {
    e.name: e
    for e in (
        Export("html", "kgraph.render.html:render_html", "html", localized=True),
        Export("mermaid", "kgraph.render.mermaid:render_mermaid", "mmd", localized=True),
        Export("dot", "kgraph.render.dot:render_dot", "dot", localized=True),
        Export("graphml", "kgraph.render.graphml:render_graphml", "graphml", localized=False),
        Export("gexf", "kgraph.render.gexf:render_gexf", "gexf", localized=False),
        Export("json", "kgraph.render.nodelink:render_nodelink", "json", localized=False),
        Export("markdown", "kgraph.render.markdown:render_markdown", "md", localized=True),
    )
}


def exporter(fmt: str, *, lang: str = DEFAULT) -> Callable[[Selection], str]:
    """The export function for *fmt*, imported on first use, writing its text in *lang*."""
    export = EXPORTS[fmt]
    module, _, name = export.function.partition(":")
    func: Callable[..., str] = getattr(importlib.import_module(module), name)
    return functools.partial(func, lang=lang) if export.localized else func


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


__all__ = ["EXPORTS", "Export", "exporter", "selection_title"]
