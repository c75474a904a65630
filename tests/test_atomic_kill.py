"""Fault injection: ``kgraph fmt`` killed with SIGKILL at each step of the atomic writer.

A generated graph, written shuffled and indented differently so that fmt must rewrite all of it,
is formatted by a real ``kgraph fmt`` process that kills itself at one chosen point of the
writer: before or after making the temp file, halfway through writing it, before or after each
fsync, before the chmod, before or after the rename. Each run proves it reached its kill point
(the process died of SIGKILL, it did not finish). After every kill the file holds exactly the
bytes the point implies (old before the rename, new after it) and at most one temp file lies
beside it; the next successful run sweeps it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CONCEPTS = 400

# Run inside the child: wrap the writer's system calls so the chosen one kills the process.
CHILD = """
import os, signal, sys, tempfile
name, when = sys.argv[1].split(":")
calls = {"n": 0}

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def wrap(owner, attr, key):
    real = getattr(owner, attr)
    def call(*args, **kwargs):
        first = key == name and calls["n"] == 0
        calls["n"] += key == name
        if first and when == "before":
            die()
        if first and when == "half":  # os.write: half the bytes reach the temp file
            real(args[0], bytes(args[1])[: len(args[1]) // 2])
            die()
        result = real(*args, **kwargs)
        if first and when == "after":
            die()
        return result
    setattr(owner, attr, call)

wrap(tempfile, "mkstemp", "mkstemp")
wrap(os, "write", "write")
wrap(os, "fsync", "fsync")
wrap(os, "chmod", "chmod")
wrap(os, "replace", "replace")
sys.argv = ["kgraph", "fmt", "--graph", sys.argv[2]]
from kgraph.cli import run
run()
"""

# (kill point, the bytes the file must hold afterwards, temps left beside it)
POINTS = [
    ("mkstemp:before", "old", 0),
    ("mkstemp:after", "old", 1),
    ("write:half", "old", 1),
    ("write:after", "old", 1),
    ("fsync:before", "old", 1),
    ("fsync:after", "old", 1),
    ("chmod:before", "old", 1),
    ("replace:before", "old", 1),
    ("replace:after", "new", 0),
]


def temps(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    """A shuffled, non-canonical graph file, its bytes, and the bytes fmt makes of it."""
    folder = tmp_path_factory.mktemp("kill")
    generated = subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), str(CONCEPTS)],
        capture_output=True, check=True, text=True, encoding="utf-8",
    )  # fmt: skip
    doc = json.loads(generated.stdout)
    random.Random(8).shuffle(doc["concepts"])
    old = json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")
    path = folder / "concepts.json"
    path.write_bytes(old)
    fmt(path).check_returncode()
    new = path.read_bytes()
    assert new != old
    assert new == generated.stdout.encode("utf-8")  # fmt wrote the canonical form
    return path, old, new


def fmt(path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph", "fmt", "--graph", str(path)],
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize(("point", "holds", "left"), POINTS)
def test_sigkill_at_each_step_leaves_old_or_new_bytes(graph, point, holds, left):
    """The kill point is reached; the file is exactly old or new; a clean run sweeps the temp."""
    path, old, new = graph
    path.write_bytes(old)
    killed = subprocess.run(
        [sys.executable, "-c", CHILD, point, str(path)], capture_output=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL, (point, killed.returncode, killed.stderr)
    assert path.read_bytes() == {"old": old, "new": new}[holds], point
    assert len(temps(path.parent)) == left, temps(path.parent)
    assert fmt(path).returncode == 0
    assert path.read_bytes() == new
    assert temps(path.parent) == []
