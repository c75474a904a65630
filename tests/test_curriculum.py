"""The headline curriculum keeps the structural promises of the ladder, on the shipped graph.

Each test states one promise of ``kgraph path lora agi`` (an edge means "you cannot learn B
without A") and reads the answer from the graph itself: no count, hour total or step number of
today's graph is written down here, so adding concepts never breaks a test, while cutting one of
the needs below does.
"""

from __future__ import annotations

import pytest

from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.model import Level
from kgraph.queries import learning_path
from tests.conftest import SHIPPED

MODERN_ARCHITECTURE = [
    "modern-llm-architecture",
    "rope",
    "rmsnorm",
    "swiglu",
    "grouped-query-attention",
    "flash-attention",
    "memory-footprint",
]
# What the climb from LoRA must teach on its way to the top because the top needs it: the
# inference and architecture core, the tokenizer and the full run. The repair rung's own story
# (layers, tokenizer work, LoRA routing) reaches the climb through its capstone, so it is pinned
# as the capstone's needs below, not as needs of agi.
TAUGHT_ON_THE_CLIMB = [
    *MODERN_ARCHITECTURE,
    "kv-cache",
    "tokenizer",
    "bpe",
    "tokenizer-fertility",
    "training-run",
]
# Architectures whose ideas their successors teach again: attention needs vectors, dot products
# and softmax, not the RNN it was first bolted onto. A concept on the way to agi that truly needs
# one of them must say so by changing this list, with the reason in its commit.
HISTORY = ["rnn", "seq2seq", "cnn", "batch-normalization"]
TUNE_RUNG_KNOBS = [
    "benchmarks",
    "experiment-tracking",
    "learning-rate-schedules",
    "gradient-clipping",
]


@pytest.fixture(scope="module")
def kg() -> KGraph:
    return load_graph(SHIPPED)


@pytest.fixture(scope="module")
def climb(kg: KGraph) -> list[str]:
    return [step.concept.id for step in learning_path(kg, "agi", source="lora").steps]


@pytest.mark.parametrize("concept", MODERN_ARCHITECTURE)
def test_the_full_run_needs_the_modern_architecture(kg, concept):
    assert concept in kg.ancestors("training-run")


def test_the_full_run_reaches_agi_without_the_narrative_edge_from_the_family(kg):
    """A run does not need a fine-tuned family; the ladder, not an edge, carries the family."""
    assert "fine-tuned-model-family" not in kg.ancestors("training-run")
    assert "training-run" in kg.prerequisites["agi"]


@pytest.mark.parametrize("concept", TAUGHT_ON_THE_CLIMB)
def test_lora_to_agi_teaches_the_modern_core(climb, concept):
    assert concept in climb


@pytest.mark.parametrize("concept", HISTORY)
def test_lora_to_agi_teaches_no_history_no_step_needs(kg, climb, concept):
    assert concept not in climb, sorted(d for d in kg.dependents[concept] if d in climb)


def test_the_repair_capstone_needs_what_saiga_is_made_of(kg):
    """SFT plus preference tuning, merges, GGUF releases and Russian evaluation."""
    needs = kg.ancestors("fine-tuned-model-family")
    for concept in [
        "sft",
        "kto",
        "model-merging",
        "gguf",
        "multilingual-evaluation",
        "vocabulary-extension",
    ]:
        assert concept in needs, concept


@pytest.mark.parametrize(
    ("need", "concept"),
    [
        ("loss-functions", "cross-entropy"),
        ("benchmarks", "evaluation-harness"),
        ("experiment-tracking", "training-dynamics"),
        ("sft", "rlhf"),
        ("sft", "post-training"),
        ("catastrophic-forgetting", "continual-learning"),
        ("cross-entropy", "language-models"),
        ("training-basics", "perplexity"),
        ("tokenizer-fertility", "tokenizer-training"),
        ("continued-pretraining", "vocabulary-extension"),
        ("padding-and-attention-masks", "pretraining-objective"),
    ],
)
def test_needs_point_from_the_general_to_the_specific(kg, need, concept):
    assert need in kg.ancestors(concept)
    assert concept not in kg.ancestors(need)


@pytest.mark.parametrize(
    ("unneeded", "concept"),
    [
        ("training-run", "continual-learning"),
        ("continued-pretraining", "data-collection"),
        ("gpu-computing", "pytorch"),
        ("local-inference", "inference-servers"),
    ],
)
def test_narrative_links_are_not_needs(kg, unneeded, concept):
    assert unneeded not in kg.ancestors(concept)


@pytest.mark.parametrize("concept", TUNE_RUNG_KNOBS)
def test_knobs_of_every_fine_tune_sit_on_tune(kg, concept):
    assert kg[concept].level is Level.TUNE


def test_a_stock_trainer_is_build_not_frontier(kg):
    assert kg["grpo"].level is Level.BUILD


def test_the_transformer_adds_less_than_its_parts(kg):
    """A whole never re-counts its parts: assembling the stack costs less than learning them."""
    parts = [c for c in kg.ancestors("transformer") if kg[c].category == kg["transformer"].category]
    assert parts
    assert kg["transformer"].hours < sum(kg[c].hours for c in parts)
