"""The page's planner (templates/planner.js, run in Node) answers exactly as the Python library.

Same steps in the same order with the same running hours for ``path`` (as ``--format json``
gives them), the same ready/blocked split for ``gaps``, the same ranking for ``next``, and hours
printed as the CLI prints them. The shipped graph is read, never described: every concept as a
goal, plus seeded random (from, to, known) triples; hypothesis draws graphs of several shapes.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections.abc import Callable
from datetime import timedelta
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.cli import main
from kgraph.goal import Goal
from kgraph.graph import KGraph
from kgraph.i18n import hours, texts
from kgraph.load import load_graph
from kgraph.model import Kind
from kgraph.pace import LAST_DAY, DateError, parse_date
from kgraph.projects import suggested_along
from kgraph.queries import gaps, learning_path, next_steps
from kgraph.render.json import to_data
from kgraph.render.markdown import md_link, md_text
from kgraph.study import known_before, pace_so_far, this_week
from tests.conftest import REPO, SHIPPED
from tests.helpers import make_concept, week_of
from tests.strategies import LEVELS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from click.testing import CliRunner

PLANNER = files("kgraph.render") / "templates" / "planner.js"
CHECKLIST = files("kgraph.render") / "templates" / "checklist.js"
CALENDAR = files("kgraph.render") / "templates" / "calendar.js"
RUNNER = REPO / "tests" / "js" / "planner_runner.js"


class Node:
    """One Node process running the planner, one JSON request and answer per line."""

    def __init__(self) -> None:
        node = shutil.which("node") or "/usr/bin/node"
        self.process = subprocess.Popen(
            [node, str(RUNNER), str(PLANNER), str(CHECKLIST), str(CALENDAR)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, kg: KGraph, queries: list[dict[str, Any]]) -> list[Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        request = {"concepts": planner_concepts(kg), "queries": queries}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply.get("error")
        return list(reply["ok"])

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    runner = Node()
    yield runner
    runner.close()


def planner_concepts(kg: KGraph) -> list[dict[str, Any]]:
    """The graph as the page gives it to the planner (the page data holds the same fields)."""
    return [
        {
            "id": c.id,
            "rank": c.level.rank,
            "hours": c.hours,
            "needs": list(c.prerequisite_ids),
            **({"project": True, "capstone": c.capstone} if c.is_project else {}),
        }
        for c in kg.concepts.values()
    ]


def python_plan(kg: KGraph, query: dict[str, Any]) -> dict[str, Any]:
    """``kgraph path [FROM] TO --known … [--strict] [--no-projects] --format json``, in short."""
    path = learning_path(
        kg,
        query["to"],
        source=query["from"],
        known=query["known"],
        strict=query["strict"],
        projects=not query.get("noProjects", False),
    )
    order = [s.concept.id for s in path.steps]
    opened = suggested_along(kg, order, known_before(kg, path))
    plan = to_data(path)
    assert isinstance(plan, dict)
    return {
        "steps": [(s["concept"]["id"], s["running_hours"]) for s in plan["steps"]],
        "totals": [
            (t["level"], t["count"], t["hours"], t["projects"], t["project_hours"])
            for t in plan["totals"]
        ],
        "chain": plan["chain"],
        "known": plan["known"],
        "split": (plan["study_hours"], plan["project_hours"]),
        "capstones": plan["capstones"],
        "opens": [[c.id for c in opened.get(i, ())] for i in range(len(order))],
    }


def js_plan(answer: dict[str, Any]) -> dict[str, Any]:
    return {
        "steps": [(s["id"], s["total"]) for s in answer["steps"]],
        "totals": [
            (LEVELS[t["rank"]], t["count"], t["hours"], t["projects"], t["projectHours"])
            for t in answer["totals"]
        ],
        "chain": answer["chain"],
        "known": answer["known"],
        "split": (answer["studyHours"], answer["projectHours"]),
        "capstones": answer["capstones"],
        "opens": answer["opens"],
    }


def python_gaps(kg: KGraph, query: dict[str, Any]) -> dict[str, Any]:
    found = gaps(kg, query["to"], known=query["known"], strict=query["strict"])
    return {
        "ready": [c.id for c in found.ready],
        "blocked": [(b.concept.id, list(b.waiting_for)) for b in found.blocked],
        "unmarked": [(k, list(lacking)) for k, lacking in found.unmarked],
    }


def js_gaps(answer: dict[str, Any]) -> dict[str, Any]:
    return {
        "ready": answer["ready"],
        "blocked": [(b["id"], b["waitingFor"]) for b in answer["blocked"]],
        "unmarked": [(u["id"], u["lacking"]) for u in answer["unmarked"]],
    }


def python_next(kg: KGraph, query: dict[str, Any]) -> list[tuple[str, int, float]]:
    found = next_steps(kg, known=query["known"], strict=query["strict"], goal=query["goal"])
    return [(c.concept.id, c.unlocks, c.score) for c in found.candidates]


def js_next(answer: dict[str, Any]) -> list[tuple[str, int, float]]:
    return [(c["id"], c["unlocks"], c["score"]) for c in answer["candidates"]]


def queries_for(query: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan, gaps and next questions one (from, to, known, strict) draw asks."""
    return [
        {"kind": "plan", **query},
        {"kind": "gaps", "to": query["to"], "known": query["known"], "strict": query["strict"]},
        {"kind": "next", "goal": query["to"], "known": query["known"], "strict": query["strict"]},
        {"kind": "next", "goal": None, "known": query["known"], "strict": query["strict"]},
    ]


