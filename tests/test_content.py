"""The shipped graph: valid, lint-clean under --strict, large, real and on every rung."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest

from kgraph.errors import UnknownConceptError
from kgraph.graph import KGraph
from kgraph.lint import LADDER_RULES, RULES, lint
from kgraph.model import Level
from kgraph.parsing import parse
from kgraph.queries import learning_path
from kgraph.store import read_text
from kgraph.validation import validate
from tests.conftest import SHIPPED

MINIMUM_PER_RUNG = {level: 50 for level in Level} | {Level.FRONTIER: 30}
MILESTONES = [
    "prompting",
    "lora",
    "quantization",
    "tokenizer",
    "attention",
    "transformer",
    "data-mixture",
    "training-infra",
    "agi",
    "fine-tuned-model-family",
]


@pytest.fixture(scope="module")
def shipped():
    parsed = parse(read_text(SHIPPED), str(SHIPPED))
    assert validate(parsed) == ()
    assert parsed.graph is not None
    return parsed, KGraph(parsed.graph.concepts)


def test_valid_and_lint_clean(shipped):
    parsed, kg = shipped
    rules = [rule for rule in RULES if rule not in LADDER_RULES]
    assert [str(w) for w in lint(parsed, kg, rules=rules)] == []


def test_the_ladder_keeps_its_promise(shipped):
    parsed, kg = shipped
    assert [str(w) for w in lint(parsed, kg, rules=LADDER_RULES)] == []


def test_size_and_rungs(shipped):
    _, kg = shipped
    assert len(kg) >= 450
    per_rung = Counter(c.level for c in kg.concepts.values())
    for level, minimum in MINIMUM_PER_RUNG.items():
        assert per_rung[level] >= minimum, level


def resolves(kg: KGraph, name: str) -> bool:
    try:
        kg.resolve(name)
    except UnknownConceptError:
        return False
    return True


def test_milestones_exist(shipped):
    """By id or, after a rename that kept it (CONTRIBUTING.md's rule), as a name."""
    _, kg = shipped
    assert [m for m in MILESTONES if not resolves(kg, m)] == []
    assert kg.resolve("saiga") == "fine-tuned-model-family"


def test_every_concept_has_a_resource_and_every_edge_a_reason(shipped):
    _, kg = shipped
    for concept in kg.concepts.values():
        assert concept.resources, concept.id
        for prereq in concept.prerequisites:
            assert len(prereq.why) >= 10, (concept.id, prereq.id)
        for resource in concept.resources:
            parts = urlsplit(resource.url)
            assert parts.scheme == "https"
            assert parts.hostname
            assert " " not in resource.url


def test_lora_to_agi_climbs_through_repair_and_build(shipped):
    _, kg = shipped
    plan = learning_path(kg, kg.resolve("agi"), source=kg.resolve("lora"))
    steps = [s.concept.id for s in plan.steps]
    for milestone in ["attention", "transformer", "data-mixture", "training-infra", "agi"]:
        assert kg.resolve(milestone) in steps
    # the ladder is climbed capstone by capstone: rung by rung, and nothing a capstone does not
    # need comes before it (what it needs comes close before it, not a whole rung earlier)
    capstones = [cid for cid in steps if kg[cid].capstone]
    assert len(capstones) > 1
    ranks = [kg[cid].level.rank for cid in capstones]
    assert ranks == sorted(set(ranks))
    for capstone in capstones:
        needed = kg.closure([capstone])
        after = steps[steps.index(capstone) + 1 :]
        assert set(steps) - needed == set(after), capstone
    assert steps[-1] == "agi"
