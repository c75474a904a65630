"""`KGraph`: the loaded concepts with an adjacency index, name resolution and graph walks.

An edge runs prerequisite → concept: "know A before B". For a graph where lora needs
fine-tuning and matrix-rank::

    kg.prerequisites["lora"] == ("fine-tuning", "matrix-rank")  # what lora needs
    kg.dependents["matrix-rank"] == ("lora",)  # what needs matrix-rank

Every walk is iterative (a 100,000-long chain must not overflow the stack) and uses only the
standard library, so query commands never pay for importing networkx. Iteration follows sorted
ids, so every result is deterministic whatever the order of the file.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from kgraph.errors import MissingExtraError, UnknownConceptError
from kgraph.model import Category, Concept, Headline, Kind, Level, Prerequisite

JUST_IN_TIME: Final = frozenset({Level.FOUNDATIONS, Level.USE})
"""Rungs whose concepts a plan brings in just before their first use, not by the ladder."""
_JUST_IN_TIME_RANKS: Final = frozenset(level.rank for level in JUST_IN_TIME)
CAPSTONE: Final = "capstone"


def _kind_mark(kind: str, capstone: bool) -> str:  # noqa: FBT001 - a field's value
    """What the index keeps of a project: whether it is one, and whether it is a capstone."""
    return CAPSTONE if capstone else kind


if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

    import networkx as nx

_IGNORED: Final = r"[\s\-_]+"
_PARENTHESIS: Final = r"^(.+?)\s*\(([^()]+)\)$"
_LEVEL_RANKS: Final = {level.value: level.rank for level in Level}
_LEVELS: Final = {level.value: level for level in Level}


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """*pattern*, compiled on first use: a query by id never pays for the patterns it skips."""
    return re.compile(pattern)


def normalize(name: str) -> str:
    """The key names are compared by: case-folded, without spaces, hyphens and underscores."""
    return compiled(_IGNORED).sub("", name.casefold())


def names_of(concept: Concept) -> Iterator[str]:
    """Every name a user may type for *concept*: id, name, aliases, translated names."""
    yield concept.id
    yield concept.name
    yield from concept.aliases
    for translation in concept.translations.values():
        yield translation.name


def short_names(name: str) -> tuple[str, ...]:
    """A name ending in a parenthesis, split: ``Смесь экспертов (MoE)`` gives both parts."""
    found = compiled(_PARENTHESIS).match(name.strip())
    return found.groups() if found else ()


class KGraph:
    """The graph as plain dicts of sorted tuples, built once from validated concepts."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        by_id = {c.id: c for c in sorted(concepts, key=_by_id)}
        needs = {
            cid: tuple(sorted({p for p in c.prerequisite_ids if p in by_id}))
            for cid, c in by_id.items()
        }
        ranks = {cid: c.level.rank for cid, c in by_id.items()}
        kinds = {
            cid: _kind_mark(c.kind.value, c.capstone) for cid, c in by_id.items() if c.is_project
        }
        self._index(by_id, needs, ranks, kinds)

    @classmethod
    def from_entry(cls, rows: Iterable[Sequence[Any]], documents: Callable[[], bytes]) -> KGraph:
        """A graph of a cache entry (`kgraph.cache.load`): index rows, and its concepts' lines.

        The rows ``(id, level, (prerequisite ids), mark, hours, name, ((language, name), …))``
        (in id order, prerequisites sorted; mark ``""``, ``"project"`` or ``"capstone"``) are all
        a walk reads, and a plan's text (`headline`); *documents* gives each concept's JSON on a
        line of its own in the rows' order, called when a first concept is read, and a line is
        parsed when its concept is first read.
        """
        needs: dict[str, tuple[str, ...]] = {}
        ranks: dict[str, int] = {}
        kinds: dict[str, str] = {}
        heads: dict[str, Sequence[Any]] = {}
        for row in rows:
            cid, level, prerequisites, mark = row[:4]
            needs[cid], ranks[cid], heads[cid] = prerequisites, _LEVEL_RANKS[level], row
            if mark:
                kinds[cid] = mark
        graph = cls.__new__(cls)
        lines = _Lines({cid: i for i, cid in enumerate(heads)}, documents)
        graph._index(lines, needs, ranks, kinds)  # noqa: SLF001 - its own class
        graph._rows = heads  # noqa: SLF001 - its own class
        return graph

    def _index(
        self,
        concepts: Mapping[str, Concept],
        needs: dict[str, tuple[str, ...]],
        ranks: dict[str, int],
        kinds: dict[str, str],
    ) -> None:
        self.concepts: Mapping[str, Concept] = concepts
        # What ordering reads, so a walk builds no lazily loaded concept.
        self._ranks = ranks
        self._projects = frozenset(kinds)
        self.capstones: tuple[str, ...] = tuple(
            sorted(c for c, k in kinds.items() if k == CAPSTONE)
        )
        self._lighter: Mapping[str, tuple[str, ...]] | None = None
        self.prerequisites: Mapping[str, tuple[str, ...]] = needs
        self._dependents: Mapping[str, tuple[str, ...]] | None = None
        self._names: dict[str, str] | None = None
        self._covers: dict[str, tuple[str, ...]] | None = None
        self._rows: Mapping[str, Sequence[Any]] = {}  # a cache entry's index rows (from_entry)
        self._headlines: dict[str, Headline] = {}
        self.taught_in: list[tuple[str, str]] = []  # (name, id) resolved through a sub-topic

    @property
    def dependents(self) -> Mapping[str, tuple[str, ...]]:
        """What needs each concept (`prerequisites` turned round), made on first use.

        A plan (`plan_order`, `shortest_chains`) reads only prerequisites: ``kgraph path`` never
        turns the whole graph round.
        """
        if self._dependents is None:
            unlocks = reverse_adjacency(self.prerequisites)
            self._dependents = {k: tuple(v) for k, v in unlocks.items()}
        return self._dependents

    @classmethod
    def from_edges(cls, edges: Iterable[tuple[str, str]], *, hours: float = 1.0) -> KGraph:
        """A small graph from ``(prerequisite, concept)`` pairs, for examples and tests."""
        needs: dict[str, list[str]] = {}
        for prereq, concept in edges:
            needs.setdefault(prereq, [])
            needs.setdefault(concept, []).append(prereq)
        return cls(
            Concept(
                id=cid,
                name=cid,
                level=Level.FOUNDATIONS,
                category=Category.ML,
                summary=f"The concept {cid}.",
                hours=hours,
                prerequisites=tuple(Prerequisite(id=p, why=f"{cid} needs {p}") for p in ps),
            )
            for cid, ps in needs.items()
        )

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def headline(self, concept_id: str) -> Headline:
        """What a plan's text shows of *concept_id*: from a cache entry's index, nothing built."""
        found = self._headlines.get(concept_id)
        if found is None:
            row = self._rows.get(concept_id)
            if row is None:
                found = Headline.of(self[concept_id])
            else:
                cid, level, _, mark, hours, name, names = row
                kind = Kind.PROJECT if mark else Kind.CONCEPT
                found = Headline(cid, name, _LEVELS[level], hours, kind, mark == CAPSTONE, names)
            self._headlines[concept_id] = found
        return found

    def to_networkx(self) -> nx.DiGraph[str]:
        """The graph as a networkx ``DiGraph``, for the algorithms kgraph does not have.

        Nodes carry every field of the concept as in ``concepts.json`` (``translations``
        always); each edge runs prerequisite → concept with its ``why`` (and ``why_ru``).
        networkx is an extra, ``pip install 'kgraph[networkx]'``, imported here only.
        """
        try:
            import networkx as nx  # noqa: PLC0415 - optional and heavy
        except ModuleNotFoundError:
            raise MissingExtraError(package="networkx", extra="networkx") from None
        graph: nx.DiGraph[str] = nx.DiGraph()
        for cid in sorted(self.concepts):
            fields = {"translations": {}, **self.concepts[cid].to_json()}
            del fields["id"]
            graph.add_node(cid, **fields)
        for cid in sorted(self.concepts):
            for edge in sorted(self.concepts[cid].prerequisites, key=lambda p: p.id):
                if edge.id in self.concepts:
                    reason = {"why_ru": edge.why_ru} if edge.why_ru is not None else {}
                    graph.add_edge(edge.id, cid, why=edge.why, **reason)
        return graph

    @property
    def name_index(self) -> dict[str, str]:
        """Normalised name → id, over ids, names, aliases and translated names.

        A name with a parenthesis also answers to each part, but never shadows a whole name.
        """
        if self._names is None:
            index: dict[str, str] = {}
            parenthesised: list[tuple[str, str]] = []
            for cid, concept in self.concepts.items():
                for name in names_of(concept):
                    index.setdefault(normalize(name), cid)
                    if name.endswith(")"):
                        parenthesised.append((name, cid))
            for name, cid in parenthesised:  # after every whole name, so none is shadowed
                for part in short_names(name):
                    if key := normalize(part):
                        index.setdefault(key, cid)
            self._names = index
        return self._names

    @property
    def covers_index(self) -> dict[str, tuple[str, ...]]:
        """Normalised sub-topic (a concept's `covers`) → the ids of the concepts that teach it."""
        if self._covers is None:
            index: dict[str, list[str]] = {}
            for cid, concept in self.concepts.items():
                for topic in concept.covers:
                    owners = index.setdefault(normalize(topic), [])
                    if cid not in owners:
                        owners.append(cid)
            self._covers = {key: tuple(sorted(ids)) for key, ids in index.items()}
        return self._covers

    def resolve(self, name: str) -> str:
        """The id a user means by *name*; `UnknownConceptError` with suggestions otherwise.

        An id, name or alias always wins; failing those, a sub-topic that one concept alone
        covers names that concept (``top-p`` is taught in sampling parameters), noted in
        `taught_in` so the command line can say so. A sub-topic several concepts cover is an
        error that suggests them.
        """
        if name in self.concepts:  # an exact id needs no index of every name
            return name
        key = normalize(name)
        found = self.name_index.get(key)
        if found is not None:
            return found
        teachers = self.covers_index.get(key, ()) if key else ()
        if len(teachers) == 1:
            if (name, teachers[0]) not in self.taught_in:
                self.taught_in.append((name, teachers[0]))
            return teachers[0]
        raise UnknownConceptError(name, teachers or self.suggest(name))

    def resolve_all(self, names: Iterable[str]) -> tuple[str, ...]:
        """Resolve several names, keeping the first occurrence of each id."""
        return tuple(dict.fromkeys(self.resolve(n) for n in names))

    def suggest(self, name: str, *, limit: int = 3) -> tuple[str, ...]:
        """Ids whose names are closest to *name*: near spellings first, then containing it."""
        import difflib  # noqa: PLC0415 - only a misspelt name needs it

        key = normalize(name)
        index = self.name_index
        close = difflib.get_close_matches(key, sorted(index), n=limit * 3, cutoff=0.6)
        containing = sorted(k for k in index if key and key in k)
        ids = dict.fromkeys(index[k] for k in [*close, *containing])
        return tuple(ids)[:limit]

    def edge(self, prerequisite: str, concept: str) -> Prerequisite:
        """The edge *prerequisite* → *concept*, with its reason; `KeyError` if there is none."""
        for edge in self.concepts[concept].prerequisites:
            if edge.id == prerequisite:
                return edge
        raise KeyError((prerequisite, concept))

    def ancestors(self, concept_id: str) -> set[str]:
        """Everything *concept_id* needs, directly or transitively (not itself)."""
        return _reach(self.prerequisites, [concept_id])

    def descendants(self, concept_id: str) -> set[str]:
        """Everything that needs *concept_id*, directly or transitively (not itself)."""
        return _reach(self.dependents, [concept_id])

    def descendant_counts(self, sources: Iterable[str], within: set[str]) -> dict[str, int]:
        """For each source, how many concepts of *within* need it, directly or transitively.

        ``len(descendants(s) & within)`` for every source at once: one pass over everything
        the sources lead to, last first, each concept's descendants a bitset (a Python int)
        made of its dependents' and dropped once every prerequisite has read it. A walk per
        source would revisit the same descendants again and again (minutes at 100,000).
        """
        starts = set(sources)
        reach = starts | _reach(self.dependents, starts)
        waiting = {c: sum(p in reach for p in self.prerequisites[c]) for c in reach}
        bit = {c: 1 << i for i, c in enumerate(sorted(reach & within))}
        below: dict[str, int] = {}
        for cid in reversed(self.topological_order(reach)):
            mask = 0
            for dependent in self.dependents[cid]:
                mask |= below[dependent] | bit.get(dependent, 0)
                waiting[dependent] -= 1
                if not waiting[dependent] and dependent not in starts:
                    del below[dependent]  # every prerequisite has read it
            below[cid] = mask
        return {s: below[s].bit_count() for s in starts}

    def topological_order(self, members: set[str]) -> list[str]:
        """*members* with each after its prerequisites among them (`kahn_order`).

        Any valid order, cheaply: unlike `learning_order` it reads no concept, so a walk over
        100,000 lazily loaded concepts does not build them all.
        """
        return kahn_order(self.prerequisites, self.dependents, members)

    def closure(self, concept_ids: Iterable[str]) -> set[str]:
        """The concepts with all their ancestors: ``cl(k)`` united over *concept_ids*."""
        ids = set(concept_ids)
        return ids | _reach(self.prerequisites, ids)

    def learning_order(self, members: Iterable[str]) -> list[str]:
        """*members* in the order to learn them: up the ladder, related concepts together.

        Kahn's algorithm with a priority queue instead of `kahn_order`'s stack: which ready
        concept comes next is the whole point here, and costs a heap and reading every rung.

        Every concept comes after its prerequisites. Among the concepts whose prerequisites are
        done, the lowest rung goes first; within a rung, the depth-first order from the goals
        decides, so that a chain of prerequisites is learned in one stretch just before what
        needs it. Ties cannot remain: the depth-first order is total and follows sorted ids.
        """
        import heapq  # noqa: PLC0415 - a plan's order (plan_order) needs no heap

        chosen = set(members)
        position = {cid: i for i, cid in enumerate(self._depth_first(chosen))}
        waiting = {c: sum(p in chosen for p in self.prerequisites[c]) for c in chosen}
        ranks = self._ranks
        ready = [(ranks[c], position[c], c) for c, n in waiting.items() if not n]
        heapq.heapify(ready)
        order: list[str] = []
        while ready:
            *_, cid = heapq.heappop(ready)
            order.append(cid)
            for dependent in self.dependents[cid]:
                if dependent in chosen:
                    waiting[dependent] -= 1
                    if not waiting[dependent]:
                        entry = (ranks[dependent], position[dependent], dependent)
                        heapq.heappush(ready, entry)
        return order

    def plan_order(self, members: Iterable[str]) -> list[str]:
        """*members* in a plan's order: climbing capstone by capstone, each entry near its use.

        Every entry comes after all of its prerequisites. The rule, in three parts:

        1. *Stages*: one per capstone among the members (lowest rung first), then one per
           goal (a member nothing else among them needs; lowest rung first, then id). An entry
           belongs to the first stage whose target is it or needs it, so no stage's material
           comes before the capstone of the stage below.
        2. *Anchors* (every entry on ``tune`` and above, and every project) keep the order of a
           depth-first post-order walk from each stage's target in turn, which visits a node's
           prerequisites not yet walked *the one with the most ancestors among the members
           first* (the biggest subtree first, so the smallest, closest needs come right before
           their user), ties lower rung first, then id.
        3. *Just-in-time* entries (``foundations`` and ``use`` concepts, `JUST_IN_TIME`) are
           not placed by that walk: going through the anchors in its order, each anchor is
           preceded by its prerequisites not yet placed, depth-first in post-order
           (prerequisites lower rung first, then by id), so each comes right before the first
           entry that needs it, its own missing prerequisites right before it. What no anchor
           needs (a just-in-time goal, such as ``path prompting``) follows the anchors, walked
           the same way from each such goal, lowest rung first, then id.

        So every just-in-time entry that something in the plan needs is followed, through a run
        of other just-in-time entries only, by an entry that needs it directly; and an anchor
        waits long for its first use only where a capstone waits for the capstone above it.
        Reads only the index (rungs, projects, capstones, edges): no concept is built.

        Examples:
            >>> kg = KGraph.from_edges([("a", "c"), ("b", "c"), ("c", "d")])
            >>> kg.plan_order(["a", "b", "c", "d"])
            ['a', 'b', 'c', 'd']
        """
        chosen = set(members)
        ranks = self._ranks
        prerequisites = self.prerequisites
        needs = {c: [p for p in prerequisites[c] if p in chosen] for c in chosen}
        unlocks: dict[str, list[str]] = {c: [] for c in needs}  # the edges among them, turned
        for cid, prereqs in needs.items():
            for prereq in prereqs:
                unlocks[prereq].append(cid)
        goals = sorted((c for c, users in unlocks.items() if not users), key=self.rung_key)
        capstones = sorted((c for c in self.capstones if c in chosen), key=self.rung_key)
        below = _ancestor_counts(needs, unlocks)
        # The sort keys, made once: a dict lookup per comparison, not a call building a tuple.
        biggest_first = {c: (-below[c], ranks[c], c) for c in chosen}
        lowest_rung = {c: (ranks[c], c) for c in chosen}

        walked: list[str] = []
        entered: set[str] = set()
        for target in (*capstones, *goals):
            if target not in entered:
                entered.add(target)
                self._pull(target, needs, entered, walked, biggest_first.__getitem__)
        anchors = [c for c in walked if not self._just_in_time(c)]
        late = [c for c in goals if self._just_in_time(c)]
        placed: set[str] = set()
        order: list[str] = []
        for anchor in (*anchors, *late):
            if anchor not in placed:
                placed.add(anchor)
                self._pull(anchor, needs, placed, order, lowest_rung.__getitem__)
        return order

    @property
    def project_ids(self) -> frozenset[str]:
        """The ids of every project, capstones among them, from the index: nothing is built."""
        return self._projects

    def _just_in_time(self, concept_id: str) -> bool:
        return self._ranks[concept_id] in _JUST_IN_TIME_RANKS and concept_id not in self._projects

    @property
    def lighter(self) -> Mapping[str, tuple[str, ...]]:
        """Light counterparts by the full version they name (`Concept.deeper`); read once."""
        if self._lighter is None:
            found: dict[str, list[str]] = {}
            for cid in self.concepts:
                full = self.concepts[cid].deeper
                if full is not None and full in self.concepts:
                    found.setdefault(full, []).append(cid)
            self._lighter = {k: tuple(v) for k, v in found.items()}
        return self._lighter

    @staticmethod
    def _pull(
        anchor: str,
        needs: Mapping[str, list[str]],
        placed: set[str],
        order: list[str],
        key: Callable[[str], tuple[Any, ...]],
    ) -> None:
        """Append *anchor* after its unplaced prerequisites, depth-first in post-order.

        *needs* holds each entry's prerequisites among the entries; they are visited in *key*
        order.
        """
        stack = [(anchor, iter(sorted(needs[anchor], key=key)))]
        while stack:
            node, pending = stack[-1]
            for prereq in pending:
                if prereq not in placed:
                    placed.add(prereq)
                    stack.append((prereq, iter(sorted(needs[prereq], key=key))))
                    break
            else:
                stack.pop()
                order.append(node)

    def _depth_first(self, chosen: set[str]) -> list[str]:
        """Post-order from the goals (members nothing else chosen needs), lowest rung first.

        The walk is `_pull`'s, each node's prerequisites among *chosen* lowest rung first.
        """
        needs = {c: [p for p in self.prerequisites[c] if p in chosen] for c in chosen}
        goals = [m for m in chosen if not any(d in chosen for d in self.dependents[m])]
        order: list[str] = []
        entered: set[str] = set()
        for goal in sorted(goals, key=self.rung_key):
            entered.add(goal)
            self._pull(goal, needs, entered, order, self.rung_key)
        return order

    def rank(self, concept_id: str) -> int:
        """The rank of *concept_id*'s rung (`Level.rank`), from the index: nothing is built."""
        return self._ranks[concept_id]

    def rung_key(self, concept_id: str) -> tuple[int, str]:
        """Sort key: lowest rung first, then id."""
        return (self._ranks[concept_id], concept_id)

    def distances_from(self, source: str) -> dict[str, int]:
        """Edge counts of the shortest ways from *source* to each concept that needs it."""
        distance = {source: 0}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for nxt in self.dependents[node]:
                if nxt not in distance:
                    distance[nxt] = distance[node] + 1
                    queue.append(nxt)
        return distance

    def _distances_to(self, source: str, target: str) -> dict[str, int]:
        """`distances_from` *source*, for *target* and what it needs only, read backwards.

        A chain from *source* to *target* runs through *target*'s ancestors alone, so their
        distances are all `shortest_chains` reads: each is one more than its nearest
        prerequisite's, found depth-first along prerequisites (no dependents are needed).
        Concepts *source* does not lead to are left out, as `distances_from` leaves them.
        """
        prerequisites = self.prerequisites
        found: dict[str, int] = {source: 0}
        entered = {source, target}
        stack = [(target, iter(prerequisites[target]))]
        while stack:
            node, pending = stack[-1]
            for prereq in pending:
                if prereq not in entered:
                    entered.add(prereq)
                    stack.append((prereq, iter(prerequisites[prereq])))
                    break
            else:  # every prerequisite is done: the nearest one, if source leads to any
                stack.pop()
                steps = [found[p] for p in prerequisites[node] if p in found]
                if steps:
                    found[node] = min(steps) + 1
        return found

    def shortest_chains(self, source: str, target: str, *, limit: int = 3) -> list[tuple[str, ...]]:
        """Up to *limit* shortest chains source → … → target, in lexicographic order.

        Walks back from *target* along prerequisites one step nearer to *source*, lowest id
        first, keeping one shared path (a chain of 100,000 must not be copied at every step).
        """
        distance = self._distances_to(source, target)
        if target not in distance:
            return []

        def nearer(node: str) -> Iterator[str]:
            steps = (p for p in self.prerequisites[node] if distance.get(p) == distance[node] - 1)
            return iter(sorted(steps))

        chains: list[tuple[str, ...]] = []
        path, pending = [target], [nearer(target)]
        while pending and len(chains) < limit:
            if path[-1] == source:
                chains.append(tuple(reversed(path)))
                path.pop()
                pending.pop()
                continue
            step = next(pending[-1], None)
            if step is None:
                path.pop()
                pending.pop()
            else:
                path.append(step)
                pending.append(nearer(step))
        return sorted(chains)


