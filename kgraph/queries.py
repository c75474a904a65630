"""The learner's questions (path, gaps, next, why, unlocks, show, search, list, stats) answered.

``cl(X)`` is X with all its ancestors; ``closure(K)`` is the union of ``cl(k)``. Knowing a
concept means knowing its prerequisites too, unless ``strict`` says that only what is marked
counts. Queries never print and never read files; renderers turn their results into text.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from kgraph.graph import names_of
from kgraph.model import LEVELS, Category, Concept, Headline, Level

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from kgraph.graph import KGraph
    from kgraph.model import Shown

E = TypeVar("E", bound="Shown")  # what a plan holds of each entry: a Concept, or its Headline


class Step(NamedTuple, Generic[E]):
    """One concept of a plan (whole, or its `Headline`), with the hours studied once it is done."""

    concept: E
    running_hours: float


class RungTotal(NamedTuple):
    """How much of a result lies on one rung: all of it, and how much of that is projects."""

    level: Level
    count: int  # type: ignore[assignment]  # shadows tuple.count; "count" in JSON
    hours: float  # study and project hours together
    projects: int = 0
    project_hours: float = 0.0

    @property
    def study_hours(self) -> float:
        """Hours spent learning concepts, projects left out."""
        return self.hours - self.project_hours


class Plan(NamedTuple, Generic[E]):
    """What to learn, in order, to reach ``target`` from ``source`` and the known set.

    `learning_path` gives each step's whole `Concept`; `plan_outline` only its `Headline`.
    """

    target: str
    source: str | None
    known: tuple[str, ...]
    steps: tuple[Step[E], ...]
    totals: tuple[RungTotal, ...]
    chain: tuple[str, ...]
    strict: bool = False  # only what is marked counts as known, not its prerequisites
    reversed: bool = False  # target is a prerequisite of source: the other order has a plan
    projects: bool = True  # the capstones of the rungs climbed are carried
    capstones: tuple[str, ...] = ()  # the capstones carried, lowest rung first
    study_hours: float = 0.0  # hours of the plan's concepts
    project_hours: float = 0.0  # hours of the plan's projects

    @property
    def hours(self) -> float:
        """Hours of the whole plan, study and projects."""
        return self.steps[-1].running_hours if self.steps else 0.0


class Blocked(NamedTuple):
    """A missing concept and the missing prerequisites that stand in its way."""

    concept: Concept
    waiting_for: tuple[str, ...]


class Gaps(NamedTuple):
    """What is missing for ``target``: ready now, or blocked."""

    target: str
    ready: tuple[Concept, ...]
    blocked: tuple[Blocked, ...]
    unmarked: tuple[tuple[str, tuple[str, ...]], ...]


class Candidate(NamedTuple):
    """A concept you can learn next and how much it unlocks per hour."""

    concept: Concept
    unlocks: int
    score: float


class NextSteps(NamedTuple):
    """The concepts ready to learn now, most leverage first."""

    goal: str | None
    candidates: tuple[Candidate, ...]


class Link(NamedTuple):
    """An edge of a chain, with its reason (and the reason in Russian, when the graph has it)."""

    prerequisite: str
    concept: str
    why: str
    why_ru: str | None = None


class Why(NamedTuple):
    """The shortest chains that make ``source`` needed for ``target`` (none: not needed)."""

    source: str
    target: str
    chains: tuple[tuple[Link, ...], ...]
    reversed: bool = False  # target is needed for source: the other order has chains


class Unlocks(NamedTuple):
    """What a concept opens up, by distance (1 = directly)."""

    concept: str
    rings: tuple[tuple[int, tuple[Concept, ...]], ...]


class Details(NamedTuple):
    """One concept with its neighbours."""

    concept: Concept
    prerequisites: tuple[tuple[Concept, str], ...]
    unlocks: tuple[Concept, ...]
    deeper: Concept | None = None  # the full version of a light counterpart
    lighter: tuple[Concept, ...] = ()  # the light counterparts whose full version this is


class Listing(NamedTuple):
    """Concepts that match a filter or a search, with what was asked (renderers say it)."""

    concepts: tuple[Concept, ...]
    search: str | None = None
    level: Level | None = None
    category: Category | None = None
    covers: tuple[tuple[str, str], ...] = ()  # (id, sub-topic) where a search matched `covers`


class Stats(NamedTuple):
    """The graph's size and shape."""

    concepts: int
    edges: int
    hours: float
    by_level: tuple[RungTotal, ...]
    by_category: tuple[tuple[str, int], ...]
    roots: int
    leaves: int
    longest_chain: int


