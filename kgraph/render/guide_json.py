"""JSON of a guided plan: the plan's own JSON, each step with what a learner follows.

Every key of the plain plan (``kgraph path --format json``) stays where it was, so a tool that
read a plan before reads this one too. Each step gains ``start_with`` (the resource to open
first, or null) and ``projects`` (the practice projects it makes possible, suggested and never
counted in ``hours``); at a pace each step gains ``weeks`` (its first and last week), and the plan
``pace``, ``start``, ``finish`` (ISO dates), ``weeks`` (how many) and ``rung_dates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.render.json import dumps, to_data

if TYPE_CHECKING:
    from kgraph.model import Concept
    from kgraph.study import Guide


def guide_data(guide: Guide[Concept]) -> dict[str, object]:
    """The plan's JSON data with the guide's additions (see the module's docstring)."""
    data = to_data(guide.plan)
    assert isinstance(data, dict)  # noqa: S101 - a plan is a record, its data an object
    timed = guide.schedule
    for index, step in enumerate(data["steps"]):
        step["start_with"] = to_data(guide.start_with[index])
        step["projects"] = to_data(guide.projects[index])
        if timed is not None:
            step["weeks"] = list(timed.weeks[index])
    if timed is not None:
        data |= {
            "pace": timed.pace,
            "start": timed.start,
            "finish": timed.finish,
            "weeks": timed.total_weeks,
            "rung_dates": to_data(timed.rungs),
        }
    return data


def render_guide_json(guide: Guide[Concept]) -> str:
    """Sorted, indented JSON of the guided plan; the same input, the same bytes."""
    return dumps(guide_data(guide))


__all__ = ["guide_data", "render_guide_json"]
