"""The ``kgraph`` command: parse options, call the library, render, write. Nothing else.

The group and its shared options live in `kgraph.cli.app`; each other module adds one family of
commands to it when imported, which the group does only for the command that runs.
"""

from __future__ import annotations

from kgraph.cli.app import main, run

__all__ = ["main", "run"]
