"""Graphs deeper and wider than the recursion limit: every walk is iterative.

A 5,000-long chain and 5,000-wide fans go through load, validate, lint, the learner's queries
and the Mermaid export without `RecursionError`, with exact answers. bench/deep.py runs the
same at 100,000 and prints the times.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import pytest

from kgraph.cli import main
from kgraph.lint import lint
from kgraph.load import load_checked
from kgraph.model import LEVELS
from kgraph.parsing import parse
from kgraph.queries import gaps, learning_path, next_steps, unlocks, why
from kgraph.render.mermaid import render_mermaid
from kgraph.selection import select
from kgraph.store import read_text
from kgraph.validation import validate
from tests.render.readback import read_mermaid

if TYPE_CHECKING:
    from pathlib import Path

    from kgraph.graph import KGraph
    from kgraph.parsing import Parsed

SIZE = 5_000


def concept(cid: str, rung: int, needs: list[str], category: str = "programming") -> dict[str, Any]:
    """A lint-clean concept (its own resource, a summary of the usual length, no theory)."""
    return {
        "id": cid,
        "name": f"Concept {cid}",
        "level": LEVELS[rung].value,
        "category": category,
        "summary": f"Concept {cid} is one link of a generated graph used to test deep walks.",
        "hours": 1,
        "outcomes": [f"You can use concept {cid}."],
        "prerequisites": [{"id": p, "why": f"{cid} builds on {p}"} for p in needs],
        "resources": [
            {"title": cid, "url": f"https://example.org/{cid}", "kind": "docs", "free": True}
        ],
    }


def write(folder: Path, name: str, concepts: list[dict[str, Any]]) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"concepts": concepts}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def chain_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """c-0 → c-1 → … → c-4999, rungs rising along it."""
    ids = [f"c-{i}" for i in range(SIZE)]
    concepts = [concept(c, i * len(LEVELS) // SIZE, ids[i - 1 : i]) for i, c in enumerate(ids)]
    return write(tmp_path_factory.mktemp("deep"), "chain", concepts)


@pytest.fixture(scope="module")
def chain(chain_file: Path) -> tuple[Parsed, KGraph]:
    return load_checked(chain_file)


@pytest.fixture(scope="module")
def fan_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Parsed, KGraph]:
    """hub → s-0 … s-4999: one concept unlocks 5,000."""
    spokes = [concept(f"s-{i}", 1, ["hub"]) for i in range(SIZE)]
    return load_checked(
        write(tmp_path_factory.mktemp("deep"), "fan-out", [concept("hub", 0, []), *spokes])
    )


@pytest.fixture(scope="module")
def fan_in(tmp_path_factory: pytest.TempPathFactory) -> tuple[Parsed, KGraph]:
    """s-0 … s-4999 → top: one concept needs 5,000."""
    spokes = [concept(f"s-{i}", 0, []) for i in range(SIZE)]
    top = concept("top", 1, [f"s-{i}" for i in range(SIZE)])
    return load_checked(write(tmp_path_factory.mktemp("deep"), "fan-in", [*spokes, top]))


def clean(parsed: Parsed, kg: KGraph) -> bool:
    """Lint-clean but for the capstones: the generated graphs hold no projects."""
    return all(w.concept is None and w.field == "capstone" for w in lint(parsed, kg))


def test_the_graphs_are_beyond_the_recursion_limit():
    assert sys.getrecursionlimit() * 2 < SIZE


def test_chain_loads_validates_and_lints_clean(chain_file, chain):
    parsed, kg = chain
    assert len(kg) == SIZE
    assert validate(parse(read_text(chain_file), str(chain_file))) == ()
    assert clean(parsed, kg)


def test_chain_queries(chain):
    _, kg = chain
    first, last = "c-0", f"c-{SIZE - 1}"
    plan = learning_path(kg, last, source=first)
    assert [s.concept.id for s in plan.steps] == [f"c-{i}" for i in range(1, SIZE)]
    assert plan.chain == tuple(f"c-{i}" for i in range(SIZE))
    found = gaps(kg, last, known=[first])
    assert ([c.id for c in found.ready], len(found.blocked)) == (["c-1"], SIZE - 2)
    candidates = next_steps(kg, known=[first]).candidates
    assert [(c.concept.id, c.unlocks) for c in candidates] == [("c-1", SIZE - 2)]
    (links,) = why(kg, first, last).chains
    assert len(links) == SIZE - 1
    assert [d for d, _ in unlocks(kg, first).rings] == list(range(1, SIZE))


def test_chain_exports_mermaid(chain):
    _, kg = chain
    diagram = read_mermaid(render_mermaid(select(kg)))
    assert len(diagram.nodes) == SIZE
    assert diagram.edges == {(f"c-{i}", f"c-{i + 1}") for i in range(SIZE - 1)}


def test_chain_through_the_cli(runner, chain_file):
    """validate and path run end to end on the chain, exit 0."""
    result = runner.invoke(main, ["validate", "--graph", str(chain_file)], catch_exceptions=False)
    assert result.stdout == f"{chain_file}: ok, {SIZE} concepts\n"
    args = ["path", "c-1", f"c-{SIZE - 1}", "--graph", str(chain_file)]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert "Shortest chain: c-1 → c-2 → c-3" in result.stdout
    assert result.stdout.count("\n") > SIZE


def test_theory_under_a_wide_use_rung_is_found_in_one_walk(tmp_path: Path):
    """Every use concept of a 5,000-wide fan from a math hub is named with its chain."""
    spokes = [concept(f"s-{i}", 1, ["hub"]) for i in range(SIZE)]
    hub = concept("hub", 0, [], category="math")
    parsed, kg = load_checked(write(tmp_path, "theory-fan", [hub, *spokes]))
    found = [w for w in lint(parsed, kg) if w.concept is not None]
    assert len(found) == SIZE
    assert all(f"hub → {w.concept};" in w.message for w in found)


def test_fan_out(fan_out):
    parsed, kg = fan_out
    assert clean(parsed, kg)
    plan = learning_path(kg, f"s-{SIZE - 1}", source="hub")
    assert [s.concept.id for s in plan.steps] == [f"s-{SIZE - 1}"]
    assert len(gaps(kg, "s-7").ready) == 1
    assert len(next_steps(kg, known=["hub"]).candidates) == SIZE
    assert len(why(kg, "hub", "s-7").chains) == 1
    assert [(d, len(cs)) for d, cs in unlocks(kg, "hub").rings] == [(1, SIZE)]
    diagram = read_mermaid(render_mermaid(select(kg)))
    assert len(diagram.edges) == SIZE


def test_fan_in(fan_in):
    parsed, kg = fan_in
    assert clean(parsed, kg)  # the redundant-edge rule is linear in the fan-in
    plan = learning_path(kg, "top")
    assert len(plan.steps) == SIZE + 1
    assert plan.steps[-1].concept.id == "top"
    found = gaps(kg, "top", known=["s-0"])
    assert (len(found.ready), [b.concept.id for b in found.blocked]) == (SIZE - 1, ["top"])
    assert len(next_steps(kg).candidates) == SIZE
    assert why(kg, "s-9", "top").chains[0][0].why == "top builds on s-9"
    assert unlocks(kg, "s-9").rings[0][1][0].id == "top"
    assert len(read_mermaid(render_mermaid(select(kg))).edges) == SIZE
