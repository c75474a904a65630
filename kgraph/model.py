"""The concepts of ``graph/concepts.json`` as plain named tuples, and their JSON form.

Named tuples because they are cheap (a class is ~6× faster to create than a frozen dataclass,
which a command's start-up pays for every record type). What that costs, said plainly: a record
equals a plain tuple of the same values, and a field named like a tuple method (`count` of
`kgraph.queries.RungTotal`) hides it. Records are immutable all the way down: a concept's
translations are a `FrozenMapping`, so a concept can be hashed and used as a key.

Everything past loading reads these. They carry no validation: the pydantic schema in
`kgraph.schema` checks a file once at the boundary (and the validated-graph cache lets later runs
skip even that), so commands that only ask questions never import pydantic. Closed vocabularies
(rungs, categories, resource kinds) are enums here, shared by the schema, the JSON Schema and the
CLI's choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, NamedTuple

ID_PATTERN: Final = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SURROGATES: Final = "[\ud800-\udfff]"  # JSON can spell one (\\ud800); no UTF-8 text holds it
SCHEMA_FILE: Final = "concepts.schema.json"
# The longest each field may be, in characters: several times what any real entry needs (the
# shipped graph's longest id is about half its cap), so only pasted junk or a runaway generator
# meets one. Each cap reaches the JSON Schema as maxLength, so an editor flags it too.
CAPS: Final = {
    "id": 64,
    "name": 120,
    "alias": 120,
    "why": 400,
    "summary": 1200,
    "outcome": 300,
    "cover": 120,
    "deliverable": 600,
    "title": 300,
    "url": 2000,
}


class Level(StrEnum):
    """The rungs of the ladder of mastery, lowest first."""

    FOUNDATIONS = "foundations"
    USE = "use"
    TUNE = "tune"
    REPAIR = "repair"
    BUILD = "build"
    FRONTIER = "frontier"

    @property
    def rank(self) -> int:
        """Position on the ladder, 0 for foundations."""
        return _RANKS[self]


LEVELS: Final[tuple[Level, ...]] = tuple(Level)
_RANKS: Final = {level: rank for rank, level in enumerate(LEVELS)}


class Category(StrEnum):
    """Topics; extended by pull request."""

    MATH = "math"
    PROGRAMMING = "programming"
    ML = "ml"
    DEEP_LEARNING = "deep-learning"
    HARDWARE = "hardware"
    NLP = "nlp"
    APPLICATIONS = "applications"
    PROMPTING = "prompting"
    RETRIEVAL = "retrieval"
    AGENTS = "agents"
    SAFETY = "safety"
    EVALUATION = "evaluation"
    ARCHITECTURE = "architecture"
    FINE_TUNING = "fine-tuning"
    INFERENCE = "inference"
    DATA = "data"
    TRAINING = "training"
    TRAINING_INFRA = "training-infra"
    ALIGNMENT = "alignment"
    INTERPRETABILITY = "interpretability"
    MULTIMODAL = "multimodal"
    REASONING = "reasoning"
    COGNITION = "cognition"


class ResourceKind(StrEnum):
    """What a resource is."""

    PAPER = "paper"
    COURSE = "course"
    BOOK = "book"
    DOCS = "docs"
    VIDEO = "video"
    ARTICLE = "article"
    CODE = "code"


# Spaces, C0/C1 controls, quotes and brackets, soft hyphen, zero-width and bidi marks, the BOM,
# surrogates: nothing a plain address holds, and all of it can disguise where a link goes.
# Patterns stay strings here and in the other modules a query imports: `re` compiles one on
# first use (and caches it), so a command that checks nothing never pays for compiling it.
_UNSAFE_URL_CHARS: Final = (
    "[\\s\x00-\x1f\x7f-\x9f\"'<>\\\\`"
    "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)


def check_url(url: str) -> str:
    """Accept only plain ``https://host/...`` addresses a browser can open safely."""
    if re.search(_UNSAFE_URL_CHARS, url):
        msg = "must not contain spaces, quotes, angle brackets, invisible or control characters"
        raise ValueError(msg)
    from urllib.parse import urlsplit  # noqa: PLC0415 - only checking a file needs it

    parts = urlsplit(url)
    if parts.scheme != "https":
        msg = "must be an https:// address"
        raise ValueError(msg)
    if not parts.hostname:
        msg = "must name a host"
        raise ValueError(msg)
    if parts.username is not None or parts.password is not None:
        msg = "must not carry credentials"
        raise ValueError(msg)
    return url


