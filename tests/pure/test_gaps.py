"""Needed vs available vs lacking, per resource and unit, over time (pure)."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from remit import orgfile
from remit.analysis import gaps
from remit.domain import Organization
from remit.domain.plan import PlanItem, PlanStatus
from remit.domain.resources import (
    Acquisition,
    AcquisitionStatus,
    Resource,
    ResourceCategory,
    ResourceNeed,
)

D = dt.date
Q = Decimal
TODAY = D(2026, 11, 24)
DEMO = orgfile.load_path(Path(__file__).resolve().parents[2] / "remit/org/demo/demo-en.yaml")


def org(resources=(), needs=(), acquisitions=(), items=None) -> Organization:
    items = items or [PlanItem("T", "Task"), PlanItem("OLD", "Old", status=PlanStatus.DONE)]
    return Organization(
        name="X",
        plan={i.key: i for i in items},
        resources={r.key: r for r in resources},
        resource_needs={n.key: n for n in needs},
        acquisitions={a.key: a for a in acquisitions},
    )


CASH = Resource("CASH", "Cash", ResourceCategory.CAPITAL, Q(100), "EUR")


def test_needs_draw_on_the_stock_and_acquisitions_arrive_on_their_due_date():
    o = org(
        [CASH],
        [
            ResourceNeed("N1", "T", "CASH", quantity=Q(80), unit="EUR", needed_by=D(2027, 1, 1)),
            ResourceNeed("N2", "T", "CASH", quantity=Q(70), unit="eur", needed_by=D(2027, 3, 1)),
        ],
        [
            Acquisition("A1", "N2", quantity=Q(30), due=D(2027, 2, 1)),
            Acquisition(
                "A2", "N2", quantity=Q(99), due=D(2027, 5, 1), status=AcquisitionStatus.CANCELLED
            ),
        ],
    )
    [line] = gaps.lines(o, TODAY)
    assert (line.resource, line.unit, line.on_hand, line.in_stock_unit) == (
        "CASH",
        "EUR",
        Q(100),
        True,
    )
    assert [(p.date, p.needed, p.available, p.lacking) for p in line.points] == [
        (TODAY, 0, 100, 0),
        (D(2027, 1, 1), 80, 100, 0),
        (D(2027, 2, 1), 80, 130, 0),
        (D(2027, 3, 1), 150, 130, 20),
    ]
    assert (line.needed, line.incoming, line.lacking, line.gap) == (150, 30, 20, 50)
    assert line.short_from == D(2027, 3, 1)
    assert line.needs == ("N1", "N2") and line.acquisitions == ("A1",)
    covers = gaps.covers(o)
    assert (covers["N1"].from_stock, covers["N1"].gap, covers["N1"].unfilled) == (80, 0, 0)
    assert (covers["N2"].from_stock, covers["N2"].gap, covers["N2"].filled) == (20, 50, 30)
    assert covers["N2"].unfilled == 20
    assert [c.need for c in gaps.unfilled(o)] == ["N2"]


def test_units_are_never_mixed():
    o = org(
        [CASH],
        [
            ResourceNeed("N1", "T", "CASH", quantity=Q(5), unit="USD", needed_by=D(2027, 1, 1)),
            ResourceNeed("N2", "T", "CASH", quantity=Q(5), needed_by=D(2027, 1, 1)),
        ],
    )
    by_unit = {line.unit: line for line in gaps.lines(o, TODAY)}
    assert set(by_unit) == {"USD", "EUR"}
    assert by_unit["USD"].on_hand == 0 and not by_unit["USD"].in_stock_unit
    assert by_unit["USD"].lacking == 5
    assert by_unit["EUR"].on_hand == 100 and by_unit["EUR"].lacking == 0
    assert gaps.need_unit(o, o.resource_needs["N2"]) == "EUR"


def test_a_need_of_only_a_category_has_no_stock_and_done_acquisitions_count():
    o = org(
        needs=[
            ResourceNeed(
                "N", "T", category=ResourceCategory.PEOPLE, quantity=Q(2), unit="directors"
            )
        ],
        acquisitions=[
            Acquisition("A", "N", quantity=Q(2), status=AcquisitionStatus.DONE, due=D(2026, 5, 1))
        ],
    )
    [line] = gaps.lines(o, TODAY)
    assert line.resource is None and line.category is ResourceCategory.PEOPLE
    assert line.points[-1].available == 2 and line.lacking == 0
    assert gaps.unfilled(o) == []


def test_done_acquisitions_are_taken_to_be_in_the_stock_already():
    o = org(
        [CASH],
        [ResourceNeed("N", "T", "CASH", quantity=Q(150), unit="EUR")],
        [Acquisition("A", "N", quantity=Q(50), status=AcquisitionStatus.DONE, due=D(2026, 1, 1))],
    )
    [line] = gaps.lines(o, TODAY)
    assert line.points == (gaps.Point(TODAY, Q(150), Q(100)),)
    assert line.lacking == 50
    # The need itself is filled by its acquisition: nothing is left unfilled.
    assert gaps.covers(o)["N"].unfilled == 0


def test_needs_of_finished_items_need_nothing_and_past_dates_fold_into_today():
    o = org(
        [CASH],
        [
            ResourceNeed("OLD", "OLD", "CASH", quantity=Q(500), needed_by=D(2025, 1, 1)),
            ResourceNeed("NOW", "T", "CASH", quantity=Q(60), needed_by=D(2026, 1, 1)),
            ResourceNeed("UNDATED", "T", "CASH", quantity=Q(60)),
        ],
        [
            Acquisition("A", "NOW", quantity=Q(10), due=D(2026, 6, 1)),
            Acquisition("B", "NOW", quantity=Q(5)),
        ],
    )
    [line] = gaps.lines(o, TODAY)
    assert line.points == (gaps.Point(TODAY, Q(120), Q(110)),)
    assert line.undated_incoming == 5 and line.incoming == 15
    assert not gaps.covers(o)["OLD"].active
    # Without a day to fold into, every date is a point (undated needs first).
    assert [p.date for p in gaps.lines(o)[0].points] == [None, D(2026, 1, 1), D(2026, 6, 1)]


def test_unfilled_gaps_and_acquisitions_without_a_quantity():
    o = org(
        [CASH],
        [
            ResourceNeed("FILLED", "T", "CASH", quantity=Q(300)),
            ResourceNeed("NOTHING", "T", category=ResourceCategory.FACILITIES),
            ResourceNeed("VAGUE", "T", "CASH"),
        ],
        [Acquisition("A", "FILLED")],
    )
    covers = gaps.covers(o)
    assert covers["FILLED"].gap == 200 and covers["FILLED"].filled is None
    assert covers["FILLED"].unfilled == 0
    assert covers["VAGUE"].gap is None and covers["VAGUE"].unfilled is None
    assert [c.need for c in gaps.unfilled(o)] == ["NOTHING"]


def test_late_acquisitions_and_costs():
    o = org(
        [CASH],
        [
            ResourceNeed("N", "T", "CASH", quantity=Q(1), needed_by=D(2027, 1, 1)),
            ResourceNeed("OLD", "OLD", "CASH", quantity=Q(1), needed_by=D(2025, 1, 1)),
        ],
        [
            Acquisition("LATE", "N", due=D(2027, 1, 8), cost=Q("10.5")),
            Acquisition("ONTIME", "N", due=D(2027, 1, 1), cost=Q(4)),
            Acquisition("DONE", "N", due=D(2027, 2, 1), status=AcquisitionStatus.DONE, cost=Q(1)),
            Acquisition("FINISHED", "OLD", due=D(2026, 1, 1)),
        ],
    )
    [late] = gaps.late_acquisitions(o)
    assert (late.acquisition, late.need, late.days) == ("LATE", "N", 7)
    costs = gaps.acquisition_costs(o)
    assert costs[AcquisitionStatus.PLANNED] == Q("14.5") and costs[AcquisitionStatus.DONE] == 1


def test_the_demo_company():
    lines = {line.id: line for line in gaps.lines(DEMO, TODAY)}
    # Engineering hours are stocked "per year", needed in hours: compared on their own.
    hours = lines["R-ENG-HOURS|hours"]
    assert hours.on_hand == 0 and hours.lacking == 1200 and hours.short_from == TODAY
    assert lines["R-CASH|eur"].gap == Q(4850000) and lines["R-CASH|eur"].lacking == 0
    assert "R-CRM|seats" not in lines  # the CRM project is done
    late = {x.acquisition for x in gaps.late_acquisitions(DEMO)}
    assert late == {"ACQ-ENG-GRADUATE", "ACQ-STEEL-PILOT"}
    assert gaps.unfilled(DEMO) == []
