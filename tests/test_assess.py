"""The self-assessment state machine: few questions, and exactly the true known set."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.assess import Assessment
from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.render.json import render_json
from kgraph.render.text import render_text
from tests.conftest import SHIPPED
from tests.strategies import dags


def run(assessment: Assessment, truth: set[str]) -> list[str]:
    """Answer every question truthfully for *truth*; return the questions asked."""
    asked = []
    while (question := assessment.next_question()) is not None:
        asked.append(question)
        assessment.answer(question, "yes" if question in truth else "no")
    return asked


def test_chain_is_binary_searched():
    kg = KGraph.from_edges([(f"c{i}", f"c{i + 1}") for i in range(15)])
    truth = kg.closure(["c9"])
    assessment = Assessment(kg)
    asked = run(assessment, truth)
    assert assessment.known == truth
    assert len(asked) <= 5  # 16 possible answers on a chain: log2(17) rounds up to 5


def test_yes_decides_ancestors_and_no_decides_descendants(small_graph: KGraph):
    assessment = Assessment(small_graph)
    assessment.answer("lora", "yes")
    assert assessment.known == {"lora", "ml", "linalg", "python"}
    assessment.answer("quant", "no")
    assert assessment.unknown == {"quant", "qlora", "agi"}
    assert assessment.open == {"history"}


def test_target_limits_the_scope(small_graph: KGraph):
    assessment = Assessment(small_graph, "LoRA")
    assert assessment.scope == {"lora", "ml", "linalg", "python"}
    run(assessment, {"linalg", "python"})
    assert assessment.done
    assert assessment.known == {"linalg", "python"}


def test_saved_progress_is_decided_before_the_first_question(small_graph: KGraph):
    assessment = Assessment(small_graph, known=["ml"])
    assert assessment.known == {"ml", "linalg", "python"}
    assert "python" not in run(assessment, {"ml", "linalg", "python"})


def test_skip_is_never_asked_again_and_stays_undecided(small_graph: KGraph):
    assessment = Assessment(small_graph)
    assessment.answer("history", "skip")
    run(assessment, set())
    result = assessment.result()
    assert [c.id for c in result.undecided] == ["history"]
    assert result.known == ()
    assert result.questions == len(assessment.asked)
    assert assessment.asked[0] == ("history", "skip")


def test_a_skipped_concept_is_still_inferred(small_graph: KGraph):
    assessment = Assessment(small_graph)
    assessment.answer("ml", "skip")
    assessment.answer("lora", "yes")
    assert "ml" in assessment.known
    assert "ml" not in assessment.undecided


@pytest.mark.parametrize("answer", ["maybe", "yes"])
def test_answers_only_open_questions(small_graph: KGraph, answer: str):
    assessment = Assessment(small_graph)
    assessment.answer("lora", "yes")
    with pytest.raises(ValueError, match="not an open question"):
        assessment.answer("ml" if answer == "yes" else "agi", answer)  # type: ignore[arg-type]


def test_shuffled_graph_asks_the_same_questions(small_graph, shuffled_small_graph):
    truth = {"linalg", "python", "ml", "quant"}
    assert run(Assessment(small_graph), truth) == run(Assessment(shuffled_small_graph), truth)


def test_result_renders_in_ladder_order(small_graph: KGraph):
    assessment = Assessment(small_graph)
    run(assessment, {"linalg", "python", "ml", "lora"})
    text = render_text(assessment.result())
    assert "You know 4:\n  foundations linalg, ml, python\n  tune        lora\n" in text
    assert "Not yet known: 4\n" in text
    assert text.endswith("\n")
    assert '"questions": ' in render_json(assessment.result())


@given(graph=dags(max_concepts=12), data=st.data())
def test_recovers_any_prerequisite_closed_set(graph, data):
    kg = KGraph(graph.concepts)
    picked = data.draw(st.sets(st.sampled_from(sorted(kg.concepts))))
    truth = kg.closure(picked)
    target = data.draw(st.none() | st.sampled_from(sorted(kg.concepts)))
    assessment = Assessment(kg, target)
    asked = run(assessment, truth)
    assert assessment.done
    assert assessment.known == truth & assessment.scope
    assert assessment.unknown == assessment.scope - truth
    assert len(asked) == len(set(asked)) <= len(assessment.scope)


@pytest.mark.parametrize("seed", ["", "lora", "agi", "*"])
def test_shipped_graph_is_assessed_exactly(seed: str):
    kg = load_graph(SHIPPED)
    truth = set(kg.concepts) if seed == "*" else kg.closure([kg.resolve(seed)] if seed else [])
    assessment = Assessment(kg)
    asked = run(assessment, truth)
    assert assessment.known == truth
    assert len(asked) < len(kg)  # the DAG spares questions: never one per concept
