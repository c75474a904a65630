"""A graph whose every free-text field is hostile to some export syntax, for the export tests.

Names, aliases, summaries, whys, translations and resource titles carry HTML and script,
quotes, backticks, newlines and carriage returns, Mermaid and DOT syntax (``]]``, ``-->``,
``;``, ``{}``, ``\\N``), Markdown links, autolinks and ``javascript:``. Ids ``end``, ``x-ray``
and ``o`` are Mermaid's reserved word and edge-letter traps. Every renderer test either
round-trips these strings exactly or checks that they come out escaped.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from kgraph.graph import KGraph
from kgraph.model import Concept, Prerequisite, Resource, ResourceKind, Translation
from kgraph.selection import Selection
from tests.helpers import make_concept

SCRIPT = "</script><script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
SYNTAX = '`tick` \'single\' "double" ]] --> ; {} | #quot; #60; &amp; \\N \\" ﬂ°°60¶ß'
LINKS = "[link](https://x) javascript:alert(1) www.evil.example <https://y> a@b.example"
NAME = f"Evil {SCRIPT} {IMG} {SYNTAX}\nsecond line {LINKS}"
SUMMARY = f" Summary\r\nwith\ttabs {SCRIPT} {IMG} {SYNTAX} {LINKS} "
WHY = f"because {SCRIPT}\n{IMG} {SYNTAX} {LINKS}"
TITLE = f"*Read* **me** {IMG} {SYNTAX} {LINKS}"
URL = "https://example.org/a_(b)/c?q=1&r=[2]#frag"
HOSTILE = (NAME, SUMMARY, WHY, TITLE)


def hostile_concepts() -> list[Concept]:
    """end → x-ray → evil → after, and o on its own; evil is hostile in every text field."""
    evil = make_concept(
        "evil",
        name=NAME,
        aliases=(f"alias {IMG}", f"alias {SYNTAX}"),
        summary=SUMMARY,
        level="tune",
        hours=1.5,
        translations={"ru": Translation(name=f"Злой {SCRIPT}", summary=f"Резюме {SYNTAX}")},
        resources=(
            Resource(title=TITLE, url=URL, kind=ResourceKind.DOCS, free=True),
            Resource(
                title="second",
                url="https://example.org/second",
                kind=ResourceKind.PAPER,
                free=False,
            ),
        ),
    )
    evil = evil._replace(prerequisites=(Prerequisite("x-ray", WHY, f"потому {IMG}"),))
    return [
        make_concept("end", name="end"),
        make_concept("x-ray", name=f"X-ray {SYNTAX}", level="use", prerequisites=["end"]),
        evil,
        make_concept("after", name=f"After {LINKS}", level="build", prerequisites=["evil"]),
        make_concept("o", name="o", level="frontier", resources=()),
    ]


@pytest.fixture
def hostile_export_graph() -> KGraph:
    """The hostile concepts as a graph."""
    return KGraph(hostile_concepts())


@pytest.fixture
def shuffled_hostile_export_graph() -> KGraph:
    """The same graph, concepts in another order."""
    concepts = hostile_concepts()
    random.Random(3).shuffle(concepts)
    return KGraph(reversed(concepts))


Expected = tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]


def expected_export(selection: Selection) -> Expected:
    """What a graph export must hold: node id → every field and mark, edge → why."""
    steps = {cid: n for n, cid in enumerate(selection.plan_ids, 1)}
    nodes: dict[str, dict[str, Any]] = {}
    for cid in selection.members:
        doc = selection.kg[cid].to_json()
        del doc["id"]
        doc.setdefault("translations", {})
        doc |= {"hours": float(doc["hours"]), "known": cid in selection.known}
        nodes[cid] = doc | ({"step": steps[cid]} if cid in steps else {})
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for prereq, concept in selection.edges:
        edge = next(p for p in selection.kg[concept].prerequisites if p.id == prereq)
        edges[prereq, concept] = {"why": edge.why} | (
            {"why_ru": edge.why_ru} if edge.why_ru else {}
        )
    return nodes, edges


@pytest.fixture
def expected() -> Callable[[Selection], Expected]:
    """`expected_export`, for tests that read an export back and compare."""
    return expected_export
