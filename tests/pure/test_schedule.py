"""The order of work, the critical path, cycles and the plan's timing warnings (pure)."""

import datetime as dt
from pathlib import Path

import pytest

from remit import orgfile
from remit.analysis import schedule as s
from remit.domain.plan import PlanItem, PlanKind, PlanStatus
from remit.orgfile.generate import generate_with_truth

D = dt.date
TODAY = D(2026, 11, 24)
DEMO = orgfile.load_path(Path(__file__).resolve().parents[2] / "remit/org/demo/demo-en.yaml")


def plan(*items: PlanItem) -> dict[str, PlanItem]:
    return {it.key: it for it in items}


def task(key, start=None, due=None, *, deps=(), parent=None, **kw) -> PlanItem:
    return PlanItem(
        key, kw.pop("title", key), start=start, due=due, depends_on=deps, parent=parent, **kw
    )


# --- planned dates ------------------------------------------------------------------------


def test_duration_is_the_stated_one_or_the_inclusive_window():
    assert s.span_days(task("A", D(2027, 2, 1), D(2027, 3, 31))) == 59
    assert s.span_days(task("A", D(2027, 2, 1), D(2027, 3, 31), duration_days=10)) == 10
    assert s.span_days(task("A", D(2027, 2, 1))) is None


def test_planned_dates_fill_in_from_the_duration():
    it = task("A", due=D(2026, 1, 10), duration_days=10)
    assert s.planned_start(it) == D(2026, 1, 1)
    it = task("A", start=D(2026, 1, 1), duration_days=10)
    assert s.planned_finish(it) == D(2026, 1, 10)
    assert s.planned_start(task("A")) is None and s.planned_finish(task("A")) is None


# --- cycles ---------------------------------------------------------------------------------


def test_no_cycle_in_a_sound_plan():
    assert s.find_cycles(DEMO.plan) == []
    assert s.find_cycles(plan(task("A"), task("B", deps=("A",)))) == []


def test_a_cycle_is_named_from_its_smallest_key_in_waiting_order():
    p = plan(task("C", deps=("B",)), task("B", deps=("A",)), task("A", deps=("C",)), task("X"))
    [cycle] = s.find_cycles(p)
    # A must finish before B, B before C, and C before A.
    assert cycle.keys == ("A", "B", "C")
    assert cycle.text == "A → B → C → A"
    assert not cycle.through_parts
    assert s.cycle_through(p, "B") == cycle
    assert s.cycle_through(p, "X") is None


def test_self_dependency_and_dependency_on_a_whole_or_part_are_cycles():
    assert s.find_cycles(plan(task("A", deps=("A",))))[0].keys == ("A",)
    on_whole = s.find_cycles(plan(task("G"), task("T", parent="G", deps=("G",))))
    assert on_whole[0].keys == ("G", "T") and on_whole[0].through_parts
    on_part = s.find_cycles(plan(task("G", deps=("T",)), task("T", parent="G")))
    assert on_part[0].keys == ("G", "T") and on_part[0].through_parts


def test_two_separate_cycles_are_both_reported_and_cancelled_items_break_them():
    p = plan(
        task("A", deps=("B",)),
        task("B", deps=("A",)),
        task("X", deps=("Y",)),
        task("Y", deps=("X",)),
    )
    assert [c.keys for c in s.find_cycles(p)] == [("A", "B"), ("X", "Y")]
    p["Y"] = task("Y", deps=("X",), status=PlanStatus.CANCELLED)
    assert [c.keys for c in s.find_cycles(p)] == [("A", "B")]


def test_a_parent_loop_is_a_cycle_not_a_crash():
    p = plan(task("A", parent="B"), task("B", parent="A"), task("C", parent="A"))
    assert s.find_cycles(p)[0].keys == ("A", "B")
    assert s.ancestors(p, "C") == ["A", "B"]
    sched = s.schedule(p)
    assert set(sched.timings) <= {"C"}
    assert s.order_of_work(p)[-2:] == ["A", "B"]


# --- the critical path ------------------------------------------------------------------------


