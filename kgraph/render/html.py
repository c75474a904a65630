"""The interactive offline HTML graph: one self-contained page on a template of our own.

pyvis's stock page links CDNs and inserts several strings unescaped, so kgraph ships the
vis-network bundle itself (the engine pyvis wraps) and inlines it into
``templates/page.html.j2``, with ``page.css`` and the view's ``page-*.js`` beside it. The page
plans too:
``planner.js`` (path, gaps, next and this week with the library's exact rules),
``checklist.js`` (the Markdown checklist) and ``calendar.js`` (the ``.ics`` file) are pure
scripts of their own, which the tests also run in Node.

Hours travel as numbers and the page prints them with the CLI's rule (``%.12g``), so a plan's
running totals read the same in the page and in the terminal.

Safety by construction: graph data enters the page once, as JSON (``<``, ``>``, ``&``, U+2028 and
U+2029 escaped) compressed with gzip and written in base64 inside a
``<script type="application/gzip">`` data block, so no text of the graph reaches the HTML raw and
the data takes less than half the room; the page inflates it with the browser's
``DecompressionStream`` before it draws, and inserts it into the DOM only with ``textContent`` and
``createElement``. Positions come from `kgraph.layout`, so the browser runs no physics. Everything
is sorted and carries no timestamp: the same selection gives byte-identical output.

Every language travels in the page: each text the reader sees is a map ``{"en": …, "ru": …}``
(a missing translation already replaced by English), and ``ui`` holds the page's own strings
from `kgraph.i18n`, so the EN / RU switch needs no reload. ``lang`` is the language it opens in.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
import struct
import zlib
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final

from kgraph.i18n import DEFAULT, LANGUAGES, texts
from kgraph.layout import ladder_layout
from kgraph.model import LEVELS, Category, Level, ResourceKind
from kgraph.render import selection_title
from kgraph.render.terminal import escape_hidden
from kgraph.resources import start_with

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

    from kgraph.graph import KGraph
    from kgraph.i18n import Texts
    from kgraph.model import Concept, Prerequisite
    from kgraph.queries import Plan
    from kgraph.selection import Selection

# vis-network 9.1.13 from its npm package (dist/vis-network.min.js: one UMD file with vis-data
# inside, the build today's page was drawn with); licences beside it. A test pins its checksum.
VIS_BUNDLE: Final = "vendor/vis-network/vis-network.min.js"
_SOURCE_MAP: Final = re.compile(r"^//# sourceMappingURL=\S*\s*\Z", re.MULTILINE)
MAX_RADIUS: Final = 16  # neighbouring columns are 40 px apart (kgraph.layout.PITCH)
# Fill and border per rung: a ladder from cool to warm, distinguishable in greyscale order.
LEVEL_COLOURS: Final[dict[Level, tuple[str, str]]] = {
    Level.FOUNDATIONS: ("#4c78a8", "#2f5479"),
    Level.USE: ("#54a24b", "#367a2f"),
    Level.TUNE: ("#e2b82c", "#a88413"),
    Level.REPAIR: ("#f58518", "#b85f0a"),
    Level.BUILD: ("#e45756", "#a83332"),
    Level.FRONTIER: ("#9c6ade", "#6c3fae"),
}
_SCRIPT_UNSAFE: Final = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_SCRIPT_UNSAFE.update({"\u2028": "\\u2028", "\u2029": "\\u2029"})
_SCRIPT_UNSAFE_RE: Final = re.compile("[<>&\u2028\u2029]")
# gzip's header written by hand: no name, no time, "best" compression, OS "unknown" -- the same
# bytes whichever Python writes them (gzip.compress puts the host's OS there in some versions).
_GZIP_HEADER: Final = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
_PAGE_MESSAGES: Final = ("page.", "unit.", "md.", "title.", "plan.nothing", "ics.")
_CLI_SENTENCES: Final = frozenset({"week.so_far"})  # the page says it word for word as the CLI
# The view: one function split by job into files joined in this order (core opens, boot closes).
VIEW_SCRIPTS: Final = tuple(
    f"page-{job}.js"
    for job in ("core", "known", "state", "map", "panels", "week", "search", "i18n", "boot")
)
SCRIPTS: Final = (
    "planner.js",
    "checklist.js",
    "calendar.js",
    *VIEW_SCRIPTS,
)  # pure modules first, the view last


def script_json(data: object) -> str:
    """*data* as JSON that cannot end or confuse the ``<script>`` element it is placed in.

    Examples:
        >>> script_json({"name": "</script>&"})
        '{"name":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = escape_hidden(text, lambda char: json.dumps(char)[1:-1])  # \u202e: shown, not obeyed
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], text)


def packed_json(data: object) -> str:
    """*data* as `script_json`, gzipped (no name, no time) in base64: same data, same text.

    Only ``A-Z a-z 0-9 + / =`` remain, so nothing in the data can be markup in the page.

    Examples:
        >>> packed_json({"a": 1})
        'H4sIAAAAAAAC/6tWSlSyMqwFAK+sG1YHAAAA'
    """
    raw = script_json(data).encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(raw) + deflate.flush()
    trailer = struct.pack("<II", zlib.crc32(raw), len(raw) & 0xFFFFFFFF)
    return base64.b64encode(_GZIP_HEADER + body + trailer).decode("ascii")