def known_set(kg: KGraph, known: Iterable[str], *, strict: bool = False) -> set[str]:
    """What counts as known: the closure of *known*, or exactly it under *strict*."""
    ids = kg.resolve_all(known)
    return set(ids) if strict else kg.closure(ids)


def rung_totals(concepts: Iterable[Shown]) -> tuple[RungTotal, ...]:
    """Count and hours per rung (projects among them apart), in ladder order, empty rungs left out.

    Hours are summed in the order given, so a plan's totals match its running hours.
    """
    count: Counter[Level] = Counter()
    projects: Counter[Level] = Counter()
    hours: dict[Level, float] = dict.fromkeys(LEVELS, 0.0)
    project_hours: dict[Level, float] = dict.fromkeys(LEVELS, 0.0)
    for concept in concepts:
        count[concept.level] += 1
        hours[concept.level] += concept.hours
        if concept.is_project:
            projects[concept.level] += 1
            project_hours[concept.level] += concept.hours
    return tuple(
        RungTotal(lv, count[lv], hours[lv], projects[lv], project_hours[lv])
        for lv in LEVELS
        if count[lv]
    )


def climbed_capstones(
    kg: KGraph, goal: str, *, source: str | None, have: set[str]
) -> tuple[str, ...]:
    """The capstones a plan toward *goal* carries: one per rung it climbs, unless known.

    The rungs climbed run from *source*'s rung (without a source: the highest rung among the
    known concepts *have*, else ``use``) up to the rung below *goal*'s; ``foundations`` has no
    capstone. Should a rung hold more than one capstone (`kgraph validate` refuses that), the
    lowest id counts.
    """
    if source is not None:
        bottom = kg.rank(source)
    else:
        bottom = max((kg.rank(c) for c in have), default=Level.USE.rank)
    bottom = max(bottom, Level.USE.rank)
    per_rung: dict[int, str] = {}
    for capstone in kg.capstones:  # sorted: the lowest id of a rung wins
        per_rung.setdefault(kg.rank(capstone), capstone)
    top = kg.rank(goal)
    return tuple(
        per_rung[rank]
        for rank in range(bottom, top)
        if rank in per_rung and per_rung[rank] not in have
    )


def learning_path(  # noqa: PLR0913 - one keyword per option of `kgraph path`
    kg: KGraph,
    target: str,
    *,
    source: str | None = None,
    known: Iterable[str] = (),
    strict: bool = False,
    projects: bool = True,
) -> Plan[Concept]:
    """The plan ``cl(target) − closure({source} ∪ known)`` plus the capstones it climbs past.

    With *projects* (the default) the plan also carries `climbed_capstones` with what they
    need, unless the goal is already known (then there is nothing to climb); without, it is
    the bare closure. The order is `KGraph.plan_order`: every step after its prerequisites,
    the ladder climbed capstone by capstone, ``tune`` and above walked from each capstone or
    goal, ``foundations`` and ``use`` concepts just in time. Study and project hours are summed
    apart.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("python", "ml"), ("linalg", "ml"), ("ml", "lora")])
        >>> [s.concept.id for s in learning_path(kg, "lora", source="python").steps]
        ['linalg', 'ml', 'lora']
    """
    return _plan(
        kg, target, kg.__getitem__, source=source, known=known, strict=strict, projects=projects
    )


def plan_outline(  # noqa: PLR0913 - as learning_path
    kg: KGraph,
    target: str,
    *,
    source: str | None = None,
    known: Iterable[str] = (),
    strict: bool = False,
    projects: bool = True,
) -> Plan[Headline]:
    """`learning_path`'s plan, each step only the `Headline` its text shows.

    The same steps, order, hours and totals; a cached graph builds none of its concepts for it.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("python", "ml"), ("linalg", "ml"), ("ml", "lora")])
        >>> [s.concept.id for s in plan_outline(kg, "lora", source="python").steps]
        ['linalg', 'ml', 'lora']
    """
    return _plan(
        kg, target, kg.headline, source=source, known=known, strict=strict, projects=projects
    )


