"""Loading a graph for queries: read, validate (or take the cached check) and index.

`load_graph` is what every query command calls; `load_checked` also returns the parsed file,
for lint, and never uses the cache.
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kgraph import cache
from kgraph.errors import DataError, MessageError
from kgraph.graph import KGraph
from kgraph.store import (
    content_digest,
    decode,
    graph_size_limit,
    read_bytes,
    read_graph,
    resolve_graph_path,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from kgraph.model import GraphFile
    from kgraph.parsing import Parsed
    from kgraph.store import PathArg


def load_graph(path: PathArg | None = None, *, use_cache: bool = True) -> KGraph:
    """Read, validate and index a graph file; raise `DataError` with every problem if it is broken.

    Without *path*, the file the command line would use (`resolve_graph_path`):
    ``$KGRAPH_GRAPH``, else ``graph/concepts.json`` under the current folder, else the graph
    packaged with kgraph. A file validated before loads from the cache (`kgraph.cache`)
    without being checked again.
    """
    with paused_gc():
        return _load_graph(resolve_graph_path(path), use_cache=use_cache)


def _load_graph(path: str, *, use_cache: bool) -> KGraph:
    """Look the file up in the cache, else check it and cache what was checked.

    The lookup takes the file's digest from the cache's stamp while its status is unchanged,
    else hashes the file in blocks without holding it (`kgraph.cache.file_digest`); on a miss the
    file is read again and the entry is stored under the digest of exactly the bytes that were
    validated, so a file saved in between is never cached under its old key. A pipe or a device
    can be read only once: it is never cached.
    """
    limit = graph_size_limit()
    status = _regular_file(path) if use_cache and cache.enabled() else None
    cached = status is not None
    if status is not None:
        file_digest = cache.file_digest(path, status, limit)
        if (hit := cache.load(cache.key(file_digest))) is not None:
            return KGraph.from_entry(hit.rows, _lines(hit, path, file_digest, limit))
    from kgraph.parsing import parse  # noqa: PLC0415 - a cache hit checks nothing

    data = read_bytes(path, limit=limit)
    graph = _valid_graph(parse(decode(data, path), path))
    if cached:
        cache.store(cache.key(content_digest(data)), graph.schema_ref, graph.concepts)
    return KGraph(graph.concepts)


def _lines(hit: cache.Entry, path: str, file_digest: str, limit: int) -> Callable[[], bytes]:
    """The concepts' lines of the entry *hit*, read when a first concept is.

    Should they be damaged or gone by then, the file is checked again and its concepts are used
    (and cached anew).
    """

    def read() -> bytes:
        found = hit.documents()
        return found if found is not None else _checked_lines(path, file_digest, limit)

    return read


def _checked_lines(path: str, file_digest: str, limit: int) -> bytes:
    """The concepts' lines of the file *path*, checked: the index in use is of these bytes."""
    from kgraph.parsing import parse  # noqa: PLC0415 - as in _load_graph

    data = read_bytes(path, limit=limit)
    if content_digest(data) != file_digest:  # saved since: its concepts would not fit the index
        msg = f"{path}: changed while kgraph read it; run the command again"
        raise MessageError(msg, "error.graph_changed", path=path)
    graph = _valid_graph(parse(decode(data, path), path))
    cache.store(cache.key(file_digest), graph.schema_ref, graph.concepts)
    return cache.document_lines(sorted(graph.concepts, key=lambda c: c.id))


def _regular_file(path: str) -> os.stat_result | None:
    """*path*'s status if it is a regular file (a pipe or a device is read once, never cached)."""
    try:
        status = os.stat(path)
    except OSError:
        return None  # reading it will say what is wrong
    return status if stat.S_ISREG(status.st_mode) else None


def load_checked(path: PathArg | None = None) -> tuple[Parsed, KGraph]:
    """Like `load_graph` without the cache, also returning the parsed file (for lint)."""
    from kgraph.parsing import parse  # noqa: PLC0415 - as in _load_graph

    path = resolve_graph_path(path)
    with paused_gc():
        parsed = parse(read_graph(path), path)
        return parsed, KGraph(_valid_graph(parsed).concepts)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a graph loads.

    Loading makes millions of objects that all live on, and each collection would walk them
    again. Nothing loaded forms a cycle. Measured at 100,000 concepts: a checked load 8.2 s →
    6.5 s, a cached one 2.55 s → 1.32 s; rendering an export gains nothing, so only loads pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _valid_graph(parsed: Parsed) -> GraphFile:
    from kgraph.validation import validate  # noqa: PLC0415 - as in _load_graph

    problems = validate(parsed)
    if problems or parsed.graph is None:
        raise DataError(problems)
    return parsed.graph


__all__ = ["load_checked", "load_graph", "paused_gc"]
