"""KGraph: adjacency, name resolution, walks and the learning order."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from kgraph.errors import MissingExtraError, UnknownConceptError
from kgraph.graph import KGraph, normalize, short_names
from kgraph.model import Translation
from tests.helpers import make_concept
from tests.render.conftest import hostile_concepts


def test_edges_run_prerequisite_to_concept(small_graph: KGraph):
    assert small_graph.prerequisites["ml"] == ("linalg", "python")
    assert small_graph.dependents["ml"] == ("lora", "quant")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lora", "lora"),
        ("LoRA", "lora"),
        ("Low-Rank Adaptation", "lora"),
        ("low_rank adaptation", "lora"),
        ("Machine Learning", "ml"),
        ("  QLORA ", "qlora"),
    ],
)
def test_resolve_by_id_name_or_alias_ignoring_case_spaces_hyphens(small_graph, name, expected):
    assert small_graph.resolve(name) == expected


def test_unknown_name_suggests_close_matches(small_graph: KGraph):
    with pytest.raises(UnknownConceptError) as err:
        small_graph.resolve("lorra")
    assert err.value.suggestions[0] == "lora"
    assert str(err.value).startswith("unknown concept 'lorra'; did you mean lora")


def test_unknown_name_without_anything_close_has_no_hint(small_graph: KGraph):
    with pytest.raises(UnknownConceptError, match=r"^unknown concept 'zzzzzz'$"):
        small_graph.resolve("zzzzzz")


def test_normalize():
    assert normalize("KV-Cache") == normalize("kv cache") == normalize("kv_cache") == "kvcache"


def test_ancestors_descendants_closure(small_graph: KGraph):
    assert small_graph.ancestors("qlora") == {"lora", "quant", "ml", "linalg", "python"}
    assert small_graph.descendants("ml") == {"lora", "quant", "qlora", "agi"}
    assert small_graph.closure(["lora", "history"]) == {"lora", "ml", "linalg", "python", "history"}


def test_learning_order_keeps_chains_together():
    kg = KGraph.from_edges([("a", "b"), ("b", "c"), ("x", "c")])
    assert kg.learning_order(kg.concepts) == ["a", "b", "x", "c"]


def _rungs(*concepts: tuple[str, str, tuple[str, ...]]) -> KGraph:
    """A literal graph of (id, rung, prerequisites)."""
    return KGraph(make_concept(c, level=lv, prerequisites=ps) for c, lv, ps in concepts)


def test_learning_order_takes_the_lowest_ready_rung_first():
    """a is first in depth-first order from g, but c is ready and on a lower rung."""
    kg = _rungs(
        ("a", "use", ()),
        ("b", "use", ("c",)),
        ("c", "foundations", ()),
        ("g", "frontier", ("a", "b")),
    )
    assert kg.learning_order(kg.concepts) == ["c", "a", "b", "g"]


def test_learning_order_breaks_ties_within_a_rung_depth_first_from_the_goal():
    """b and a are both ready on one rung: b comes first, as the depth-first walk from g meets it
    first (g needs b before c), and a is learned just before c, which needs it; by id a would
    come first."""
    kg = _rungs(
        ("a", "use", ()),
        ("b", "use", ()),
        ("c", "use", ("a",)),
        ("g", "tune", ("b", "c")),
    )
    assert kg.learning_order(kg.concepts) == ["b", "a", "c", "g"]


def test_learning_order_is_independent_of_input_order(small_graph, shuffled_small_graph):
    everything = list(small_graph.concepts)
    assert small_graph.learning_order(everything) == shuffled_small_graph.learning_order(
        reversed(everything)
    )


def test_shortest_chains(small_graph: KGraph):
    assert small_graph.shortest_chains("ml", "qlora", limit=5) == [
        ("ml", "lora", "qlora"),
        ("ml", "quant", "qlora"),
    ]
    assert small_graph.shortest_chains("lora", "quant") == []


def test_walks_survive_a_very_long_chain():
    size = 20_000
    kg = KGraph.from_edges([(f"c{i}", f"c{i + 1}") for i in range(size)])
    assert len(kg.ancestors(f"c{size}")) == size
    assert kg.learning_order(kg.concepts)[-1] == f"c{size}"
    assert len(kg.shortest_chains("c0", f"c{size}")[0]) == size + 1


def _translated(cid: str, name: str, ru: str, **fields: Any):
    summary = f"Понятие {cid}, описанное одним предложением для тестов."
    return make_concept(
        cid, name=name, translations={"ru": Translation(name=ru, summary=summary)}, **fields
    )


@pytest.fixture
def russian_graph() -> KGraph:
    """A graph with Russian names, one ending in a parenthesis, one equal to another's part."""
    return KGraph([
        _translated("attention", "Attention", "Внимание (attention)", aliases=("self-attention",)),
        _translated("moe", "Mixture of experts", "Смесь экспертов (MoE)"),
        _translated("experts", "Experts", "Эксперты"),
        _translated("quant", "Quantization", "Квантизация"),
        _translated("spoiler", "Spoiler", "Спойлер (Квантизация)"),
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Внимание (attention)", "attention"),
        ("внимание", "attention"),
        ("ВНИМАНИЕ", "attention"),
        ("self attention", "attention"),
        ("смесь  экспертов", "moe"),
        ("MoE", "moe"),
        ("эксперты", "experts"),
        ("квантизация", "quant"),  # a whole name wins over another name's parenthesis
        ("спойлер", "spoiler"),
    ],
)
def test_russian_names_and_their_parts_resolve(russian_graph, name, expected):
    assert russian_graph.resolve(name) == expected


