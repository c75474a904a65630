"""Parsing a graph file's text: JSON with line numbers, then the schema, never an exception.

`parse` turns text into a `Parsed`: the valid concepts and every problem met, each located by
line and column. What `json.loads` silently accepts but a graph file must not hold (duplicate
keys, ``NaN``) is reported too. Rules that span concepts are `kgraph.validation`'s.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kgraph.errors import Problem
from kgraph.model import CAPS, SCHEMA_FILE, SURROGATES, Concept, GraphFile

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.position import JsonPath, Locator

_TOP_KEYS: Final = frozenset({"$schema", "concepts"})
_LONG_NUMBER: Final = r"[0-9]{4000,}"  # patterns compile on first use: see kgraph.model


class Parsed(NamedTuple):
    """The outcome of parsing one file: the valid concepts and every problem met."""

    path: str
    text: str
    graph: GraphFile | None
    problems: tuple[Problem, ...]
    items: tuple[Any, ...]
    locator: Locator  # shared, so the text is scanned once

    def locate(self, loc: JsonPath | int) -> tuple[int, int]:
        """Line and column of *loc*."""
        return self.locator.line_col(loc)


def parse(text: str, path: str) -> Parsed:
    """Parse and schema-check a graph file's text; never raises for bad data."""
    from kgraph.position import Locator  # noqa: PLC0415 - only a file being checked needs it

    locator = Locator(text)  # scans the text only once a problem must be located
    data, oddities, json_problem = _decode(text, path)
    if json_problem is not None:
        return Parsed(path, text, None, (json_problem,), (), locator)

    def located(
        loc: JsonPath | int, concept: str | None, name: str | None, message: str
    ) -> Problem:
        line, column = locator.line_col(loc)
        return Problem(path, line, column, concept, name, message)

    problems: list[Problem] = []
    if oddities.duplicate_keys or oddities.constants:
        problems += [located(*finding) for finding in _find_oddities(locator)]
    if not isinstance(data, dict):
        problems.append(located((), None, None, "the top level must be an object with 'concepts'"))
        return Parsed(path, text, None, tuple(problems), (), locator)
    problems += [located((key,), None, key, "unknown key") for key in sorted(set(data) - _TOP_KEYS)]
    schema = data.get("$schema", SCHEMA_FILE)
    if (wrong := _schema_problem(schema)) is not None:
        problems.append(located(("$schema",), None, "$schema", wrong))
    raw = data.get("concepts")
    if not isinstance(raw, list):
        message = "missing" if raw is None else "must be a list of concepts"
        problems.append(
            located(("concepts",) if raw is not None else (), None, "concepts", message)
        )
        return Parsed(path, text, None, tuple(problems), (), locator)
    from kgraph.schema import concept_errors  # noqa: PLC0415 - pydantic: only to check a file

    concepts = []
    for index, item in enumerate(raw):
        if errors := concept_errors(item):
            label = raw_id(item) or f"concepts[{index}]"
            for where, message in errors:
                loc = ("concepts", index, *where)
                problems.append(located(loc, label, _field_name(where), message))
        else:
            concepts.append(Concept.from_json(item))
    graph = GraphFile(tuple(concepts), str(schema))
    ordered = tuple(sorted(problems, key=lambda p: p.sort_key))
    return Parsed(path, text, graph, ordered, tuple(raw), locator)


def _schema_problem(schema: object) -> str | None:
    if not isinstance(schema, str):
        return "must be a string"
    if re.search(SURROGATES, schema):
        return "must be valid Unicode text"
    return None


def raw_id(item: object) -> str | None:
    """The id of a raw concept object, if it has a string one no longer than ids may be.

    An over-long id is not quoted in messages: the concept is named by its place instead.
    """
    found = item.get("id") if isinstance(item, dict) else None
    return found if isinstance(found, str) and len(found) <= CAPS["id"] else None


class _Oddities:
    """What `json.loads` silently accepts but a graph file must not hold."""

    __slots__ = ("constants", "duplicate_keys")

    def __init__(self) -> None:
        self.duplicate_keys = False
        self.constants = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        self.duplicate_keys |= len(obj) != len(pairs)
        return obj

    def constant(self, name: str) -> float:
        self.constants = True
        return float(name)


def _decode(text: str, path: str) -> tuple[Any, _Oddities, Problem | None]:
    oddities = _Oddities()
    if not text.strip():
        return None, oddities, Problem(path, 1, 1, None, None, "the file is empty")
    try:
        data = json.loads(text, object_pairs_hook=oddities.pairs, parse_constant=oddities.constant)
    except json.JSONDecodeError as err:
        problem = Problem(path, err.lineno, err.colno, None, None, f"invalid JSON: {err.msg}")
        return None, oddities, problem
    except RecursionError:
        return None, oddities, Problem(path, 1, 1, None, None, "invalid JSON: nested too deeply")
    except ValueError:  # Python refuses to read integers of more than 4,300 digits
        line, column = _position(text, re.search(_LONG_NUMBER, text))
        message = "invalid JSON: a number with more digits than anyone needs"
        return None, oddities, Problem(path, line, column, None, None, message)
    return data, oddities, None


def _position(text: str, found: re.Match[str] | None) -> tuple[int, int]:
    """Line and column (from 1) of a regex match in *text*; 1:1 without one."""
    if found is None:
        return 1, 1
    before = text[: found.start()]
    return before.count("\n") + 1, found.start() - before.rfind("\n")


def _find_oddities(locator: Locator) -> Iterable[tuple[int, None, str | None, str]]:
    for loc, key in locator.duplicate_keys:
        yield loc, None, key, f"duplicate key {key!r} in one object"
    for loc, literal in locator.bad_literals:
        yield loc, None, None, f"{literal} is not valid JSON (numbers must be finite)"


def _field_name(loc: tuple[int | str, ...]) -> str | None:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or None


__all__ = ["Parsed", "parse", "raw_id"]
