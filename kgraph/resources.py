"""Which resource to open first: one rule, for every plan step in every format.

The rule: a free resource before a paid one; then the kind that suits the rung — on the lower
rungs (foundations, use, tune) a learner wants a guided way in (a course, then the docs, a
video, an article), from repair up the primary sources (the paper, the code, a book); then the
order of the file, which is the order the contributor chose. A concept without resources has
none to start with.

Examples:
    >>> from kgraph.model import Resource, ResourceKind as K
    >>> paper = Resource("Paper", "https://example.org/p", K.PAPER, True)
    >>> course = Resource("Course", "https://example.org/c", K.COURSE, True)
    >>> paid = Resource("Book", "https://example.org/b", K.BOOK, False)
    >>> rank_resources((paid, paper, course), Level.USE)[0].title
    'Course'
    >>> rank_resources((paid, paper, course), Level.REPAIR)[0].title
    'Paper'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from kgraph.model import Level, ResourceKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from kgraph.model import Concept, Resource

_GUIDED: Final = (
    ResourceKind.COURSE, ResourceKind.DOCS, ResourceKind.VIDEO, ResourceKind.ARTICLE,
    ResourceKind.BOOK, ResourceKind.CODE, ResourceKind.PAPER,
)  # fmt: skip
_PRIMARY: Final = (
    ResourceKind.PAPER, ResourceKind.CODE, ResourceKind.BOOK, ResourceKind.ARTICLE,
    ResourceKind.COURSE, ResourceKind.DOCS, ResourceKind.VIDEO,
)  # fmt: skip
KIND_ORDER: Final[Mapping[Level, tuple[ResourceKind, ...]]] = {
    Level.FOUNDATIONS: _GUIDED,
    Level.USE: _GUIDED,
    Level.TUNE: _GUIDED,
    Level.REPAIR: _PRIMARY,
    Level.BUILD: _PRIMARY,
    Level.FRONTIER: _PRIMARY,
}
"""For each rung, the resource kinds a learner on it should open first, best first."""


def rank_resources(resources: Iterable[Resource], level: Level) -> list[Resource]:
    """*resources* best first for a learner on *level*: free, then kind, then file order."""
    order = KIND_ORDER[level]
    indexed = list(enumerate(resources))
    indexed.sort(key=lambda pair: (not pair[1].free, order.index(pair[1].kind), pair[0]))
    return [resource for _, resource in indexed]


def start_with(concept: Concept) -> Resource | None:
    """The one resource to open first for *concept*, by the module's rule; None if it has none."""
    ranked = rank_resources(concept.resources, concept.level)
    return ranked[0] if ranked else None


__all__ = ["KIND_ORDER", "rank_resources", "start_with"]