def test_critical_path_and_slack_over_durations_and_dependencies():
    p = plan(
        task("G", kind=PlanKind.GOAL),
        task("A", D(2026, 1, 1), D(2026, 1, 10), parent="G"),  # 10 days
        task("B", duration_days=5, parent="G", deps=("A",)),  # 11–15 Jan
        task("C", D(2026, 1, 1), D(2026, 1, 3), parent="G"),  # 3 days, nothing waits
    )
    sched = s.schedule(p)
    b = sched.timings["B"]
    assert (b.early_start, b.early_finish, b.slack) == (D(2026, 1, 11), D(2026, 1, 15), 0)
    assert sched.timings["A"].critical
    c = sched.timings["C"]
    assert c.slack == 12 and c.late_finish == D(2026, 1, 15) and not c.critical
    assert sched.paths["G"] == ("A", "B")
    assert sched.finish["G"] == D(2026, 1, 15)
    assert sched.critical == {"G", "A", "B"}


def test_a_planned_start_is_not_before_and_gives_slack_to_what_comes_first():
    p = plan(
        task("G"),
        task("A", D(2026, 1, 1), D(2026, 1, 10), parent="G"),
        task("B", D(2026, 2, 1), D(2026, 2, 10), parent="G", deps=("A",)),
    )
    sched = s.schedule(p)
    assert sched.timings["B"].early_start == D(2026, 2, 1)
    assert sched.timings["A"].slack == 21  # may finish as late as 31 January
    assert sched.paths["G"] == ("B",)


def test_parts_start_with_their_whole_and_a_dependency_on_a_whole_waits_for_all_parts():
    p = plan(
        task("P", D(2026, 3, 1)),
        task("P1", duration_days=4, parent="P"),  # starts with P: 1–4 March
        task("P2", D(2026, 3, 2), D(2026, 3, 20), parent="P"),
        task("N", duration_days=2, deps=("P",)),
    )
    sched = s.schedule(p)
    assert sched.timings["P1"].early_start == D(2026, 3, 1)
    assert sched.timings["P"].early_finish == D(2026, 3, 20)
    assert sched.timings["N"].early_start == D(2026, 3, 21)


def test_a_whole_passes_its_dependencies_on_to_its_parts():
    p = plan(
        task("S1", D(2026, 1, 1), D(2026, 12, 31)),
        task("S2", parent=None, deps=("S1",)),
        task("T", duration_days=3, parent="S2"),
    )
    sched = s.schedule(p)
    assert sched.timings["T"].early_start == D(2027, 1, 1)
    assert s.waits_for(p, "T") == ["S1"]


def test_items_without_any_date_are_unscheduled_and_cycles_are_left_out():
    p = plan(
        task("A"),
        task("B", D(2026, 1, 1), D(2026, 1, 2)),
        task("X", D(2026, 1, 1), deps=("Y",)),
        task("Y", D(2026, 1, 1), deps=("X",)),
    )
    sched = s.schedule(p)
    assert sched.unscheduled == ("A",)
    assert "X" not in sched.timings and "Y" not in sched.timings
    assert [c.keys for c in sched.cycles] == [("X", "Y")]
    assert sched.timings["B"].critical


def test_demo_critical_paths():
    sched = s.schedule(DEMO.plan)
    assert sched.paths["G-CAPACITY"] == ("T-BUILD",)
    assert sched.paths["G-EXPORT"] == ("P-UK-DEALERS", "P-BENELUX")
    assert sched.timings["T-PLANNING"].slack == 94
    assert sched.timings["T-URBANBAO"].slack == 23
    assert not sched.cycles and not sched.unscheduled


# --- the order of work -----------------------------------------------------------------------


def test_dependencies_come_first_then_importance_times_urgency():
    p = plan(
        task("LOW", importance=1, urgency=1),
        task("HIGH", importance=5, urgency=5, deps=("LOW",)),
        task("MID", importance=3, urgency=3),
        task("MID-EARLY", D(2026, 1, 1), importance=3, urgency=3),
    )
    assert s.order_of_work(p) == ["MID-EARLY", "MID", "LOW", "HIGH"]


def test_done_work_releases_what_waits_and_a_whole_comes_just_before_its_first_part():
    p = plan(
        task("DONE", status=PlanStatus.DONE, importance=5, urgency=5),
        task("G", importance=1, urgency=1),
        task("T1", parent="G", importance=2, urgency=2, deps=("DONE",)),
        task("T2", parent="G", importance=5, urgency=5),
        task("OTHER", importance=4, urgency=4),
        task("GONE", status=PlanStatus.CANCELLED),
    )
    assert s.order_of_work(p) == ["G", "T2", "OTHER", "T1"]


