"""How many topics of public curricula a learner finds in the graph by typing them.

Each ``*.txt`` under ``bench/curricula/`` is one curriculum's topic list: one topic per line,
``#`` lines are its header (name, public address, the commit read). A topic is *found* when
it names a concept the way ``kgraph`` resolves names: its id, name, an alias or a translated
name, compared case-insensitively and ignoring spaces, hyphens and underscores
(`kgraph.graph.normalize`); or when it is a sub-topic a concept ``covers``, compared the same
way. Three spellings of one topic are tried, each a plain reading of the same words:

- the whole topic, and without a leading article or framing ("The LLM Architecture", "A full
  training loop", "Introduction to Gradio", "Understanding Learning Curves");
- each side of a trailing parenthesis ("Natural Language Processing (NLP)"), as kgraph
  does for names;
- a list joined by "&", "/", ",", "+" or "and" ("GPTQ & AWQ") is found only when every part is.

Run ``python bench/topic_coverage.py [--graph PATH] [--lists DIR] [--misses]``: one line per
curriculum and one overall (all topics pooled), as percentages, then with ``--misses`` every
topic not found. The output depends only on the graph and the lists (same input, same bytes).
This is a measurement of content, not a timed benchmark.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from kgraph.graph import names_of, normalize, short_names
from kgraph.load import load_graph

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from kgraph.graph import KGraph

REPO: Final = Path(__file__).resolve().parent.parent
LISTS: Final = REPO / "bench" / "curricula"
_FRAMING: Final = re.compile(
    r"^(?:introduction to\s+|understanding\s+)?(?:(?:the|an?)\s+)?", re.IGNORECASE
)
_JOINS: Final = re.compile(r"\s*(?:&|/|,|\+|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Index:
    """Normalised keys a learner can type: concept names, and sub-topics concepts cover."""

    names: frozenset[str]
    covers: frozenset[str]

    @classmethod
    def of(cls, kg: KGraph) -> Index:
        """Every name the library resolves, and every ``covers`` entry, normalised."""
        names: set[str] = set()
        covers: set[str] = set()
        for concept in kg.concepts.values():
            for name in names_of(concept):
                names.add(normalize(name))
                names.update(normalize(part) for part in short_names(name))
            covers.update(normalize(topic) for topic in concept.covers)
        return cls(frozenset(names - {""}), frozenset(covers - {""}))

    def how(self, key: str) -> str | None:
        """``"name"`` or ``"cover"`` for a normalised key that is found, else None."""
        if key in self.names:
            return "name"
        return "cover" if key in self.covers else None


@dataclass(frozen=True)
class Tally:
    """One curriculum's result: how many topics were found by name, by cover, and the misses."""

    title: str
    by_name: int
    by_cover: int
    misses: tuple[str, ...]

    @property
    def total(self) -> int:
        """How many topics the list holds."""
        return self.by_name + self.by_cover + len(self.misses)


def spellings(topic: str) -> Iterator[str]:
    """The readings of *topic* tried one by one (see the module docstring)."""
    bare = _FRAMING.sub("", topic.strip())
    yield topic
    yield bare
    yield from short_names(bare)


def found(topic: str, index: Index) -> str | None:
    """How *topic* is found (``"name"`` or ``"cover"``), or None when it is not."""
    for spelling in spellings(topic):
        if how := index.how(normalize(spelling)):
            return how
    parts = [p for p in _JOINS.split(_FRAMING.sub("", topic.strip())) if p]
    if len(parts) > 1:
        hows = [found(part, index) for part in parts]
        if all(hows):
            return "name" if all(h == "name" for h in hows) else "cover"
    return None


def read_list(path: Path) -> tuple[str, list[str]]:
    """The curriculum's title (its first header line) and its topics."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line.lstrip("# ").strip() for line in lines if line.startswith("#")]
    topics = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return (header[0] if header else path.stem), topics


def tally(path: Path, index: Index) -> Tally:
    """Look every topic of the list at *path* up in *index*."""
    title, topics = read_list(path)
    hows = [found(topic, index) for topic in topics]
    misses = tuple(t for t, how in zip(topics, hows, strict=True) if how is None)
    return Tally(title, hows.count("name"), hows.count("cover"), misses)


def _line(label: str, found_name: int, found_cover: int, total: int) -> str:
    share = 100 * (found_name + found_cover) / total if total else 0.0
    return (
        f"{share:5.1f} %  {found_name + found_cover:3d}/{total:<3d}"
        f"  (name {found_name}, covers {found_cover})  {label}"
    )


def report(tallies: Iterable[Tally], *, misses: bool) -> str:
    """The lines printed: one per curriculum, the pooled total, the mean, then the misses."""
    tallies = list(tallies)
    lines = [_line(t.title, t.by_name, t.by_cover, t.total) for t in tallies]
    by_name = sum(t.by_name for t in tallies)
    by_cover = sum(t.by_cover for t in tallies)
    lines.append(_line("overall", by_name, by_cover, sum(t.total for t in tallies)))
    shares = [100 * (t.by_name + t.by_cover) / t.total for t in tallies if t.total]
    mean = sum(shares) / len(shares) if shares else 0.0
    lines.append(f"{mean:5.1f} %  mean of the {len(shares)} curricula")
    if misses:
        for t in tallies:
            lines.extend(["", f"missed in {t.title}:", *(f"  {m}" for m in t.misses)])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Parse the options, measure every list, print the report; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--graph", type=Path, default=REPO / "graph" / "concepts.json")
    parser.add_argument("--lists", type=Path, default=LISTS, help="folder of *.txt topic lists")
    parser.add_argument("--misses", action="store_true", help="list every topic not found")
    args = parser.parse_args(argv)
    index = Index.of(load_graph(args.graph, use_cache=False))
    paths = sorted(args.lists.glob("*.txt"))
    sys.stdout.write(report((tally(p, index) for p in paths), misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