def _plan(  # noqa: PLR0913 - learning_path's options, and what each step holds
    kg: KGraph,
    target: str,
    entry: Callable[[str], E],
    *,
    source: str | None,
    known: Iterable[str],
    strict: bool,
    projects: bool,
) -> Plan[E]:
    goal = kg.resolve(target)
    start = kg.resolve(source) if source is not None else None
    marked = kg.resolve_all([*known, *([start] if start else [])])
    have = known_set(kg, marked, strict=strict)
    wanted = kg.closure([goal]) - have
    carried: tuple[str, ...] = ()
    if projects and wanted:  # a known goal climbs no rung
        carried = climbed_capstones(kg, goal, source=start, have=have)
        wanted |= kg.closure(carried) - have  # one walk: the union of their closures
    entries = [entry(cid) for cid in kg.plan_order(wanted)]
    steps: list[Step[E]] = []
    total, study, built = 0.0, 0.0, 0.0
    for concept in entries:
        total += concept.hours
        if concept.is_project:
            built += concept.hours
        else:
            study += concept.hours
        steps.append(Step(concept, total))
    chain = kg.shortest_chains(start, goal, limit=1) if start else []
    return Plan(
        target=goal,
        source=start,
        known=tuple(sorted(set(marked) - {start})),
        steps=tuple(steps),
        totals=rung_totals(entries),
        chain=chain[0] if chain and len(chain[0]) > 1 else (),
        strict=strict,
        reversed=start is not None and goal in kg.ancestors(start),
        projects=projects,
        capstones=carried,
        study_hours=study,
        project_hours=built,
    )


def gaps(kg: KGraph, target: str, *, known: Iterable[str] = (), strict: bool = False) -> Gaps:
    """Split what is missing for *target* into ready-now and blocked concepts.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("python", "ml"), ("ml", "lora"), ("linalg", "ml")])
        >>> [c.id for c in gaps(kg, "lora", known=["python"]).ready]
        ['linalg']
    """
    goal = kg.resolve(target)
    marked = kg.resolve_all(known)
    have = known_set(kg, marked, strict=strict)
    missing = kg.learning_order(kg.closure([goal]) - have)
    ready, blocked = [], []
    for cid in missing:
        waiting = tuple(p for p in kg.prerequisites[cid] if p not in have)
        if waiting:
            blocked.append(Blocked(kg[cid], waiting))
        else:
            ready.append(kg[cid])
    unmarked = tuple(
        (k, tuple(sorted(kg.ancestors(k) - have))) for k in sorted(marked) if kg.ancestors(k) - have
    )
    return Gaps(goal, tuple(ready), tuple(blocked), unmarked if strict else ())


def next_steps(
    kg: KGraph, *, known: Iterable[str] = (), strict: bool = False, goal: str | None = None
) -> NextSteps:
    """What to learn next: unknown concepts whose prerequisites are all known, by leverage.

    Leverage is how many concepts each unlocks (transitively; within the plan toward *goal*
    when given) per hour of study; ties go to the lower rung, then to the id.

    Examples:
        >>> from kgraph.graph import KGraph
        >>> kg = KGraph.from_edges([("python", "ml"), ("ml", "lora"), ("linalg", "ml")])
        >>> [c.concept.id for c in next_steps(kg, known=["python"]).candidates]
        ['linalg']
    """
    have = known_set(kg, known, strict=strict)
    target = kg.resolve(goal) if goal is not None else None
    scope = kg.closure([target]) if target is not None else set(kg.concepts)
    ready = [c for c in scope - have if all(p in have for p in kg.prerequisites[c])]
    unlocked = kg.descendant_counts(ready, scope)
    candidates = [Candidate(kg[c], unlocked[c], unlocked[c] / kg[c].hours) for c in ready]
    candidates.sort(key=lambda c: (-c.score, *kg.rung_key(c.concept.id)))
    return NextSteps(target, tuple(candidates))


def why(kg: KGraph, source: str, target: str, *, limit: int = 3) -> Why:
    """The shortest chains by which *source* is needed for *target*, with every edge's reason."""
    start, goal = kg.resolve(source), kg.resolve(target)
    chains = []
    for chain in kg.shortest_chains(start, goal, limit=limit):
        links = []
        for prereq, concept in pairwise(chain):
            edge = kg.edge(prereq, concept)
            links.append(Link(prereq, concept, edge.why, edge.why_ru))
        chains.append(tuple(links))
    found = tuple(c for c in chains if c)
    return Why(start, goal, found, reversed=not found and goal in kg.ancestors(start))


