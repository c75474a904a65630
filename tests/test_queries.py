"""Every query on the small literal graph, as kgraph.queries defines it."""

from __future__ import annotations

import pytest

from kgraph.errors import UnknownConceptError
from kgraph.graph import KGraph
from kgraph.model import Category, Level
from kgraph.queries import (
    gaps,
    learning_path,
    listing,
    next_steps,
    search,
    show,
    stats,
    unlocks,
    why,
)


def ids(concepts) -> list[str]:
    return [c.id for c in concepts]


def test_path_from_a_known_concept(small_graph: KGraph):
    plan = learning_path(small_graph, "qlora", source="linalg")
    assert [s.concept.id for s in plan.steps] == ["python", "ml", "lora", "quant", "qlora"]
    assert [s.running_hours for s in plan.steps] == [10, 40, 46, 50, 53]
    assert plan.hours == 53
    assert plan.chain == ("linalg", "ml", "lora", "qlora")
    assert [(t.level, t.count, t.hours) for t in plan.totals] == [
        (Level.FOUNDATIONS, 2, 40),
        (Level.TUNE, 3, 13),
    ]


def test_path_with_known_set_and_no_source(small_graph: KGraph):
    plan = learning_path(small_graph, "qlora", known=["lora"])
    assert [s.concept.id for s in plan.steps] == ["quant", "qlora"]
    assert plan.chain == ()
    assert plan.known == ("lora",)


def test_path_strict_counts_only_what_is_marked(small_graph: KGraph):
    plan = learning_path(small_graph, "qlora", known=["lora"], strict=True)
    assert [s.concept.id for s in plan.steps] == ["linalg", "python", "ml", "quant", "qlora"]


def test_path_to_something_known_is_empty(small_graph: KGraph):
    plan = learning_path(small_graph, "ml", source="qlora")
    assert plan.steps == ()
    assert plan.hours == 0


def test_path_with_unrelated_source_has_no_chain(small_graph: KGraph):
    plan = learning_path(small_graph, "lora", source="history")
    assert plan.chain == ()
    assert [s.concept.id for s in plan.steps] == ["linalg", "python", "ml", "lora"]


def test_path_unknown_name(small_graph: KGraph):
    with pytest.raises(UnknownConceptError):
        learning_path(small_graph, "nope")


def test_gaps_split_ready_and_blocked(small_graph: KGraph):
    result = gaps(small_graph, "qlora", known=["ml"])
    assert ids(result.ready) == ["lora", "quant"]
    assert [(b.concept.id, b.waiting_for) for b in result.blocked] == [("qlora", ("lora", "quant"))]
    assert result.unmarked == ()


def test_gaps_strict_reports_unmarked_prerequisites(small_graph: KGraph):
    result = gaps(small_graph, "qlora", known=["lora"], strict=True)
    assert result.unmarked == (("lora", ("linalg", "ml", "python")),)
    assert ids(result.ready) == ["linalg", "python"]


def test_next_steps_ranks_by_unlocks_per_hour(small_graph: KGraph):
    result = next_steps(small_graph, known=["linalg", "python"])
    assert [(c.concept.id, c.unlocks) for c in result.candidates] == [
        ("ml", 4),
        ("history", 0),
    ]


def test_next_steps_toward_a_goal(small_graph: KGraph):
    result = next_steps(small_graph, known=["ml"], goal="lora")
    assert [(c.concept.id, c.unlocks) for c in result.candidates] == [("lora", 0)]


def test_why_gives_every_shortest_chain_with_reasons(small_graph: KGraph):
    result = why(small_graph, "ml", "qlora")
    assert [[(ln.prerequisite, ln.concept) for ln in c] for c in result.chains] == [
        [("ml", "lora"), ("lora", "qlora")],
        [("ml", "quant"), ("quant", "qlora")],
    ]
    assert result.chains[0][0].why == "lora builds on ml"


def test_why_not_needed(small_graph: KGraph):
    assert why(small_graph, "history", "agi").chains == ()


def test_unlocks_by_ring_and_depth(small_graph: KGraph):
    result = unlocks(small_graph, "ml")
    assert [(d, ids(cs)) for d, cs in result.rings] == [
        (1, ["lora", "quant"]),
        (2, ["qlora"]),
        (3, ["agi"]),
    ]
    assert [d for d, _ in unlocks(small_graph, "ml", depth=2).rings] == [1, 2]


def test_show(small_graph: KGraph):
    details = show(small_graph, "Machine Learning")
    assert details.concept.id == "ml"
    assert [(c.id, w) for c, w in details.prerequisites] == [
        ("linalg", "ml builds on linalg"),
        ("python", "ml builds on python"),
    ]
    assert ids(details.unlocks) == ["lora", "quant"]


def test_search_ranks_exact_then_names_then_summaries(small_graph: KGraph):
    assert ids(search(small_graph, "lora").concepts) == ["lora", "qlora"]
    assert "ml" in ids(search(small_graph, "concept ml,").concepts)
    assert search(small_graph, "no such thing").concepts == ()


def test_listing_filters(small_graph: KGraph):
    assert ids(listing(small_graph, level=Level.TUNE).concepts) == ["lora", "qlora", "quant"]
    assert ids(listing(small_graph, category=Category.MATH).concepts) == []
    assert len(listing(small_graph).concepts) == len(small_graph)


def test_stats(small_graph: KGraph):
    result = stats(small_graph)
    assert (result.concepts, result.edges, result.hours) == (8, 7, 125)
    assert (result.roots, result.leaves, result.longest_chain) == (3, 2, 5)
    assert result.by_category == (("ml", 8),)
