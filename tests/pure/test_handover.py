"""The handover generated from the graph, and how far a handover has come."""

import datetime as dt
from decimal import Decimal

from remit.analysis import handover
from remit.domain import Organization
from remit.domain import control as c
from remit.domain import duties as d
from remit.domain import methods as m
from remit.domain import people as p
from remit.domain import plan as pl
from remit.domain import relations as r
from remit.domain import resources as res
from remit.domain import strategy as s
from remit.domain import transparency as t

D = dt.date
K = p.HandoverItemKind


def buyer_org(*, colleague: bool = False) -> Organization:
    """A buyer (E1) who owns a bit of everything; optionally a colleague in the same post."""
    target = d.Target(
        "BUY-1-1",
        "Deliveries on time",
        responsibilities=(
            d.Responsibility("BUY-1-1-1", "Expedite late deliveries weekly"),
            d.Responsibility("BUY-1-1-2", "Negotiate annual steel prices"),
        ),
    )
    employees = {
        "E1": p.Employee(
            "E1", "Deirdre", assignments=(p.Assignment("E1-1", "BUY", D(2017, 4, 24)),)
        ),
        "E2": p.Employee("E2", "Marta", assignments=(p.Assignment("E2-1", "WH", D(2021, 9, 20)),)),
    }
    if colleague:
        employees["E3"] = p.Employee(
            "E3", "Colm", assignments=(p.Assignment("E3-1", "BUY", D(2020, 1, 1)),)
        )
    return Organization(
        name="Buyers",
        positions={
            "BUY": p.Position(
                "BUY",
                "Purchaser",
                result_areas=(d.ResultArea("BUY-1", "Supply", Decimal(100), targets=(target,)),),
            ),
            "WH": p.Position("WH", "Warehouse lead"),
        },
        employees=employees,
        objectives={
            "OBJ": s.Objective("OBJ", "Cut stock-outs", owner="BUY"),
            "OLD": s.Objective(
                "OLD", "Done already", owner="BUY", status=s.ObjectiveStatus.ACHIEVED
            ),
        },
        relations={
            "SUP": r.Relation("SUP", "Frigotech", r.PartyKind.SUPPLIER, owner="BUY"),
            "GONE": r.Relation(
                "GONE",
                "Old supplier",
                r.PartyKind.SUPPLIER,
                owner="BUY",
                status=r.RelationStatus.ENDED,
            ),
            "OTHER": r.Relation("OTHER", "Bank", r.PartyKind.SERVICE_PROVIDER, owner="WH"),
        },
        resources={"ERP": res.Resource("ERP", "Purchasing module", owner="BUY")},
        resource_needs={"N1": res.ResourceNeed("N1", "T1", resource="ERP")},
        acquisitions={
            "A1": res.Acquisition("A1", "N1", owner="BUY"),
            "A2": res.Acquisition("A2", "N1", owner="BUY", status=res.AcquisitionStatus.DONE),
        },
        controls={
            "K1": c.Control("K1", "Three-way match", activity="match PO, GRN, invoice", owner="BUY")
        },
        procedures={
            "SOP": m.Procedure("SOP", "Supplier payments", owner="BUY"),
            "RET": m.Procedure("RET", "Fax orders", owner="BUY", status=m.ProcedureStatus.RETIRED),
        },
        plan={
            "T1": pl.PlanItem("T1", "Second gasket supplier", owner="BUY"),
            "T2": pl.PlanItem("T2", "Stock count", owner="WH", assignee="E1"),
            "T3": pl.PlanItem("T3", "Finished", owner="BUY", status=pl.PlanStatus.DONE),
        },
        problems={
            "PB": t.Problem("PB", "Late compressors", D(2026, 10, 1), owner="BUY"),
            "PB2": t.Problem(
                "PB2", "Solved", D(2026, 1, 1), owner="BUY", status=t.ProblemStatus.RESOLVED
            ),
        },
    )


def generate(org, **kw):
    args = {
        "employee": "E1",
        "position": "BUY",
        "on": D(2026, 12, 18),
        "key": "HO-E1",
        "reason": p.EventKind.RESIGNATION,
    }
    return handover.generate(org, **(args | kw))


