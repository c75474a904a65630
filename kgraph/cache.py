"""The validated-graph cache: check a graph file once, then load it without pydantic.

An entry is the file's concepts in their canonical JSON form, stored under a key made of the
file's exact bytes, kgraph's version and the code that validates (so an edited checkout never
trusts an entry its older self wrote). JSON, never pickle: an entry is data, not code. Anything
unexpected in an entry (unreadable, truncated, another key or version inside, an index whose
checksum does not match) makes it a miss; concept lines that do not match theirs, found when a
first concept is read, make the loader check the graph file again (`kgraph.load`). A cache
folder that cannot be written only costs speed. The key is a BLAKE2b digest, as it names
content; the checksums are CRC-32, which catch what can happen to a file at rest (truncation,
a bad block, a stray edit) at a fifth of the cost (0.3 ms against 1.5-1.8 ms for 2,000
concepts), and a stronger one would stop no one: whoever can write the cache folder can write a
matching digest too.

Finding a file's entry needs the digest of its bytes; hashing a large graph on every query costs
more than the rest of the lookup, so a *stamp* beside the entries remembers, per graph path, the
file's status (size, modification and change times in nanoseconds, inode, device) and the digest
its bytes had. While the status is the same the digest is taken from the stamp; any change
(an edit, a `git checkout` that keeps the size, a restored modification time, which still moves
the change time) means hashing again. A stamp is written only for a file that has settled, its
last change `SETTLED_NS` old when hashed and its status the same after: a file edited within one
tick of a coarse file-system clock could keep its whole status, so a fresh file is hashed every
time until it is older than any such tick.
"""

from __future__ import annotations

import json
import os
import time
from binascii import crc32
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kgraph.errors import InputError
from kgraph.store import content_digest, digest, write_atomic
from kgraph.version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from kgraph.model import Concept

NO_CACHE_ENV: Final = "KGRAPH_NO_CACHE"
FORMAT: Final = 5  # 5: rows carry hours and names; 4: rows mark projects; 3: an index line
KEEP: Final = 16  # entries kept; older ones (graphs since edited) are removed
SETTLED_NS: Final = 3 * 10**9  # a file changed more recently than this gets no stamp


def enabled() -> bool:
    """Whether the cache is on: ``$KGRAPH_NO_CACHE`` unset, empty or ``0``, and a home to use."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0") and _base() is not None


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/kgraph``, else ``~/.cache/kgraph``."""
    base = _base()
    if base is None:
        msg = "no cache folder: neither $XDG_CACHE_HOME nor a home directory is known"
        raise InputError(msg)
    return base / "kgraph"


def _base() -> Path | None:
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg)
    try:
        return Path.home() / ".cache"
    except RuntimeError:  # no $HOME and no password entry: run without a cache
        return None


def key(file_digest: str) -> str:
    """The entry name for a graph file (by the digest of its bytes) under this very code."""
    return content_digest(f"{file_digest}|{_code_fingerprint()}".encode())


def file_digest(path: Path, status: os.stat_result, limit: int) -> str:
    """The digest of the graph file *path*, whose status is *status*: hashed if that changed.

    See the module's docstring for the stamp. A file over *limit* bytes is never looked up:
    hashing it raises the size error, as without the stamp.
    """
    stamp = _stamp(status)
    where = _stamp_path(path)
    if status.st_size <= limit and (known := _read_stamp(where, path)) is not None:
        recorded, found = known
        if recorded == stamp:
            return found
    found = digest(path, limit=limit)
    settled = time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > SETTLED_NS
    try:
        unchanged = _stamp(path.stat()) == stamp  # not saved while it was being hashed
    except OSError:
        unchanged = False
    if settled and unchanged:
        _save_stamp(where, path, stamp, found)
    return found


