"""The file boundary: DESIGN.md's table as pydantic models, the only place pydantic is used.

A graph file is checked here once; what passes becomes plain `kgraph.model` records. Only the
commands that must check a file (a cache miss, ``validate``, ``fmt``, ``schema``) import this
module, because defining the models costs more than everything a query does afterwards.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from kgraph.model import ID_PATTERN, SCHEMA_FILE, Category, Level, ResourceKind, check_url

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

Location = tuple[int | str, ...]


def _check_text(text: str) -> str:
    if not text.strip():
        msg = "must not be empty"
        raise ValueError(msg)
    if found := _SURROGATE.search(text):  # JSON can spell one (\\ud800); no UTF-8 file holds it
        msg = f"must be valid Unicode text (a lone surrogate at character {found.start()})"
        raise ValueError(msg)
    return text


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


ConceptId = Annotated[str, Field(strict=True, pattern=ID_PATTERN)]
Text = Annotated[str, Field(strict=True), AfterValidator(_check_text)]
HttpsUrl = Annotated[str, Field(strict=True), AfterValidator(check_url)]
LanguageCode = Annotated[str, Field(strict=True, pattern=r"^[a-z]{2}$")]
_FROZEN: Final = ConfigDict(extra="forbid", frozen=True)


class PrerequisiteSchema(BaseModel):
    """An edge prerequisite → concept, with the reason it is needed."""

    model_config = _FROZEN | ConfigDict(title="Prerequisite")

    id: ConceptId
    why: Text
    why_ru: Text | None = None


class ResourceSchema(BaseModel):
    """Somewhere to learn a concept."""

    model_config = _FROZEN | ConfigDict(title="Resource")

    title: Text
    url: HttpsUrl
    kind: ResourceKind
    free: Annotated[bool, Field(strict=True)]


class TranslationSchema(BaseModel):
    """A concept's name and summary in another language."""

    model_config = _FROZEN | ConfigDict(title="Translation")

    name: Text
    summary: Text


class ConceptSchema(BaseModel):
    """One node of the graph; field rules are DESIGN.md's table, nothing more."""

    model_config = _FROZEN | ConfigDict(title="Concept")

    id: ConceptId
    name: Text
    aliases: tuple[Text, ...] = ()
    level: Level
    category: Category
    summary: Text
    hours: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)]
    prerequisites: tuple[PrerequisiteSchema, ...] = ()
    resources: tuple[ResourceSchema, ...] = ()
    translations: dict[LanguageCode, TranslationSchema] = Field(default_factory=dict)


class GraphFileSchema(BaseModel):
    """The whole file: ``{"$schema": ..., "concepts": [...]}``."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, title="kgraph concepts"
    )

    schema_ref: Annotated[str, Field(strict=True)] = Field(default=SCHEMA_FILE, alias="$schema")
    concepts: tuple[ConceptSchema, ...]


def concept_errors(item: object) -> list[tuple[Location, str]]:
    """Where and why the raw concept *item* breaks the schema; empty when it is valid."""
    try:
        ConceptSchema.__pydantic_validator__.validate_python(item)
    except ValidationError as err:
        return [(error["loc"], _message(error)) for error in err.errors()]
    return []


def _message(error: ErrorDetails) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "missing"
    message = str(error["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to check ``concepts.json`` while it is typed."""
    schema = GraphFileSchema.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


__all__ = ["ConceptSchema", "GraphFileSchema", "concept_errors", "json_schema"]
