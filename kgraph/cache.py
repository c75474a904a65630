"""The validated-graph cache: check a graph file once, then load it without pydantic.

An entry is the file's concepts in their canonical JSON form, stored under a key made of the
file's exact bytes, kgraph's version and the code that validates (so an edited checkout never
trusts an entry its older self wrote). Anything unexpected in an entry (unreadable, truncated,
another key or version inside, an index whose checksum does not match) makes it a miss; concept
lines that do not match theirs, found when a first concept is read, make the loader check the
graph file again (`kgraph.load`). A cache folder that cannot be written only costs speed. The
key is a BLAKE2b digest, as it names content; the checksums are CRC-32, which catch what can
happen to a file at rest (truncation, a bad block, a stray edit) at a fifth of the cost (0.3 ms
against 1.5-1.8 ms for 2,000 concepts), and a stronger one would stop no one: whoever can write
the cache folder can write a matching digest too.

The concepts' lines are JSON; the index (what a walk and a plan's text read) is `marshal`, the
format of Python's own bytecode caches: data, never code (unlike pickle, loading it runs
nothing), read only after its checksum matched, and only by the marshal version that wrote it.
A warm query thus imports neither ``json`` nor ``pathlib`` (paths here are strings), which were
a tenth of its start (`bench/path_ratio.py`).

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

import contextlib
import marshal
import os
import time
from binascii import crc32
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kgraph.errors import InputError
from kgraph.store import content_digest, digest, write_atomic
from kgraph.version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from kgraph.model import Concept
    from kgraph.store import PathArg

NO_CACHE_ENV: Final = "KGRAPH_NO_CACHE"
FORMAT: Final = 6  # 6: a marshal index, text header and stamps; 5: rows carry hours and names
KEEP: Final = 16  # entries kept; older ones (graphs since edited) are removed
SETTLED_NS: Final = 3 * 10**9  # a file changed more recently than this gets no stamp
ENTRY_MAGIC: Final = "kgraph-cache"
STAMP_MAGIC: Final = "kgraph-stamp"
_STAMP_FIELDS: Final = ("size", "mtime", "ctime", "inode", "device")
_DIGEST_LENGTH: Final = 64  # BLAKE2b-256 in hex


def enabled() -> bool:
    """Whether the cache is on: ``$KGRAPH_NO_CACHE`` unset, empty or ``0``, and a home to use."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0") and _base() is not None


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/kgraph``, else ``~/.cache/kgraph``."""
    base = _base()
    if base is None:
        msg = "no cache folder: neither $XDG_CACHE_HOME nor a home directory is known"
        raise InputError(msg)
    return os.path.join(base, "kgraph")


def _base() -> str | None:
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return xdg
    home = os.path.expanduser("~")
    if home == "~":  # no $HOME and no password entry: run without a cache
        return None
    return os.path.join(home, ".cache")


def key(file_digest: str) -> str:
    """The entry name for a graph file (by the digest of its bytes) under this very code."""
    return content_digest(f"{file_digest}|{_code_fingerprint()}".encode())


def file_digest(path: PathArg, status: os.stat_result, limit: int) -> str:
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
        unchanged = _stamp(os.stat(path)) == stamp  # not saved while it was being hashed
    except OSError:
        unchanged = False
    if settled and unchanged:
        _save_stamp(where, path, stamp, found)
    return found


def _stamp(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def _where(path: PathArg) -> str:
    """*path* made absolute, not resolved: a stamp's inode and device follow a symlink."""
    return os.path.abspath(path)  # the one cheap call, no resolving


def _stamp_path(path: PathArg) -> str:
    name = f"{content_digest(os.fsencode(_where(path)))}.stamp"
    return os.path.join(cache_dir(), name)


def _read_stamp(where: str, path: PathArg) -> tuple[list[int], str] | None:
    """The status and digest a stamp recorded for *path*; None if there is none or it is bad.

    A stamp is one line: ``kgraph-stamp FORMAT SIZE MTIME CTIME INODE DEVICE DIGEST PATH``,
    the path last, as it may hold spaces.
    """
    try:
        with open(where, "rb") as file:
            fields = file.read().removesuffix(b"\n").split(b" ", 8)
        magic, version, *stamp_fields, found, recorded_path = fields
        stamp = [int(field) for field in stamp_fields]
        same = magic.decode() == STAMP_MAGIC and int(version) == FORMAT
        same = same and recorded_path == os.fsencode(_where(path))
    except (OSError, ValueError):  # unreadable, too few fields, not numbers
        return None
    if not same or len(stamp) != len(_STAMP_FIELDS) or len(found) != _DIGEST_LENGTH:
        return None
    return stamp, found.decode("ascii", "replace")


def _save_stamp(where: str, path: PathArg, stamp: list[int], file_digest: str) -> None:
    fields = [STAMP_MAGIC, str(FORMAT), *map(str, stamp), file_digest]
    line = " ".join(fields).encode() + b" " + os.fsencode(_where(path)) + b"\n"
    try:
        folder = os.path.dirname(where)
        os.makedirs(folder, exist_ok=True)
        write_atomic(where, line)
        _prune(folder, ".stamp")
    except (OSError, InputError):
        return


