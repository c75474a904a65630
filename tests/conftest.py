"""Shared fixtures: a small literal graph, its shuffled twin, files, and isolation from the user."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from kgraph.graph import KGraph
from kgraph.model import Concept, GraphFile
from kgraph.store import dump
from tests.helpers import make_concept

settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("default", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "graph" / "concepts.json"

# No test may touch the user's real cache, data or config folders, not even at collection time
# (a module that loads a graph while being imported writes a cache entry). So before any test
# module is imported, every folder kgraph could derive from the environment points into one
# throw-away sandbox, and subprocesses inherit it; `_isolate` then gives each test its own.
SANDBOX = Path(tempfile.mkdtemp(prefix="kgraph-tests-"))
USER_FOLDERS = ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "KGRAPH_HOME")
for _name in USER_FOLDERS:
    os.environ[_name] = str(SANDBOX / _name.lower())


def small_concepts() -> list[Concept]:
    """A diamond (linalg, python → ml → lora, qlora), a chain, an isolated node and aliases."""
    return [
        make_concept("linalg", name="Linear algebra", hours=20),
        make_concept("python", name="Python", hours=10),
        make_concept(
            "ml",
            name="Machine learning",
            prerequisites=["linalg", "python"],
            hours=30,
            aliases=("machine-learning basics",),
        ),
        make_concept(
            "lora",
            name="LoRA",
            level="tune",
            prerequisites=["ml"],
            hours=6,
            aliases=("low-rank adaptation",),
        ),
        make_concept("quant", name="Quantization", level="tune", prerequisites=["ml"], hours=4),
        make_concept("qlora", name="QLoRA", level="tune", prerequisites=["lora", "quant"], hours=3),
        make_concept("agi", name="AGI", level="frontier", prerequisites=["qlora"], hours=50),
        make_concept("history", name="History of AI", level="use", hours=2),
    ]


@pytest.fixture
def small_graph() -> KGraph:
    return KGraph(small_concepts())


@pytest.fixture
def shuffled_small_graph() -> KGraph:
    concepts = small_concepts()
    random.Random(7).shuffle(concepts)
    shuffled = [c._replace(prerequisites=tuple(reversed(c.prerequisites))) for c in concepts]
    return KGraph(shuffled)


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "concepts.json"
    path.write_text(dump(GraphFile(concepts=tuple(small_concepts()))), encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads a developer's graph or saved progress, or writes outside tmp_path."""
    monkeypatch.delenv("KGRAPH_GRAPH", raising=False)
    for name in ("KGRAPH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):  # English unless a test asks
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("KGRAPH_NO_CACHE", raising=False)
    monkeypatch.delenv("KGRAPH_MAX_MIB", raising=False)
    monkeypatch.setenv("KGRAPH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.chdir(tmp_path)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the sandbox of user folders when the run ends."""
    shutil.rmtree(SANDBOX, ignore_errors=True)