def _stamp(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def _where(path: Path) -> str:
    """*path* made absolute, not resolved: a stamp's inode and device follow a symlink."""
    return os.path.abspath(path)  # noqa: PTH100 - the one cheap call, no resolving


def _stamp_path(path: Path) -> Path:
    return cache_dir() / f"{content_digest(os.fsencode(_where(path)))}.stamp"


def _read_stamp(where: Path, path: Path) -> tuple[list[int], str] | None:
    """The status and digest a stamp recorded for *path*; None if there is none or it is bad."""
    try:
        with where.open("rb") as file:
            doc = json.loads(file.read())
        same = doc["format"] == FORMAT and doc["path"] == _where(path)
        stamp, file_digest = doc["stat"], doc["blake2b"]
    except (OSError, ValueError, KeyError, TypeError, InputError):
        return None
    if not same or not isinstance(stamp, list) or not isinstance(file_digest, str):
        return None
    return stamp, file_digest


def _save_stamp(where: Path, path: Path, stamp: list[int], file_digest: str) -> None:
    doc = {"format": FORMAT, "path": _where(path), "stat": stamp, "blake2b": file_digest}
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(where, _compact(doc) + "\n")
        _prune(where.parent, "*.stamp")
    except (OSError, InputError):
        return


def _code_fingerprint() -> str:
    """Kgraph's version and the size and time of every module of it: any edit, a new key.

    Stamps, not contents: a stat of some forty files costs well under a millisecond.
    """
    stamps = [__version__, str(FORMAT)]
    for folder, dirs, files in os.walk(Path(__file__).parent):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        for name in sorted(f for f in files if f.endswith(".py")):
            st = os.stat(os.path.join(folder, name))  # noqa: PTH116, PTH118 - the cheap calls
            stamps.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(stamps)


class Entry(NamedTuple):
    """A sound entry's index, and how to read its concepts' lines (None: damaged or gone)."""

    schema_ref: str
    rows: list[list[Any]]  # `index_row` of each concept, in id order
    documents: Callable[[], bytes | None]  # each concept's JSON, a line for each row


def load(entry_key: str) -> Entry | None:
    """The entry *entry_key*, if its index is sound; None for any kind of miss.

    An entry is a header line (its key, kgraph's version, the CRC-32 of the index line and of
    the concepts' lines), the index line (the schema reference and, per concept, what a walk and
    a plan's text read: `index_row`), then one line per concept. Only the header and the index
    are read here, the index checked before any of it is used; the concepts' lines are read,
    checked and decoded when a first concept is read (`Entry.documents`), and a line is parsed
    only when its concept is read (`KGraph.from_entry`): a plan's text reads none of them.
    """
    try:
        where = cache_dir() / f"{entry_key}.json"
        with where.open("rb") as entry:
            header = json.loads(entry.readline())
            first = entry.readline()
            offset = entry.tell()
        index_line = first.removesuffix(b"\n")
        sound = header.keys() == {"key", "kgraph", "index", "documents"} and (
            header["key"] == entry_key and header["kgraph"] == __version__
        )
        if not sound or header["index"] != crc32(index_line):
            return None
        index = json.loads(index_line)
        rows = list(index["concepts"])
        check = (offset, int(header["documents"]), len(rows))
        return Entry(str(index["schema"]), rows, lambda: _documents(where, *check))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _documents(where: Path, offset: int, checksum: int, count: int) -> bytes | None:
    """The concepts' lines of the entry *where*, if sound: *count* lines, CRC-32 *checksum*."""
    try:
        with where.open("rb") as entry:
            entry.seek(offset)
            documents = entry.read()
    except OSError:
        return None  # pruned meanwhile
    lines = documents.count(b"\n") + 1 if documents else 0
    return documents if lines == count and crc32(documents) == checksum else None


def store(entry_key: str, schema_ref: str, concepts: Iterable[Concept]) -> None:
    """Save an entry for a file that has just passed validation; failing to save is no error."""
    ordered = sorted(concepts, key=lambda c: c.id)
    index = _compact({"schema": schema_ref, "concepts": [index_row(c) for c in ordered]}).encode()
    documents = document_lines(ordered)
    header: dict[str, str | int] = {"key": entry_key, "kgraph": __version__}
    header |= {"index": crc32(index), "documents": crc32(documents)}
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = b"\n".join([_compact(header).encode(), index, documents]).decode()
        write_atomic(folder / f"{entry_key}.json", text)
        _prune(folder, "*.json")
    except (OSError, InputError):
        return


def document_lines(concepts: Iterable[Concept]) -> bytes:
    """Each concept's canonical JSON on a line of its own, in the order given, as UTF-8."""
    return "\n".join(_compact(c.to_json()) for c in concepts).encode()  # JSON escapes newlines


def index_row(concept: Concept) -> list[Any]:
    """A concept's row of the index: what a walk reads, and what a plan's text shows of it.

    ``[id, level, [prerequisite ids, sorted], mark, hours, name, [[language, name], …]]``
    (`kgraph.graph.KGraph.from_entry`, `kgraph.graph.KGraph.headline`).
    """
    names = [[lang, t.name] for lang, t in sorted(concept.translations.items())]
    hours = int(concept.hours) if concept.hours.is_integer() else concept.hours
    return [
        concept.id,
        concept.level.value,
        sorted(set(concept.prerequisite_ids)),
        index_mark(concept),
        hours,
        concept.name,
        names,
    ]


def index_mark(concept: Concept) -> str:
    """What a walk must know of a concept without reading it: is it a project, a capstone?"""
    if concept.capstone:
        return "capstone"
    return concept.kind.value if concept.is_project else ""


def _compact(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _prune(folder: Path, pattern: str) -> None:
    """Keep the `KEEP` most recently written entries (or stamps: *pattern*)."""
    entries = sorted(folder.glob(pattern), key=lambda p: (p.stat().st_mtime_ns, p.name))
    for stale in entries[:-KEEP]:
        stale.unlink(missing_ok=True)


__all__ = [
    "NO_CACHE_ENV",
    "Entry",
    "cache_dir",
    "document_lines",
    "enabled",
    "file_digest",
    "index_mark",
    "index_row",
    "key",
    "load",
    "store",
]
