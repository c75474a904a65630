"""Validation: every error in a graph file, located by line, column, concept and field.

Field rules live in the model; the rules that span concepts (duplicate ids, unknown or self
prerequisites, cycles, name collisions) are plain functions here, so they are reported together
with field errors instead of hiding behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.errors import Problem
from kgraph.graph import kahn_order, normalize, reverse_adjacency
from kgraph.model import CAPS
from kgraph.parsing import raw_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from kgraph.parsing import Parsed
    from kgraph.position import JsonPath


def validate(parsed: Parsed) -> tuple[Problem, ...]:
    """Every error of a parsed file: syntax, schema and cross-concept rules, in file order."""
    problems = list(parsed.problems)
    if parsed.items:
        for check in (_duplicate_ids, _prerequisite_ids, _cycles, _name_collisions):
            problems.extend(check(parsed))
    return tuple(sorted(set(problems), key=lambda p: p.sort_key))


def _problem(parsed: Parsed, loc: JsonPath, concept: str, field: str, message: str) -> Problem:
    line, column = parsed.locate(loc)
    return Problem(parsed.path, line, column, concept, field, message)


def _strings(value: object) -> Iterator[tuple[int, str]]:
    """The string items of a raw list, with their index (anything else was a schema error)."""
    if isinstance(value, list):
        yield from ((i, v) for i, v in enumerate(value) if isinstance(v, str))


def _raw_prerequisites(item: object) -> Iterator[tuple[int, str]]:
    if isinstance(item, dict) and isinstance(item.get("prerequisites"), list):
        for j, prereq in enumerate(item["prerequisites"]):
            found = prereq.get("id") if isinstance(prereq, dict) else None
            if isinstance(found, str) and len(found) <= CAPS["id"]:  # longer: the schema says
                yield j, found


def _identified(parsed: Parsed) -> Iterator[tuple[int, str, Any]]:
    """Raw concepts with a string id: cross-concept rules check even schema-invalid ones."""
    for index, item in enumerate(parsed.items):
        if (cid := raw_id(item)) is not None:
            yield index, cid, item


def _duplicate_ids(parsed: Parsed) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, cid, _ in _identified(parsed):
        if cid in first:
            line, _ = parsed.locate(("concepts", first[cid], "id"))
            message = f"duplicate id (first defined at line {line})"
            yield _problem(parsed, ("concepts", index, "id"), cid, "id", message)
        first.setdefault(cid, index)


def _prerequisite_ids(parsed: Parsed) -> Iterator[Problem]:
    ids = {cid for _, cid, _ in _identified(parsed)}
    for index, cid, item in _identified(parsed):
        seen: set[str] = set()
        for j, pid in _raw_prerequisites(item):
            loc = ("concepts", index, "prerequisites", j, "id")
            field = f"prerequisites[{j}].id"
            if pid == cid:
                yield _problem(parsed, loc, cid, field, "a concept cannot require itself")
            elif pid not in ids:
                close = _close_matches(pid, ids)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                yield _problem(parsed, loc, cid, field, f"unknown prerequisite {pid!r}{hint}")
            elif pid in seen:
                yield _problem(parsed, loc, cid, field, f"prerequisite {pid!r} is listed twice")
            seen.add(pid)


def _close_matches(name: str, ids: set[str]) -> list[str]:
    import difflib  # noqa: PLC0415 - only an unknown prerequisite needs it

    return difflib.get_close_matches(name, sorted(ids), n=3, cutoff=0.6)


def _cycles(parsed: Parsed) -> Iterator[Problem]:
    needs: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for index, cid, item in _identified(parsed):
        first.setdefault(cid, index)
        needs.setdefault(cid, set()).update(pid for _, pid in _raw_prerequisites(item))
    edges = {cid: sorted(p for p in ps if p in needs and p != cid) for cid, ps in needs.items()}
    for cycle in find_cycles(edges):
        loc = ("concepts", first[cycle[0]], "prerequisites")
        message = "prerequisites form a cycle: " + " → ".join(cycle)
        yield _problem(parsed, loc, cycle[0], "prerequisites", message)


def find_cycles(prerequisites: Mapping[str, Iterable[str]]) -> list[tuple[str, ...]]:
    """One cycle per tangle of the graph, each as ``a → b → … → a`` in edge direction.

    Kahn's algorithm peels off everything acyclic; from what remains, following prerequisites
    always revisits a node, and the stretch between the two visits is a cycle.

    Examples:
        >>> find_cycles({"a": ["c"], "b": ["a"], "c": ["b"], "d": []})
        [('a', 'b', 'c', 'a')]
    """
    needs = {cid: sorted(set(ps)) for cid, ps in prerequisites.items()}
    remaining = _peel(needs, set(needs))
    cycles = []
    while remaining:
        walk, node = [], min(remaining)
        while node not in walk:
            walk.append(node)
            node = min(p for p in needs[node] if p in remaining)
        loop = walk[walk.index(node) :][::-1]  # walked against the edges
        start = loop.index(min(loop))
        loop = loop[start:] + loop[:start]
        if len(loop) > 1:  # a self-prerequisite is reported on its own
            cycles.append((*loop, loop[0]))
        remaining = _peel(needs, remaining - set(loop))
    return cycles


def _peel(needs: Mapping[str, list[str]], members: set[str]) -> set[str]:
    """What is left of *members* after removing, again and again, those with no prerequisite left.

    Everything left needs something else left, so a walk along prerequisites finds a cycle.
    `kahn_order` is the walk; here a raw, possibly cyclic file has no `KGraph` to lend its index.
    """
    return members - set(kahn_order(needs, reverse_adjacency(needs, members), members))


def _name_collisions(parsed: Parsed) -> Iterator[Problem]:
    owner: dict[str, tuple[str, str]] = {}
    for index, cid, item in _identified(parsed):
        for loc, field, name in _names_with_place(index, cid, item):
            other, kind = owner.setdefault(normalize(name), (cid, field))
            if other != cid:
                message = (
                    f"{name!r} is already a name of concept {other!r} ({kind}); names, ids and"
                    " aliases must be unique ignoring case, spaces, hyphens and underscores"
                )
                yield _problem(parsed, loc, cid, field, message)


def _names_with_place(
    index: int, cid: str, item: dict[str, Any]
) -> Iterator[tuple[JsonPath, str, str]]:
    base: JsonPath = ("concepts", index)
    yield (*base, "id"), "id", cid
    if isinstance(item.get("name"), str):
        yield (*base, "name"), "name", item["name"]
    for k, alias in _strings(item.get("aliases")):
        yield (*base, "aliases", k), f"aliases[{k}]", alias
    translations = item.get("translations")
    for lang, tr in sorted(translations.items() if isinstance(translations, dict) else []):
        if isinstance(tr, dict) and isinstance(tr.get("name"), str):
            yield (*base, "translations", lang, "name"), f"translations.{lang}.name", tr["name"]


__all__ = ["find_cycles", "validate"]