class _Lines(Mapping[str, Concept]):
    """A cache entry's concepts by id, each parsed the first time it is read.

    The entry's lines are read and decoded on the first read of any concept, all at once.
    """

    def __init__(self, positions: dict[str, int], documents: Callable[[], bytes]) -> None:
        self._positions = positions  # id → its line
        self._documents = documents
        self._lines: list[str] | None = None
        self._built: dict[str, Concept] = {}

    def __getitem__(self, concept_id: str) -> Concept:
        built = self._built.get(concept_id)
        if built is None:
            import json  # noqa: PLC0415 - a plan's text reads no concept: its start needs no json

            position = self._positions[concept_id]
            if self._lines is None:
                self._lines = self._documents().decode().split("\n")  # once, not line by line
            line, self._lines[position] = self._lines[position], ""  # the concept keeps its own
            built = self._built[concept_id] = Concept.from_json(json.loads(line))
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._positions


def kahn_order(
    prerequisites: Mapping[str, Iterable[str]],
    dependents: Mapping[str, Iterable[str]],
    members: set[str],
) -> list[str]:
    """*members* with each after its prerequisites among them (Kahn's algorithm, iterative).

    The one topological walk: `KGraph.topological_order`, `kgraph.layout.depths` and the cycle
    search of `kgraph.validation` (which keeps what is *left*: every member on or behind a
    cycle) all use it (`KGraph.plan_order` walks its entries' own edges, already filtered).
    Edges to non-members are ignored.

    Examples:
        >>> needs = {"a": [], "b": ["a"], "c": ["b", "x"], "x": ["c"]}
        >>> kahn_order(needs, {"a": ["b"], "b": ["c"], "c": ["x"], "x": ["c"]}, set(needs))
        ['a', 'b']
    """
    waiting = {c: sum(p in members for p in prerequisites[c]) for c in members}
    ready = sorted(c for c, n in waiting.items() if not n)
    order: list[str] = []
    while ready:
        cid = ready.pop()
        order.append(cid)
        for dependent in dependents[cid]:
            if dependent in members:
                waiting[dependent] -= 1
                if not waiting[dependent]:
                    ready.append(dependent)
    return order


