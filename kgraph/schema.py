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
    CAPS,
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
    if problem := _surrogate(text):
        raise ValueError(problem)
    return text


def _surrogate(text: object) -> str | None:
    """Why *text* is no Unicode text (JSON can spell a lone surrogate), or None."""
    found = re.search(SURROGATES, text) if isinstance(text, str) else None
    if found is None:
        return None
    return f"must be valid Unicode text (a lone surrogate at character {found.start()})"


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


NON_BLANK: Final = r"\S"  # JSON Schema's spelling of `_check_text`'s "must not be empty"
# JSON Schema's spelling of `check_url`: https, a host (no credentials), then no character that
# could disguise where the link goes. It also rejects hosts outside ASCII, which check_url allows;
# no real resource needs one.
HTTPS_PATTERN: Final = (
    r"^https://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][^\s\x00-\x1f\x7f-\x9f"
    "\"'<>\\\\`"
    r"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]*)?$"
)


def _text(cap: int) -> cs.CoreSchema:
    """Non-blank text of at most *cap* characters (checked here, stated in the JSON Schema)."""
    shown = {"minLength": 1, "pattern": NON_BLANK}
    base = cs.str_schema(strict=True, max_length=cap, metadata={"pydantic_js_updates": shown})
    return cs.no_info_after_validator_function(_check_text, base)


CONCEPT_ID: Final = cs.str_schema(strict=True, pattern=ID_PATTERN, max_length=CAPS["id"])
HTTPS_URL: Final = cs.no_info_after_validator_function(
    check_url,
    cs.str_schema(
        strict=True,
        max_length=CAPS["url"],
        metadata={"pydantic_js_updates": {"pattern": HTTPS_PATTERN}},
    ),
)
LANGUAGE_CODE: Final = cs.str_schema(strict=True, pattern=r"^[a-z]{2}$")

PREREQUISITE: Final = _record(
    "Prerequisite",
    {
        "id": _required(CONCEPT_ID),
        "why": _required(_text(CAPS["why"])),
        "why_ru": _optional(cs.nullable_schema(_text(CAPS["why"])), None),
    },
)
RESOURCE: Final = _record(
    "Resource",
    {
        "title": _required(_text(CAPS["title"])),
        "url": _required(HTTPS_URL),
        "kind": _required(_choice(ResourceKind)),
        "free": _required(cs.bool_schema(strict=True)),
    },
)
OUTCOMES: Final = cs.tuple_schema(
    [_text(CAPS["outcome"])], variadic_item_index=0, min_length=1, max_length=3
)
TRANSLATION: Final = _record(
    "Translation",
    {
        "name": _required(_text(CAPS["name"])),
        "summary": _required(_text(CAPS["summary"])),
        "outcomes": _optional(OUTCOMES, ()),
        "deliverable": _optional(cs.nullable_schema(_text(CAPS["deliverable"])), None),
    },
)
CONCEPT: Final = _record(
    "Concept",
    {
        "id": _required(CONCEPT_ID),
        "name": _required(_text(CAPS["name"])),
        "aliases": _optional(_many(_text(CAPS["alias"])), ()),
        "kind": _optional(_choice(Kind), Kind.CONCEPT),
        "capstone": _optional(cs.bool_schema(strict=True), default=False),
        "level": _required(_choice(Level)),
        "category": _required(_choice(Category)),
        "summary": _required(_text(CAPS["summary"])),
        "deliverable": _optional(cs.nullable_schema(_text(CAPS["deliverable"])), None),
        "outcomes": _optional(OUTCOMES, ()),
        "covers": _optional(_many(_text(CAPS["cover"])), ()),
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
    if error["type"] == "string_unicode" and (problem := _surrogate(error["input"])):
        return problem  # a length cap makes pydantic read the text before `_check_text` does
    if error["type"] == "string_too_long":
        size = len(error["input"]) if isinstance(error["input"], str) else 0
        return f"must be at most {error['ctx']['max_length']} characters (it has {size:,})"
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


__all__ = ["CONCEPT", "GRAPH_FILE", "HTTPS_PATTERN", "NON_BLANK", "concept_errors", "json_schema"]
