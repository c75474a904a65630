r"""Graph files on disk: which file, bounded reads, digests, the canonical text, atomic writes.

Parsing a file's text is `kgraph.parsing`; the validated-graph cache (`kgraph.cache`) and the
saved progress (`kgraph.saved_progress`) keep files of their own, and every file kgraph writes goes
through `write_atomic` here.

Canonical form, owned by `dump`: ``{"$schema", "concepts"}`` with concepts sorted by id, each
concept's keys in `CONCEPT_KEYS` order, prerequisites sorted by id, two-space indent, UTF-8 text
(not ``\\u`` escapes) and one trailing newline. Every write goes through `write_atomic`.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final, Literal

from kgraph.errors import FileError, InputError

try:  # hashlib's BLAKE2 without the OpenSSL library `import hashlib` loads (2 ms of a start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from kgraph.model import GraphFile

GRAPH_ENV: Final = "KGRAPH_GRAPH"
HOME_ENV: Final = "KGRAPH_HOME"  # the folder of the saved progress file
FILE_NAME: Final = "known.json"
LOCAL_GRAPH: Final = "graph/concepts.json"  # a checkout's, as git names it too
MAX_MIB_ENV: Final = "KGRAPH_MAX_MIB"
DEFAULT_MAX_MIB: Final = 256
BYTES_PER_CONCEPT: Final = 1150  # a concept of realistic size, as canonical JSON


PathArg = str | os.PathLike[str]  # every path parameter of the library accepts either
# The paths this module finds are strings, and it works with them through `os`: a query starts
# without importing pathlib, 3 ms of it (`bench/path_ratio.py`). Callers wrap them in `Path`.


def progress_path(explicit: PathArg | None = None, env: Mapping[str, str] | None = None) -> str:
    """The saved progress: ``--progress-file``, then ``$KGRAPH_HOME``, then the XDG data folder."""
    if explicit is not None:
        return os.fspath(explicit)
    env = os.environ if env is None else env
    if home := env.get(HOME_ENV):
        return os.path.join(home, FILE_NAME)
    if data := env.get("XDG_DATA_HOME"):
        return os.path.join(data, "kgraph", FILE_NAME)
    home = os.path.expanduser("~")
    if home == "~":  # no $HOME and no password entry
        msg = f"no home directory to keep your progress in: set {HOME_ENV} or pass --progress-file"
        raise InputError(msg)
    return os.path.join(home, ".local", "share", "kgraph", FILE_NAME)


def packaged_graph_path() -> str:
    """The graph shipped in the wheel, or the checkout's copy in an editable install."""
    here = os.path.dirname(os.path.realpath(__file__))
    shipped = os.path.join(here, "_data", "concepts.json")
    if os.path.isfile(shipped):
        return shipped
    return os.path.join(os.path.dirname(here), LOCAL_GRAPH)


GraphSource = Literal["option", "env", "local", "packaged"]


def resolve_graph_path(explicit: PathArg | None = None) -> str:
    """Pick the graph file: *explicit* (``--graph``), ``$KGRAPH_GRAPH``, ``./graph``, packaged."""
    return choose_graph(explicit)[0]


def choose_graph(explicit: PathArg | None = None) -> tuple[str, GraphSource]:
    """The graph file `resolve_graph_path` picks, and which step of the order picked it."""
    if explicit is not None:
        return os.fspath(explicit), "option"
    if env := os.environ.get(GRAPH_ENV):
        return env, "env"
    if os.path.isfile(LOCAL_GRAPH):
        return LOCAL_GRAPH, "local"
    return packaged_graph_path(), "packaged"


def read_text(path: PathArg) -> str:
    """Read a UTF-8 text file, turning every OS failure into one readable `FileError`."""
    return decode(read_bytes(path), path)


def read_graph(path: PathArg) -> str:
    """A graph file's text, refusing a file too large to load (`graph_size_limit`)."""
    return decode(read_bytes(path, limit=graph_size_limit()), path)


def read_bytes(path: PathArg, *, limit: int | None = None) -> bytes:
    """The bytes of *path*; `InputError` for any OS failure or a file over *limit* bytes."""
    with _reading(path, limit), open(path, "rb") as file:
        return file.read()


def content_digest(data: bytes) -> str:
    """A 256-bit BLAKE2b digest of *data*: the name of exactly these bytes."""
    return blake2b(data, digest_size=32).hexdigest()


def digest(path: PathArg, *, limit: int | None = None) -> str:
    """`content_digest` of *path*'s bytes, read in blocks (a large file is not held in memory)."""
    hasher = blake2b(digest_size=32)
    with _reading(path, limit), open(path, "rb") as file:
        while block := file.read(1 << 20):
            hasher.update(block)
    return hasher.hexdigest()


