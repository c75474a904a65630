"""Where each value of a JSON text stands, so every problem can name its line and column.

`json` gives positions only for syntax errors; schema and cross-field problems need them too.
`Locator` re-reads an already-parsed text with a flat tokenizer and an explicit stack (no
recursion, so deep nesting cannot overflow it), recording the offset of every key and value by
its path, e.g. ``("concepts", 3, "hours")``. The text is scanned on first use only, so a
clean load, which never locates anything, never pays for it.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Final

JsonPath = tuple[str | int, ...]

_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
_NON_FINITE: Final = frozenset({"NaN", "Infinity", "-Infinity"})


@dataclass(slots=True)
class _Frame:
    path: JsonPath
    is_object: bool
    key: str = ""
    index: int = 0
    expect_key: bool = True
    keys: set[str] = field(default_factory=set)

    def child(self, key: str | None = None) -> JsonPath:
        if self.is_object:
            return (*self.path, self.key if key is None else key)
        return (*self.path, self.index)


class Locator:
    """Offsets of keys and values in a JSON text, by path; also its duplicate keys and NaNs."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts: list[int] = []
        self._positions: dict[JsonPath, int] = {}
        self._duplicate_keys: list[tuple[int, str]] = []
        self._bad_literals: list[tuple[int, str]] = []

    @property
    def duplicate_keys(self) -> list[tuple[int, str]]:
        """Offset and name of every key repeated within one object."""
        self._scan()
        return self._duplicate_keys

    @property
    def bad_literals(self) -> list[tuple[int, str]]:
        """Offset and spelling of every ``NaN`` or ``Infinity``."""
        self._scan()
        return self._bad_literals

    def _scan(self) -> None:
        if self._line_starts:
            return
        text = self._text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        stack: list[_Frame] = []
        for match in _TOKEN.finditer(text):
            token, offset = match.group(), match.start()
            top = stack[-1] if stack else None
            if token in "}]":
                if stack:
                    stack.pop()
            elif top is not None and token in ",:":
                top.expect_key = token == "," and top.is_object
                top.index += token == "," and not top.is_object
            elif top is not None and top.is_object and top.expect_key:
                self._key(top, token, offset)
            else:
                self._value(top, stack, token, offset)

    def _key(self, frame: _Frame, token: str, offset: int) -> None:
        key = str(json.loads(token)) if token.startswith('"') else token
        frame.key = key
        if key in frame.keys:
            self._duplicate_keys.append((offset, key))
        frame.keys.add(key)
        self._positions.setdefault(frame.child(key), offset)

    def _value(self, top: _Frame | None, stack: list[_Frame], token: str, offset: int) -> None:
        path = () if top is None else top.child()
        self._positions.setdefault(path, offset)
        if token in "{[":
            stack.append(_Frame(path, is_object=token == "{"))
        elif token in _NON_FINITE:
            self._bad_literals.append((offset, token))

    def line_col(self, where: JsonPath | int) -> tuple[int, int]:
        """1-based line and column of an offset, or of the nearest existing prefix of a path."""
        self._scan()
        offset = where if isinstance(where, int) else self._offset(where)
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _offset(self, path: JsonPath) -> int:
        for end in range(len(path), -1, -1):
            if (found := self._positions.get(path[:end])) is not None:
                return found
        return 0


__all__ = ["JsonPath", "Locator"]
