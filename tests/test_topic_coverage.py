"""bench/topic_coverage.py counts a curriculum's topics the way kgraph resolves names and covers.

The counting runs on a tiny graph and a tiny topic list written here, never on the shipped
data, so the script cannot silently break while the numbers it reports about the real graph
move. The shipped lists are checked only for their form: a source, a commit, no repeats.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from kgraph.graph import normalize
from kgraph.model import GraphFile
from kgraph.store import dump
from tests.helpers import make_concept

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "topic_coverage.py"

TOPICS = dedent(
    """\
    # Tiny curriculum
    # https://example.org/tiny, read for the test
    Low-Rank Adaptation
    top_p
    The Vector Stores
    Natural Language Processing (NLP)
    GPTQ & AWQ
    Introduction to LoRA
    GPTQ & Origami
    Underwater basket weaving
    """
)


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    """A four-concept graph (an alias, two covers) and one topic list beside it."""
    concepts = (
        make_concept("lora", name="LoRA", aliases=("low-rank adaptation",)),
        make_concept("sampling", name="Sampling", covers=("top-p", "temperature")),
        make_concept("vector-databases", name="Vector databases", covers=("vector stores",)),
        make_concept("nlp", name="Natural language processing"),
        make_concept("gptq", name="GPTQ"),
        make_concept("awq", name="AWQ"),
    )
    graph = tmp_path / "concepts.json"
    graph.write_text(dump(GraphFile(concepts=concepts)), encoding="utf-8")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "tiny.txt").write_text(TOPICS, encoding="utf-8")
    return graph, lists


def run(graph: Path, lists: Path, *extra: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--graph", str(graph), "--lists", str(lists), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_counts_names_aliases_covers_and_their_spellings(tiny: tuple[Path, Path]) -> None:
    """An alias, a cover (normalised), an article, a framing word, a parenthesis and a list count."""
    lines = run(*tiny).splitlines()
    assert lines[0] == " 75.0 %    6/8    (name 4, covers 2)  Tiny curriculum"
    assert lines[1] == " 75.0 %    6/8    (name 4, covers 2)  overall"
    assert lines[2] == " 75.0 %  mean of the 1 curricula"


def test_misses_lists_every_topic_not_found(tiny: tuple[Path, Path]) -> None:
    """A list with one unknown part is a miss, and so is a topic nothing teaches."""
    out = run(*tiny, "--misses")
    assert out.endswith(
        "missed in Tiny curriculum:\n  GPTQ & Origami\n  Underwater basket weaving\n"
    )


def test_same_input_same_bytes(tiny: tuple[Path, Path]) -> None:
    """Two runs print identical reports."""
    assert run(*tiny, "--misses") == run(*tiny, "--misses")


@pytest.mark.parametrize(
    "path", sorted((SCRIPT.parent / "curricula").glob("*.txt")), ids=lambda p: p.stem
)
def test_each_curriculum_names_its_source_and_lists_each_topic_once(path: Path) -> None:
    """A list says where it was read (an https address and a commit) and repeats no topic."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    topics = [line for line in lines if line.strip() and not line.startswith("#")]
    assert lines[0].startswith("# ")
    assert re.search(r"https://github\.com/\S+", header)
    assert re.search(r"\bcommit [0-9a-f]{40}\b", header)
    keys = [normalize(t) for t in topics]
    assert topics
    assert len(keys) == len(set(keys)), [t for t in topics if keys.count(normalize(t)) > 1]
