"""JSON rendering of any query result or report: the tool builder's ``--format json``."""

from __future__ import annotations

import json
from enum import Enum

from kgraph.model import Concept
from kgraph.render.terminal import escape_hidden


def to_data(value: object) -> object:
    """Plain JSON data for a result: records become objects, concepts their file form."""
    if isinstance(value, Concept):
        return value.to_json()
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a record (a named tuple)
        return {name: to_data(item) for name, item in zip(value._fields, value, strict=True)}
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [to_data(v) for v in value]
        return items if isinstance(value, (tuple, list)) else sorted(items, key=str)
    if isinstance(value, Enum):
        return value.value
    return value


def dumps(data: object) -> str:
    """Sorted, indented UTF-8 JSON ending in a newline, hidden characters escaped."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    return escape_hidden(text, _json_escape) + "\n"


def render_json(result: object) -> str:
    """Sorted, indented, UTF-8 JSON with a trailing newline; the same input, the same bytes.

    Characters a terminal would act on or hide (controls, bidi and zero-width marks) are escaped.
    """
    return dumps(to_data(result))


def _json_escape(char: str) -> str:
    """A hidden character as a JSON escape (``\\u202e``): it reads back the same, shows as text.

    A raw line feed can only be the indentation's (``json.dumps`` escapes those in strings).
    """
    return char if char == "\n" else json.dumps(char)[1:-1]


__all__ = ["dumps", "render_json", "to_data"]