def test_items_caught_in_a_cycle_come_last():
    p = plan(task("A", deps=("B",)), task("B", deps=("A",)), task("C"))
    assert s.order_of_work(p) == ["C", "A", "B"]


def test_order_of_work_of_the_demo_puts_the_laser_finance_before_the_laser():
    order = s.order_of_work(DEMO.plan)
    assert order.index("T-LASER-FINANCE") < order.index("T-LASER2")
    assert order.index("T-PILOT-COUNTER") < order.index("T-LAUNCH-COUNTER")
    assert not any(DEMO.plan[k].status in (PlanStatus.DONE, PlanStatus.CANCELLED) for k in order)


# --- warnings ----------------------------------------------------------------------------------


def test_preparation_should_have_started_once_start_less_lead_time_has_passed():
    p = plan(
        task("LATE", D(2027, 2, 1), lead_time_days=120),
        task("TODAY", TODAY + dt.timedelta(days=10), lead_time_days=10),
        task("AHEAD", D(2027, 6, 1), lead_time_days=30),
        task("STARTED", D(2027, 2, 1), lead_time_days=120, status=PlanStatus.IN_PROGRESS),
        task("NOLEAD", D(2026, 1, 1)),
    )
    late = s.preparation_late(p, TODAY)
    assert [x.key for x in late] == ["LATE"]
    assert late[0].prepare_from == D(2026, 10, 4) and late[0].late_by(TODAY) == 51
    assert set(s.preparations(p)) == {"LATE", "TODAY", "AHEAD"}


def test_the_demo_flaw_is_the_only_late_preparation():
    assert [x.key for x in s.preparation_late(DEMO.plan, TODAY)] == ["T-LASER2"]


def test_overdue_conflicts_untraced_and_unowned():
    p = plan(
        task("G", objective="OBJ", owner="CEO"),
        task("T", D(2026, 1, 1), D(2026, 11, 1), parent="G", owner="CEO"),
        task("OK", D(2026, 1, 1), D(2026, 11, 1), status=PlanStatus.DONE, owner="CEO"),
        task("EARLY", D(2026, 10, 1), D(2026, 12, 1), deps=("T",), owner="CEO"),
        task("HANDOVER", D(2026, 11, 1), D(2026, 12, 1), deps=("T",), owner="CEO"),
        task("DRIFT", owner=None),
        task("GONE", status=PlanStatus.CANCELLED),
    )
    assert s.overdue(p, TODAY) == ["T"]
    [c] = s.date_conflicts(p)
    assert (c.key, c.dependency, c.start, c.dependency_finish) == (
        "EARLY",
        "T",
        D(2026, 10, 1),
        D(2026, 11, 1),
    )
    assert c.overlap_days == 31
    assert s.untraced(p) == ["OK", "EARLY", "HANDOVER", "DRIFT"]
    assert s.objective_of(p, "T") == "OBJ"
    assert s.unowned(p) == ["DRIFT"]


def test_tree_order_puts_wholes_before_parts_and_siblings_in_their_order():
    p = plan(task("T2", parent="G"), task("G"), task("T1", parent="G"), task("X"))
    assert s.tree_order(p, {"T1": 0, "T2": 1, "G": 0, "X": 1}) == [
        ("G", 0),
        ("T1", 1),
        ("T2", 1),
        ("X", 0),
    ]
    assert set(s.descendants(p, "G")) == {"T1", "T2"}


# --- generated organisations: exactly the planted flaws, in near-linear time -----------------


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_plans_hold_exactly_the_planted_flaws(seed):
    org, truth = generate_with_truth("S", seed)
    today = dt.date(2026, 1, 1)
    p = org.plan
    live = {k for k, it in p.items() if it.status is not PlanStatus.CANCELLED}
    assert {(c.key, c.dependency) for c in s.date_conflicts(p)} == {
        (k, d) for k, d in truth.plan_conflicts if k in live and d in live
    }
    assert set(s.overdue(p, today)) == set(truth.overdue_plan_items)
    assert set(s.unowned(p)) == set(truth.unowned_plan_items) & live
    assert s.find_cycles(p) == [] and s.untraced(p) == []
    assert s.preparation_late(p, today) == []