def unlocks(kg: KGraph, concept: str, *, depth: int | None = None) -> Unlocks:
    """What *concept* opens up, ring by ring, up to *depth* edges away (all when None)."""
    start = kg.resolve(concept)
    rings: dict[int, list[Concept]] = {}
    for cid, distance in sorted(kg.distances_from(start).items()):
        if distance > 0 and (depth is None or distance <= depth):
            rings.setdefault(distance, []).append(kg[cid])
    return Unlocks(start, tuple((d, tuple(cs)) for d, cs in sorted(rings.items())))


def show(kg: KGraph, concept: str) -> Details:
    """One concept with its prerequisites (and why), what it directly unlocks, and its versions.

    A light counterpart names its full version (``deeper``: go deeper); a full version lists
    its light counterparts (``lighter``).
    """
    found = kg[kg.resolve(concept)]
    needs = tuple(sorted(((kg[p.id], p.why) for p in found.prerequisites), key=_first_id))
    deeper = kg[found.deeper] if found.deeper is not None and found.deeper in kg else None
    return Details(
        found,
        needs,
        tuple(kg[d] for d in kg.dependents[found.id]),
        deeper=deeper,
        lighter=tuple(kg[c] for c in kg.lighter.get(found.id, ())),
    )


def search(kg: KGraph, text: str) -> Listing:
    """Concepts matching *text*, best first: a name, a sub-topic, then summaries.

    The ranks: an exact name (id, name, alias, translated name); an exact sub-topic the concept
    covers; a name containing *text*; a sub-topic containing it; a summary containing it. Ties
    go to the lower rung, then the id. Where a sub-topic matched and no name did, the listing
    says which (`Listing.covers`). Every language counts, so a search is the same whatever the
    output language.
    """
    needle = text.casefold().strip()
    ranked, taught = [], {}
    for concept in kg.concepts.values():
        names = [n.casefold() for n in names_of(concept)]
        exact_topic = next((c for c in concept.covers if c.casefold() == needle), None)
        topic = exact_topic or next((c for c in concept.covers if needle in c.casefold()), None)
        if needle in names:
            rank = 0
        elif exact_topic is not None:
            rank = 1
        elif any(needle in n for n in names):
            rank = 2
        elif topic is not None:
            rank = 3
        elif any(needle in s.casefold() for s in _summaries(concept)):
            rank = 4
        else:
            continue
        if rank in {1, 3} and topic is not None:
            taught[concept.id] = topic
        ranked.append((rank, concept.level.rank, concept.id))
    order = [cid for *_, cid in sorted(ranked)]
    covers = tuple((cid, taught[cid]) for cid in order if cid in taught)
    return Listing(tuple(kg[cid] for cid in order), search=text, covers=covers)


def listing(kg: KGraph, *, level: Level | None = None, category: Category | None = None) -> Listing:
    """Concepts on *level* and in *category* (either may be None), in ladder order."""
    found = [
        c
        for c in kg.concepts.values()
        if (level is None or c.level == level) and (category is None or c.category == category)
    ]
    found.sort(key=lambda c: kg.rung_key(c.id))
    return Listing(tuple(found), level=level, category=category)


def stats(kg: KGraph) -> Stats:
    """Counts per rung and category, edges, roots, leaves and the longest prerequisite chain."""
    depth: dict[str, int] = {}
    for cid in kg.topological_order(set(kg.concepts)):
        depth[cid] = 1 + max((depth[p] for p in kg.prerequisites[cid]), default=0)
    categories = Counter(str(c.category) for c in kg.concepts.values())
    return Stats(
        concepts=len(kg),
        edges=sum(len(p) for p in kg.prerequisites.values()),
        hours=sum(c.hours for c in kg.concepts.values()),
        by_level=rung_totals(kg.concepts.values()),
        by_category=tuple(sorted(categories.items())),
        roots=sum(1 for p in kg.prerequisites.values() if not p),
        leaves=sum(1 for d in kg.dependents.values() if not d),
        longest_chain=max(depth.values(), default=0),
    )


def _summaries(concept: Concept) -> Iterator[str]:
    yield concept.summary
    for translation in concept.translations.values():
        yield translation.summary


def _first_id(pair: tuple[Concept, str]) -> str:
    return pair[0].id


__all__ = [
    "Blocked",
    "Candidate",
    "Details",
    "Gaps",
    "Link",
    "Listing",
    "NextSteps",
    "Plan",
    "RungTotal",
    "Stats",
    "Step",
    "Unlocks",
    "Why",
    "climbed_capstones",
    "gaps",
    "known_set",
    "learning_path",
    "listing",
    "next_steps",
    "plan_outline",
    "rung_totals",
    "search",
    "show",
    "stats",
    "unlocks",
    "why",
]
