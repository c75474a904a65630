"""Where to start, projects along a plan, this week and the pace so far: the library's rules."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kgraph.goal import Goal
from kgraph.graph import KGraph
from kgraph.model import Kind, Level, Resource, ResourceKind
from kgraph.projects import projects, suggested_along
from kgraph.queries import known_set, learning_path
from kgraph.resources import KIND_ORDER, rank_resources, start_with
from kgraph.study import SoFar, guide, pace_so_far, this_week
from tests.plan_graph import plan_graph
from tests.strategies import dags

TODAY = date(2026, 12, 7)


def title(resource: Resource | None) -> str:
    assert resource is not None
    return resource.title


def so_far_of(kg: KGraph, marks: dict[str, str], remaining: float) -> SoFar:
    found = pace_so_far(kg, marks, today=TODAY, remaining=remaining)
    assert found is not None
    return found


class TestStartWith:
    def test_free_first_then_the_kind_that_suits_the_rung(self):
        kg = plan_graph()
        assert title(start_with(kg["python"])) == "Python tutorial"  # the free one
        assert title(start_with(kg["api"])) == "API course"  # use: a course before a paper
        assert title(start_with(kg["lora"])) == "LoRA paper"  # free beats a paid course
        assert title(start_with(kg["tune-cap"])) == "Fine-tune docs"  # tune: docs before code

    def test_repair_and_up_prefer_primary_sources(self):
        free = [Resource(k.value, f"https://example.org/{k.value}", k, True) for k in ResourceKind]
        assert rank_resources(free, Level.REPAIR)[0].kind is ResourceKind.PAPER
        assert rank_resources(free, Level.USE)[0].kind is ResourceKind.COURSE

    def test_file_order_breaks_ties_and_none_without_resources(self):
        a = Resource("a", "https://example.org/a", ResourceKind.DOCS, True)
        b = a._replace(title="b")
        assert rank_resources([b, a], Level.USE) == [b, a]
        assert start_with(plan_graph()["rag"]._replace(resources=())) is None

    def test_every_rung_orders_every_kind(self):
        for level in Level:
            assert sorted(KIND_ORDER[level]) == sorted(ResourceKind)


class TestProjects:
    def test_ready_means_every_need_known(self):
        kg = plan_graph()
        listed = projects(kg, known=["api"])
        by_id = {e.concept.id: e for e in listed.projects}
        assert list(by_id) == ["chatbot", "ship-app", "tune-cap", "tune-eval"]  # ladder order
        assert by_id["chatbot"].ready
        assert not by_id["ship-app"].ready
        assert by_id["ship-app"].waiting_for == ("rag",)
        ready = projects(kg, known=["api"], ready=True).projects
        assert [e.concept.id for e in ready] == ["chatbot"]

    def test_a_done_project_is_not_ready_to_start(self):
        assert projects(plan_graph(), known=["chatbot"], ready=True).projects == ()

    def test_level_filter(self):
        found = projects(plan_graph(), level=Level.TUNE).projects
        assert [e.concept.id for e in found] == ["tune-cap", "tune-eval"]

    def test_practice_projects_appear_at_the_step_that_completes_their_needs(self):
        kg = plan_graph()
        plan = learning_path(kg, "tune-cap")
        order = [s.concept.id for s in plan.steps]
        guided = guide(kg, plan)
        at = {p.id: order[i] for i, ps in enumerate(guided.projects) for p in ps}
        assert at == {"chatbot": "api", "tune-eval": max("lora", "rag", key=order.index)}
        assert all(not p.capstone for ps in guided.projects for p in ps)

    def test_already_possible_projects_are_not_the_plans_to_suggest(self):
        kg = plan_graph()
        plan = learning_path(kg, "tune-cap", known=["api"])
        suggested = [p.id for ps in guide(kg, plan).projects for p in ps]
        assert "chatbot" not in suggested
        assert "tune-eval" in suggested

    def test_suggested_projects_never_count_in_hours(self):
        kg = plan_graph()
        plan = learning_path(kg, "tune-cap")
        assert plan.hours == sum(s.concept.hours for s in plan.steps)
        assert "chatbot" not in {s.concept.id for s in plan.steps}

    @given(dags(), st.data())
    def test_a_suggested_project_is_possible_exactly_from_its_step(self, graph, data):
        ids = sorted(c.id for c in graph.concepts)
        chosen = set(data.draw(st.sets(st.sampled_from(ids))))
        kg = KGraph(c._replace(kind=Kind.PROJECT) if c.id in chosen else c for c in graph.concepts)
        target = data.draw(st.sampled_from(ids))
        have = known_set(kg, data.draw(st.sets(st.sampled_from(ids), max_size=3)))
        order = kg.learning_order(kg.closure([target]) - have)
        for index, found in suggested_along(kg, order, have).items():
            for project in found:
                needs = set(kg.prerequisites[project.id])
                assert needs <= have | set(order[: index + 1])
                assert not needs <= have | set(order[:index])


class TestWeek:
    def test_steps_fit_the_pace_and_the_last_may_spill_over(self):
        kg = plan_graph()
        week = this_week(kg, Goal("tune-cap"), pace=12, today=TODAY)
        assert [s.concept.id for s in week.steps] == ["python", "api"]  # 10, then 14 > 12
        assert title(week.start_with[1]) == "API course"
        assert week.remaining == learning_path(kg, "tune-cap").hours == 46
        assert week.finish == "2027-01-03"  # ceil(46 / 12) = 4 weeks from 2026-12-07

    def test_known_steps_are_left_out_and_the_plan_order_kept(self):
        kg = plan_graph()
        week = this_week(kg, Goal("tune-cap"), pace=10, today=TODAY, known=("api",))
        steps = learning_path(kg, "tune-cap", known=["api"]).steps
        reach = next(i for i, s in enumerate(steps) if s.running_hours >= 10)
        assert week.steps == steps[: reach + 1]
        assert not {s.concept.id for s in week.steps} & {"python", "api"}

    def test_each_step_names_the_projects_it_opens(self):
        week = this_week(plan_graph(), Goal("tune-cap"), pace=14, today=TODAY)
        assert [s.concept.id for s in week.steps] == ["python", "api"]
        assert [[p.id for p in ps] for ps in week.projects] == [[], ["chatbot"]]

    @given(dags(), st.data())
    def test_the_week_is_the_shortest_plan_prefix_that_fills_the_pace(self, graph, data):
        kg = KGraph(graph.concepts)
        target = data.draw(st.sampled_from(sorted(kg.concepts)))
        pace = data.draw(st.integers(1, 80)) / 2
        steps = learning_path(kg, target).steps
        week = this_week(kg, Goal(target), pace=pace, today=TODAY)
        assert week.steps == steps[: len(week.steps)]
        assert len(week.steps) == len(steps) or week.steps[-1].running_hours >= pace
        assert all(s.running_hours < pace for s in week.steps[:-1])

    def test_goal_reached_means_no_steps(self):
        week = this_week(plan_graph(), Goal("api"), pace=10, today=TODAY, known=("api",))
        assert week.steps == ()
        assert week.finish is None


class TestPaceSoFar:
    def test_the_first_day_is_the_start_and_never_counts(self):
        kg = plan_graph()
        marks = {"python": "2026-11-01T10:00:00Z", "api": "2026-11-01T11:00:00Z"}
        assert so_far_of(kg, marks, 20).hours_a_week == 0
        marks["rag"] = "2026-11-30T08:00:00Z"
        so_far = so_far_of(kg, marks, 20)
        assert (so_far.hours_a_week, so_far.weeks) == (1.5, 4)  # rag's 6 h over 4 weeks
        assert so_far.arrive == "2027-03-14"  # ceil(20 / 1.5) = 14 weeks: today + 97 days

    def test_the_window_is_the_weeks_since_the_start_when_fewer_than_four(self):
        kg = plan_graph()
        marks = {"python": "2026-11-20T10:00:00Z", "lora": "2026-12-01T10:00:00Z"}
        so_far = so_far_of(kg, marks, 12)
        assert (so_far.weeks, so_far.hours_a_week) == (2, 3)

    def test_older_marks_fall_out_of_the_window(self):
        kg = plan_graph()
        marks = {
            "python": "2026-01-01T10:00:00Z",
            "lora": "2026-11-09T10:00:00Z",
            "rag": "2026-11-10T10:00:00Z",
        }
        so_far = so_far_of(kg, marks, 12)
        assert so_far.hours_a_week == 6 / 4  # lora (day 28 back) is outside, rag inside

    def test_less_than_a_week_of_history_says_nothing(self):
        marks = {"python": "2026-12-03T10:00:00Z"}
        assert pace_so_far(plan_graph(), marks, today=TODAY, remaining=5) is None

    def test_no_study_means_no_arrival(self):
        marks = {"python": "2026-10-03T10:00:00Z"}
        assert so_far_of(plan_graph(), marks, 5).arrive is None

    def test_a_pace_that_would_arrive_after_the_last_day_means_no_arrival(self):
        """As slow as that, the arrival has no date: "you would not arrive", not an error."""
        marks = {"python": "2026-10-03T10:00:00Z", "rag": "2026-11-20T10:00:00Z"}
        so_far = so_far_of(plan_graph(), marks, 1e9)
        assert so_far.hours_a_week > 0
        assert so_far.arrive is None