def unpacked_json(text: str) -> Any:  # noqa: ANN401 - any JSON value
    """The data `packed_json` wrote, back again (for tests and tools that read a page)."""
    return json.loads(gzip.decompress(base64.b64decode(text, validate=True)).decode("utf-8"))


def render_html(selection: Selection, *, lang: str = DEFAULT) -> str:
    """The page for *selection*: graph, planner, ladder, search and details, all inline.

    Args:
        selection: what to draw and mark (see `kgraph.selection.select`).
        lang: the language the page opens in; the reader can switch to any of `LANGUAGES`.

    Returns:
        The complete HTML document, ending with a newline.
    """
    from jinja2 import Environment  # noqa: PLC0415 - heavy: only the html export pays for it
    from markupsafe import Markup  # noqa: PLC0415

    assets = files("kgraph.render") / "templates"
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string((assets / "page.html.j2").read_text(encoding="utf-8"))
    page = template.render(
        title=selection_title(selection, lang),
        lang=lang,
        languages=[(code, texts(code)("lang.name")) for code in LANGUAGES],
        t=texts(lang),
        data=Markup(packed_json(page_data(selection, lang=lang))),  # noqa: S704 - base64 only
        css=Markup((assets / "page.css").read_text(encoding="utf-8")),  # noqa: S704 - our asset
        js=Markup(script_safe(_scripts(assets))),  # noqa: S704 - our own assets, script-safe
        vis=Markup(_vis_bundle()),  # noqa: S704 - the vendored vis-network, script-safe below
    )
    return page if page.endswith("\n") else page + "\n"


def page_data(selection: Selection, *, lang: str = DEFAULT) -> dict[str, Any]:
    """Everything the page script needs, as plain sorted JSON data, in every language."""
    kg = selection.kg
    ids = sorted(selection.members)
    rungs = {c: kg[c].level.rank for c in ids}
    needs = {c: kg.prerequisites[c] for c in ids}
    columns = ladder_layout(needs, rungs, orientation="columns")
    bands = ladder_layout(needs, rungs, orientation="bands")
    unlocked = kg.descendant_counts(kg.concepts, set(kg.concepts))
    return {
        "concepts": [_concept(kg, c, (columns[c], bands[c]), unlocked[c]) for c in ids],
        "edges": [list(edge) for edge in sorted(selection.edges)],
        "focus": selection.focus,
        "known": sorted(k for k in selection.known if k in selection),
        "lang": lang,
        "languages": list(LANGUAGES),
        "levels": [_level(lv, sum(kg[c].level == lv for c in ids)) for lv in LEVELS],
        "offpage": _offpage(kg, selection),
        "options": vis_options(len(ids)),
        "plan": _plan(selection.plan) if selection.plan is not None else None,
        "title": in_languages(lambda t: selection_title(selection, t.lang)),
        "ui": {code: ui_strings(texts(code)) for code in LANGUAGES},
    }


def in_languages(text: Callable[[Texts], str]) -> dict[str, str]:
    """``{"en": text(en), "ru": text(ru)}``: one string the page shows, in every language."""
    return {code: text(texts(code)) for code in LANGUAGES}


def ui_strings(t: Texts) -> dict[str, Any]:
    """The page's own words in one language: messages, rung, category and kind names, nouns."""
    return {
        "categories": {str(c): t.category(c) for c in Category},
        "kinds": {str(k): t.kind(k) for k in ResourceKind},
        "levels": {str(lv): t.level(lv) for lv in LEVELS},
        "messages": {
            k: v
            for k, v in t.messages.items()
            if k.startswith(_PAGE_MESSAGES) or k in _CLI_SENTENCES
        },
        "nouns": {noun: dict(t.nouns[noun]) for noun in ("concept", "link", "week")},
    }


def vis_options(size: int) -> dict[str, Any]:
    """vis-network options: fixed positions, no physics, straight edges with arrows."""
    large = size > 1000  # noqa: PLR2004 - edges hidden while panning only on big graphs
    return {
        "autoResize": True,
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": "#a3acb6", "highlight": "#2f3740", "hover": "#2f3740"},
            "hoverWidth": 0.6,
            "selectionWidth": 1,
            "smooth": False,
            "width": 1,
        },
        "interaction": {
            "dragNodes": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "hover": True,
            "tooltipDelay": 120,
        },
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {
            "borderWidth": 1.5,
            "font": {
                "color": "#1f2328",
                "face": "system-ui, sans-serif",
                "size": 15,
                "strokeColor": "#ffffff",
                "strokeWidth": 4,
            },
            "scaling": {"label": {"drawThreshold": 9}},  # no unreadable names at overview zoom
            "shape": "dot",
            "widthConstraint": {"maximum": 170},  # long names wrap instead of overlapping
        },
        "physics": {"enabled": False},
    }