def test_misspelt_russian_name_suggests_it(russian_graph):
    with pytest.raises(UnknownConceptError) as err:
        russian_graph.resolve("квантизацыя")
    assert err.value.suggestions[0] == "quant"
    with pytest.raises(UnknownConceptError) as err:
        russian_graph.resolve("вниманее")
    assert err.value.suggestions == ("attention",)


def test_short_names():
    assert short_names("Смесь экспертов (MoE)") == ("Смесь экспертов", "MoE")
    assert short_names(" FSDP (полностью шардированный) ") == ("FSDP", "полностью шардированный")
    assert short_names("Plain name") == ()
    assert short_names("(only)") == ()
    assert short_names("a (b) c") == ()


def test_to_networkx_carries_every_field_and_each_why():
    """Nodes hold the concept as in concepts.json; edges run prerequisite → concept with why."""
    import networkx as nx

    hostile_export_graph = KGraph(hostile_concepts())
    graph = hostile_export_graph.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert sorted(graph.nodes) == sorted(hostile_export_graph.concepts)
    for cid, concept in hostile_export_graph.concepts.items():
        expected = {"translations": {}, **concept.to_json()}
        del expected["id"]
        assert graph.nodes[cid] == expected
    edges = {
        (p.id, cid): {"why": p.why} | ({"why_ru": p.why_ru} if p.why_ru else {})
        for cid, concept in hostile_export_graph.concepts.items()
        for p in concept.prerequisites
    }
    assert {(u, v): d for u, v, d in graph.edges(data=True)} == edges
    assert nx.is_directed_acyclic_graph(graph)


def test_to_networkx_without_networkx_says_how_to_install_it(small_graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'kgraph\[networkx\]'"):
        small_graph.to_networkx()


def test_edge_gives_the_reason_or_key_error():

    kg = KGraph.from_edges([("python", "ml"), ("ml", "lora")])
    assert kg.edge("ml", "lora").why == "lora needs ml"
    with pytest.raises(KeyError):
        kg.edge("python", "lora")  # an ancestor, not a direct prerequisite


def test_a_loaded_concept_is_immutable_all_the_way_down():
    from kgraph.load import load_graph
    from tests.conftest import SHIPPED

    kg = load_graph(SHIPPED, use_cache=False)  # translated concepts
    concept = next(c for c in kg.concepts.values() if c.translations)
    assert hash(concept) == hash(kg.concepts[concept.id])
    assert {concept: 1}[kg.concepts[concept.id]] == 1
    with pytest.raises(TypeError):
        concept.translations["xx"] = concept.translations.get("ru")  # type: ignore[index]
    load_graph(SHIPPED)  # fills the cache: the next load reads concepts lazily from its entry
    lazy = load_graph(SHIPPED)
    assert {c: c.id for c in lazy.concepts.values()} == {c: c.id for c in kg.concepts.values()}
