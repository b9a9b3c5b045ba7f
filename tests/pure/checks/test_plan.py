"""The plan's rules find their flaw, name the entities, say how to fix it, and keep quiet
on a sound plan (pure)."""

import datetime as dt
from pathlib import Path

from remit import orgfile
from remit.analysis import checks
from remit.domain import Organization
from remit.domain.plan import PlanItem, PlanKind, PlanStatus

D = dt.date
CTX = checks.Context(today=D(2026, 11, 24))
DEMO = orgfile.load_path(Path(__file__).resolve().parents[3] / "remit/org/demo/demo-en.yaml")
CODES = {
    "plan-item-unowned",
    "plan-dependency-cycle",
    "plan-starts-before-dependency",
    "plan-preparation-late",
    "plan-item-overdue",
    "plan-item-untraced",
}


def run(plan: list[PlanItem], code: str) -> list[checks.Finding]:
    org = Organization(name="X", plan={i.key: i for i in plan})
    return checks.run(org, CTX, codes={code})


def good() -> list[PlanItem]:
    return [
        PlanItem("G", "Grow", PlanKind.GOAL, objective="OBJ", owner="CEO"),
        PlanItem("T1", "First", parent="G", owner="CEO", start=D(2027, 1, 4), due=D(2027, 1, 29)),
        PlanItem("T2", "Then", parent="G", owner="CEO", start=D(2027, 2, 1), due=D(2027, 2, 26),
                 depends_on=("T1",), lead_time_days=30),
    ]  # fmt: skip


def test_the_rules_are_registered_in_the_plan_area():
    assert set(checks.RULES) >= CODES
    for code in CODES:
        rule = checks.RULES[code]
        assert rule.area == "plan" and rule.fix and rule.title


def test_a_sound_plan_passes_every_rule():
    org = Organization(name="X", plan={i.key: i for i in good()})
    assert checks.run(org, CTX, codes=CODES) == []


def test_unowned_item():
    plan = [*good(), PlanItem("T3", "Orphan", parent="G")]
    [f] = run(plan, "plan-item-unowned")
    assert f.severity == "error" and f.entities == ["T3"]
    assert f.message == "Task “Orphan” (T3) has no owner position."
    assert f.render(lambda s: {"Task": "任务"}.get(s, s)).startswith("任务")


def test_dependency_cycle_names_it():
    plan = [*good(), PlanItem("T0", "Zero", parent="G", owner="CEO", depends_on=("T2",))]
    plan[1] = PlanItem("T1", "First", parent="G", owner="CEO", depends_on=("T0",))
    [f] = run(plan, "plan-dependency-cycle")
    assert f.entities == ["T0", "T1", "T2"]
    assert "T0 → T1 → T2 → T0" in f.message and f.severity == "error"
    [f] = run(
        [PlanItem("G", "G", depends_on=("T",)), PlanItem("T", "T", parent="G")],
        "plan-dependency-cycle",
    )
    assert "its own part" in f.message


def test_starts_before_dependency():
    plan = good()
    plan[2] = PlanItem(
        "T2", "Then", parent="G", owner="OPS", start=D(2027, 1, 20), depends_on=("T1",)
    )
    [f] = run(plan, "plan-starts-before-dependency")
    assert f.entities == ["T2", "T1", "OPS", "CEO"]
    assert (
        "starts on 2027-01-20, before “First” (T1)" in f.message
        and "due on 2027-01-29" in f.message
    )


def test_preparation_late_in_the_demo():
    found = checks.run(DEMO, CTX, codes={"plan-preparation-late"})
    assert [f.entities for f in found] == [["T-LASER2", "PRD-MGR"]]
    assert "should have started on 2026-10-04" in found[0].message
    assert "51 days late" in found[0].message


def test_overdue():
    plan = [*good(), PlanItem("T9", "Late", parent="G", owner="CEO", start=D(2026, 9, 1),
                              due=D(2026, 11, 1), status=PlanStatus.BLOCKED, progress=40)]  # fmt: skip
    [f] = run(plan, "plan-item-overdue")
    assert f.entities == ["T9", "CEO"]
    assert f.message == "“Late” (T9) was due on 2026-11-01 and is not done: Blocked, 40 % complete."
    assert "Bloqué" in f.render(lambda s: {"Blocked": "Bloqué"}.get(s, s))


def test_untraced_item_is_drift():
    plan = [*good(), PlanItem("X", "Side project", owner="CEO")]
    [f] = run(plan, "plan-item-untraced")
    assert f.entities == ["X", "CEO"]
    assert (
        run([*good(), PlanItem("GONE", "Gone", status=PlanStatus.CANCELLED)], "plan-item-untraced")
        == []
    )


def test_the_demo_is_sound_except_its_planted_flaw():
    found = checks.run(DEMO, CTX, codes=CODES)
    assert [f.code for f in found] == ["plan-preparation-late"]