def assert_parity(node: Node, kg: KGraph, draws: list[dict[str, Any]]) -> None:
    answers = node.ask(kg, [q for draw in draws for q in queries_for(draw)])
    for i, draw in enumerate(draws):
        plan, gap, nxt, nxt_all = answers[4 * i : 4 * i + 4]
        assert js_plan(plan) == python_plan(kg, draw), draw
        assert js_gaps(gap) == python_gaps(kg, draw), draw
        assert js_next(nxt) == python_next(kg, {**draw, "goal": draw["to"]}), draw
        assert js_next(nxt_all) == python_next(kg, {**draw, "goal": None}), draw


@pytest.fixture(scope="module")
def shipped() -> KGraph:
    return load_graph(SHIPPED)


def test_every_shipped_concept_as_goal_with_nothing_known(node: Node, shipped: KGraph):
    draws: list[dict[str, Any]] = [
        {"from": None, "to": c, "known": [], "strict": False} for c in shipped.concepts
    ]
    assert_parity(node, shipped, draws)


def test_seeded_random_triples_on_the_shipped_graph(node: Node, shipped: KGraph):
    rng = random.Random(16)
    ids = sorted(shipped.concepts)
    draws = [
        {
            "from": rng.choice([None, *rng.sample(ids, 3)]),
            "to": rng.choice(ids),
            "known": rng.sample(ids, rng.randint(0, 6)),
            "strict": rng.random() < 0.3,
        }
        for _ in range(320)
    ]
    assert_parity(node, shipped, draws)


def test_a_source_on_the_goals_chain_gives_the_chain(node: Node, shipped: KGraph):
    """Draws whose FROM is an ancestor of TO, so the shortest chain is compared, not just []."""
    rng = random.Random(18)
    goals = [g for g in rng.sample(sorted(shipped.concepts), 60) if shipped.ancestors(g)]
    draws = [
        {"from": rng.choice(sorted(shipped.ancestors(g))), "to": g, "known": [], "strict": False}
        for g in goals
    ]
    assert any(len(python_plan(shipped, d)["chain"]) > 2 for d in draws)
    assert_parity(node, shipped, draws)


AWKWARD_HOURS = [0.1, 0.2, 0.25, 0.7, 1, 1.25, 1.5, 2, 3.3, 6, 12.5, 40]