def node_size(unlocked: int) -> int:
    """Radius for a concept that unlocks *unlocked* others: logarithmic, capped below the gaps.

    Examples:
        >>> [node_size(n) for n in (0, 1, 7, 2000)]
        [6, 8, 12, 16]
    """
    return round(min(MAX_RADIUS, 6 + 2 * math.log2(1 + unlocked)))


def _concept(
    kg: KGraph, cid: str, xy: tuple[tuple[int, int], tuple[int, int]], unlocked: int
) -> dict[str, Any]:
    """One concept as the page needs it; the page looks names of linked concepts up by id.

    ``x``/``y`` place it on a wide screen (rungs as columns), ``bx``/``by`` on a narrow one
    (rungs as bands); ``covers`` (its sub-topics, which search matches), ``outcomes`` (its "you
    can …" checklist, per language), ``kind``, a project's ``deliverable`` (per language),
    ``deeper`` (its full version) and ``lighter`` (the light counterparts that name it as theirs)
    are there only when the concept has them, so a graph without them pays nothing.
    """
    concept = kg[cid]
    (x, y), (bx, by) = xy
    extra: dict[str, Any] = {"covers": list(concept.covers)} if concept.covers else {}
    first = start_with(concept)
    if first is not None and concept.resources.index(first):
        extra["start"] = concept.resources.index(first)  # the resource to start with, if not 0
    if concept.outcomes:
        extra["outcomes"] = {code: list(texts(code).outcomes(concept)) for code in LANGUAGES}
    if concept.is_project:
        extra |= {"kind": str(concept.kind), "project": True, "capstone": concept.capstone}
        if concept.deliverable:
            extra["deliverable"] = in_languages(lambda t: t.deliverable(concept) or "")
    if concept.deeper is not None and concept.deeper in kg:
        extra["deeper"] = concept.deeper  # its full version: "Go deeper"
    if lighter := kg.lighter.get(cid):
        extra["lighter"] = sorted(lighter)  # the light counterparts naming it: "Lighter version"
    return extra | {
        "aliases": list(concept.aliases),
        "category": str(concept.category),
        "hours": concept.hours,
        "id": cid,
        "level": str(concept.level),
        "name": _name(concept),
        "rank": concept.level.rank,
        "needs": [
            {"id": p.id, "why": _why(p)} for p in sorted(concept.prerequisites, key=lambda p: p.id)
        ],
        "resources": [
            {"free": r.free, "kind": str(r.kind), "title": r.title, "url": r.url}
            for r in concept.resources
        ],
        "size": node_size(unlocked),
        "summary": in_languages(lambda t: t.summary(concept)),
        "unlocked": unlocked,
        "unlocks": list(kg.dependents[cid]),
        "bx": bx,
        "by": by,
        "x": x,
        "y": y,
    }


def _name(concept: Concept) -> dict[str, str]:
    return in_languages(lambda t: t.name(concept))


def _why(prerequisite: Prerequisite) -> dict[str, str]:
    return in_languages(lambda t: t.why(prerequisite))


def _offpage(kg: KGraph, selection: Selection) -> dict[str, dict[str, str]]:
    """Names of concepts the selection leaves out that a drawn concept links to.

    A link is a prerequisite, a dependent, or a deeper or lighter version.
    """
    linked = {
        other
        for cid in selection.members
        for other in (
            *kg[cid].prerequisite_ids,
            *kg.dependents[cid],
            *((kg[cid].deeper,) if kg[cid].deeper in kg else ()),
            *kg.lighter.get(cid, ()),
        )
        if other not in selection
    }
    return {cid: _name(kg[cid]) for cid in sorted(linked)}


def _level(level: Level, count: int) -> dict[str, Any]:
    fill, border = LEVEL_COLOURS[level]
    return {"border": border, "count": count, "fill": fill, "id": str(level)}


def _plan(plan: Plan[Any]) -> dict[str, str | None]:
    """The path asked for at export time; the page computes the plan itself, as it does later."""
    return {"from": plan.source, "to": plan.target}


def _scripts(assets: Traversable) -> str:
    """The page's own scripts, one after another (each keeps to its own name)."""
    return "\n".join((assets / name).read_text(encoding="utf-8") for name in SCRIPTS)


def _vis_bundle() -> str:
    """The vis-network bundle kgraph ships, made unable to close its ``<script>`` early.

    Its closing source-map comment names a file the page does not have, so it goes too.
    """
    return script_safe(_SOURCE_MAP.sub("", _vis_source()))


def _vis_source() -> str:
    """The vis-network bundle as released, from ``kgraph/render/vendor/``."""
    return (files("kgraph.render") / VIS_BUNDLE).read_text(encoding="utf-8")


def script_safe(code: str) -> str:
    """JavaScript *code* that cannot end its ``<script>`` element or open a comment there.

    Examples:
        >>> print(script_safe("s = '</SCRIPT><!--'"))
        s = '<\\/SCRIPT><\\!--'
    """
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


__all__ = [
    "LEVEL_COLOURS",
    "SCRIPTS",
    "VIEW_SCRIPTS",
    "in_languages",
    "node_size",
    "packed_json",
    "page_data",
    "render_html",
    "script_json",
    "script_safe",
    "ui_strings",
    "unpacked_json",
]
