"""The resource rules: gaps nothing fills, acquisitions due after the need (pure)."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from remit import orgfile
from remit.analysis import checks
from remit.domain import Organization
from remit.domain.plan import PlanItem
from remit.domain.resources import (
    Acquisition,
    AcquisitionStatus,
    Resource,
    ResourceCategory,
    ResourceNeed,
)

D = dt.date
Q = Decimal
CTX = checks.Context(today=D(2026, 11, 24))
DEMO = orgfile.load_path(Path(__file__).resolve().parents[3] / "remit/org/demo/demo-en.yaml")


def org(needs, acquisitions=()) -> Organization:
    return Organization(
        name="X",
        plan={"T": PlanItem("T", "Build", owner="OPS")},
        resources={"CASH": Resource("CASH", "Cash", ResourceCategory.CAPITAL, Q(100), "EUR")},
        resource_needs={n.key: n for n in needs},
        acquisitions={a.key: a for a in acquisitions},
    )


def test_the_rules_are_registered():
    for code in ("resource-gap-unfilled", "acquisition-after-need"):
        assert checks.RULES[code].area == "resources" and checks.RULES[code].fix


def test_a_gap_without_acquisition():
    o = org([ResourceNeed("N", "T", "CASH", quantity=Q(1500), unit="EUR", needed_by=D(2027, 1, 1))])
    [f] = checks.run(o, CTX, codes={"resource-gap-unfilled"})
    assert f.entities == ["N", "T", "CASH"]
    assert f.message == (
        "N: “Build” (T) needs 1,500 EUR of Cash (CASH) by 2027-01-01; 1,400 EUR are lacking "
        "and no acquisition fills the gap."
    )


def test_a_gap_acquisitions_fill_only_in_part_and_a_category_with_nothing_at_all():
    o = org(
        [
            ResourceNeed("N", "T", "CASH", quantity=Q(300), needed_by=D(2027, 1, 1)),
            ResourceNeed("P", "T", category=ResourceCategory.PEOPLE),
        ],
        [
            Acquisition("A", "N", quantity=Q(50)),
            Acquisition("C", "N", status=AcquisitionStatus.CANCELLED),
        ],
    )
    found = {f.entities[0]: f for f in checks.run(o, CTX, codes={"resource-gap-unfilled"})}
    assert found["N"].entities == ["N", "T", "CASH", "A"]
    assert "200 EUR are lacking and its acquisitions bring only 50 EUR" in found["N"].message
    assert "needs People by —, says neither how much" in found["P"].message
    assert "人员" in found["P"].render(lambda s: {"People": "人员"}.get(s, s))


def test_filled_gaps_and_stock_are_quiet():
    o = org(
        [ResourceNeed("N", "T", "CASH", quantity=Q(300))],
        [Acquisition("A", "N", quantity=Q(200), status=AcquisitionStatus.DONE)],
    )
    assert checks.run(o, CTX, codes={"resource-gap-unfilled"}) == []


def test_acquisition_due_after_the_need():
    o = org(
        [ResourceNeed("N", "T", "CASH", quantity=Q(1), needed_by=D(2027, 1, 1))],
        [
            Acquisition("A", "N", due=D(2027, 1, 11), owner="FIN"),
            Acquisition("B", "N", due=D(2026, 12, 1)),
        ],
    )
    [f] = checks.run(o, CTX, codes={"acquisition-after-need"})
    assert f.entities == ["A", "N", "FIN"]
    assert f.message == (
        "Acquisition A (Purchase) is due on 2027-01-11, 10 days after 2027-01-01, "
        "when N must be met for “Build” (T)."
    )


def test_the_demo():
    found = checks.run(DEMO, CTX, codes={"resource-gap-unfilled", "acquisition-after-need"})
    assert [(f.code, f.entities[0]) for f in found] == [
        ("acquisition-after-need", "ACQ-ENG-GRADUATE"),
        ("acquisition-after-need", "ACQ-STEEL-PILOT"),
    ]
