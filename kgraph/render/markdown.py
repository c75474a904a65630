"""Markdown export: a study plan as a checklist, the form people paste into their notes.

With ``--path`` it is the plan in learning order, one ``- [ ] Name — 6 h — [resource](url)``
line per step; otherwise every selected concept in learning order, under a heading per rung.
Known concepts are ticked.

Concept text is data, never markup: whitespace is flattened (a line break would end the list
item), controls and bidi characters are shown as escapes, and every ASCII punctuation mark that
Markdown or GitHub's extensions could read (links, emphasis, HTML, entities, autolinks such as
``https://`` or ``www.``, mentions, math) is backslash-escaped, which CommonMark allows for any
ASCII punctuation. Only a resource's https URL becomes a link, with ``(``, ``)`` and spaces
percent-encoded so it cannot end the link early.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from kgraph.model import LEVELS
from kgraph.render.text import clean, hours

if TYPE_CHECKING:
    from kgraph.model import Concept
    from kgraph.selection import Selection

# Left alone: characters that mean nothing inside a list item's text ("," "'" "-" "/" ";" "?"
# "%" and the double quote), so "Fine-tuning, step 2/3" stays readable.
_SPECIAL: Final = re.compile(r"""([\\`*_{}\[\]()<>#+!|~&$:@.=^])""")
_URL_UNSAFE: Final = {"(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E"}


def md_text(text: str) -> str:
    r"""*text* as inline Markdown that reads as exactly *text*.

    Examples:
        >>> print(md_text("[x](https://evil) <b>*hi*</b>"))
        \[x\]\(https\://evil\) \<b\>\*hi\*\</b\>
    """
    return _SPECIAL.sub(r"\\\1", clean(" ".join(text.split())))


def md_link(title: str, url: str) -> str:
    """``[title](url)`` for an https URL; the escaped title alone for anything else."""
    if urlsplit(url).scheme != "https" or any(ch.isspace() or ch == "\\" for ch in url):
        return md_text(title)
    safe = "".join(_URL_UNSAFE.get(ch, ch) for ch in url)
    return f"[{md_text(title)}]({safe})"


def item(concept: Concept, *, done: bool) -> str:
    """One checklist line: name, hours and the first resource as a link."""
    parts = [md_text(concept.name), f"{hours(concept.hours)} h"]
    if concept.resources:
        first = concept.resources[0]
        parts.append(md_link(first.title, first.url))
    return f"- [{'x' if done else ' '}] " + " — ".join(parts)


def _plan(selection: Selection) -> list[str]:
    steps = [cid for cid in selection.plan_ids if cid in selection]
    if not steps:
        return ["Nothing to learn: you know everything it needs."]
    total = sum(selection.kg[cid].hours for cid in steps)
    lines = [f"{len(steps)} concepts, {hours(total)} h in all.", ""]
    return lines + [item(selection.kg[cid], done=cid in selection.known) for cid in steps]


def _rungs(selection: Selection) -> list[str]:
    lines: list[str] = []
    for level in LEVELS:
        rung = [selection.kg[c] for c in selection.members if selection.kg[c].level == level]
        if rung:
            total = hours(sum(c.hours for c in rung))
            lines += ["", f"## {level.value} ({len(rung)} concepts, {total} h)", ""]
            lines += [item(c, done=c.id in selection.known) for c in rung]
    return lines[1:]


def render_markdown(selection: Selection) -> str:
    """The selection as a Markdown study checklist with a title heading."""
    body = _plan(selection) if selection.plan is not None else _rungs(selection)
    body = body or ["Nothing selected."]
    return "\n".join([f"# {md_text(selection.title)}", "", *body]) + "\n"


__all__ = ["item", "md_link", "md_text", "render_markdown"]
