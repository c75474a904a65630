"""Validation: every error in a graph file, located by line, column, concept and field.

Field rules live in the model; the rules that span concepts (duplicate ids, unknown or self
prerequisites, cycles, name collisions, the ladder's projects and light counterparts) are plain
functions here, so they are reported together with field errors instead of hiding behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from kgraph.errors import Problem
from kgraph.graph import kahn_order, normalize, reverse_adjacency
from kgraph.model import CAPS, Kind, Level
from kgraph.parsing import raw_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from kgraph.parsing import Parsed
    from kgraph.position import JsonPath


def validate(parsed: Parsed) -> tuple[Problem, ...]:
    """Every error of a parsed file: syntax, schema and cross-concept rules, in file order."""
    problems = list(parsed.problems)
    if parsed.items:
        checks = (_duplicate_ids, _prerequisite_ids, _cycles, _name_collisions, _ladder_rules)
        for check in checks:
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


_RUNG: Final = {level.value: level for level in Level}


def _rung(item: dict[str, Any]) -> Level | None:
    level = item.get("level")
    return _RUNG.get(level) if isinstance(level, str) else None


def _ladder_rules(parsed: Parsed) -> Iterator[Problem]:
    """Projects, capstones and light counterparts (DESIGN's "Capstones carry the ladder").

    A project hands in a `deliverable`; `capstone` and `deliverable` belong to projects only;
    a rung from ``use`` up has at most one capstone; a concept never needs a project; `deeper`
    names another concept that the light counterpart does not need (else it would be no shortcut).
    """
    items = {cid: item for _, cid, item in _identified(parsed) if isinstance(item, dict)}
    first_capstone: dict[Level, str] = {}
    for index, cid, item in _identified(parsed):
        if not isinstance(item, dict):
            continue
        base: JsonPath = ("concepts", index)
        rung = _rung(item)
        if _is_project(item):
            if item.get("deliverable") is None:
                message = "a project needs a deliverable: what the learner hands in"
                yield _problem(parsed, (*base, "kind"), cid, "deliverable", message)
            if item.get("capstone") is True and rung is not None:
                yield from _capstone(parsed, (*base, "capstone"), cid, rung, first_capstone)
        else:
            yield from _concept_rules(parsed, base, cid, item, items)
        if isinstance(item.get("deeper"), str):
            yield from _deeper(parsed, (*base, "deeper"), (cid, item["deeper"]), items)


def _is_project(item: Mapping[str, Any]) -> bool:
    return item.get("kind") == Kind.PROJECT.value


def _concept_rules(
    parsed: Parsed,
    base: JsonPath,
    cid: str,
    item: dict[str, Any],
    items: Mapping[str, dict[str, Any]],
) -> Iterator[Problem]:
    """A concept has no capstone or deliverable, and needs no project."""
    for field in ("capstone", "deliverable"):
        if item.get(field, False) is not False and item.get(field) is not None:
            message = f"only a project (kind: project) has a {field}"
            yield _problem(parsed, (*base, field), cid, field, message)
    for j, pid in _raw_prerequisites(item):
        if pid in items and _is_project(items[pid]):
            message = f"a concept never needs a project; {pid!r} is one"
            loc = (*base, "prerequisites", j, "id")
            yield _problem(parsed, loc, cid, f"prerequisites[{j}].id", message)


def _capstone(
    parsed: Parsed, loc: JsonPath, cid: str, rung: Level, first: dict[Level, str]
) -> Iterator[Problem]:
    if rung is Level.FOUNDATIONS:
        message = "foundations has no capstone: capstones prove the rungs from use up"
        yield _problem(parsed, loc, cid, "capstone", message)
    elif rung in first:
        message = f"{rung.value} already has a capstone, {first[rung]!r}; one per rung"
        yield _problem(parsed, loc, cid, "capstone", message)
    else:
        first[rung] = cid


def _deeper(
    parsed: Parsed,
    loc: JsonPath,
    edge: tuple[str, str],
    items: Mapping[str, dict[str, Any]],
) -> Iterator[Problem]:
    cid, target = edge
    if target == cid:
        yield _problem(parsed, loc, cid, "deeper", "a concept cannot be its own deeper version")
    elif target not in items:
        close = _close_matches(target, set(items))
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        yield _problem(parsed, loc, cid, "deeper", f"unknown concept {target!r}{hint}")
    elif target in _raw_ancestors(cid, items):
        message = (
            f"{cid!r} needs its deeper version {target!r}: a light counterpart is learned"
            " without its full version"
        )
        yield _problem(parsed, loc, cid, "deeper", message)


def _raw_ancestors(cid: str, items: Mapping[str, dict[str, Any]]) -> set[str]:
    """Every id *cid* needs, read from raw items (cycles and unknown ids tolerated)."""
    seen: set[str] = set()
    pending = [cid]
    while pending:
        item = items.get(pending.pop())
        for _, pid in _raw_prerequisites(item) if item is not None else ():
            if pid not in seen:
                seen.add(pid)
                pending.append(pid)
    return seen


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
