"""The queries' invariants on generated DAGs, and the stdlib walks held against networkx."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from kgraph.graph import KGraph
from kgraph.model import GraphFile
from kgraph.parsing import parse
from kgraph.queries import gaps, learning_path, next_steps
from kgraph.render.json import render_json
from kgraph.render.text import render_text
from kgraph.store import dump
from tests.strategies import dags


def pick(data: st.DataObject, graph: GraphFile, *, max_size: int = 4) -> list[str]:
    ids = sorted(c.id for c in graph.concepts)
    return sorted(data.draw(st.sets(st.sampled_from(ids), max_size=max_size)))


def to_nx(kg: KGraph) -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(kg.concepts)
    g.add_edges_from((p, c) for c, ps in kg.prerequisites.items() for p in ps)
    return g


@given(dags(), st.data())
def test_plan_is_closure_minus_known_in_prerequisite_order(graph, data):
    kg = KGraph(graph.concepts)
    target = data.draw(st.sampled_from(sorted(kg.concepts)))
    known = pick(data, graph)
    plan = learning_path(kg, target, known=known)
    steps = [s.concept.id for s in plan.steps]
    assert set(steps) == kg.closure([target]) - kg.closure(known)
    assert len(steps) == len(set(steps))
    position = {cid: i for i, cid in enumerate(steps)}
    for cid in steps:
        assert all(position[p] < position[cid] for p in kg.prerequisites[cid] if p in position)


@given(dags(), st.data())
def test_ready_and_blocked_partition_the_missing(graph, data):
    kg = KGraph(graph.concepts)
    target = data.draw(st.sampled_from(sorted(kg.concepts)))
    known = pick(data, graph)
    result = gaps(kg, target, known=known)
    ready = {c.id for c in result.ready}
    blocked = {b.concept.id for b in result.blocked}
    assert not ready & blocked
    assert ready | blocked == kg.closure([target]) - kg.closure(known)


@given(dags(), st.data())
def test_next_is_exactly_the_unknown_concepts_whose_prerequisites_are_known(graph, data):
    kg = KGraph(graph.concepts)
    known = pick(data, graph)
    have = kg.closure(known)
    expected = {c for c in kg.concepts if c not in have and set(kg.prerequisites[c]) <= have}
    assert {c.concept.id for c in next_steps(kg, known=known).candidates} == expected


@given(dags())
def test_load_dump_round_trip(graph):
    text = dump(graph)
    parsed = parse(text, "g")
    assert parsed.problems == ()
    assert parsed.graph is not None
    assert dump(parsed.graph) == text
    assert {c.id: c for c in parsed.graph.concepts} == {
        c.id: c._replace(prerequisites=tuple(sorted(c.prerequisites, key=lambda p: p.id)))
        for c in graph.concepts
    }


@given(dags(), st.randoms(use_true_random=False), st.data())
def test_shuffled_file_gives_identical_output(graph, rnd, data):
    concepts = list(graph.concepts)
    rnd.shuffle(concepts)
    shuffled = [c._replace(prerequisites=tuple(reversed(c.prerequisites))) for c in concepts]
    a, b = KGraph(graph.concepts), KGraph(shuffled)
    target = data.draw(st.sampled_from(sorted(a.concepts)))
    for result_a, result_b in [
        (learning_path(a, target), learning_path(b, target)),
        (next_steps(a), next_steps(b)),
        (gaps(a, target), gaps(b, target)),
    ]:
        assert render_text(result_a) == render_text(result_b)
        assert render_json(result_a) == render_json(result_b)
    assert dump(GraphFile(concepts=tuple(shuffled))) == dump(graph)


@given(dags(max_concepts=25), st.data())
def test_stdlib_walks_agree_with_networkx(graph, data):
    kg = KGraph(graph.concepts)
    g = to_nx(kg)
    node = data.draw(st.sampled_from(sorted(kg.concepts)))
    assert kg.ancestors(node) == nx.ancestors(g, node)
    assert kg.descendants(node) == nx.descendants(g, node)
    order = kg.learning_order(kg.concepts)
    assert sorted(order) == sorted(g.nodes)
    position = {cid: i for i, cid in enumerate(order)}
    assert all(position[u] < position[v] for u, v in g.edges)
    plain = kg.topological_order(set(kg.concepts))
    assert sorted(plain) == sorted(g.nodes)
    at = {cid: i for i, cid in enumerate(plain)}
    assert all(at[u] < at[v] for u, v in g.edges)
    assert nx.is_directed_acyclic_graph(g)
    other = data.draw(st.sampled_from(sorted(kg.concepts)))
    chains = kg.shortest_chains(node, other, limit=50)
    if nx.has_path(g, node, other) and node != other:
        expected = sorted(tuple(p) for p in nx.all_shortest_paths(g, node, other))
        assert chains == expected[:50]
    elif node != other:
        assert chains == []


@given(dags(), st.data())
def test_unlocks_are_exactly_the_concepts_whose_closure_holds_it(graph, data):
    kg = KGraph(graph.concepts)
    node = data.draw(st.sampled_from(sorted(kg.concepts)))
    expected = {c for c in kg.concepts if c != node and node in kg.closure([c])}
    assert kg.descendants(node) == expected


@given(dags(max_concepts=25), st.data())
def test_descendant_counts_agree_with_one_walk_per_source(graph, data):
    kg = KGraph(graph.concepts)
    ids = sorted(kg.concepts)
    sources = data.draw(st.sets(st.sampled_from(ids)))
    within = data.draw(st.sets(st.sampled_from(ids)))
    expected = {s: len(kg.descendants(s) & within) for s in sources}
    assert kg.descendant_counts(sources, within) == expected


@given(dags(), st.data())
def test_no_ready_concept_on_a_lower_rung_is_left_behind(graph, data):
    """At each step of a learning order, nothing ready then sits on a lower rung than the step."""
    kg = KGraph(graph.concepts)
    members = set(pick(data, graph, max_size=15))
    members = kg.closure(members) if data.draw(st.booleans()) else members
    order = kg.learning_order(members)
    assert sorted(order) == sorted(members)
    done: set[str] = set()
    for cid in order:
        ready = [
            m
            for m in members - done
            if all(p in done or p not in members for p in kg.prerequisites[m])
        ]
        assert cid in ready
        assert kg[cid].level.rank == min(kg[m].level.rank for m in ready)
        done.add(cid)