class FrozenMapping(Mapping[str, "Translation"]):
    """A read-only, hashable mapping: a concept's translations by language.

    Examples:
        >>> m = FrozenMapping({"ru": Translation("Внимание", "Механизм внимания.")})
        >>> m["ru"].name, hash(m) == hash(FrozenMapping(dict(m)))
        ('Внимание', True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Translation] | None = None) -> None:
        self._items: dict[str, Translation] = dict(items or {})

    def __getitem__(self, key: str) -> Translation:
        return self._items[key]

    def get(self, key: str, default: Translation | None = None) -> Translation | None:  # type: ignore[override]  # one signature is all kgraph uses
        """The translation for *key*, else *default*: a dict lookup, never a raised KeyError.

        (Mapping's own ``get`` catches a KeyError for every language a concept lacks, which
        an English run asks of every concept it prints.)
        """
        return self._items.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return dict(self._items) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"


class Kind(StrEnum):
    """What an entry is: a concept to learn, or a project to build that proves a rung."""

    CONCEPT = "concept"
    PROJECT = "project"


class Prerequisite(NamedTuple):
    """An edge prerequisite → concept, with the reason it is needed."""

    id: str
    why: str
    why_ru: str | None = None


class Resource(NamedTuple):
    """Somewhere to learn a concept."""

    title: str
    url: str
    kind: ResourceKind
    free: bool


class Translation(NamedTuple):
    """A concept's texts in another language."""

    name: str
    summary: str
    outcomes: tuple[str, ...] = ()
    deliverable: str | None = None


class Concept(NamedTuple):
    """One node of the graph; its field rules (CONTRIBUTING's table) are `kgraph.schema`'s."""

    id: str
    name: str
    level: Level
    category: Category
    summary: str
    hours: float
    aliases: tuple[str, ...] = ()
    prerequisites: tuple[Prerequisite, ...] = ()
    resources: tuple[Resource, ...] = ()
    translations: Mapping[str, Translation] = FrozenMapping()  # pass a FrozenMapping to hash
    kind: Kind = Kind.CONCEPT
    capstone: bool = False  # the one project per rung that proves it
    deliverable: str | None = None  # what a project hands in
    outcomes: tuple[str, ...] = ()  # "you can ..." statements: how a learner knows they know it
    covers: tuple[str, ...] = ()  # the sub-topics it teaches, as learners name them
    deeper: str | None = None  # a light counterpart's full version, which it does not need

    @property
    def is_project(self) -> bool:
        """A project proves what its needs teach; no concept ever needs one."""
        return self.kind is Kind.PROJECT

    @property
    def prerequisite_ids(self) -> tuple[str, ...]:
        """The ids this concept needs first, in file order."""
        return tuple(p.id for p in self.prerequisites)

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Concept:
        """The concept of an already validated JSON object (no checks: see `kgraph.schema`)."""
        translations = doc.get("translations")  # lists, not generators: a cached query builds
        return cls(  # a concept per step, and a generator costs more than the tuple it fills
            id=doc["id"],
            name=doc["name"],
            level=_LEVEL[doc["level"]],
            category=_CATEGORY[doc["category"]],
            summary=doc["summary"],
            hours=float(doc["hours"]),
            aliases=tuple(doc.get("aliases", ())),
            prerequisites=tuple(
                [Prerequisite(p["id"], p["why"], p.get("why_ru")) for p in doc["prerequisites"]]
                if "prerequisites" in doc
                else ()
            ),
            resources=tuple(
                [
                    Resource(r["title"], r["url"], _KIND[r["kind"]], r["free"])
                    for r in doc["resources"]
                ]
                if "resources" in doc
                else ()
            ),
            translations=FrozenMapping(
                {
                    lang: Translation(
                        t["name"], t["summary"], tuple(t.get("outcomes", ())), t.get("deliverable")
                    )
                    for lang, t in translations.items()
                }
            )
            if translations
            else _UNTRANSLATED,
            kind=_ENTRY_KIND[doc.get("kind", "concept")],
            capstone=doc.get("capstone", False),
            deliverable=doc.get("deliverable"),
            outcomes=tuple(doc.get("outcomes", ())),
            covers=tuple(doc.get("covers", ())),
            deeper=doc.get("deeper"),
        )

    def to_json(self) -> dict[str, Any]:
        """The canonical JSON object: keys in `CONCEPT_KEYS` order, prerequisites by id."""
        doc: dict[str, Any] = {"id": self.id, "name": self.name, "aliases": list(self.aliases)}
        if self.is_project:
            doc["kind"] = self.kind.value
        if self.capstone:
            doc["capstone"] = True
        doc |= {"level": self.level.value, "category": self.category.value, "summary": self.summary}
        if self.deliverable is not None:
            doc["deliverable"] = self.deliverable
        if self.outcomes:
            doc["outcomes"] = list(self.outcomes)
        if self.covers:
            doc["covers"] = list(self.covers)
        if self.deeper is not None:
            doc["deeper"] = self.deeper
        doc |= {
            "hours": int(self.hours) if self.hours.is_integer() else self.hours,
            "prerequisites": [
                {"id": p.id, "why": p.why} | ({"why_ru": p.why_ru} if p.why_ru is not None else {})
                for p in sorted(self.prerequisites, key=lambda p: p.id)
            ],
            "resources": [
                {"title": r.title, "url": r.url, "kind": r.kind.value, "free": r.free}
                for r in self.resources
            ],
        }
        if self.translations:
            doc["translations"] = {
                lang: _translation_json(t) for lang, t in sorted(self.translations.items())
            }
        return doc


