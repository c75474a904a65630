"""Rendering a `GraphDiff`: text for a terminal, json for tools, markdown for a pull request.

Strings from the graph (``why``, messages, labels) are hostile: text passes them through
`clean`, markdown through `kgraph.render.markdown.md_text`, as the Markdown export does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kgraph.errors import counted
from kgraph.i18n import hours
from kgraph.render.json import dumps, to_data
from kgraph.render.markdown import md_text
from kgraph.render.terminal import clean

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.diff import GraphDiff, Landmark, PathSize
    from kgraph.errors import Problem


def render_diff(diff: GraphDiff, fmt: str) -> str:
    """*diff* as ``text``, ``json`` or ``markdown``; always ends with a newline."""
    renderers: dict[str, Callable[[GraphDiff], str]] = {
        "text": render_diff_text,
        "json": render_diff_json,
        "markdown": render_diff_markdown,
    }
    return renderers[fmt](diff)


def render_diff_json(diff: GraphDiff) -> str:
    """Every field of *diff* plus ``breaks``, sorted and indented, hidden characters escaped."""
    doc: dict[str, object] = {"breaks": diff.breaks}
    doc.update(cast("dict[str, object]", to_data(diff)))  # a record becomes an object
    return dumps(doc)


def _size(size: PathSize | None) -> str:
    return (
        "unavailable" if size is None else f"{counted(size.steps, 'step')}, {hours(size.hours)} h"
    )


def _delta(mark: Landmark) -> str:
    if mark.before is None or mark.after is None:
        return ""
    steps, spent = mark.after.steps - mark.before.steps, mark.after.hours - mark.before.hours
    if not steps and not spent:
        return "no change"
    step_sign, hour_sign = ("-" if n < 0 else "+" for n in (steps, spent))
    return f"{step_sign}{counted(abs(steps), 'step')}, {hour_sign}{hours(abs(spent))} h"


def _path_name(mark: Landmark) -> str:
    if mark.source is None:
        return f"path {mark.target} (from nothing known)"
    return f"path {mark.source} {mark.target}"


def _verdict(diff: GraphDiff) -> str:
    if not diff.breaks:
        return "clean"
    parts = [counted(len(diff.removed), "removed id")] if diff.removed else []
    parts += [counted(len(diff.errors), "new error")] if diff.errors else []
    return "introduces errors: " + ", ".join(parts)


def render_diff_text(diff: GraphDiff) -> str:
    """A plain report, one finding per line, the verdict last."""
    lines = [f"kgraph diff {clean(diff.base)} → {clean(diff.head)}", *_text_concepts(diff)]
    lines.append(f"edges: {len(diff.edges_added)} added, {len(diff.edges_removed)} removed")
    lines += [f"  + {e.prerequisite} → {e.concept}: {clean(e.why)}" for e in diff.edges_added]
    lines += [f"  - {e.prerequisite} → {e.concept}: {clean(e.why)}" for e in diff.edges_removed]
    lines.append(f"errors introduced: {len(diff.errors)}")
    lines += [f"  ! {clean(str(p))}" for p in diff.errors]
    added, fixed = len(diff.warnings_added), len(diff.warnings_fixed)
    lines.append(f"lint: {counted(added, 'new warning')}, {fixed} fixed")
    lines += [f"  + {clean(str(p))}" for p in diff.warnings_added]
    lines += [f"  - {clean(str(p))}" for p in diff.warnings_fixed]
    lines += ["learners:", *map(_text_landmark, diff.landmarks)]
    lines.append(f"  plans changed: {_replanned_text(diff.replanned)}")
    lines += [f"note: {clean(n)}" for n in diff.notes]
    lines.append(f"result: {_verdict(diff)}")
    return "\n".join(lines) + "\n"


def _concept_counts(diff: GraphDiff) -> str:
    return (
        f"{len(diff.added)} added, {len(diff.removed)} removed,"
        f" {len(diff.renamed)} renamed, {len(diff.changed)} changed"
    )


def _text_concepts(diff: GraphDiff) -> list[str]:
    lines = [f"concepts: {_concept_counts(diff)}"]
    lines += [f"  + {cid}" for cid in diff.added]
    lines += [
        f"  - {cid}: removed and not kept as an alias; saved progress and links break"
        for cid in diff.removed
    ]
    lines += [f"  > {r.old} → {r.new} (old id kept as a name)" for r in diff.renamed]
    lines += [f"  ~ {c.concept}: {', '.join(c.fields)}" for c in diff.changed]
    return lines


def _replanned_text(replanned: tuple[str, ...] | None) -> str:
    if replanned is None:
        return "not compared"
    return ", ".join(replanned) or "none"


def _text_landmark(mark: Landmark) -> str:
    change = _delta(mark)
    line = f"  {_path_name(mark)}: {_size(mark.before)} → {_size(mark.after)}"
    line += f" ({change})" if change else ""
    return line + (f" [{clean(mark.note)}]" if mark.note else "")


def _md_problem(p: Problem) -> str:
    where = [f"line {p.line}"]
    where += [f"concept {md_text(p.concept)}"] if p.concept else []
    where += [f"field {md_text(p.field)}"] if p.field else []
    return f"{', '.join(where)}: {md_text(p.message)}"


def render_diff_markdown(diff: GraphDiff) -> str:
    """A pull-request comment or job summary: verdict first, then sections and a table."""
    verdict = "✅ clean" if not diff.breaks else f"❌ {_verdict(diff)}"
    lines = [
        "## kgraph diff",
        "",
        f"{md_text(diff.base)} → {md_text(diff.head)}: **{verdict}**",
        "",
    ]
    lines += _md_concepts(diff)
    lines += [f"### Edges: {len(diff.edges_added)} added, {len(diff.edges_removed)} removed", ""]
    for sign, edges in (("➕", diff.edges_added), ("➖", diff.edges_removed)):
        lines += [f"- {sign} `{e.prerequisite}` → `{e.concept}`: {md_text(e.why)}" for e in edges]
    lines += ["", f"### Errors introduced: {len(diff.errors)}", ""]
    lines += [f"- ❌ {_md_problem(p)}" for p in diff.errors]
    added, fixed = len(diff.warnings_added), len(diff.warnings_fixed)
    lines += ["", f"### Lint: {counted(added, 'new warning')}, {fixed} fixed", ""]
    lines += [f"- ⚠️ new: {_md_problem(p)}" for p in diff.warnings_added]
    lines += [f"- ✔️ fixed: {_md_problem(p)}" for p in diff.warnings_fixed]
    lines += ["", *_md_learners(diff)]
    lines += [f"> {md_text(n)}" for n in diff.notes]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip("\n") + "\n"


def _md_concepts(diff: GraphDiff) -> list[str]:
    lines = [f"### Concepts: {_concept_counts(diff)}", ""]
    lines += [f"- ➕ added `{cid}`" for cid in diff.added]
    lines += [
        f"- ❌ removed `{cid}`: not kept as an alias, so saved progress and links break;"
        f' add `"{cid}"` to the `aliases` of the concept that replaces it'
        for cid in diff.removed
    ]
    lines += [f"- 🔁 renamed `{r.old}` → `{r.new}` (old id kept as a name)" for r in diff.renamed]
    lines += [f"- ✏️ changed `{c.concept}`: {', '.join(c.fields)}" for c in diff.changed]
    return [*lines, ""]


def _md_learners(diff: GraphDiff) -> list[str]:
    lines = [
        "### Effect on learners",
        "",
        "| path | before | after | change |",
        "|---|---|---|---|",
    ]
    for mark in diff.landmarks:
        change = _delta(mark) or md_text(mark.note or "")
        lines.append(
            f"| {_path_name(mark)} | {_size(mark.before)} | {_size(mark.after)} | {change} |"
        )
    if diff.replanned is None:
        return [*lines, "", "Plans not compared.", ""]
    count = len(diff.replanned)
    listed = ", ".join(f"`{cid}`" for cid in diff.replanned)
    summary = f"Plans changed for {counted(count, 'concept')}" + (f": {listed}" if count else "")
    return [*lines, "", summary, ""]


__all__ = [
    "render_diff",
    "render_diff_json",
    "render_diff_markdown",
    "render_diff_text",
]