@st.composite
def shaped_graphs(draw: st.DrawFn) -> KGraph:
    """A DAG in one of several shapes: sparse random, chain, wide fan-in, dense layers.

    Some entries are projects and some of those capstones (even two on a rung, or one on
    foundations, which validation refuses but the planners must still agree on).
    """
    shape = draw(st.sampled_from(["random", "chain", "fan", "dense"]))
    size = draw(st.integers(1, 24))
    ids = [f"c{i:02d}" for i in range(size)]
    concepts = []
    for i, cid in enumerate(ids):
        if shape == "chain":
            needs = ids[i - 1 : i] if i else []
        elif shape == "fan":
            needs = ids[: i // 2] if i >= size // 2 else []
        elif shape == "dense":
            needs = sorted(draw(st.sets(st.sampled_from(ids[:i]), max_size=6))) if i else []
        else:
            needs = sorted(draw(st.sets(st.sampled_from(ids[:i]), max_size=2))) if i else []
        level = draw(st.sampled_from(LEVELS))
        project = draw(st.sampled_from(["concept", "concept", "project", "capstone"]))
        fields: dict[str, Any] = {}
        if project != "concept":
            fields = {"kind": Kind.PROJECT, "capstone": project == "capstone", "deliverable": "x"}
        concepts.append(
            make_concept(
                cid,
                prerequisites=needs,
                level=level,
                hours=draw(st.sampled_from(AWKWARD_HOURS)),
                **fields,
            )
        )
    return KGraph(draw(st.permutations(concepts)))


@given(data=st.data())
def test_generated_graphs(node: Node, data: st.DataObject):
    kg = data.draw(shaped_graphs())
    ids = sorted(kg.concepts)
    draws = [
        {
            "from": data.draw(st.none() | st.sampled_from(ids)),
            "to": data.draw(st.sampled_from(ids)),
            "known": data.draw(st.lists(st.sampled_from(ids), max_size=5)),
            "strict": data.draw(st.booleans()),
            "noProjects": data.draw(st.booleans()),
        }
        for _ in range(3)
    ]
    assert_parity(node, kg, draws)


@st.composite
def staged_graphs(draw: st.DrawFn) -> KGraph:
    """A ladder as the shipped graph is made: concepts on every rung, one capstone per rung from
    use up needing some of its rung and the capstone below, so plans walk several stages and
    wide subtrees of different sizes compete (`KGraph.plan_order`'s stages and tie-breaks)."""
    concepts = []
    names: list[str] = []
    below: str | None = None
    for rank, level in enumerate(LEVELS):
        rung = []
        for i in range(draw(st.integers(1, 6))):
            cid = f"{level[:2]}{i}"
            needs = sorted(draw(st.sets(st.sampled_from(names), max_size=3))) if names else []
            concepts.append(make_concept(cid, prerequisites=needs, level=level))
            names.append(cid)
            rung.append(cid)
        if rank:
            needs = sorted(draw(st.sets(st.sampled_from(rung), min_size=1)))
            capstone = f"{level[:2]}-capstone"
            fields: dict[str, Any] = {"kind": Kind.PROJECT, "capstone": True, "deliverable": "x"}
            needs = [*needs, below] if below else needs
            concepts.append(make_concept(capstone, prerequisites=needs, level=level, **fields))
            below = capstone
    return KGraph(draw(st.permutations(concepts)))


@given(data=st.data())
def test_staged_ladders(node: Node, data: st.DataObject):
    kg = data.draw(staged_graphs())
    ids = sorted(kg.concepts)
    draws = [
        {
            "from": data.draw(st.none() | st.sampled_from(ids)),
            "to": data.draw(st.sampled_from(ids)),
            "known": data.draw(st.lists(st.sampled_from(ids), max_size=3)),
            "strict": data.draw(st.booleans()),
            "noProjects": False,
        }
        for _ in range(3)
    ]
    assert_parity(node, kg, draws)


HOUR_VALUES = [1.25, 0.1 + 0.2, 6.0, 1494890.0, 1e12, 1.5e15, 1e-5, 0.0001, 2.5, 0.125, 1 / 3]
HOUR_VALUES += [9169991528205000.0, 9169991528215000.0, 999999999999.5, 999999999998.5]
"""… and exact ties at the twelfth digit, which Python rounds to the even digit."""


@given(values=st.lists(st.floats(min_value=1e-6, max_value=1e16), max_size=40))
def test_hours_are_printed_as_the_cli_prints_them(node: Node, values: list[float]):
    """The page formats running totals with the CLI's rule: 1.25 stays "1.25", never "1.2"."""
    wanted = [*HOUR_VALUES, *values, 1234567890.125, 0.5, 2.5e-5]
    (printed,) = node.ask(KGraph([]), [{"kind": "hours", "values": wanted}])
    assert printed == [hours(v) for v in wanted]
    assert printed[0] == "1.25"


MARKDOWN_SAMPLES = [
    "[x](https://evil) <b>*hi*</b>",
    "a\u202eb\x1b[31m c\u2028d\x85e\x1cf\ufeffg",
    "https://example.org/a (b) <c>",
    "HTTPS://example.org/x",
    "javascript:alert(1)",
    "Fine-tuning, step 2/3 — 100% \"quoted\" 'single'",
    "\U0001f600 emoji \u200b zero-width",
]


@given(texts=st.lists(st.text(max_size=30), max_size=20))
def test_markdown_text_is_escaped_as_the_cli_escapes_it(node: Node, texts: list[str]):
    """The page's checklist escapes names and links exactly as ``--format markdown`` does."""
    values = [*MARKDOWN_SAMPLES, *(t for t in texts if not _surrogates(t))]
    (escaped,) = node.ask(KGraph([]), [{"kind": "md", "values": values}])
    assert escaped == [[md_text(v), md_link(v, v)] for v in values]


def _surrogates(text: str) -> bool:
    """JSON cannot carry a lone surrogate to Node and back unchanged."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def test_a_ladder_with_capstones(node: Node):
    """Capstones carried from FROM's rung, or the highest known one, with and without projects."""
    from tests.test_plan_order import ladder_concepts

    kg = KGraph(ladder_concepts())
    ids = sorted(kg.concepts)
    draws: list[dict[str, Any]] = [
        {"from": source, "to": target, "known": known, "strict": strict, "noProjects": bare}
        for source in [None, "python", "lora", "app", "backprop"]
        for target in ids
        for known in [[], ["finetune"], ["run", "api"]]
        for strict in [False, True]
        for bare in [False, True]
    ]
    assert any(s.concept.capstone for d in draws for s in learning_path(kg, d["to"]).steps)
    assert_parity(node, kg, draws)


def test_shipped_graph_without_projects(node: Node, shipped: KGraph):
    rng = random.Random(23)
    ids = sorted(shipped.concepts)
    draws = [
        {
            "from": rng.choice([None, *rng.sample(ids, 2)]),
            "to": rng.choice(ids),
            "known": rng.sample(ids, rng.randint(0, 4)),
            "strict": False,
            "noProjects": True,
        }
        for _ in range(80)
    ]
    assert_parity(node, shipped, draws)


PACED = [  # (goal, from, hours a week, start): a short plan, a long one, a fraction, a leap day
    ("lora", None, 5, "2026-01-05"),
    ("agi", "lora", 10, "2026-12-07"),
    ("agi", None, 7.5, "2028-02-29"),
    ("transformer", None, 0.1, "2026-03-29"),
    ("transformer", None, 168, "2026-10-25"),
]


@pytest.mark.parametrize("paced", PACED)
def test_the_page_schedules_a_plan_as_the_cli_does(
    node: Node, shipped: KGraph, runner: CliRunner, paced: tuple[str, str | None, float, str]
):
    """Week numbers per step and the finish date equal `kgraph path … --pace H --start D`."""
    goal, source, pace, start = paced
    args = [*([source] if source else []), goal, "--pace", str(pace), "--start", start]
    result = runner.invoke(
        main, ["-g", str(SHIPPED), "path", *args, "--known", "", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)
    query: dict[str, Any] = {
        "from": source,
        "to": goal,
        "known": [],
        "strict": False,
        "pace": pace,
        "start": start,
    }
    [page] = node.ask(shipped, [{"kind": "schedule", **query}])
    assert page["weeks"] == [step["weeks"] for step in cli["steps"]]
    assert page["finish"] == cli["finish"]
    assert page["totalWeeks"] == cli["weeks"]


LATE = [  # (goal, hours a week, start): ends on the last day that can be dated, or after it
    ("rag", 168, "9999-12-24"),
    ("rag", 168, "9999-12-25"),
    ("rag", 168, "9999-12-31"),
    ("agi", 0.001, "2026-12-07"),
    ("agi", 0.5, "9990-01-01"),
]


@pytest.mark.parametrize("late", LATE)
def test_the_page_dates_a_plan_near_the_last_day_exactly_when_the_cli_does(
    node: Node, shipped: KGraph, runner: CliRunner, late: tuple[str, float, str]
):
    """A plan that would end past `LAST_DAY` is refused by the CLI (exit 2, one line) and left
    undated by the page (no schedule, no week); one that ends on it is dated alike."""
    goal, pace, start = late
    args = ["-g", str(SHIPPED), "path", goal, "--pace", str(pace), "--start", start]
    result = runner.invoke(main, [*args, "--known", "", "--format", "json"])
    query: dict[str, Any] = {
        "from": None,
        "to": goal,
        "known": [],
        "strict": False,
        "pace": pace,
        "start": start,
    }
    page, week = node.ask(shipped, [{"kind": "schedule", **query}, {"kind": "week", **query}])
    if result.exit_code == 0:
        assert page["finish"] == json.loads(result.output)["finish"] <= LAST_DAY.isoformat()
        assert week["finish"] == page["finish"]
    else:
        assert (result.exit_code, page, week) == (2, None, None)
        assert result.stderr.strip().splitlines() == [
            "Error: " + texts("en")("error.too_late", last=LAST_DAY.isoformat())
        ]


def test_the_page_takes_the_start_dates_the_cli_takes(node: Node):
    """A real day written YYYY-MM-DD, as `kgraph.pace.parse_date` takes it; nothing else."""
    values = ["2026-12-07", "2028-02-29", "2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01"]
    values += ["9999-12-31", "26-1-1", "2026-1-01", "2026/01/01", " 2026-12-07", ""]

    def taken(text: str) -> str | None:
        try:
            return parse_date(text).isoformat()
        except DateError:
            return None

    [answer] = node.ask(KGraph([]), [{"kind": "check_date", "values": values}])
    assert answer == [taken(v) for v in values]
    assert 0 < answer.count(None) < len(values)  # the values hold both kinds


def test_the_page_refuses_the_paces_the_cli_refuses(node: Node):
    """0 < H <= 168, a plain number: anything else is refused (the page then says so)."""
    values = ["10", "7.5", " 3 ", "168", "0", "-1", "168.5", "ten", "", "1e1", "NaN"]
    [answer] = node.ask(KGraph([]), [{"kind": "check_pace", "values": values}])
    assert answer == [10, 7.5, 3, 168, None, None, None, None, None, None, None]


def python_week(kg: KGraph, query: dict[str, Any]) -> dict[str, Any]:
    """``kgraph week`` (kgraph.study.this_week) for the goal, known set, pace and today."""
    week = week_of(kg, query)
    return {
        "steps": [[s.concept.id, s.running_hours] for s in week.steps],
        "opens": [[c.id for c in p] for p in week.projects],
        "remaining": week.remaining,
        "finish": week.finish,
        "spill": bool(week.steps) and week.steps[-1].running_hours > week.pace,
    }


def page_week(answer: dict[str, Any]) -> dict[str, Any]:
    return {
        "steps": [[s["id"], s["total"]] for s in answer["steps"]],
        "opens": answer["opens"],
        "remaining": answer["remaining"],
        "finish": answer["finish"],
        "spill": answer["spill"],
    }


def test_the_page_s_week_is_kgraph_week_on_the_shipped_graph(node: Node, shipped: KGraph):
    """Seeded (goal, from, known, pace, today): the same steps (the last may spill over), the
    projects they open, the hours left and the finish as `kgraph week` (kgraph.study)."""
    rng = random.Random(24)
    ids = sorted(shipped.concepts)
    queries: list[dict[str, Any]] = [
        {
            "to": rng.choice(ids),
            "from": rng.choice([None, rng.choice(ids)]),
            "known": rng.sample(ids, rng.randint(0, 5)),
            "strict": False,
            "pace": rng.choice([0.5, 1, 3, 7.5, 10, 20, 40, 168]),
            "start": f"20{rng.randint(26, 30)}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
        }
        for _ in range(60)
    ]
    answers = node.ask(shipped, [{"kind": "week", **q} for q in queries])
    assert any(len(a["steps"]) > 1 for a in answers)  # the sweep reaches multi-step weeks
    assert any(a["spill"] for a in answers)
    assert any(not a["spill"] for a in answers if a["steps"])
    for query, answer in zip(queries, answers, strict=True):
        assert page_week(answer) == python_week(shipped, query), query


@given(data=st.data())
def test_a_pace_at_each_running_total_stops_the_week_there(node: Node, data: st.DataObject):
    """At a pace equal to a step's running total the week ends with that step (``>=``), just
    above it the next step joins; capstones and projects count like any step."""
    from tests.plan_graph import plan_graph

    kg = plan_graph()
    goal = data.draw(st.sampled_from(sorted(kg.concepts)))
    plan = learning_path(kg, goal)
    totals = [s.running_hours for s in plan.steps] or [1.0]
    pace = data.draw(st.sampled_from(totals))
    paces = [pace, min(pace + 0.5, 168), max(pace - 0.5, 0.25)]
    queries: list[dict[str, Any]] = [
        {"to": goal, "from": None, "known": [], "strict": False, "pace": p, "start": "2026-12-07"}
        for p in paces
    ]
    answers = node.ask(kg, [{"kind": "week", **q} for q in queries])
    for query, answer in zip(queries, answers, strict=True):
        assert page_week(answer) == python_week(kg, query), query


@given(st.lists(st.text(max_size=120), min_size=1, max_size=8))
def test_calendar_text_is_escaped_and_folded_as_the_cli_does(node: Node, values: list[str]):
    """escape_text and fold (kgraph/render/ics.py): the same TEXT and the same 75-octet lines."""
    from kgraph.render.ics import escape_text, fold

    edges = ["a" * 74, "a" * 75, "a" * 76, "SUMMARY:" + "ж" * 40, "x" + "😀" * 40, "€" * 60]
    values = [*values, *edges]  # lines at and around 75 octets, 2-, 3- and 4-octet characters
    [answer] = node.ask(KGraph([]), [{"kind": "ics_text", "values": values}])
    assert answer == [[escape_text(v), fold(v)] for v in values]


def python_so_far(kg: KGraph, query: dict[str, Any]) -> dict[str, Any] | None:
    """`kgraph week`'s pace so far (kgraph.study.pace_so_far) and its rate as the CLI prints it;
    with a goal, the hours left are its plan's for the marks as known, as `kgraph week` has it."""
    today = parse_date(query["today"])
    if "to" in query:
        week = this_week(
            kg,
            Goal(query["to"], query["from"]),
            pace=10,
            today=today,
            known=tuple(query["marks"]),
            marks=query["marks"],
        )
        found = week.so_far
    else:
        found = pace_so_far(kg, query["marks"], today=today, remaining=query["remaining"])
    if found is None:
        return None
    return {
        "hoursAWeek": found.hours_a_week,
        "weeks": found.weeks,
        "arrive": found.arrive,
        "rate": hours(round(found.hours_a_week, 1)),
    }


def dated(today: str, days_back: int, hour: int = 9) -> str:
    """The mark time *days_back* days before *today* (after it when negative)."""
    return f"{parse_date(today) - timedelta(days=days_back)}T{hour:02}:00:00Z"


SO_FAR_TODAYS = ["2026-12-07", "2027-01-01", "2028-02-29", "2028-03-06", "2026-03-29"]


@st.composite
def dated_marks(draw: st.DrawFn, ids: list[str], today: str) -> dict[str, str]:
    """Marks over the last ~60 days before *today*, some on *today*, a few after it."""
    chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=14))
    back = st.one_of(st.integers(-6, 62), st.sampled_from([0, 7, 14, 21, 27, 28, 29]))
    return {
        cid: dated(today, draw(back), draw(st.integers(0, 23)))
        for cid in sorted(chosen)  # a progress file's order (kgraph.saved_progress.resolve)
    }


