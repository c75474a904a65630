from __future__ import annotations

import pytest

from kgraph.errors import UnknownConceptError
from kgraph.model import Category, Level
from kgraph.render import selection_title
from kgraph.selection import neighbourhood, select


def test_everything_in_learning_order_by_default(small_graph):
    """With no option every concept is selected, each after its prerequisites."""
    selection = select(small_graph)
    assert set(selection.members) == set(small_graph.concepts)
    position = {cid: i for i, cid in enumerate(selection.members)}
    for prereq, concept in selection.edges:
        assert position[prereq] < position[concept]
    assert selection_title(selection) == "kgraph: all concepts"
    assert selection.plan is None
    assert selection.plan_ids == ()


def test_focus_takes_depth_rungs_both_ways(small_graph):
    """--focus X --depth N keeps X with N steps of prerequisites and of dependents."""
    assert set(select(small_graph, focus="lora", depth=0).members) == {"lora"}
    assert set(select(small_graph, focus="LoRA", depth=1).members) == {"ml", "lora", "qlora"}
    assert set(select(small_graph, focus="lora", depth=2).members) == {
        "linalg", "python", "ml", "quant", "lora", "qlora", "agi",
    }  # fmt: skip
    assert neighbourhood(small_graph, "history", 3) == {"history"}


def test_edges_are_only_between_members_and_sorted(small_graph):
    """An edge is kept when both ends are selected; edges sort by concept, then prerequisite."""
    selection = select(small_graph, focus="qlora", depth=1)
    assert selection.edges == (("qlora", "agi"), ("lora", "qlora"), ("quant", "qlora"))


def test_path_with_from_and_to_keeps_the_graph_and_carries_the_plan(small_graph):
    """--path FROM TO without --only-path highlights the plan inside the whole graph."""
    selection = select(small_graph, path=("lora", "agi"))
    assert len(selection.members) == len(small_graph)
    assert selection.plan_ids == ("quant", "qlora", "agi")
    assert selection_title(selection) == "kgraph: lora → agi"


def test_only_path_keeps_the_plan_alone(small_graph):
    """--only-path reduces the selection to the plan, in the plan's order."""
    selection = select(small_graph, path=("python", "agi"), only_path=True)
    assert selection.members == selection.plan_ids
    assert selection.members == ("linalg", "ml", "lora", "quant", "qlora", "agi")


def test_path_without_from_starts_from_the_known_set(small_graph):
    """`kgraph path TO` has no FROM: the plan is cl(TO) minus what is known."""
    selection = select(small_graph, path=(None, "qlora"), only_path=True, known=["ml"])
    assert selection.members == ("lora", "quant", "qlora")
    assert selection_title(selection) == "kgraph: path to qlora"


def test_strict_counts_only_what_is_marked(small_graph):
    """Under strict the prerequisites of a known concept are neither known nor skipped."""
    loose = select(small_graph, path=(None, "ml"), only_path=True, known=["ml"])
    strict = select(small_graph, path=(None, "lora"), only_path=True, known=["ml"], strict=True)
    assert loose.members == ()
    assert strict.members == ("linalg", "python", "lora")
    assert strict.known == {"ml"}


def test_known_is_the_closure_of_what_is_named(small_graph):
    """Knowing ml marks linalg and python as known too."""
    assert select(small_graph, known=["machine-learning basics"]).known == {
        "ml", "linalg", "python",
    }  # fmt: skip


def test_levels_and_categories_filter(small_graph):
    """Repeated --level and --category keep concepts on any of those rungs and topics."""
    tune_or_top = select(small_graph, levels=[Level.TUNE, Level.FRONTIER])
    assert set(tune_or_top.members) == {"lora", "quant", "qlora", "agi"}
    assert select(small_graph, categories=[Category.MATH]).members == ()
    assert len(select(small_graph, categories=[Category.ML, Category.MATH]).members) == 8


def test_unknown_names_raise_with_suggestions(small_graph):
    """A misspelt focus, path end or known concept is an UnknownConceptError."""
    for kwargs in ({"focus": "lorra"}, {"path": ("lora", "agj")}, {"known": ["pyhton"]}):
        with pytest.raises(UnknownConceptError):
            select(small_graph, **kwargs)


def test_shuffled_graph_selects_the_same(small_graph, shuffled_small_graph):
    """The order of the file never changes members, edges or plan."""
    for kwargs in ({}, {"focus": "ml", "depth": 2}, {"path": ("python", "agi")}):
        a, b = select(small_graph, **kwargs), select(shuffled_small_graph, **kwargs)
        assert (a.members, a.edges, a.plan_ids, a.title) == (
            b.members,
            b.edges,
            b.plan_ids,
            b.title,
        )


def test_steps_number_the_plan_from_one(small_graph):
    selection = select(small_graph, path=("python", "lora"))
    assert selection.steps == {cid: n for n, cid in enumerate(selection.plan_ids, 1)}
    assert sorted(selection.steps.values()) == list(range(1, len(selection.plan_ids) + 1))
    assert select(small_graph).steps == {}