def _translation_json(t: Translation) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": t.name, "summary": t.summary}
    if t.outcomes:
        doc["outcomes"] = list(t.outcomes)
    if t.deliverable is not None:
        doc["deliverable"] = t.deliverable
    return doc


class Headline(NamedTuple):
    """What a plan's text shows of a concept: name, rung, hours, kind; no summary, no resources.

    The validated-graph cache keeps these in its index, so a plan printed from a cached graph
    builds none of its concepts (`kgraph.graph.KGraph.headline`).
    """

    id: str
    name: str
    level: Level
    hours: float
    kind: Kind = Kind.CONCEPT
    capstone: bool = False
    names: tuple[tuple[str, str], ...] = ()  # (language, name) of each translation, sorted

    @property
    def is_project(self) -> bool:
        """As `Concept.is_project`."""
        return self.kind is Kind.PROJECT

    @classmethod
    def of(cls, concept: Concept) -> Headline:
        """The headline of a whole concept."""
        names = tuple(sorted((lang, t.name) for lang, t in concept.translations.items()))
        return cls(
            concept.id,
            concept.name,
            concept.level,
            concept.hours,
            concept.kind,
            concept.capstone,
            names,
        )


if TYPE_CHECKING:
    from typing import Protocol

    class Shown(Protocol):
        """What a plan reads of each entry: a whole `Concept` and its `Headline` both have it."""

        @property
        def id(self) -> str: ...
        @property
        def name(self) -> str: ...
        @property
        def level(self) -> Level: ...
        @property
        def hours(self) -> float: ...
        @property
        def capstone(self) -> bool: ...
        @property
        def is_project(self) -> bool: ...


class GraphFile(NamedTuple):
    """The whole file: ``{"$schema": ..., "concepts": [...]}``."""

    concepts: tuple[Concept, ...]
    schema_ref: str = SCHEMA_FILE


CONCEPT_KEYS: Final = (
    "id", "name", "aliases", "kind", "capstone", "level", "category", "summary", "deliverable",
    "outcomes", "covers", "deeper", "hours", "prerequisites", "resources", "translations",
)  # fmt: skip
_LEVEL: Final = {level.value: level for level in Level}
_CATEGORY: Final = {category.value: category for category in Category}
_KIND: Final = {kind.value: kind for kind in ResourceKind}
_ENTRY_KIND: Final = {kind.value: kind for kind in Kind}
_UNTRANSLATED: Final = FrozenMapping()  # immutable, so every untranslated concept shares it


__all__ = [
    "CAPS",
    "CONCEPT_KEYS",
    "ID_PATTERN",
    "LEVELS",
    "SCHEMA_FILE",
    "SURROGATES",
    "Category",
    "Concept",
    "FrozenMapping",
    "GraphFile",
    "Headline",
    "Kind",
    "Level",
    "Prerequisite",
    "Resource",
    "ResourceKind",
    "Translation",
    "check_url",
]
