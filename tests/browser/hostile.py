"""A graph whose every free-text field tries to run script, for the HTML export's tests.

The schema rejects non-https URLs; the hostile resources are built as plain model objects,
which skips it, to prove the page's own re-check.
"""

from __future__ import annotations

from kgraph.graph import KGraph
from kgraph.model import Concept, Prerequisite, Resource, ResourceKind, Translation
from tests.helpers import make_concept

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=1</script>"
QUOTES = 'it\'s "quoted" `${window.__pwned=1}` \u2028 &amp; <!-- -->'
JS_URL = "javascript:window.__pwned=1"
BAD_URLS = (
    JS_URL,
    "data:text/html,<script>window.__pwned=1</script>",
    "http://example.org/plain-http",
    "not a url at all",
)
TRICKY_HTTPS = 'https://example.org/"><img src=x onerror=window.__pwned=1>'
NAME = f"Evil {SCRIPT}{IMG}"
ALIAS = f"evil alias {IMG}"
SUMMARY = f"Summary {QUOTES} {IMG} {SCRIPT}"
WHY = f"because {SCRIPT} {IMG}"
NAME_RU = f"Злое {IMG}{SCRIPT}"
SUMMARY_RU = f"Описание {QUOTES} {SCRIPT} {IMG}"
WHY_RU = f"потому что {IMG} {SCRIPT}"
HOSTILE_STRINGS = (NAME, ALIAS, SUMMARY, WHY, NAME_RU, SUMMARY_RU, WHY_RU)


def hostile_concepts() -> list[Concept]:
    """base → evil → after, where evil carries hostile text in every field it has, Russian too."""
    evil = make_concept(
        "evil",
        name=NAME,
        aliases=(ALIAS,),
        summary=SUMMARY,
        level="tune",
        prerequisites=[],
        translations={"ru": Translation(name=NAME_RU, summary=SUMMARY_RU)},
    )
    resources = (
        Resource(
            title=f"Good {IMG}", url="https://example.org/good", kind=ResourceKind.DOCS, free=True
        ),
        *(
            Resource(title=f"Bad {i} {SCRIPT}", url=url, kind=ResourceKind.CODE, free=False)
            for i, url in enumerate(BAD_URLS)
        ),
        Resource(title="Tricky", url=TRICKY_HTTPS, kind=ResourceKind.PAPER, free=True),
    )
    evil = evil._replace(
        resources=resources, prerequisites=(Prerequisite(id="base", why=WHY, why_ru=WHY_RU),)
    )
    return [
        make_concept("base", name="Base"),
        evil,
        make_concept("after", name=f"After {QUOTES}", level="build", prerequisites=["evil"]),
    ]


def hostile_graph() -> KGraph:
    """The hostile concepts as a graph."""
    return KGraph(hostile_concepts())