def test_a_sole_holder_hands_over_everything_the_position_owns():
    h = generate(buyer_org(), due_on=D(2026, 12, 18))
    assert [(i.key, i.kind, i.ref) for i in h.items] == [
        ("HO-E1-1", K.RESPONSIBILITY, "BUY-1-1-1"),
        ("HO-E1-2", K.RESPONSIBILITY, "BUY-1-1-2"),
        ("HO-E1-3", K.OBJECTIVE, "OBJ"),
        ("HO-E1-4", K.RELATION, "SUP"),
        ("HO-E1-5", K.RESOURCE, "ERP"),
        ("HO-E1-6", K.CONTROL, "K1"),
        ("HO-E1-7", K.PROCEDURE, "SOP"),
        ("HO-E1-8", K.PLAN_ITEM, "T1"),
        ("HO-E1-9", K.PLAN_ITEM, "T2"),  # assigned to her by name, owned by another post
        ("HO-E1-10", K.PROBLEM, "PB"),
        ("HO-E1-11", K.ACQUISITION, "A1"),
    ]
    assert h.items[0].description == "Expedite late deliveries weekly"
    assert h.items[5].description == "Three-way match — match PO, GRN, invoice"
    assert h.items[10].description == "Purchasing module"  # the resource the need is for
    assert all(i.successor is None and not i.done for i in h.items)
    assert (h.employee, h.position, h.reason, h.created_on, h.due_on) == (
        "E1",
        "BUY",
        p.EventKind.RESIGNATION,
        D(2026, 12, 18),
        D(2026, 12, 18),
    )


def test_a_colleague_in_the_same_post_keeps_the_responsibilities_and_is_proposed():
    h = generate(buyer_org(colleague=True))
    kinds = {i.kind for i in h.items}
    assert K.RESPONSIBILITY not in kinds  # the post is still held: its duties stay covered
    assert {i.successor for i in h.items} == {"E3"}
    assert len(h.items) == 9


def test_assigned_work_can_be_left_to_another_handover():
    refs = [i.ref for i in generate(buyer_org(), assigned=False).items]
    assert "T2" not in refs
    assert "T1" in refs


def test_a_colleague_who_left_is_no_successor():
    org = buyer_org(colleague=True)
    gone = org.employees["E3"]
    org.employees["E3"] = p.Employee(
        gone.key, gone.name, status=p.EmployeeStatus.LEFT, assignments=gone.assignments
    )
    h = generate(org)
    assert h.items[0].kind == K.RESPONSIBILITY
    assert {i.successor for i in h.items} == {None}


def test_an_empty_position_gives_an_empty_handover():
    h = generate(buyer_org(), position="WH", employee="E2", assigned=False)
    assert [i.ref for i in h.items] == ["OTHER", "T2"]


def item(key, successor=None, done=False):
    return p.HandoverItem(key, K.OTHER, key, key, successor, done)


def test_progress_counts_and_names_what_is_at_risk():
    h = p.Handover(
        "H",
        "E1",
        "BUY",
        p.EventKind.ROTATION,
        D(2026, 11, 1),
        due_on=D(2026, 12, 1),
        items=(item("a", "E2", True), item("b", "E2"), item("c")),
    )
    state = handover.progress(h, D(2026, 11, 24))
    assert (state.total, state.done, state.percent, state.days_left) == (3, 1, 33, 7)
    assert [i.key for i in state.at_risk] == ["c"]
    assert not state.overdue and not state.complete
    late = handover.progress(h, D(2026, 12, 2))
    assert late.overdue
    assert [i.key for i in late.at_risk] == ["b", "c"]  # late: everything still open
    done = p.Handover(
        "H", "E1", "BUY", p.EventKind.ROTATION, D(2026, 11, 1), items=(item("a", "E2", True),)
    )
    assert handover.progress(done, D(2027, 1, 1)).complete
    empty = p.Handover("H", "E1", "BUY", p.EventKind.ROTATION, D(2026, 11, 1))
    assert not handover.progress(empty, D(2027, 1, 1)).complete


def test_leavers_and_their_last_day():
    stays = p.Employee("E1", "A")
    resigned = p.Employee(
        "E2", "B", events=(p.PersonnelEvent("E2-1", p.EventKind.RESIGNATION, D(2026, 11, 18)),)
    )
    left = p.Employee(
        "E3",
        "C",
        status=p.EmployeeStatus.LEFT,
        assignments=(p.Assignment("E3-1", "X", D(2020, 1, 1), D(2026, 3, 31)),),
    )
    leaving = p.Employee("E4", "D", left_on=D(2026, 12, 18))
    assert [handover.is_leaver(e) for e in (stays, resigned, left, leaving)] == [
        False,
        True,
        True,
        True,
    ]
    assert [handover.leaving_on(e) for e in (stays, resigned, left, leaving)] == [
        None,
        None,
        D(2026, 3, 31),
        D(2026, 12, 18),
    ]
