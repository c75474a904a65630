r"""Reading and writing graph files: the only module that touches the filesystem.

Canonical form, owned by `dump`: ``{"$schema", "concepts"}`` with concepts sorted by id, each
concept's keys in `CONCEPT_KEYS` order, prerequisites sorted by id, two-space indent, UTF-8 text
(not ``\\u`` escapes) and one trailing newline. Every write goes through `write_atomic`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from kgraph.errors import FileError, InputError, Problem
from kgraph.model import SCHEMA_FILE, SURROGATES, Concept, GraphFile

try:  # hashlib's BLAKE2 without the OpenSSL library `import hashlib` loads (2 ms of a start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from kgraph.position import JsonPath, Locator

GRAPH_ENV: Final = "KGRAPH_GRAPH"
LOCAL_GRAPH: Final = Path("graph") / "concepts.json"
_TOP_KEYS: Final = frozenset({"$schema", "concepts"})
_LONG_NUMBER: Final = r"[0-9]{4000,}"  # patterns compile on first use: see kgraph.model
MAX_MIB_ENV: Final = "KGRAPH_MAX_MIB"
DEFAULT_MAX_MIB: Final = 256
BYTES_PER_CONCEPT: Final = 1150  # a concept of realistic size, as canonical JSON


def packaged_graph_path() -> Path:
    """The graph shipped in the wheel, or the checkout's copy in an editable install."""
    here = Path(__file__).resolve().parent
    shipped = here / "_data" / "concepts.json"
    return shipped if shipped.is_file() else here.parent / LOCAL_GRAPH


def resolve_graph_path(explicit: Path | None = None) -> Path:
    """Pick the graph file: ``--graph``, then ``$KGRAPH_GRAPH``, then ``./graph``, then packaged."""
    if explicit is not None:
        return explicit
    if env := os.environ.get(GRAPH_ENV):
        return Path(env)
    if LOCAL_GRAPH.is_file():
        return LOCAL_GRAPH
    return packaged_graph_path()


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every OS failure into one readable `FileError`."""
    return decode(read_bytes(path), path)


def read_graph(path: Path) -> str:
    """A graph file's text, refusing a file too large to load (`graph_size_limit`)."""
    return decode(read_bytes(path, limit=graph_size_limit()), path)


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of *path*; `InputError` for any OS failure or a file over *limit* bytes."""
    with _reading(path, limit):
        return path.read_bytes()


def content_digest(data: bytes) -> str:
    """A 256-bit BLAKE2b digest of *data*: the name of exactly these bytes."""
    return blake2b(data, digest_size=32).hexdigest()


def digest(path: Path, *, limit: int | None = None) -> str:
    """`content_digest` of *path*'s bytes, read in blocks (a large file is not held in memory)."""
    hasher = blake2b(digest_size=32)
    with _reading(path, limit), path.open("rb") as file:
        while block := file.read(1 << 20):
            hasher.update(block)
    return hasher.hexdigest()


@contextmanager
def _reading(path: Path, limit: int | None) -> Iterator[None]:
    """Refuse a file over *limit* bytes; turn every OS failure into one readable `FileError`."""
    try:
        if limit is not None and (size := path.stat().st_size) > limit:
            msg = (
                f"{path}: {size / 2**20:,.0f} MiB is more than kgraph reads"
                f" ({limit / 2**20:,.0f} MiB, about {limit // BYTES_PER_CONCEPT:,} concepts);"
                f" set {MAX_MIB_ENV} to raise the limit if this machine has the memory"
            )
            raise InputError(msg)
        yield
    except FileNotFoundError:
        raise FileError(str(path), "missing") from None
    except IsADirectoryError:
        raise FileError(str(path), "directory") from None
    except OSError as err:
        raise FileError(str(path), "unreadable", detail=err.strerror or err) from None


def decode(data: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark is dropped), or an `InputError` naming the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = f"{data[err.start]:#04x}"
        raise FileError(str(path), "encoding", start=err.start, byte=byte) from None


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
    """The id of a raw concept object, if it has a string one."""
    found = item.get("id") if isinstance(item, dict) else None
    return found if isinstance(found, str) else None


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


def dump(graph: GraphFile) -> str:
    """The one canonical text of *graph*; ``dump(parse(dump(g)))`` is byte-identical."""
    doc = {
        "$schema": graph.schema_ref,
        "concepts": [c.to_json() for c in sorted(graph.concepts, key=lambda c: c.id)],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


_TEMP_SUFFIX: Final = ".tmp"
_TEMP_NAME: Final = r"\.(?P<pid>[0-9]+)\.[a-z0-9_]+\.tmp"  # what follows ".NAME" in a temp's name


def write_atomic(path: Path, text: str) -> None:
    """Replace *path* with *text*; a reader sees the old file or the new one, never half of it.

    The bytes go to a temp file in the same folder, named after *path* and this process's pid;
    they are flushed and fsynced, get the old file's permissions and are renamed over *path*.
    Temps that a killed writer left behind (their pid is gone) are removed first, so they never
    pile up. On any failure this writer's temp is removed and *path* keeps its old bytes.

    Raises:
        InputError: naming *path*, when it cannot be written (disk full, read-only, no folder).
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate: no UTF-8 file can hold it
        msg = f"{path}: cannot write: character {err.start} is not valid Unicode"
        raise InputError(msg) from None
    try:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
        _sweep_stale_temps(path)
        _replace(path, data, mode)
    except OSError as err:
        msg = f"{path}: cannot write: {err.strerror or err}"
        raise InputError(msg) from None


def _replace(path: Path, data: bytes, mode: int) -> None:
    prefix = f".{path.name}.{os.getpid()}."
    import tempfile  # noqa: PLC0415 - with what it pulls in, a visible share of a query's start

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=_TEMP_SUFFIX)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)  # same folder, so the rename is atomic
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sweep_stale_temps(path: Path) -> None:
    """Remove the temps of *path* whose writer process no longer exists (killed mid-write)."""
    pattern = re.compile(re.escape(f".{path.name}") + _TEMP_NAME)
    with os.scandir(path.parent) as entries:
        stale = [
            e.path
            for e in entries
            if (found := pattern.fullmatch(e.name)) and not _alive(int(found["pid"]))
        ]
    for name in stale:
        Path(name).unlink(missing_ok=True)


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


def _sync_folder(folder: Path) -> None:
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
    "GRAPH_ENV",
    "LOCAL_GRAPH",
    "Parsed",
    "decode",
    "digest",
    "dump",
    "graph_size_limit",
    "packaged_graph_path",
    "parse",
    "raw_id",
    "read_bytes",
    "read_graph",
    "read_text",
    "resolve_graph_path",
    "write_atomic",
]
