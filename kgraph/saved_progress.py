"""The learner's saved progress: which concepts they know, and since when. No account, no server.

One small JSON file, canonical (sorted keys, two-space indent, one trailing newline)::

    {"format": "kgraph-known", "known": {"lora": "2025-05-01T10:00:00Z"}, "version": 1}

Where it lives: ``--progress-file PATH``, else ``$KGRAPH_HOME/known.json``, else
``$XDG_DATA_HOME/kgraph/known.json``, else ``~/.local/share/kgraph/known.json``.

Invariants: a file this module cannot read as its own is never overwritten or reset (the caller
gets a `SavedProgressError`, exit 2); every write first copies the previous file to
``known.json.bak`` and goes through `kgraph.store.write_atomic`, so a crash leaves the old file
or the new one.
Every read-modify-write happens inside `locked_progress`, an exclusive ``flock`` on the sibling
``known.json.lock``, so commands run together each see what the one before them saved.
Ids stay as they were marked until the next write: a renamed concept keeps its old id as an
alias, `resolve` maps the old id to the new one, and `save_progress` then stores the new id.
Ids the graph does not know at all are kept untouched (another graph version may know them).
"""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from kgraph.errors import InputError
from kgraph.graph import normalize
from kgraph.model import ID_PATTERN
from kgraph.store import (  # where the file lives is store's; named here too
    FILE_NAME,
    HOME_ENV,
    progress_path,
    read_text,
    write_atomic,
)

if sys.platform != "win32":
    import fcntl

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from kgraph.graph import KGraph
    from kgraph.store import PathArg

FORMAT: Final = "kgraph-known"
VERSION: Final = 1
_TIME: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"  # compiled on first use

Marks = dict[str, str]
"""Concept id → when it was marked known (ISO 8601, UTC)."""


class SavedProgressError(InputError):
    """The progress file is corrupt or not kgraph's; it is left exactly as it was."""


class SavedProgress(NamedTuple):
    """The saved progress as read from ``path`` (``marks`` sorted by id)."""

    path: Path
    marks: tuple[tuple[str, str], ...] = ()

    @property
    def marked(self) -> Marks:
        """The marks as a fresh dict, ready to change and save."""
        return dict(self.marks)