def _code_fingerprint() -> str:
    """Kgraph's version and the size and time of every module of it: any edit, a new key.

    Stamps, not contents: a stat of some forty files costs well under a millisecond.
    """
    stamps = [__version__, str(FORMAT)]
    here = os.path.dirname(__file__)
    for folder, dirs, files in os.walk(here):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        for name in sorted(f for f in files if f.endswith(".py")):
            st = os.stat(os.path.join(folder, name))
            stamps.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(stamps)


class Entry(NamedTuple):
    """A sound entry's index, and how to read its concepts' lines (None: damaged or gone)."""

    schema_ref: str
    rows: tuple[tuple[Any, ...], ...]  # `index_row` of each concept, in id order
    documents: Callable[[], bytes | None]  # each concept's JSON, a line for each row


def _identity(entry_key: str) -> list[str]:
    """What an entry's header line says it is: which entry, for which code and formats.

    The line goes on with the index's length and CRC-32 and the concepts' lines' CRC-32.
    """
    return [ENTRY_MAGIC, str(FORMAT), entry_key, __version__, str(marshal.version)]


def load(entry_key: str) -> Entry | None:
    """The entry *entry_key*, if its index is sound; None for any kind of miss.

    An entry is a header line (`_identity`, then the index's length and checksum and the
    concepts' lines' checksum), the index (marshal: the schema reference and, per concept, what
    a walk and a plan's text read, `index_row`), then one line per concept. Only the header and
    the index are read here, the index checked before any of it is used; the concepts' lines
    are read, checked and decoded when a first concept is read (`Entry.documents`), and a line
    is parsed only when its concept is read (`KGraph.from_entry`): a plan's text reads none.
    """
    try:
        where = _entry_path(entry_key)
        with open(where, "rb") as entry:
            fields = entry.readline().decode("ascii").split()
            if fields[:-3] != _identity(entry_key):
                return None
            length, index_sum, documents_sum = map(int, fields[-3:])
            index = entry.read(length)
            offset = entry.tell()
        if crc32(index) != index_sum:
            return None
        schema_ref, rows = marshal.loads(index)  # noqa: S302 - kgraph's own, its checksum sound
        check = (offset, documents_sum, len(rows))
        return Entry(str(schema_ref), tuple(rows), lambda: _documents(where, *check))
    except (OSError, ValueError, TypeError, EOFError, InputError):
        return None


def _entry_path(entry_key: str) -> str:
    return os.path.join(cache_dir(), f"{entry_key}.entry")


def _documents(where: str, offset: int, checksum: int, count: int) -> bytes | None:
    """The concepts' lines of the entry *where*, if sound: *count* lines, CRC-32 *checksum*."""
    try:
        with open(where, "rb") as entry:
            entry.seek(offset)
            documents = entry.read()
    except OSError:
        return None  # pruned meanwhile
    lines = documents.count(b"\n") + 1 if documents else 0
    return documents if lines == count and crc32(documents) == checksum else None


def store(entry_key: str, schema_ref: str, concepts: Iterable[Concept]) -> None:
    """Save an entry for a file that has just passed validation; failing to save is no error."""
    ordered = sorted(concepts, key=lambda c: c.id)
    index = marshal.dumps((schema_ref, tuple(index_row(c) for c in ordered)))
    documents = document_lines(ordered)
    header = [*_identity(entry_key), str(len(index)), str(crc32(index)), str(crc32(documents))]
    try:
        folder = cache_dir()
        os.makedirs(folder, exist_ok=True)
        write_atomic(
            _entry_path(entry_key), b"".join([" ".join(header).encode(), b"\n", index, documents])
        )
        _prune(folder, ".entry")
    except (OSError, InputError):
        return


def document_lines(concepts: Iterable[Concept]) -> bytes:
    """Each concept's canonical JSON on a line of its own, in the order given, as UTF-8."""
    import json  # noqa: PLC0415 - only a check writes them, and a warm query never needs json

    lines = (json.dumps(c.to_json(), ensure_ascii=False, separators=(",", ":")) for c in concepts)
    return "\n".join(lines).encode()  # JSON escapes newlines


def index_row(concept: Concept) -> tuple[Any, ...]:
    """A concept's row of the index: what a walk reads, and what a plan's text shows of it.

    ``(id, level, (prerequisite ids, sorted), mark, hours, name, ((language, name), …))``
    (`kgraph.graph.KGraph.from_entry`, `kgraph.graph.KGraph.headline`).
    """
    names = tuple((lang, t.name) for lang, t in sorted(concept.translations.items()))
    return (
        concept.id,
        concept.level.value,
        tuple(sorted(set(concept.prerequisite_ids))),
        index_mark(concept),
        concept.hours,
        concept.name,
        names,
    )


def index_mark(concept: Concept) -> str:
    """What a walk must know of a concept without reading it: is it a project, a capstone?"""
    if concept.capstone:
        return "capstone"
    return concept.kind.value if concept.is_project else ""


def _prune(folder: str, suffix: str) -> None:
    """Keep the `KEEP` most recently written entries (or stamps: *suffix*)."""
    with os.scandir(folder) as found:
        mine = [(e.stat().st_mtime_ns, e.name, e.path) for e in found if e.name.endswith(suffix)]
    for *_, stale in sorted(mine)[:-KEEP]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stale)


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
