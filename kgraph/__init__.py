"""kgraph: a knowledge-graph explorer of AI-engineering concepts, as a library.

Load a graph with `load_graph`, then ask it questions with the query functions; every result is
an immutable record (a named tuple). The command line (`kgraph ...`) is a thin layer over
exactly these calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.errors import DataError, InputError, KgraphError, Problem, UnknownConceptError
from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.model import Category, Concept, GraphFile, Level
from kgraph.queries import (
    gaps,
    learning_path,
    listing,
    next_steps,
    search,
    show,
    stats,
    unlocks,
    why,
)
from kgraph.store import dump, resolve_graph_path, write_atomic
from kgraph.version import __version__

if TYPE_CHECKING:
    from kgraph.parsing import parse
    from kgraph.validation import validate


def __getattr__(name: str) -> object:
    """`parse` and `validate`, imported on first use: a cached query checks nothing."""
    if name == "parse":
        from kgraph.parsing import parse  # noqa: PLC0415

        return parse
    if name == "validate":
        from kgraph.validation import validate  # noqa: PLC0415

        return validate
    msg = f"module 'kgraph' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "Category",
    "Concept",
    "DataError",
    "GraphFile",
    "InputError",
    "KGraph",
    "KgraphError",
    "Level",
    "Problem",
    "UnknownConceptError",
    "__version__",
    "dump",
    "gaps",
    "learning_path",
    "listing",
    "load_graph",
    "next_steps",
    "parse",
    "resolve_graph_path",
    "search",
    "show",
    "stats",
    "unlocks",
    "validate",
    "why",
    "write_atomic",
]
