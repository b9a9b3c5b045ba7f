"""Staffing analysis (stages, timeline, late and upcoming hires, vacancies, cost, skills)
and the timeline's SVG, on hand-made snapshots and on the demo company's file."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from remit import orgfile
from remit.analysis import staffing
from remit.analysis.staffing import CellStatus
from remit.domain import Organization
from remit.domain import people as p
from remit.render.staffing import timeline_svg

from .render.test_svg import anchors_inside, parse_safe, texts, titles

D = dt.date
TODAY = D(2026, 11, 24)
DEMO = Path(__file__).resolve().parents[2] / "remit" / "org" / "demo" / "demo-en.yaml"


def emp(key, *assignments, skills=(), status=p.EmployeeStatus.ACTIVE, name=None):
    return p.Employee(
        key,
        name or f"Person {key}",
        status=status,
        assignments=tuple(
            p.Assignment(f"{key}-{i}", pos, start, end)
            for i, (pos, start, end) in enumerate(assignments)
        ),
        skills=tuple(p.EmployeeSkill(f"{key}-s{i}", s, lvl) for i, (s, lvl) in enumerate(skills)),
    )


def company(**over) -> Organization:
    """Two stages; a founder, a growing sales team, a welder post; grades with costs."""
    base = {
        "name": "Staffing Ltd",
        "currency": "EUR",
        "departments": {
            "OPS": p.Department("OPS", "Operations"),
            "SAL": p.Department("SAL", "Sales"),
        },
        "grades": {
            "G1": p.Grade("G1", "Operative", Decimal(3000)),
            "G9": p.Grade("G9", "Director", Decimal(12000)),
            "GX": p.Grade("GX", "No cost yet"),
        },
        "skills": {
            "WELD": p.Skill("WELD", "Welding", "Production"),
            "CAD": p.Skill("CAD", "CAD design", "Engineering"),
            "NEG": p.Skill("NEG", "Negotiation", "Sales"),
        },
        "positions": {
            "CEO": p.Position("CEO", "Founder", department="OPS", grade="G9"),
            "KAM": p.Position(
                "KAM",
                "Account manager",
                department="SAL",
                reports_to="CEO",
                grade="GX",
                headcount=3,
                skills=(p.PositionSkill("KAM-1", "NEG", 4),),
            ),
            "WLD": p.Position(
                "WLD",
                "Welder",
                department="OPS",
                reports_to="CEO",
                grade="G1",
                headcount=2,
                skills=(p.PositionSkill("WLD-1", "WELD", 3), p.PositionSkill("WLD-2", "CAD", 2)),
            ),
        },
        "stages": {
            "S1": p.Stage(
                "S1",
                "Start-up",
                1,
                D(2020, 12, 31),
                staffing=(
                    p.StaffingLine("S1-1", "CEO", 1, D(2019, 1, 1)),
                    p.StaffingLine("S1-2", "KAM", 1, D(2020, 6, 30)),
                    p.StaffingLine("S1-3", "WLD", 1),  # no date: the stage's target date
                ),
            ),
            "S2": p.Stage(
                "S2",
                "Growth",
                2,
                D(2027, 12, 31),
                staffing=(
                    p.StaffingLine("S2-1", "KAM", 2, D(2026, 3, 31)),
                    p.StaffingLine("S2-2", "KAM", 1, D(2027, 6, 30)),  # lines of a stage add up
                    p.StaffingLine("S2-3", "WLD", 2, D(2027, 3, 31)),
                ),
            ),
        },
        "employees": {
            "E1": emp("E1", ("CEO", D(2019, 1, 1), None), skills=[]),
            "E2": emp("E2", ("KAM", D(2020, 5, 1), None), skills=[("NEG", 4)]),
            "E3": emp("E3", ("WLD", D(2020, 1, 1), None), skills=[("WELD", 2), ("CAD", 3)]),
            "E4": emp("E4", ("WLD", D(2021, 1, 1), D(2026, 1, 31)), skills=[("WELD", 4)]),
        },
    }
    base.update(over)
    return Organization(**base)


# --- the plan -------------------------------------------------------------------------------


def test_lines_take_their_stage_date_and_stages_keep_earlier_needs():
    org = company()
    due = {n.line: n.due for n in staffing.needs(org)}
    assert due["S1-3"] == D(2020, 12, 31)
    growth = {n.position: n for n in staffing.stage_staffing(org, "S2")}
    assert growth["KAM"].headcount == 3 and growth["KAM"].lines == ("S2-1", "S2-2")
    assert growth["KAM"].due == D(2027, 6, 30) and not growth["KAM"].carried
    assert growth["CEO"].carried and growth["CEO"].stage == "S1" and growth["CEO"].headcount == 1
    # Own needs first, then the kept ones.
    assert [n.carried for n in staffing.stage_staffing(org, "S2")] == [False, False, True]
    assert {n.position for n in staffing.stage_staffing(org, "S1")} == {"CEO", "KAM", "WLD"}


def test_stages_follow_their_order_not_their_keys():
    org = company()
    swapped = {
        "A-LATE": p.Stage("A-LATE", "Late", 9, staffing=(p.StaffingLine("A-1", "KAM", 5),)),
        **org.stages,
    }
    org = company(stages=swapped)
    assert [s.key for s in staffing.stages_in_order(org)] == ["S1", "S2", "A-LATE"]
    late = {n.position: n for n in staffing.stage_staffing(org, "A-LATE")}
    assert late["KAM"].headcount == 5 and late["WLD"].stage == "S2"


def test_planned_headcount_steps_at_each_date():
    org = company()
    assert staffing.planned_on(org, D(2018, 1, 1)) == {}
    assert staffing.planned_on(org, D(2020, 7, 1)) == {"CEO": 1, "KAM": 1}
    assert staffing.planned_on(org, D(2021, 1, 1)) == {"CEO": 1, "KAM": 1, "WLD": 1}
    # The growth stage's first KAM line replaces the start-up's need; its second adds to it.
    assert staffing.planned_on(org, D(2026, 4, 1))["KAM"] == 2
    assert staffing.planned_on(org, D(2027, 7, 1)) == {"CEO": 1, "KAM": 3, "WLD": 2}


def test_filled_counts_active_assignments():
    org = company()
    assert staffing.filled_on(org, D(2025, 1, 1)) == {"CEO": 1, "KAM": 1, "WLD": 2}
    assert staffing.filled_on(org, TODAY) == {"CEO": 1, "KAM": 1, "WLD": 1}


# --- the timeline -----------------------------------------------------------------------------


def test_timeline_points_and_milestones():
    tl = staffing.timeline(company(), TODAY)
    assert tl.start == D(2019, 1, 1) and tl.end == D(2027, 12, 31)
    assert (tl.planned_today, tl.filled_today) == (4, 3)
    days = [pt.day for pt in tl.points]
    assert days == sorted(days) and D(2026, 2, 1) in days  # the day after E4 left
    by_day = {pt.day: pt for pt in tl.points}
    assert by_day[D(2026, 2, 1)].filled == 3 and by_day[D(2021, 1, 1)].filled == 4
    assert all(pt.filled is None for pt in tl.points if pt.day > TODAY)
    stones = {m.day: m for m in tl.milestones}
    assert stones[TODAY].planned == 4 and stones[TODAY].filled == 3
    assert stones[D(2027, 12, 31)].planned == 6 and stones[D(2027, 12, 31)].filled is None
    assert [(m.key, m.headcount) for m in tl.stages] == [("S1", 3), ("S2", 6)]
    assert not tl.undated


def test_timeline_without_dates_or_stages():
    bare = company(
        stages={"X": p.Stage("X", "Undated", 1, staffing=(p.StaffingLine("X-1", "CEO", 1),))}
    )
    tl = staffing.timeline(bare, TODAY)
    assert tl.empty and [n.line for n in tl.undated] == ["X-1"]
    assert staffing.timeline(company(stages={}), TODAY).empty


# --- late and upcoming hires, vacancies -------------------------------------------------------


def test_late_hires_are_due_needs_with_fewer_holders():
    late = staffing.late_hires(company(), TODAY)
    assert [(h.position, h.stage, h.needed, h.filled, h.due) for h in late] == [
        ("KAM", "S2", 2, 1, D(2026, 3, 31))
    ]
    assert late[0].missing == 1 and late[0].days_late == (TODAY - D(2026, 3, 31)).days
    # Archived positions are history, not late.
    org = company()
    archived = {**org.positions, "KAM": p.Position("KAM", "Old", status=p.PositionStatus.ARCHIVED)}
    assert staffing.late_hires(company(positions=archived), TODAY) == []


def test_upcoming_hires_count_from_todays_holders():
    ahead = staffing.upcoming_hires(company(), TODAY)
    assert [(h.position, h.due, h.needed, h.filled, h.to_hire) for h in ahead] == [
        ("WLD", D(2027, 3, 31), 2, 1, 1),
        ("KAM", D(2027, 6, 30), 3, 1, 2),
    ]


def test_vacant_since_the_holders_fell_below_the_headcount():
    org = company()
    # WLD (headcount 2) had E3 and E4 until E4 left on 2026-01-31.
    assert staffing.vacant_since(org, "WLD", TODAY) == D(2026, 2, 1)
    # KAM (headcount 3) never had three: since its first staffing line's date.
    assert staffing.vacant_since(org, "KAM", TODAY) == D(2020, 6, 30)
    # Filled again: not vacant.
    refilled = {**org.employees, "E5": emp("E5", ("WLD", D(2026, 5, 1), None))}
    assert staffing.vacant_since(company(employees=refilled), "WLD", TODAY) is None
    vac = {v.position: v for v in staffing.vacancies(org, TODAY)}
    assert set(vac) == {"KAM", "WLD"} and vac["KAM"].vacant == 2 and vac["WLD"].vacant == 1
    assert [v.position for v in staffing.vacancies(org, TODAY)] == ["KAM", "WLD"]  # longest first


def test_vacant_since_falls_back_to_an_open_opening_or_unknown():
    org = company(stages={})
    assert staffing.vacant_since(org, "KAM", TODAY) is None  # never filled, never planned
    opening = p.Opening("OP", "KAM", D(2026, 9, 1))
    closed = p.Opening("OP2", "KAM", D(2020, 1, 1), status=p.OpeningStatus.CANCELLED)
    with_opening = company(stages={}, openings={"OP": opening, "OP2": closed})
    assert staffing.vacant_since(with_opening, "KAM", TODAY) == D(2026, 9, 1)
    planned = {
        **org.positions,
        "NEW": p.Position("NEW", "Planned", status=p.PositionStatus.PLANNED),
    }
    assert "NEW" not in {v.position for v in staffing.vacancies(company(positions=planned), TODAY)}


# --- cost -------------------------------------------------------------------------------------


def test_stage_cost_is_grade_cost_times_headcount():
    org = company()
    start = staffing.stage_cost(org, "S1", TODAY)
    by_pos = {c.position: c for c in start.lines}
    assert by_pos["CEO"].monthly == Decimal(12000) and by_pos["WLD"].monthly == Decimal(3000)
    assert by_pos["KAM"].monthly is None  # grade without a cost
    assert start.monthly == Decimal(15000) and start.yearly == Decimal(180000)
    assert start.uncosted == 1 and start.headcount == 3 and start.currency == "EUR"
    growth = staffing.stage_cost(org, "S2", TODAY)
    assert growth.monthly == Decimal(12000 + 2 * 3000) and growth.uncosted == 3
    assert {c.position: c.carried for c in growth.lines} == {
        "KAM": False,
        "WLD": False,
        "CEO": True,
    }
    assert by_pos["WLD"].monthly_today == Decimal(3000)  # one welder holds it today
    assert [c.stage for c in staffing.stage_costs(org, TODAY)] == ["S1", "S2"]


def test_a_position_without_grade_has_no_cost():
    org = company()
    positions = {**org.positions, "CEO": p.Position("CEO", "Founder")}
    assert staffing.monthly_cost_of(company(positions=positions), "CEO") is None
    assert staffing.monthly_cost_of(org, "NOPE") is None


# --- skills -----------------------------------------------------------------------------------


def test_skills_matrix_compares_assessed_with_required():
    m = staffing.skills_matrix(company(), ["OPS", "SAL"], TODAY)
    assert m.skills == ("CAD", "WELD", "NEG")  # by category, then name
    rows = {(r.position, r.employee): r for r in m.rows}
    e3 = rows[("WLD", "E3")]
    assert [c.status for c in e3.cells] == [CellStatus.MET, CellStatus.BELOW, CellStatus.NONE]
    assert e3.gaps == 1 and e3.cells[1].gap
    ceo = rows[("CEO", "E1")]
    assert all(c.status == CellStatus.NONE for c in ceo.cells) and ceo.gaps == 0
    # Vacant posts: one row each position with fewer holders, with the required levels only.
    assert rows[("WLD", None)].vacant == 1 and rows[("KAM", None)].vacant == 2
    assert rows[("WLD", None)].cells[1].required == 3 and not rows[("WLD", None)].gaps
    assert m.gaps == 1 and m.gaps_by_skill() == {"CAD": 0, "WELD": 1, "NEG": 0}
    # Only the departments asked for, in the order given.
    only = staffing.skills_matrix(company(), ["SAL"], TODAY)
    assert {r.position for r in only.rows} == {"KAM"} and only.skills == ("NEG",)


def test_skills_matrix_missing_and_extra_and_without_people():
    org = company()
    employees = {
        **org.employees,
        "E2": emp("E2", ("KAM", D(2020, 5, 1), None), skills=[("WELD", 5)]),
    }
    m = staffing.skills_matrix(company(employees=employees), ["SAL"], TODAY)
    kam = next(r for r in m.rows if r.employee == "E2")
    assert kam.cells[0].status == CellStatus.MISSING and kam.gaps == 1
    m2 = staffing.skills_matrix(company(employees=employees), ["SAL", "OPS"], TODAY)
    e2 = next(r for r in m2.rows if r.employee == "E2")
    assert e2.cells[m2.skills.index("WELD")].status == CellStatus.EXTRA
    anonymous = staffing.skills_matrix(org, ["OPS"], TODAY, with_people=False)
    assert [(r.position, r.employee, r.vacant) for r in anonymous.rows] == [
        ("CEO", None, 0),
        ("WLD", None, 0),
    ]
    assert anonymous.gaps == 0


def test_skill_gaps_of_todays_holders():
    org = company()
    gaps = list(staffing.skill_gaps(org, TODAY))
    assert [(g.employee, g.position, g.skill, g.required, g.assessed) for g in gaps] == [
        ("E3", "WLD", "WELD", 3, 2)
    ]
    # Those who left and past assignments do not count.
    employees = {
        **org.employees,
        "E3": emp("E3", ("WLD", D(2020, 1, 1), None), status=p.EmployeeStatus.LEFT),
    }
    assert list(staffing.skill_gaps(company(employees=employees), TODAY)) == []


def test_the_demo_company():
    demo = orgfile.load_path(DEMO)
    gaps = list(staffing.skill_gaps(demo, TODAY))
    assert [(g.employee, g.skill, g.assessed) for g in gaps] == [("E041", "SK-FGAS", None)]
    costs = {c.stage: c for c in staffing.stage_costs(demo, TODAY)}
    assert costs["ST-GROWTH"].headcount == 55 and costs["ST-GROWTH"].uncosted == 0
    assert costs["ST-GROWTH"].monthly > costs["ST-STARTUP"].monthly
    tl = staffing.timeline(demo, TODAY)
    assert tl.planned_today == 16 and tl.filled_today == 48
    assert staffing.late_hires(demo, TODAY) == []
    assert staffing.upcoming_hires(demo, TODAY)[0].position == "SAL-ESTIM"


# --- the timeline's SVG -----------------------------------------------------------------------


def test_timeline_svg_is_safe_and_says_what_it_shows():
    tl = staffing.timeline(company(), TODAY)
    svg = timeline_svg(tl, link=lambda k: f"/stages/{k}/")
    root = parse_safe(svg)
    words = " ".join(texts(root))
    assert "4 needed" in words and "3 filled" in words
    assert "Start-up" in words and "needs 3" in words and "Today" in words
    assert "2020" in words and "2026" in words
    assert any("Growth" in t for t in titles(root))
    assert 'href="/stages/S1/"' in svg
    anchors_inside(root)
    assert "4 needed and 3 filled today" in root.get("aria-label")


def test_timeline_svg_translates_and_handles_empty():
    tl = staffing.timeline(company(stages={}), TODAY)
    svg = timeline_svg(tl, t=lambda s: s.replace("No dated staffing needs yet.", "暂无"))
    assert "暂无" in " ".join(texts(parse_safe(svg)))
    full = timeline_svg(staffing.timeline(company(), TODAY), t=lambda s: s.replace("Today", "今天"))
    assert "今天" in " ".join(texts(parse_safe(full)))


@pytest.mark.parametrize("years", [1, 12, 60])
def test_timeline_svg_any_span(years):
    start = D(2026 - years, 1, 1)
    org = company(
        stages={
            "S": p.Stage(
                "S", "Long", 1, D(2030, 1, 1), staffing=(p.StaffingLine("S-1", "CEO", 40, start),)
            )
        },
        employees={
            f"E{i}": emp(f"E{i}", ("CEO", start + dt.timedelta(days=30 * i), None))
            for i in range(30)
        },
    )
    root = parse_safe(timeline_svg(staffing.timeline(org, TODAY)))
    anchors_inside(root)
    year_labels = [t for t in texts(root) if t.isdigit() and len(t) == 4]
    assert 1 <= len(year_labels) <= 13


def test_a_need_still_ahead_does_not_date_a_vacancy():
    org = company(
        stages={
            "S": p.Stage(
                "S", "Later", 1, staffing=(p.StaffingLine("S-1", "KAM", 3, D(2027, 1, 1)),)
            )
        }
    )
    assert staffing.vacant_since(org, "KAM", TODAY) is None
    assert staffing.vacancies(org, TODAY)[-1].since is None


def test_a_short_timeline_is_marked_by_quarters():
    org = company(
        stages={
            "S": p.Stage(
                "S",
                "Soon",
                1,
                D(2027, 6, 30),
                staffing=(p.StaffingLine("S-1", "CEO", 2, D(2026, 6, 1)),),
            )
        },
        employees={"E1": emp("E1", ("CEO", D(2026, 1, 10), None))},
    )
    words = texts(parse_safe(timeline_svg(staffing.timeline(org, TODAY))))
    assert "2026-04" in words and "2027" in words and "2027-04" in words
