"""The schema of ``graph/concepts.json``: DESIGN.md's table as pydantic models.

pydantic stops at this boundary: the rest of the library reads these frozen models. Closed
vocabularies (rungs, categories, resource kinds) are enums here, so validation, the JSON Schema
and the CLI's choices come from one place.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictStr,
    StringConstraints,
)

ID_PATTERN: Final = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_FILE: Final = "concepts.schema.json"


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
        return LEVELS.index(self)


LEVELS: Final[tuple[Level, ...]] = tuple(Level)


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


_UNSAFE_URL_CHARS: Final = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


def check_url(url: str) -> str:
    """Accept only plain ``https://host/...`` addresses a browser can open safely."""
    if _UNSAFE_URL_CHARS.search(url):
        msg = "must not contain spaces, quotes, angle brackets or control characters"
        raise ValueError(msg)
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


def _check_text(text: str) -> str:
    if not text.strip():
        msg = "must not be empty"
        raise ValueError(msg)
    return text


ConceptId = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[StrictStr, AfterValidator(_check_text)]
HttpsUrl = Annotated[StrictStr, AfterValidator(check_url)]
_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Prerequisite(BaseModel):
    """An edge prerequisite → concept, with the reason it is needed."""

    model_config = _FROZEN

    id: ConceptId
    why: Text
    why_ru: Text | None = None


class Resource(BaseModel):
    """Somewhere to learn a concept."""

    model_config = _FROZEN

    title: Text
    url: HttpsUrl
    kind: ResourceKind
    free: StrictBool


class Translation(BaseModel):
    """A concept's name and summary in another language."""

    model_config = _FROZEN

    name: Text
    summary: Text


class Concept(BaseModel):
    """One node of the graph; field rules are DESIGN.md's table, nothing more."""

    model_config = _FROZEN

    id: ConceptId
    name: Text
    aliases: tuple[Text, ...] = ()
    level: Level
    category: Category
    summary: Text
    hours: Annotated[StrictFloat, Field(gt=0, allow_inf_nan=False)]
    prerequisites: tuple[Prerequisite, ...] = ()
    resources: tuple[Resource, ...] = ()
    translations: dict[
        Annotated[StrictStr, StringConstraints(pattern=r"^[a-z]{2}$")], Translation
    ] = Field(default_factory=dict)

    @property
    def prerequisite_ids(self) -> tuple[str, ...]:
        """The ids this concept needs first, in file order."""
        return tuple(p.id for p in self.prerequisites)


class GraphFile(BaseModel):
    """The whole file: ``{"$schema": ..., "concepts": [...]}``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_ref: StrictStr = Field(default=SCHEMA_FILE, alias="$schema")
    concepts: tuple[Concept, ...]


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to check ``concepts.json`` while it is typed."""
    schema = GraphFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kgraph concepts"
    return schema


__all__ = [
    "ID_PATTERN",
    "LEVELS",
    "SCHEMA_FILE",
    "Category",
    "Concept",
    "ConceptId",
    "GraphFile",
    "Level",
    "Prerequisite",
    "Resource",
    "ResourceKind",
    "Translation",
    "check_url",
    "json_schema",
]
