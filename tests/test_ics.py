"""The plan as an RFC 5545 calendar, read back with the icalendar library as calendar apps do."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from kgraph.queries import learning_path
from kgraph.render.ics import escape_text, fold, render_ics
from kgraph.study import guide
from tests.plan_graph import plan_concepts, plan_graph

START = date(2026, 12, 7)
GOAL = "tune-cap"  # needs the use capstone: the plan holds two capstones


def calendar(**options) -> str:
    kg = plan_graph()
    plan = learning_path(kg, GOAL)
    return render_ics(guide(kg, plan, pace=10, start=START), **options)


def events(text: str) -> list[icalendar.Component]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_one_all_day_event_per_rung_and_per_capstone():
    text = calendar()
    found = events(text)
    summaries = [str(e["SUMMARY"]) for e in found]
    assert summaries[:3] == [
        "foundations: 10 h toward tune-cap",
        "use: 18 h toward tune-cap",  # api 4 + rag 6 + the capstone 8
        "tune: 18 h toward tune-cap",  # lora 6 + the capstone 12
    ]
    kg = plan_graph()
    capstones = [s.concept for s in learning_path(kg, GOAL).steps if s.concept.capstone]
    assert len(capstones) == 2
    assert summaries[3:] == [f"Capstone project: {c.name} ({c.hours:g} h)" for c in capstones]
    for event in found:
        assert isinstance(event.decoded("DTSTART"), date)
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTEND") > event.decoded("DTSTART")


def test_rung_dates_are_the_weeks_of_the_schedule():
    kg = plan_graph()
    plan = learning_path(kg, GOAL)
    guided = guide(kg, plan, pace=10, start=START)
    by_uid = {str(e["UID"]): e for e in events(render_ics(guided))}
    assert guided.schedule is not None
    for rung in guided.schedule.rungs:
        event = by_uid[f"known.tune-cap.{rung.level}@kgraph"]
        assert event.decoded("DTSTART") == date.fromisoformat(rung.begins)
        assert event.decoded("DTEND") == date.fromisoformat(rung.ends) + timedelta(days=1)


def test_same_input_same_bytes_and_uids_survive_a_new_start():
    kg = plan_graph()
    plan = learning_path(kg, GOAL)
    first = render_ics(guide(kg, plan, pace=10, start=START))
    assert first == render_ics(guide(kg, plan, pace=10, start=START))
    later = render_ics(guide(kg, plan, pace=5, start=START + timedelta(days=30)))
    assert [e["UID"] for e in events(first)] == [e["UID"] for e in events(later)]
    assert "DTSTAMP:20261207T000000Z\r\n" in first  # from --start, not the clock


def test_crlf_and_lines_of_at_most_75_octets():
    text = render_ics(
        guide(plan_graph(), learning_path(plan_graph(), GOAL), pace=10, start=START), lang="ru"
    )
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert "\n" not in "".join(lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    assert {"VERSION:2.0", "BEGIN:VCALENDAR"} <= set(lines)
    assert any(line.startswith("PRODID:") for line in lines)
    names = [str(e["SUMMARY"]) for e in events(text)]
    assert "Итоговый проект" in names[-1]


def test_hostile_text_is_escaped_and_reads_back_the_same():
    concepts = plan_concepts()
    nasty = 'Ship, it; now\\ or\nnever "ж"' * 4
    concepts = [c._replace(name=nasty) if c.id == "ship-app" else c for c in concepts]
    from kgraph.graph import KGraph

    kg = KGraph(concepts)
    text = render_ics(guide(kg, learning_path(kg, GOAL), pace=10, start=START))
    capstone = events(text)[-2]  # ship-app, then tune-cap
    assert str(capstone["SUMMARY"]) == f"Capstone project: {nasty} (8 h)"
    assert "BEGIN:VEVENT\r\nUID" in text
    assert text.count("BEGIN:VEVENT") == 5


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_folding_never_splits_a_character_and_unfolds_to_the_line(text):
    line = "DESCRIPTION:" + escape_text(text)
    parts = fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


def test_escaping_follows_rfc_5545():
    assert escape_text("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne"


def test_a_shuffled_graph_gives_the_same_calendar_and_guide():
    import random

    from kgraph.graph import KGraph
    from kgraph.render.guide_json import render_guide_json

    concepts = plan_concepts()
    random.Random(3).shuffle(concepts)
    outputs = []
    for kg in (plan_graph(), KGraph(concepts)):
        guided = guide(kg, learning_path(kg, GOAL), pace=7, start=START, detail=True)
        outputs.append((render_ics(guided, lang="ru"), render_guide_json(guided)))
    assert outputs[0] == outputs[1]
