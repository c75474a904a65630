"""Mermaid flowchart export: a diagram that GitHub renders inside Markdown.

No concept text can break the diagram or inject markup. Node ids are derived from the concept
id alone (``c_`` + the slug with ``-`` as ``_``), so reserved words (``end``, ``graph``) and the
``o``/``x`` edge-letter traps cannot occur. Labels are quoted, and every character other than
letters, digits and `` .,-`` is written as a Mermaid entity (``#34;`` for ``"``): Mermaid turns
``#N;`` into the HTML character reference ``&#N;``, which a browser shows as text, never as a tag,
a quote, a bracket or a Markdown string delimiter. Control and formatting characters (newlines,
bidi overrides) are dropped or flattened to spaces.

Mermaid refuses diagrams with more than 500 edges or 50,000 characters by default (its
``maxEdges`` and ``maxTextSize``), which a page like GitHub cannot raise; `github_overflow` says
when a diagram is over, so the CLI can suggest ``--focus``, ``--path`` or ``--level``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import TYPE_CHECKING, Final

from kgraph.i18n import DEFAULT, texts
from kgraph.model import LEVELS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.i18n import Texts
    from kgraph.selection import Selection

MAX_EDGES: Final = 500  # Mermaid's default maxEdges
MAX_CHARS: Final = 50_000  # Mermaid's default maxTextSize
_SAFE: Final = frozenset(string.ascii_letters + string.digits + " .,-")
_NOT_ID: Final = re.compile(r"[^a-z0-9]")
CLASSES: Final = (
    "    classDef known fill:#eeeeee,stroke:#9e9e9e,color:#616161",
    "    classDef plan stroke:#d62728,stroke-width:3px",
    "    classDef focus stroke:#1f77b4,stroke-width:4px",
)


def mermaid_id(concept_id: str) -> str:
    """A node id that is a plain identifier and never a Mermaid keyword.

    Examples:
        >>> mermaid_id("end"), mermaid_id("x-ray")
        ('c_end', 'c_x_ray')
    """
    return "c_" + _NOT_ID.sub("_", concept_id)


def mermaid_text(text: str) -> str:
    """*text* made safe inside a double-quoted Mermaid label.

    Examples:
        >>> mermaid_text('Say "hi" <b>')
        'Say #34;hi#34; #60;b#62;'
    """
    out = []
    for ch in " ".join(text.split()):
        if ch in _SAFE or (ch.isalnum() and not ch.isascii()):
            out.append(ch)
        elif not unicodedata.category(ch).startswith("C"):
            out.append(f"#{ord(ch)};")
    return "".join(out)


def github_overflow(diagram: str) -> tuple[int, int] | None:
    """``(edges, characters)`` of *diagram* when over what GitHub draws, else None."""
    edges = diagram.count(" --> ")
    if edges > MAX_EDGES or len(diagram) > MAX_CHARS:
        return edges, len(diagram)
    return None


def _label(selection: Selection, concept_id: str, steps: dict[str, int], t: Texts) -> str:
    concept = selection.kg[concept_id]
    number = f"{steps[concept_id]}. " if concept_id in steps else ""
    return f'"{number}{mermaid_text(t.name(concept))} · {mermaid_text(t.hours(concept.hours))}"'


def _class_line(name: str, ids: Iterable[str]) -> list[str]:
    nodes = ",".join(mermaid_id(c) for c in sorted(ids))
    return [f"    class {nodes} {name}"] if nodes else []


def render_mermaid(selection: Selection, *, lang: str = DEFAULT) -> str:
    """The selection as a ``flowchart TD``, one subgraph per rung, prerequisite → concept.

    In a plan the steps carry their number; known concepts are greyed, plan steps outlined
    (unless the diagram is the plan alone) and the focus concept emphasised. Labels and rung
    names are in *lang*.
    """
    t = texts(lang)
    steps = selection.steps
    lines = ["flowchart TD"]
    for level in LEVELS:
        rung = [c for c in selection.members if selection.kg[c].level == level]
        if rung:
            lines.append(
                f'    subgraph rung_{level.name.lower()}["{mermaid_text(t.level(level))}"]'
            )
            lines += [f"        {mermaid_id(c)}[{_label(selection, c, steps, t)}]" for c in rung]
            lines.append("    end")
    lines += [f"    {mermaid_id(p)} --> {mermaid_id(c)}" for p, c in selection.edges]
    lines += CLASSES
    lines += _class_line("known", (c for c in selection.members if c in selection.known))
    planned = [c for c in selection.members if c in steps]
    if len(planned) < len(selection.members):
        lines += _class_line("plan", planned)
    lines += _class_line("focus", (c for c in selection.members if c == selection.focus))
    return "\n".join(lines) + "\n"


__all__ = [
    "MAX_CHARS",
    "MAX_EDGES",
    "github_overflow",
    "mermaid_id",
    "mermaid_text",
    "render_mermaid",
]
