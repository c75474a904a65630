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


def capstones(kg: KGraph) -> dict[Level, str]:
    return {c.level: cid for cid, c in kg.concepts.items() if c.capstone}


def test_every_rung_from_use_up_has_one_capstone_project(kg):
    found = [c.level for c in kg.concepts.values() if c.capstone]
    assert sorted(found, key=lambda level: level.rank) == [
        level for level in Level if level is not Level.FOUNDATIONS
    ]
    for cid in capstones(kg).values():
        assert kg[cid].is_project, cid
        assert kg[cid].deliverable, cid
        assert kg[cid].translations["ru"].deliverable, cid


def test_each_capstone_needs_the_capstone_of_the_rung_below(kg):
    caps = capstones(kg)
    rungs = [level for level in Level if level in caps]
    for below, above in zip(rungs, rungs[1:], strict=False):
        assert caps[below] in kg.prerequisites[caps[above]], (below, above)


def test_concepts_never_need_projects(kg):
    for cid, concept in kg.concepts.items():
        if not concept.is_project:
            projects = [p for p in kg.prerequisites[cid] if kg[p].is_project]
            assert not projects, (cid, projects)


@pytest.mark.parametrize(
    "concept",
    [
        "layer-freezing",
        "model-surgery",
        "lora-routing",
        "special-tokens",
        "new-token-initialization",
        "training-dynamics",
        "training-hyperparameters",
        "fine-tune-evaluation",
    ],
)
def test_the_repair_capstone_teaches_layers_tokenizer_and_lora_routing(kg, concept):
    assert concept in kg.ancestors(capstones(kg)[Level.REPAIR])


@pytest.mark.parametrize(
    "concept",
    [
        "small-lm-from-scratch",
        "architecture-hyperparameters",
        "pretraining-data-loading",
        "data-mixture",
        "long-context-training",
        "contamination",
        "compute-optimal-training",
    ],
)
def test_the_build_capstone_rehearses_small_then_runs_in_full(kg, concept):
    assert concept in kg.ancestors(capstones(kg)[Level.BUILD])
    assert concept in kg.ancestors("training-run")


@pytest.mark.parametrize(
    ("need", "concept"),
    [
        ("vision-language-models", "agi"),
        ("agentic-rl", "agi"),
        ("cot-monitoring", "safety-cases"),
        ("reward-hacking", "rl-for-reasoning"),
    ],
)
def test_the_frontier_has_what_a_designer_needs(kg, need, concept):
    assert need in kg.ancestors(concept)


def test_reward_hacking_sits_with_rlhf_and_grpo(kg):
    assert kg["reward-hacking"].level is kg["rlhf"].level is kg["grpo"].level


THEORY = {"math", "ml", "deep-learning", "nlp"}
CALCULUS = {"calculus", "multivariable-calculus", "convex-optimization", "eigendecomposition"}


def test_riding_needs_no_anatomy_no_use_concept_needs_theory(kg):
    for cid, concept in kg.concepts.items():
        if concept.level is Level.USE and not concept.is_project:
            theory = {
                a
                for a in kg.ancestors(cid)
                if kg[a].level is Level.FOUNDATIONS and kg[a].category.value in THEORY
            }
            assert not theory, (cid, sorted(theory))


def test_no_tune_concept_needs_calculus(kg):
    for cid, concept in kg.concepts.items():
        if concept.level is Level.TUNE and not concept.is_project:
            assert not kg.ancestors(cid) & CALCULUS, cid


def test_knowing_pytorch_does_not_imply_calculus(kg):
    assert not kg.ancestors("pytorch") & CALCULUS


def test_a_light_counterpart_names_its_full_version_and_does_not_need_it(kg):
    """A shortcut that needed the theory it stands in for would save the learner nothing."""
    light = [c for c in kg.concepts.values() if c.deeper is not None]
    assert light
    for concept in light:
        assert concept.deeper in kg, concept.id
        assert concept.deeper != concept.id
        assert concept.deeper not in kg.ancestors(concept.id), concept.id