@given(data=st.data())
def test_the_page_s_pace_so_far_is_kgraph_week_s(node: Node, shipped: KGraph, data: st.DataObject):
    """Generated dated marks on the shipped graph and several todays: the same hours a week,
    weeks, arrival and printed rate as `kgraph.study.pace_so_far`, with hours left given or
    taken from a goal's plan as the page and `kgraph week` take them."""
    ids = sorted(shipped.concepts)
    queries: list[dict[str, Any]] = []
    for _ in range(data.draw(st.integers(1, 4))):
        today = data.draw(st.sampled_from(SO_FAR_TODAYS))
        marks = data.draw(dated_marks(ids, today))
        remaining = data.draw(
            st.one_of(
                st.just(0.0),
                st.sampled_from([shipped[i].hours for i in ids]),
                st.floats(0.5, 3000, allow_nan=False),
            )
        )
        queries.append({"marks": marks, "today": today, "remaining": remaining})
        goal = {"to": data.draw(st.sampled_from(ids)), "from": None}
        queries.append({"marks": marks, "today": today, **goal})
    answers = node.ask(shipped, [{"kind": "so_far", **q} for q in queries])
    for query, answer in zip(queries, answers, strict=True):
        assert answer == python_so_far(shipped, query), query


def so_far_graph() -> KGraph:
    """Concepts of 1, 3, 5 and 7 hours: over 4 weeks, rates of 0.25, 0.75, 1.25 and 1.75, each
    an exact tie at one decimal, which Python's round() breaks to the even digit; and of 0.1,
    0.2 and 0.3 hours, whose float sum depends on the order they are added in."""
    fractions = [make_concept(f"f{n}", hours=n / 10) for n in (1, 2, 3)]  # added in id order
    return KGraph(
        [make_concept(f"c{h}", hours=h) for h in (1, 3, 5, 7)] + [make_concept("start"), *fractions]
    )


