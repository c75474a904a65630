"""The ``kgraph`` command: parse options, call the library, render, write. Nothing else.

The group and its shared options live in `kgraph.cli.app`; each other module adds one family of
commands to it when imported, which the group does only for the command that runs.
"""

from __future__ import annotations

import gc

# Importing the command line (click among it) makes thousands of objects that all live on: the
# cycle collector, left on, would walk them a dozen times for nothing (about 2 ms of every
# command). It is paused for the import only, and left as it was found.
_COLLECTING = gc.isenabled()
gc.disable()
try:
    from kgraph.cli.app import main, run
finally:
    if _COLLECTING:
        gc.enable()

__all__ = ["main", "run"]