@contextmanager
def _reading(path: PathArg, limit: int | None) -> Iterator[None]:
    """Refuse a file over *limit* bytes; turn every OS failure into one readable `FileError`."""
    try:
        if limit is not None and (size := os.stat(path).st_size) > limit:
            msg = (
                f"{path}: {size / 2**20:,.0f} MiB is more than kgraph reads"
                f" ({limit / 2**20:,.0f} MiB, about {limit // BYTES_PER_CONCEPT:,} concepts);"
                f" set {MAX_MIB_ENV} to raise the limit if this machine has the memory"
            )
            raise InputError(msg)
        yield
    except FileNotFoundError:
        raise FileError(os.fspath(path), "missing") from None
    except IsADirectoryError:
        raise FileError(os.fspath(path), "directory") from None
    except OSError as err:
        raise FileError(os.fspath(path), "unreadable", detail=err.strerror or err) from None


def decode(data: bytes, path: PathArg) -> str:
    """UTF-8 text (a byte-order mark is dropped), or an `InputError` naming the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = f"{data[err.start]:#04x}"
        raise FileError(os.fspath(path), "encoding", start=err.start, byte=byte) from None


def graph_size_limit() -> int:
    """The largest graph file kgraph reads: ``$KGRAPH_MAX_MIB`` mebibytes, default 256.

    Loading takes several times the file's size in memory (parsed JSON, then the concepts); the
    limit makes a far too large file stop before it is read instead of exhausting the machine.
    """
    raw = os.environ.get(MAX_MIB_ENV, "")
    try:
        mib = int(raw) if raw else DEFAULT_MAX_MIB
    except ValueError:
        msg = f"{MAX_MIB_ENV}={raw!r} is not a whole number of mebibytes"
        raise InputError(msg) from None
    return mib * 2**20


def dump(graph: GraphFile) -> str:
    """The one canonical text of *graph*; ``dump(parse(dump(g)))`` is byte-identical."""
    doc = {
        "$schema": graph.schema_ref,
        "concepts": [c.to_json() for c in sorted(graph.concepts, key=lambda c: c.id)],
    }
    import json  # noqa: PLC0415 - writing only: a query never needs it

    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


_TEMP_SUFFIX: Final = ".tmp"
_TEMP_NAME: Final = r"\.(?P<pid>[0-9]+)\.[a-z0-9_]+\.tmp"  # what follows ".NAME" in a temp's name


def write_atomic(path: PathArg, text: str | bytes) -> None:
    """Replace *path* with *text* (as UTF-8, or bytes as they are); never half of either.

    A reader sees the old file or the new one.

    The bytes go to a temp file in the same folder, named after *path* and this process's pid;
    they are flushed and fsynced, get the old file's permissions and are renamed over *path*.
    Temps that a killed writer left behind (their pid is gone) are removed first, so they never
    pile up. On any failure this writer's temp is removed and *path* keeps its old bytes.

    Raises:
        InputError: naming *path*, when it cannot be written (disk full, read-only, no folder).
    """
    path = os.fspath(path)
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate: no UTF-8 file can hold it
        msg = f"{path}: cannot write: character {err.start} is not valid Unicode"
        raise InputError(msg) from None
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o644
        _sweep_stale_temps(path)
        _replace(path, data, mode)
    except OSError as err:
        msg = f"{path}: cannot write: {err.strerror or err}"
        raise InputError(msg) from None


def _folder(path: str) -> str:
    return os.path.dirname(path) or os.curdir


def _replace(path: str, data: bytes, mode: int) -> None:
    prefix = f".{os.path.basename(path)}.{os.getpid()}."
    import tempfile  # noqa: PLC0415 - with what it pulls in, a visible share of a query's start

    fd, tmp = tempfile.mkstemp(dir=_folder(path), prefix=prefix, suffix=_TEMP_SUFFIX)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, path)  # same folder, so the rename is atomic
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_folder(_folder(path))


def _sweep_stale_temps(path: str) -> None:
    """Remove the temps of *path* whose writer process no longer exists (killed mid-write)."""
    name = os.path.basename(path)
    pattern = re.compile(re.escape(f".{name}") + _TEMP_NAME)
    with os.scandir(_folder(path)) as entries:
        stale = [
            e.path
            for e in entries
            if (found := pattern.fullmatch(e.name)) and not _alive(int(found["pid"]))
        ]
    for temp in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _alive(pid: int) -> bool:
    """Whether process *pid* exists; in doubt (another user's, or on Windows) it is alive."""
    if pid == os.getpid() or sys.platform == "win32":  # os.kill would end it on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; best effort, as some systems cannot sync a folder."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = [
    "FILE_NAME",
    "GRAPH_ENV",
    "HOME_ENV",
    "LOCAL_GRAPH",
    "GraphSource",
    "PathArg",
    "choose_graph",
    "decode",
    "digest",
    "dump",
    "graph_size_limit",
    "packaged_graph_path",
    "progress_path",
    "read_bytes",
    "read_graph",
    "read_text",
    "resolve_graph_path",
    "write_atomic",
]
