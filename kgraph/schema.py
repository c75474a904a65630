"""The file boundary: the field rules as a pydantic schema, the only place pydantic is used.

A graph file is checked here once; what passes becomes plain `kgraph.model` records. The rules
are written with pydantic-core's schema builders, the vocabulary `BaseModel` classes compile to,
because a process pays ~30 ms of imports for its first `BaseModel` (``pydantic.fields``,
``annotated_types``, the plugin loader's ``importlib.metadata``) while this validator builds in
under a millisecond: the difference was most of a first run on a new or edited file. The same
rules give the JSON Schema editors use (`json_schema`, with pydantic's generator, imported then).
Only the commands that must check a file (a cache miss, ``validate``, ``fmt``, ``schema``) import
this module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from kgraph.model import (
    ID_PATTERN,
    SCHEMA_FILE,
    SURROGATES,
    Category,
    Kind,
    Level,
    ResourceKind,
    check_url,
)

if TYPE_CHECKING:
    from enum import StrEnum

    from pydantic_core import ErrorDetails

Location = tuple[int | str, ...]


def _check_text(text: str) -> str:
    if not text.strip():
        msg = "must not be empty"
        raise ValueError(msg)
    if found := re.search(SURROGATES, text):
        msg = f"must be valid Unicode text (a lone surrogate at character {found.start()})"
        raise ValueError(msg)
    return text


def _required(schema: cs.CoreSchema) -> cs.TypedDictField:
    return cs.typed_dict_field(schema, required=True)


def _optional(schema: cs.CoreSchema, default: object) -> cs.TypedDictField:
    return cs.typed_dict_field(cs.with_default_schema(schema, default=default), required=False)


def _record(name: str, fields: dict[str, cs.TypedDictField]) -> cs.TypedDictSchema:
    """A JSON object with exactly these keys (``extra="forbid"``): a misspelt key is an error."""
    return cs.typed_dict_schema(fields, extra_behavior="forbid", ref=name)


def _choice(kind: type[StrEnum]) -> cs.EnumSchema:
    return cs.enum_schema(kind, list(kind), sub_type="str", ref=kind.__name__)


def _many(item: cs.CoreSchema) -> cs.TupleSchema:
    return cs.tuple_schema([item], variadic_item_index=0)


CONCEPT_ID: Final = cs.str_schema(strict=True, pattern=ID_PATTERN)
TEXT: Final = cs.no_info_after_validator_function(_check_text, cs.str_schema(strict=True))
HTTPS_URL: Final = cs.no_info_after_validator_function(check_url, cs.str_schema(strict=True))
LANGUAGE_CODE: Final = cs.str_schema(strict=True, pattern=r"^[a-z]{2}$")

PREREQUISITE: Final = _record(
    "Prerequisite",
    {
        "id": _required(CONCEPT_ID),
        "why": _required(TEXT),
        "why_ru": _optional(cs.nullable_schema(TEXT), None),
    },
)
RESOURCE: Final = _record(
    "Resource",
    {
        "title": _required(TEXT),
        "url": _required(HTTPS_URL),
        "kind": _required(_choice(ResourceKind)),
        "free": _required(cs.bool_schema(strict=True)),
    },
)
OUTCOMES: Final = cs.tuple_schema([TEXT], variadic_item_index=0, min_length=1, max_length=3)
TRANSLATION: Final = _record(
    "Translation",
    {
        "name": _required(TEXT),
        "summary": _required(TEXT),
        "outcomes": _optional(OUTCOMES, ()),
        "deliverable": _optional(cs.nullable_schema(TEXT), None),
    },
)
CONCEPT: Final = _record(
    "Concept",
    {
        "id": _required(CONCEPT_ID),
        "name": _required(TEXT),
        "aliases": _optional(_many(TEXT), ()),
        "kind": _optional(_choice(Kind), Kind.CONCEPT),
        "capstone": _optional(cs.bool_schema(strict=True), default=False),
        "level": _required(_choice(Level)),
        "category": _required(_choice(Category)),
        "summary": _required(TEXT),
        "deliverable": _optional(cs.nullable_schema(TEXT), None),
        "outcomes": _optional(OUTCOMES, ()),
        "covers": _optional(_many(TEXT), ()),
        "deeper": _optional(cs.nullable_schema(CONCEPT_ID), None),
        "hours": _required(cs.float_schema(strict=True, gt=0, allow_inf_nan=False)),
        "prerequisites": _optional(_many(PREREQUISITE), ()),
        "resources": _optional(_many(RESOURCE), ()),
        "translations": _optional(cs.dict_schema(LANGUAGE_CODE, TRANSLATION), {}),
    },
)
GRAPH_FILE: Final = cs.typed_dict_schema(
    {
        "$schema": _optional(cs.str_schema(strict=True), SCHEMA_FILE),
        "concepts": _required(_many(CONCEPT)),
    },
    extra_behavior="forbid",
)
TITLE: Final = "kgraph concepts"
DESCRIPTIONS: Final = {  # shown by editors: the JSON Schema's title → description
    TITLE: 'The whole file: {"$schema": ..., "concepts": [...]}.',
    "Concept": "One node of the graph: a concept, its rung, hours, prerequisites and resources.",
    "Prerequisite": "An edge prerequisite → concept, with the reason it is needed.",
    "Resource": "Somewhere to learn a concept.",
    "Translation": "A concept's texts in another language.",
}

_CONCEPT_VALIDATOR: Final = SchemaValidator(CONCEPT)


def concept_errors(item: object) -> list[tuple[Location, str]]:
    """Where and why the raw concept *item* breaks the schema; empty when it is valid."""
    try:
        _CONCEPT_VALIDATOR.validate_python(item)
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
    from pydantic.json_schema import GenerateJsonSchema  # noqa: PLC0415 - only `kgraph schema`

    schema = GenerateJsonSchema(by_alias=True).generate(GRAPH_FILE)
    for title, definition in {TITLE: schema, **schema["$defs"]}.items():
        if title in DESCRIPTIONS:
            definition.update(title=title, description=DESCRIPTIONS[title])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


__all__ = ["CONCEPT", "GRAPH_FILE", "concept_errors", "json_schema"]