SO_FAR_TODAY = "2026-12-07"
Check = Callable[[Any, KGraph], bool]


def _rate(h: int) -> Check:
    return lambda a, kg: (
        a["hoursAWeek"] == kg[f"c{h}"].hours / 4
        and a["rate"] == hours(round(kg[f"c{h}"].hours / 4, 1))
    )


def _on(days: int) -> str:
    return dated(SO_FAR_TODAY, days)


SO_FAR_EDGES: list[tuple[str, dict[str, str], float, Check]] = [
    ("less than a week", {"start": _on(6), "c5": _on(1)}, 10, lambda a, kg: a is None),
    ("exactly a week", {"start": _on(7), "c5": _on(0)}, 10,
     lambda a, kg: (a["weeks"], a["hoursAWeek"]) == (1, kg["c5"].hours)),
    ("two weeks less a day", {"start": _on(13), "c3": _on(6)}, 4, lambda a, kg: a["weeks"] == 1),
    ("two weeks", {"start": _on(14), "c3": _on(6)}, 4,
     lambda a, kg: (a["weeks"], a["hoursAWeek"]) == (2, kg["c3"].hours / 2)),
    ("the window's first day out, the next in",
     {"start": _on(60), "c1": _on(28), "c5": _on(27)}, 10,
     lambda a, kg: (a["weeks"], a["hoursAWeek"]) == (4, kg["c5"].hours / 4)),
    ("a mark after today", {"start": _on(40), "c7": _on(-1)}, 5, lambda a, kg: a["arrive"] is None),
    ("only the first day: 0 h a week",
     {"start": dated(SO_FAR_TODAY, 30, 8), "c5": dated(SO_FAR_TODAY, 30, 20)}, 5,
     lambda a, kg: (a["hoursAWeek"], a["arrive"]) == (0, None)),
    ("nothing left", {"start": _on(30), "c3": _on(2)}, 0,
     lambda a, kg: a["arrive"] == SO_FAR_TODAY and a["hoursAWeek"] > 0),
    ("nothing left at 0 h a week", {"start": _on(30)}, 0,
     lambda a, kg: a["arrive"] == SO_FAR_TODAY),
    *((f"a rate of {h}/4", {"start": _on(35), f"c{h}": _on(3)}, 9, _rate(h)) for h in (1, 3, 5, 7)),
    ("hours added in id order, whatever the marks' order",
     {"start": _on(35), "f3": _on(3), "f2": _on(2), "f1": _on(1)}, 9,
     lambda a, kg: a["hoursAWeek"] == (0.1 + 0.2 + 0.3) / 4 != (0.3 + 0.2 + 0.1) / 4),
    ("a first mark after today", {"c5": _on(-3)}, 5, lambda a, kg: a is None),
    ("marks of another graph only", {"gone": _on(20)}, 5, lambda a, kg: a is None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "marks", "remaining", "check"), SO_FAR_EDGES, ids=[e[0] for e in SO_FAR_EDGES]
)
def test_the_pace_so_far_at_its_edges(
    node: Node, case: str, marks: dict[str, str], remaining: float, check: Check
):
    """Each rule at its boundary, page and CLI alike: a week of history or none, the window of
    whole weeks (its first day out, the next in), the first day never counting, a mark after
    today, 0 h a week (never), nothing left (today), ties in the printed rate (to even)."""
    kg = so_far_graph()
    query = {"marks": marks, "today": SO_FAR_TODAY, "remaining": remaining}
    [answer] = node.ask(kg, [{"kind": "so_far", **query}])
    assert answer == python_so_far(kg, query), case
    assert check(answer, kg), (case, answer)
