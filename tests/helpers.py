"""Test helpers: build concepts with every required field filled in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.goal import Goal
from kgraph.model import Category, Concept, Level, Prerequisite, Resource, ResourceKind
from kgraph.pace import parse_date
from kgraph.study import Week, this_week

if TYPE_CHECKING:
    from kgraph.graph import KGraph


def make_concept(
    cid: str,
    *,
    prerequisites: list[str] | tuple[str, ...] = (),
    level: str = "foundations",
    hours: float = 1,
    **fields: Any,
) -> Concept:
    """A valid concept; prerequisites are ids, each given a reason."""
    data: dict[str, Any] = {
        "id": cid,
        "name": cid,
        "level": Level(level),
        "category": Category.ML,
        "summary": f"The concept {cid}, described in one plain sentence for tests.",
        "hours": float(hours),
        "prerequisites": [Prerequisite(id=p, why=f"{cid} builds on {p}") for p in prerequisites],
        "resources": [
            Resource(
                title=f"About {cid}",
                url=f"https://example.org/{cid}",
                kind=ResourceKind.DOCS,
                free=True,
            )
        ],
    }
    data.update(fields)
    for key in ("aliases", "prerequisites", "resources"):
        data[key] = tuple(data.get(key, ()))
    if isinstance(data["category"], str):
        data["category"] = Category(data["category"])
    return Concept(**data)


def week_of(kg: KGraph, case: dict[str, Any]) -> Week:
    """``kgraph week`` for a page's case: its ``to``, ``from``, ``known``, ``pace``, ``start``."""
    return this_week(
        kg,
        Goal(case["to"], case["from"]),
        pace=case["pace"],
        today=parse_date(case["start"]),
        known=tuple(case["known"]),
    )
