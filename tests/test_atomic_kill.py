"""Fault injection: ``kgraph fmt`` killed with SIGKILL at random moments never loses the file.

A large generated graph (bench/generate.py), written shuffled and indented differently so that
fmt must rewrite all of it, is formatted by a real subprocess that is killed again and again:
half the kills at a random moment of the whole run, half at a random moment after its temp
file appeared (mid-write). After every kill the file holds exactly the old bytes or exactly the
new ones, and at most one temp file lies beside it; the next successful run sweeps it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
CONCEPTS = 20_000 if CI else 3_000
KILLS = 40 if CI else 24


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
    path.write_bytes(old)
    return path, old, new


def fmt(path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kgraph", "fmt", "--graph", str(path)],
        capture_output=True,
        check=False,
    )


def start(path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kgraph", "fmt", "--graph", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_mid_write(proc: subprocess.Popen[bytes], folder: Path, delay: float) -> None:
    """SIGKILL *delay* seconds after the temp file appears (or at exit, if it came and went)."""
    while not temps(folder) and proc.poll() is None:
        time.sleep(0.0002)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)


def test_sigkill_at_random_moments_leaves_old_or_new_bytes(graph):
    """Each kill leaves old or new bytes exactly and at most one temp; a clean run sweeps it."""
    path, old, new = graph
    rng = random.Random(os.environ.get("KILL_SEED", "8"))
    full = _duration(path)
    outcomes = {"old": 0, "new": 0, "stale temp": 0}
    for kill in range(KILLS):
        path.write_bytes(old)
        proc = start(path)
        if kill % 2:
            kill_mid_write(proc, path.parent, rng.choice([0.0, rng.uniform(0, 0.02)]))
        else:
            time.sleep(rng.uniform(0, full * 1.1))
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = path.read_bytes()
        assert data in (old, new), f"kill {kill}: {len(data)} bytes, neither old nor new"
        outcomes["old" if data == old else "new"] += 1
        left = temps(path.parent)
        assert len(left) <= 1, left  # the previous stale temp was swept before this write
        outcomes["stale temp"] += bool(left)
    path.write_bytes(old)
    assert fmt(path).returncode == 0
    assert path.read_bytes() == new
    assert temps(path.parent) == []
    assert outcomes["stale temp"] > 0, (
        f"no kill landed mid-write, the test proved nothing: {outcomes}"
    )


def _duration(path: Path) -> float:
    """Seconds one undisturbed fmt run takes here (the kills are spread over it)."""
    started = time.perf_counter()
    fmt(path).check_returncode()
    return time.perf_counter() - started
