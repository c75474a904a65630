"""Test helpers: build concepts with every required field filled in."""

from __future__ import annotations

from typing import Any

from kgraph.model import Concept, Prerequisite, Resource, ResourceKind


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
        "level": level,
        "category": "ml",
        "summary": f"The concept {cid}, described in one plain sentence for tests.",
        "hours": hours,
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
    return Concept.model_validate(data)
