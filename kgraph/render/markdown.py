"""Markdown export: a study plan as a checklist, the form people paste into their notes.

With ``--path`` it is the plan in learning order, one ``- [ ] Name — 6 h — [resource](url)``
line per step (the resource to start with, as `kgraph.resources.start_with` chooses it), its
outcomes as sub-checkboxes under it, and the practice projects it makes possible (suggested,
not counted in the hours); otherwise every selected concept in learning order, under a heading
per rung. Known concepts are ticked. Names, headings and units are in the ``lang`` asked for;
resource titles stay as published.

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

from kgraph.i18n import DEFAULT, hours, texts
from kgraph.model import LEVELS
from kgraph.projects import suggested_along
from kgraph.render import selection_title
from kgraph.render.terminal import clean
from kgraph.resources import start_with
from kgraph.study import known_before

if TYPE_CHECKING:
    from kgraph.i18n import Texts
    from kgraph.model import Concept
    from kgraph.selection import Selection

# Left alone: characters that mean nothing inside a list item's text ("," "'" "-" "/" ";" "?"
# "%" and the double quote), so "Fine-tuning, step 2/3" stays readable.
_SPECIAL: Final = re.compile(r"""([\\`*_{}\[\]()<>#+!|~&$:@.=^])""")
_URL_UNSAFE: Final = {"(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E"}


def md_text(text: str) -> str:
    r"""*text* as inline Markdown that reads as exactly *text*, in a list item or a table cell.

    The one Markdown escaping of kgraph, for the export and the ``kgraph diff`` report (see the
    module's docstring for the rule).

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


def item(concept: Concept, *, done: bool, lang: str = DEFAULT) -> str:
    """One checklist entry: name, hours, the resource to start with; outcomes as sub-checkboxes.

    The outcomes are how a learner tells the entry is mastered.
    """
    t = texts(lang)
    mark = "x" if done else " "
    parts = [md_text(t.name(concept)), t.hours(concept.hours)]
    if (first := start_with(concept)) is not None:
        parts.append(md_link(first.title, first.url))
    lines = [f"- [{mark}] " + " — ".join(parts)]
    lines += [f"  - [{mark}] {md_text(outcome)}" for outcome in t.outcomes(concept)]
    return "\n".join(lines)


def project_item(project: Concept, *, lang: str = DEFAULT) -> str:
    """A practice project a plan makes possible: suggested, and not counted in its hours."""
    t = texts(lang)
    text = t("md.project", name=t.name(project), hours=t.hours(project.hours))
    return f"  - [ ] {md_text(text)}"


def _plan(selection: Selection, t: Texts) -> list[str]:
    steps = [cid for cid in selection.plan_ids if cid in selection]
    if not steps:
        return [t("plan.nothing")]
    concepts = [selection.kg[cid] for cid in steps]
    count = len(steps)
    spent = hours(sum(c.hours for c in concepts))
    lines = [t("md.plan", count=count, concepts=t.plural(count, "concept"), hours=spent)]
    if any(c.is_project for c in concepts):  # study and project hours apart
        built = sum(c.hours for c in concepts if c.is_project)
        study = sum(c.hours for c in concepts if not c.is_project)
        lines.append(t("md.split", study=hours(study), projects=hours(built)))
    lines.append("")
    kg = selection.kg
    opened = suggested_along(kg, steps, known_before(kg, selection.plan)) if selection.plan else {}
    for index, cid in enumerate(steps):
        lines.append(item(kg[cid], done=cid in selection.known, lang=t.lang))
        lines += [project_item(p, lang=t.lang) for p in opened.get(index, ())]
    return lines


def _rungs(selection: Selection, t: Texts) -> list[str]:
    lines: list[str] = []
    for level in LEVELS:
        rung = [selection.kg[c] for c in selection.members if selection.kg[c].level == level]
        if rung:
            total = hours(sum(c.hours for c in rung))
            nouns = {"count": len(rung), "concepts": t.plural(len(rung), "concept")}
            lines += ["", t("md.rung", level=t.level(level), hours=total, **nouns), ""]
            lines += [item(c, done=c.id in selection.known, lang=t.lang) for c in rung]
    return lines[1:]


def render_markdown(selection: Selection, *, lang: str = DEFAULT) -> str:
    """The selection as a Markdown study checklist with a title heading, in *lang*."""
    t = texts(lang)
    body = _plan(selection, t) if selection.plan is not None else _rungs(selection, t)
    body = body or [t("md.nothing")]
    title = md_text(selection_title(selection, lang))
    return "\n".join([f"# {title}", "", *body]) + "\n"


__all__ = ["item", "md_link", "md_text", "project_item", "render_markdown"]
