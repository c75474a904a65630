"""Reading exports back: XML with networkx (GraphML, GEXF), and small Mermaid and Markdown readers.

Each reader accepts only what the renderer may write, so hostile text that broke out of its
label, attribute or list item fails the read instead of passing unnoticed.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx
import pytest

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


# ---- Mermaid: a reader for exactly the flowchart subset render_mermaid writes ----------------

_MERMAID_LINE = re.compile(
    r"flowchart TD"
    r'|    subgraph rung_[a-z]+\["(?P<rung>[a-z]+)"\]'
    r'|        (?P<node>c_[a-z0-9_]+)\["(?P<label>[^"]*)"\]'
    r"|    end"
    r"|    (?P<tail>c_[a-z0-9_]+) --> (?P<head>c_[a-z0-9_]+)"
    r"|    classDef [a-z]+ [a-z:#0-9,-]+"
    r"|    class (?P<members>c_[a-z0-9_]+(?:,c_[a-z0-9_]+)*) (?P<cls>known|plan|focus)"
)
_LABEL_TOKEN = re.compile(r"#(\d+);|(.)", re.DOTALL)
_LABEL_SAFE = frozenset(string.ascii_letters + string.digits + " .,-·")


@dataclass
class Mermaid:
    """What a Mermaid flowchart holds: nodes with their label and rung, edges and classes."""

    nodes: dict[str, str] = field(default_factory=dict)
    rungs: dict[str, str] = field(default_factory=dict)
    edges: set[tuple[str, str]] = field(default_factory=set)
    classes: dict[str, set[str]] = field(default_factory=dict)


def concept_id(node: str) -> str:
    """The concept id behind a Mermaid node id (``c_x_ray`` is ``x-ray``; ids are slugs)."""
    assert node.startswith("c_"), node
    return node[2:].replace("_", "-")


def mermaid_label(raw: str) -> str:
    """A label as a browser shows it; fails on any character Mermaid could read as syntax."""
    out = []
    for entity, char in _LABEL_TOKEN.findall(raw):
        if entity:
            out.append(chr(int(entity)))
        else:
            assert char in _LABEL_SAFE or (char.isalnum() and not char.isascii()), (char, raw)
            out.append(char)
    return "".join(out)


def read_mermaid(text: str) -> Mermaid:
    """Parse a diagram; any line outside the grammar means concept text escaped its label."""
    found, rung = Mermaid(), None
    for line in text.splitlines():
        match = _MERMAID_LINE.fullmatch(line)
        assert match, f"unexpected line {line!r}"
        if match["rung"]:
            rung = match["rung"]
        elif match["node"]:
            cid = concept_id(match["node"])
            assert cid not in found.nodes, f"node {cid} defined twice"
            found.nodes[cid], found.rungs[cid] = mermaid_label(match["label"]), str(rung)
        elif match["tail"]:
            found.edges.add((concept_id(match["tail"]), concept_id(match["head"])))
        elif match["cls"]:
            members = {concept_id(m) for m in match["members"].split(",")}
            found.classes.setdefault(match["cls"], set()).update(members)
    assert {n for edge in found.edges for n in edge} <= set(found.nodes), "edge to no node"
    return found


# ---- Markdown: the checklist as a CommonMark parser (markdown-it) reads it -------------------

_ITEM = re.compile(r"\[(?P<done>[ x])\] (?P<name>.*) — (?P<hours>[0-9.]+) h(?P<more> — )?")


@dataclass(frozen=True)
class Item:
    """One checklist line: ticked, the name, the hours, and the link (title, href) if any."""

    done: bool
    name: str
    hours: float
    link: tuple[str, str] | None


@dataclass
class Markdown:
    """The headings, checklist items and loose paragraphs of a Markdown export."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _inline(children: list[Any]) -> tuple[str, list[tuple[str, str]]]:
    """Plain text and links of an inline run; fails on any markup (emphasis, code, HTML…)."""
    text: list[str] = []
    links: list[tuple[str, str]] = []
    href, start = None, 0
    for child in children:
        if child.type == "link_open":
            assert href is None, "nested link"
            href, start = str(child.attrs["href"]), len(text)
        elif child.type == "link_close":
            assert href is not None
            links.append(("".join(text[start:]), href))
            href = None
        else:
            assert child.type == "text", f"markup in concept text: {child.type} {child.content!r}"
            text.append(child.content)
    return "".join(text), links


def read_markdown(text: str) -> Markdown:
    """Parse an export with markdown-it; raw HTML anywhere fails the read."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(text)
    found, in_item = Markdown(), False
    for i, token in enumerate(tokens):
        assert token.type not in {"html_block", "html_inline", "code_block", "fence"}, token
        in_item = {"list_item_open": True, "list_item_close": False}.get(token.type, in_item)
        if token.type != "inline":
            continue
        plain, links = _inline(token.children or [])
        if tokens[i - 1].type == "heading_open":
            found.headings.append((int(tokens[i - 1].tag[1]), plain))
            assert not links
        elif in_item:
            found.items.append(_item(plain, links))
        else:
            found.paragraphs.append(plain)
            assert not links
    return found


def _item(plain: str, links: list[tuple[str, str]]) -> Item:
    match = _ITEM.fullmatch(plain[: len(plain) - len(links[0][0])] if links else plain)
    assert match, plain
    assert len(links) == (1 if match["more"] else 0), (plain, links)
    link = links[0] if links else None
    return Item(match["done"] == "x", match["name"], float(match["hours"]), link)
