"""Graphviz DOT export: ``dot -Tsvg exports/kgraph.dot > kgraph.svg``.

Every id and attribute value is a double-quoted DOT string with ``\\`` and ``"`` escaped, so
no concept text can end a string, open an HTML-like label (those need ``<…>`` outside quotes) or
smuggle a Graphviz label escape such as ``\\N`` or ``\\G`` (the backslash is doubled). Line
breaks become ``\\n`` and tabs spaces; other control and formatting characters are dropped.
Rungs are ranks: one ``rank=same`` subgraph per level, so the ladder reads left to right.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Final

from kgraph.i18n import DEFAULT, texts
from kgraph.model import LEVELS, Level
from kgraph.render import selection_title

if TYPE_CHECKING:
    from kgraph.i18n import Texts
    from kgraph.selection import Selection

COLOURS: Final = {
    Level.FOUNDATIONS: "#c6dbef",
    Level.USE: "#c7e9c0",
    Level.TUNE: "#fdd0a2",
    Level.REPAIR: "#fcbba1",
    Level.BUILD: "#dadaeb",
    Level.FRONTIER: "#f2f0f7",
}


def dot_string(text: str) -> str:
    r"""*text* as a quoted DOT string that means exactly *text*.

    Examples:
        >>> print(dot_string('a "b" \\N'))
        "a \"b\" \\N"
    """
    out = []
    for ch in "\n".join(text.splitlines()).replace("\t", " "):
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif not unicodedata.category(ch).startswith("C"):
            out.append(ch)
    return '"' + "".join(out) + '"'


def _node(selection: Selection, concept_id: str, steps: dict[str, int], t: Texts) -> str:
    concept = selection.kg[concept_id]
    number = f"{steps[concept_id]}. " if concept_id in steps else ""
    attrs = {
        "label": f"{number}{t.name(concept)}\n{t.hours(concept.hours)}",
        "tooltip": t.summary(concept),
        "fillcolor": COLOURS[concept.level],
    }
    if concept_id in selection.known:
        attrs |= {"fontcolor": "#616161", "style": "rounded,filled,dashed"}
    if concept_id in steps and len(steps) < len(selection.members):
        attrs |= {"color": "#d62728", "penwidth": "3"}
    if concept_id == selection.focus:
        attrs |= {"color": "#1f77b4", "penwidth": "4"}
    return f"  {dot_string(concept_id)} [{_attrs(attrs)}];"


def _attrs(attrs: dict[str, str]) -> str:
    return ", ".join(f"{key}={dot_string(value)}" for key, value in sorted(attrs.items()))


def _edge(selection: Selection, prerequisite: str, concept: str, t: Texts) -> str:
    why = t.why(selection.kg.edge(prerequisite, concept))
    return f"  {dot_string(prerequisite)} -> {dot_string(concept)} [{_attrs({'tooltip': why})}];"


def render_dot(selection: Selection, *, lang: str = DEFAULT) -> str:
    """The selection as a ``digraph``: nodes coloured by rung, edges prerequisite → concept.

    Plan steps are numbered; known concepts are greyed and dashed, plan steps outlined (unless
    the graph is the plan alone), the focus concept emphasised. Edges carry their ``why``.
    Labels, tooltips and reasons are in *lang*.
    """
    t = texts(lang)
    steps = selection.steps
    title = selection_title(selection, lang)
    lines = [
        "digraph kgraph {",
        f"  graph [label={dot_string(title)}, labelloc=t, rankdir=LR];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [color="#7f7f7f"];',
    ]
    lines += [_node(selection, cid, steps, t) for cid in selection.members]
    for level in LEVELS:
        rung = [dot_string(c) for c in selection.members if selection.kg[c].level == level]
        if rung:
            lines.append(f"  {{ rank=same; {'; '.join(rung)}; }}")
    lines += [_edge(selection, p, c, t) for p, c in selection.edges]
    return "\n".join([*lines, "}"]) + "\n"


__all__ = ["COLOURS", "dot_string", "render_dot"]
