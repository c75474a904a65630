"""Every error kgraph reports to a user, and the `Problem` record that validation produces.

The library raises these; only the CLI turns them into a message on stderr and an exit code
(``exit_code``): 1 when the graph data has errors, 2 for a usage or input error.
"""

from __future__ import annotations

from typing import ClassVar, Literal, NamedTuple

Severity = Literal["error", "warning"]


def counted(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``: a count in the library's own English messages.

    The one English plural rule outside the catalogues (the CLI counts with `kgraph.i18n`).

    Examples:
        >>> counted(1, "error"), counted(0, "new warning")
        ('1 error', '0 new warnings')
    """
    return f"{count} {noun}{'s' * (count != 1)}"


class Problem(NamedTuple):
    """One finding about a graph file, located as precisely as the file allows."""

    path: str
    line: int
    column: int
    concept: str | None
    field: str | None
    message: str
    severity: Severity = "error"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Reading order: by file, position, field, message; total, so the order never varies."""
        return (
            self.path,
            self.line,
            self.column,
            self.field or "",
            self.message,
            self.concept or "",
        )

    @property
    def subject(self) -> str:
        """What is wrong and where inside the file: ``concept 'x': field 'y': message``."""
        parts = [] if self.concept is None else [f"concept {self.concept!r}"]
        parts += [] if self.field is None else [f"field {self.field!r}"]
        return ": ".join([*parts, self.message])

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.subject}"


class KgraphError(Exception):
    """Base of every error kgraph reports to a user; ``str(err)`` is the whole message."""

    exit_code: ClassVar[int] = 2


class InputError(KgraphError):
    """The user asked for something impossible: an unreadable file, a bad option value."""


class FileError(InputError):
    """A file could not be read; ``reason`` names why, so the CLI can say it in any language."""

    REASONS: ClassVar[dict[str, str]] = {
        "missing": "no such file",
        "directory": "is a directory, not a file",
        "unreadable": "cannot read: {detail}",
        "encoding": "not UTF-8 text (byte {start} is {byte})",
    }

    def __init__(self, path: str, reason: str, **details: object) -> None:
        self.path, self.reason, self.details = path, reason, details
        super().__init__(f"{path}: {self.REASONS[reason].format(**details)}")


class DataError(KgraphError):
    """The graph file is invalid; carries every problem found."""

    exit_code = 1

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"the graph has {counted(count, 'error')}:"
        super().__init__("\n".join([head, *map(str, problems)]))


class MessageError(InputError):
    """An input error whose message is a catalogue key, so the CLI can say it in any language.

    ``str(err)`` is the English message the raising module built; ``key`` and ``values`` let the
    CLI format the same message in the user's language.
    """

    def __init__(self, english: str, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(english)


class MissingExtraError(KgraphError):
    """An optional feature needs a package the plain install leaves out."""

    def __init__(self, package: str, extra: str) -> None:
        self.package, self.extra = package, extra
        super().__init__(f"{package} is not installed; pip install 'kgraph[{extra}]'")


class UnknownConceptError(InputError):
    """A name matched no id, name or alias."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name, self.suggestions = name, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown concept {name!r}{hint}")


__all__ = [
    "DataError",
    "FileError",
    "InputError",
    "KgraphError",
    "MessageError",
    "MissingExtraError",
    "Problem",
    "Severity",
    "UnknownConceptError",
    "counted",
]