class Resolved(NamedTuple):
    """Saved marks mapped onto a graph: current ids, and stored ids it does not know."""

    marks: tuple[tuple[str, str], ...]
    unresolved: tuple[str, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The current ids marked known, sorted."""
        return tuple(cid for cid, _ in self.marks)


Action = Literal["learned", "forgot", "imported"]


class ProgressChange(NamedTuple):
    """What `learn`, `forget` or an import did to the saved progress, for the CLI's message.

    (A graph's change between two versions is `kgraph.diff.Change`.)
    """

    path: str
    action: Action
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    still_implied: tuple[tuple[str, tuple[str, ...]], ...] = ()


def now() -> str:
    """The current time as stored in the file: UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_progress(path: PathArg) -> SavedProgress:
    """Read *path*; a missing file is empty progress, anything unreadable a `SavedProgressError`."""
    path = Path(path)
    if not path.exists():
        return SavedProgress(path)
    try:
        marks = parse_marks(read_text(path), str(path))
    except InputError as err:
        msg = f"{err}{recovery_hint(path)}"
        raise SavedProgressError(msg) from None
    return SavedProgress(path, tuple(sorted(marks.items())))


def recovery_hint(path: Path) -> str:
    """How to get going again when *path* cannot be read: restore the backup, or start over."""
    backup = backup_path(path)
    if backup.is_file():
        return (
            f"\nThe version before the last change is in {backup}: `cp {backup} {path}` restores"
            f" it; or move {path} away to start over."
        )
    return f"\nMove {path} away (`mv {path} {path}.broken`) to start over."


def parse_marks(text: str, source: str) -> Marks:
    """The marks in a progress file's text (also accepts a plain JSON list of ids, for imports)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        msg = f"{source}: not valid JSON ({err}); kgraph leaves it untouched"
        raise SavedProgressError(msg) from None
    if isinstance(data, list) and all(isinstance(i, str) for i in data):
        return dict.fromkeys(data, now())
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        msg = f'{source}: not a kgraph progress file (no "format": "{FORMAT}"); left untouched'
        raise SavedProgressError(msg)
    if data.get("version") != VERSION:
        msg = f"{source}: progress file version {data.get('version')!r}, expected {VERSION}"
        raise SavedProgressError(msg)
    known = data.get("known")
    if not isinstance(known, dict) or not all(_valid_mark(k, v) for k, v in known.items()):
        msg = f'{source}: "known" must map concept ids to times; kgraph leaves it untouched'
        raise SavedProgressError(msg)
    return dict(known)


def _valid_mark(cid: object, when: object) -> bool:
    """An id and the UTC time `now` writes: nothing else may reach a terminal from the file.

    The time must be a real one (no 30 February, no hour 24): the pace so far reads its day.
    """
    return (
        isinstance(cid, str)
        and bool(re.match(ID_PATTERN, cid))
        and isinstance(when, str)
        and bool(re.fullmatch(_TIME, when))
        and _real_time(when)
    )


def _real_time(when: str) -> bool:
    try:
        datetime.fromisoformat(when.removesuffix("Z"))
    except ValueError:
        return False
    return True


def marks_text(marks: Mapping[str, str]) -> str:
    """The canonical file text for *marks*; also what ``known --export`` prints."""
    doc = {"format": FORMAT, "known": dict(sorted(marks.items())), "version": VERSION}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@contextmanager
def locked_progress(path: PathArg) -> Iterator[SavedProgress]:
    """The saved progress at *path*, read under its lock, which is released when the block ends.

    Change and save the progress inside the block: another kgraph process that wants to change
    it waits at its own `locked_progress` and then reads what this one saved, so nothing is lost.

    The lock file is removed when the block ends, while still locked; a process that was
    waiting on it then finds its file gone from the folder and opens a fresh one, so two
    processes never hold locks on two different files.

    Raises:
        InputError: if the folder or the lock file cannot be created, or the lock taken.
    """
    path = Path(path)
    with locked(path):
        yield load_progress(path)


@contextmanager
def locked(path: PathArg) -> Iterator[None]:
    """Hold the exclusive lock that guards *path* (see `locked_progress`) while the block runs.

    Raises:
        InputError: if the folder or the lock file cannot be created, or the lock taken.
    """
    path = Path(path)
    _make_folder(path)
    lock = lock_path(path)
    fd = _locked_fd(lock)
    try:
        yield
    finally:
        if sys.platform != "win32":  # no flock there: the file is the only trace, keep it
            Path(lock).unlink(missing_ok=True)
        os.close(fd)  # releases the lock


def _locked_fd(lock: Path) -> int:
    """A descriptor of *lock* holding its exclusive lock, opened again if it was replaced."""
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            msg = f"{lock}: cannot create the lock file: {err.strerror or err}"
            raise InputError(msg) from None
        try:
            _lock(fd, lock)
            if sys.platform == "win32" or _same_file(fd, lock):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder removed it while we waited: lock the new one


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _lock(fd: int, lock: Path) -> None:
    """Wait for the exclusive lock on *fd* (none on Windows, which has no flock)."""
    if sys.platform == "win32":
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # blocks until the holder closes its descriptor
    except OSError as err:  # e.g. ENOLCK on a network file system without locks
        msg = f"{lock}: cannot lock the progress file: {err.strerror or err}"
        raise InputError(msg) from None


def lock_path(path: Path) -> Path:
    """The file whose lock guards *path* (present only while a command holds it)."""
    return path.with_name(path.name + ".lock")


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"{path.parent}: cannot create the folder: {err.strerror or err}"
        raise InputError(msg) from None


def save_progress(saved: SavedProgress, marks: Mapping[str, str]) -> SavedProgress:
    """Write *marks* to the saved progress's file, keeping the previous file as ``.bak`` first."""
    path = saved.path
    _make_folder(path)
    if path.exists():
        write_atomic(backup_path(path), read_text(path))
    write_atomic(path, marks_text(marks))
    return SavedProgress(path, tuple(sorted(marks.items())))


def backup_path(path: Path) -> Path:
    """Where the previous version of *path* is kept."""
    return path.with_name(path.name + ".bak")


def resolve(kg: KGraph, marks: Mapping[str, str]) -> Resolved:
    """Map stored ids to the graph's current ids through aliases; keep the earliest time."""
    current: Marks = {}
    unresolved = []
    for stored, when in sorted(marks.items()):
        cid = stored if stored in kg else kg.name_index.get(normalize(stored))
        if cid is None:
            unresolved.append(stored)
        else:
            current[cid] = min(when, current.get(cid, when))
    return Resolved(tuple(sorted(current.items())), tuple(unresolved))


def migrated(kg: KGraph, marks: Mapping[str, str]) -> Marks:
    """*marks* with renamed ids replaced by current ones; unknown ids kept as they are."""
    resolved = resolve(kg, marks)
    return {**{u: marks[u] for u in resolved.unresolved}, **dict(resolved.marks)}


def learn(kg: KGraph, marks: Mapping[str, str], names: Iterable[str], when: str) -> Marks:
    """*marks* plus *names*; a name already marked keeps its first time.

    Raises:
        UnknownConceptError: before anything changes, if a name matches no concept.
    """
    ids = kg.resolve_all(names)
    updated = migrated(kg, marks)
    for cid in ids:
        updated.setdefault(cid, when)
    return updated


def forget(kg: KGraph, marks: Mapping[str, str], names: Iterable[str]) -> Marks:
    """*marks* without exactly *names*; nothing else is removed."""
    ids = set(kg.resolve_all(names))
    return {cid: when for cid, when in migrated(kg, marks).items() if cid not in ids}


def merge(kg: KGraph, marks: Mapping[str, str], incoming: Mapping[str, str]) -> Marks:
    """*marks* united with *incoming*, each concept keeping its earliest time.

    Raises:
        UnknownConceptError: before anything changes, if an incoming id matches no concept.
    """
    kg.resolve_all(incoming)
    updated = migrated(kg, marks)
    for cid, when in migrated(kg, incoming).items():
        updated[cid] = min(when, updated.get(cid, when))
    return updated


def record_learned(
    kg: KGraph, saved: SavedProgress, names: Iterable[str], when: str
) -> ProgressChange:
    """Mark *names* known in *saved*'s file; the file is written only when something is new.

    Raises:
        UnknownConceptError: before anything is written, if a name matches no concept.
    """
    marks = learn(kg, saved.marked, names, when)
    ids, before = _requested(kg, saved, names)
    fresh = tuple(i for i in ids if i not in before)
    if fresh:
        save_progress(saved, marks)
    return ProgressChange(str(saved.path), "learned", fresh, tuple(i for i in ids if i in before))


def record_forgotten(kg: KGraph, saved: SavedProgress, names: Iterable[str]) -> ProgressChange:
    """Unmark *names* in *saved*'s file, saying which remain implied by other marks.

    Raises:
        UnknownConceptError: before anything is written, if a name matches no concept.
    """
    marks = forget(kg, saved.marked, names)
    ids, before = _requested(kg, saved, names)
    gone = tuple(i for i in ids if i in before)
    if gone:
        save_progress(saved, marks)
    implied = tuple((i, m) for i in ids if (m := implied_by(kg, marks, i)))
    kept = tuple(i for i in ids if i not in before)
    return ProgressChange(str(saved.path), "forgot", gone, kept, still_implied=implied)


def record_imported(
    kg: KGraph, saved: SavedProgress, incoming: Mapping[str, str]
) -> ProgressChange:
    """Merge *incoming* marks (from ``known --export``) into *saved*'s file.

    Raises:
        UnknownConceptError: before anything is written, if an incoming id matches no concept.
    """
    marks = merge(kg, saved.marked, incoming)
    added = tuple(sorted(set(marks) - set(migrated(kg, saved.marked))))
    if marks != saved.marked:
        save_progress(saved, marks)
    return ProgressChange(str(saved.path), "imported", added, ())


def _requested(
    kg: KGraph, saved: SavedProgress, names: Iterable[str]
) -> tuple[tuple[str, ...], set[str]]:
    """The ids *names* mean, and the ids the saved progress marked before the change."""
    return kg.resolve_all(names), set(resolve(kg, saved.marked).ids)


def implied_by(kg: KGraph, marks: Iterable[str], concept: str) -> tuple[str, ...]:
    """The marked concepts that still imply *concept* (it is among their prerequisites)."""
    return tuple(sorted(m for m in marks if m in kg and concept in kg.ancestors(m)))


__all__ = [
    "FILE_NAME",
    "FORMAT",
    "HOME_ENV",
    "VERSION",
    "Action",
    "Marks",
    "ProgressChange",
    "Resolved",
    "SavedProgress",
    "SavedProgressError",
    "backup_path",
    "forget",
    "implied_by",
    "learn",
    "load_progress",
    "lock_path",
    "locked",
    "locked_progress",
    "marks_text",
    "merge",
    "migrated",
    "now",
    "parse_marks",
    "progress_path",
    "record_forgotten",
    "record_imported",
    "record_learned",
    "resolve",
    "save_progress",
]
