"""Hypothesis strategies: DAGs built by construction (concept i needs only lower indexes)."""

from __future__ import annotations

from hypothesis import strategies as st

from kgraph.model import GraphFile
from tests.helpers import make_concept

LEVELS = ["foundations", "use", "tune", "repair", "build", "frontier"]


@st.composite
def dags(draw: st.DrawFn, max_concepts: int = 15) -> GraphFile:
    """A random valid graph file, concepts and prerequisite lists shuffled."""
    size = draw(st.integers(1, max_concepts))
    ids = [f"c{i}" for i in range(size)]
    concepts = []
    for i, cid in enumerate(ids):
        prereqs = sorted(draw(st.sets(st.sampled_from(ids[:i]), max_size=3))) if i else []
        level = draw(st.sampled_from(LEVELS))
        hours = draw(st.integers(1, 40)) / 2
        concepts.append(
            make_concept(
                cid, prerequisites=draw(st.permutations(prereqs)), level=level, hours=hours
            )
        )
    return GraphFile(concepts=tuple(draw(st.permutations(concepts))))
