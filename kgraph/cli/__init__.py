"""The ``kgraph`` command: parse options, call the library, render, write. Nothing else.

The group and its shared options live in `kgraph.cli.app`; each other module adds one family of
commands to it when imported.
"""

from __future__ import annotations

from kgraph.cli import data, export, learner, query
from kgraph.cli.app import main

__all__ = ["data", "export", "learner", "main", "query"]