def reverse_adjacency(
    needs: Mapping[str, Iterable[str]], members: Collection[str] | None = None
) -> dict[str, list[str]]:
    """What needs each node: *needs* (node → its prerequisites) turned round, in *needs*' order.

    The one place edges are reversed. With *members*, only those nodes and the edges among them.

    Examples:
        >>> reverse_adjacency({"a": [], "b": ["a"], "c": ["a", "b"]})
        {'a': ['b', 'c'], 'b': ['c'], 'c': []}
        >>> reverse_adjacency({"a": [], "b": ["a"], "c": ["a", "b"]}, {"a", "c"})
        {'a': ['c'], 'c': []}
    """
    if members is None:
        members = needs.keys()
    unlocks: dict[str, list[str]] = {node: [] for node in needs if node in members}
    for node, prereqs in needs.items():
        if node in members:
            for prereq in prereqs:
                if prereq in members:
                    unlocks[prereq].append(node)
    return unlocks


def _ancestor_counts(
    needs: Mapping[str, list[str]], unlocks: Mapping[str, list[str]]
) -> dict[str, int]:
    """For each entry of *needs*, how many of its entries it needs through edges among them.

    *needs* holds each entry's prerequisites among the entries and *unlocks* the same edges
    turned round. One topological pass (Kahn's), each entry with its ancestors a bitset (a
    Python int, its own bit its index in that order, so an early entry's set stays short) made
    of its prerequisites' and dropped once every dependent has read it.
    """
    left = {c: len(prereqs) for c, prereqs in needs.items()}
    waiting = {c: len(users) for c, users in unlocks.items()}
    ready = [c for c, n in left.items() if not n]
    upto: dict[str, int] = {}  # an entry and its ancestors
    counts: dict[str, int] = {}
    i = 0
    while ready:
        cid = ready.pop()
        mask = 0
        for prereq in needs[cid]:
            mask |= upto[prereq]
            waiting[prereq] -= 1
            if not waiting[prereq]:
                del upto[prereq]  # every dependent has read it
        counts[cid] = mask.bit_count()
        if waiting[cid]:
            upto[cid] = mask | 1 << i
        i += 1
        for user in unlocks[cid]:
            left[user] -= 1
            if not left[user]:
                ready.append(user)
    return counts


def _by_id(concept: Concept) -> str:
    return concept.id


def _reach(edges: Mapping[str, tuple[str, ...]], start: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    stack = [n for s in start for n in edges.get(s, ())]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges[node])
    return seen


__all__ = [
    "CAPSTONE",
    "JUST_IN_TIME",
    "KGraph",
    "compiled",
    "kahn_order",
    "names_of",
    "normalize",
    "reverse_adjacency",
    "short_names",
]
