"""Seeded synthetic concept graphs of any size, with field sizes like the shipped graph's.

`layered_dag(n, seed)` builds a valid `GraphFile`: concepts in layers, each (past the first
layer) needing one to three concepts of the few layers before it, rungs rising with the
layer, names, aliases, summaries, reasons and resources about as long as real ones. The
same ``(n, seed)`` always gives the same graph.

Run ``python bench/generate.py 1000 [seed]`` to print one as ``concepts.json``.
"""

from __future__ import annotations

import random
import sys

from kgraph.model import (
    LEVELS,
    Category,
    Concept,
    GraphFile,
    Prerequisite,
    Resource,
    ResourceKind,
)
from kgraph.store import dump

_WORDS = (
    "sparse attention routing adaptive token memory gradient kernel latent mixture expert "
    "quantized parallel residual spectral contrastive causal streaming federated recurrent "
    "rotary low-rank curriculum reward preference retrieval vector graph speculative paged "
    "distilled synthetic multimodal diffusion alignment scaling probing steering"
)
_FILLER = (
    "the model learns a representation that keeps what matters for the next step and drops "
    "the rest while training stays stable across long runs and large batches of mixed data "
    "so that later stages can reuse it without paying the full cost again at inference time"
)
WORDS = tuple(_WORDS.split(" "))
FILLER = tuple(_FILLER.split(" "))


def layered_dag(n: int, seed: int = 0) -> GraphFile:
    """A layered DAG of *n* concepts, deterministic for a given *seed*."""
    rng = random.Random(seed)
    layers = max(4, round(n**0.5 / 1.2))
    layer_of = sorted(rng.randrange(layers) for _ in range(n))
    layer_of[0] = 0
    ids = [f"{'-'.join(rng.sample(WORDS, 2))}-{i}" for i in range(n)]
    by_layer: dict[int, list[int]] = {}
    for i, layer in enumerate(layer_of):
        by_layer.setdefault(layer, []).append(i)
    concepts = []
    for i, cid in enumerate(ids):
        layer = layer_of[i]
        earlier = [j for back in (1, 2, 3) for j in by_layer.get(layer - back, ())]
        picks = rng.sample(earlier, min(len(earlier), rng.randint(1, 3))) if earlier else []
        concepts.append(_concept(rng, cid, layer / layers, [ids[j] for j in picks]))
    return GraphFile(concepts=tuple(sorted(concepts, key=lambda c: c.id)))


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(FILLER) - words)
    text = " ".join(FILLER[start : start + words])
    return text[0].upper() + text[1:] + "."


def _concept(rng: random.Random, cid: str, height: float, needs: list[str]) -> Concept:
    name = " ".join(w.capitalize() for w in cid.split("-")[:-1]) + f" {cid.rsplit('-', 1)[1]}"
    return Concept(
        id=cid,
        name=name,
        aliases=tuple(f"{cid}-alt{k}" for k in range(rng.randint(0, 2))),
        level=LEVELS[min(int(height * len(LEVELS)), len(LEVELS) - 1)],
        category=rng.choice(list(Category)),
        summary=" ".join(_sentence(rng, rng.randint(12, 22)) for _ in range(rng.randint(1, 3))),
        hours=float(rng.randint(1, 40)),
        prerequisites=tuple(
            Prerequisite(id=p, why=_sentence(rng, rng.randint(6, 12)).rstrip(".").lower())
            for p in sorted(needs)
        ),
        resources=tuple(
            Resource(
                title=_sentence(rng, rng.randint(3, 8)).rstrip("."),
                url=f"https://example.org/{cid}/{k}",
                kind=rng.choice(list(ResourceKind)),
                free=rng.random() < 0.7,  # most resources are free
            )
            for k in range(rng.randint(1, 3))
        ),
    )


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sys.stdout.write(dump(layered_dag(size, int(sys.argv[2]) if len(sys.argv) > 2 else 0)))
