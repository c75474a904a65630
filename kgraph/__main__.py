"""``python -m kgraph``."""

from __future__ import annotations

from kgraph.cli import run

run()
