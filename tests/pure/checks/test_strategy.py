"""Each rule of the values and objectives finds its flaw, names the entities, and is quiet
on good data — on hand-made organisations, the demo file and a generated one."""

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from remit import orgfile
from remit.analysis import checks
from remit.domain import Organization
from remit.domain import duties as d
from remit.domain import people as p
from remit.domain import plan as pl
from remit.domain import strategy as s
from remit.domain import values as v
from remit.orgfile.generate import generate_with_truth

CTX = checks.Context(today=dt.date(2026, 11, 24))
DEMO = Path(__file__).resolve().parents[3] / "remit" / "org" / "demo" / "demo-en.yaml"
CODES = {
    "objective-not-measurable",
    "objective-overdue",
    "objective-off-track",
    "objective-without-carriers",
    "objective-not-planned",
    "objective-serves-no-value",
    "value-unserved",
    "objective-not-measured",
}


def measured(key, *values, start=dt.date(2026, 1, 5)):
    return tuple(
        s.Measurement(f"{key}-{i + 1}", start + dt.timedelta(days=30 * i), Decimal(str(x)))
        for i, x in enumerate(values)
    )


def good_objective(key="OBJ", **kw):
    fields = {
        "metric": "net sales",
        "unit": "EUR M",
        "baseline": Decimal(10),
        "target": Decimal(20),
        "deadline": dt.date(2027, 12, 31),
        "owner": "CEO",
        "serves": v.Value.WEALTH,
        "measurements": measured(key, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19.5),
    }
    fields.update(kw)
    return s.Objective(key, f"Objective {key}", **fields)


def org_with(*objectives, values=None, carried=None, planned=None) -> Organization:
    """CEO carries and the plan decomposes every objective (unless told otherwise)."""
    keys = [o.key for o in objectives]
    carried = keys if carried is None else carried
    planned = keys if planned is None else planned
    return Organization(
        name="Test",
        values=values
        if values is not None
        else v.ValueOrientation(choices=(v.ValueChoice(v.Value.WEALTH, 1),)),
        positions={
            "CEO": p.Position(
                "CEO",
                "General manager",
                purpose=d.Purpose("a", "b", "c", objectives=tuple(carried)),
            )
        },
        objectives={o.key: o for o in objectives},
        plan={
            f"G-{k}": pl.PlanItem(f"G-{k}", f"Goal {k}", pl.PlanKind.GOAL, objective=k)
            for k in planned
        },
    )


def found(org, code):
    return checks.run(org, CTX, codes={code})


def test_the_rules_are_registered():
    assert set(checks.RULES) >= CODES
    for code in CODES:
        rule = checks.RULES[code]
        assert rule.fix and rule.title
        assert rule.area in {"strategy", "values"}


def test_a_good_objective_gives_no_finding():
    assert [f for f in checks.run(org_with(good_objective()), CTX) if f.code in CODES] == []


def test_not_measurable_lists_what_is_missing():
    o = good_objective(metric="", unit="", target=None, deadline=None)
    (f,) = found(org_with(o), "objective-not-measurable")
    assert f.refs == (checks.Ref("objective", "OBJ"),)
    assert "a metric, a target value, a deadline" in f.message
    assert f.severity == checks.Severity.ERROR
    # Listed labels are translated one by one.
    assert "[a metric]" in f.render(lambda t: f"[{t}]")


def test_overdue_only_when_past_the_deadline_and_not_met():
    late = good_objective(deadline=dt.date(2026, 10, 31))
    (f,) = found(org_with(late), "objective-overdue")
    assert "2026-10-31" in f.message
    met = good_objective(deadline=dt.date(2026, 10, 31), measurements=measured("OBJ", 10, 20))
    assert found(org_with(met), "objective-overdue") == []
    # An overdue objective is not reported as off track as well.
    assert found(org_with(late), "objective-off-track") == []


def test_off_track_names_the_forecast():
    slow = good_objective(measurements=measured("OBJ", 10, 10.1, 10.2, 10.3))
    (f,) = found(org_with(slow), "objective-off-track")
    assert f.refs == (checks.Ref("objective", "OBJ"),)
    assert "expected by 2027-12-31" in f.message
    assert "20 EUR M" in f.message
    assert found(org_with(good_objective()), "objective-off-track") == []


def test_without_carriers_ignores_archived_positions():
    o = good_objective()
    (f,) = found(org_with(o, carried=[]), "objective-without-carriers")
    assert f.refs == (checks.Ref("objective", "OBJ"),)
    org = org_with(o)
    archived = dataclasses.replace(org.positions["CEO"], status=p.PositionStatus.ARCHIVED)
    org = dataclasses.replace(org, positions={"CEO": archived})
    assert len(found(org, "objective-without-carriers")) == 1


def test_a_target_carries_an_objective_too():
    o = good_objective()
    org = org_with(o, carried=[])
    target = d.Target("T", "Sales up", "sales", "20", objective="OBJ")
    pos = dataclasses.replace(
        org.positions["CEO"], result_areas=(d.ResultArea("A", "Sales", targets=(target,)),)
    )
    org = dataclasses.replace(org, positions={"CEO": pos})
    assert found(org, "objective-without-carriers") == []


def test_not_planned_ignores_cancelled_items():
    o = good_objective()
    assert len(found(org_with(o, planned=[]), "objective-not-planned")) == 1
    org = org_with(o)
    cancelled = {
        k: dataclasses.replace(i, status=pl.PlanStatus.CANCELLED) for k, i in org.plan.items()
    }
    assert len(found(dataclasses.replace(org, plan=cancelled), "objective-not-planned")) == 1


def test_value_unserved_and_objective_serving_none():
    values = v.ValueOrientation(
        choices=(
            v.ValueChoice(v.Value.WEALTH, 1),
            v.ValueChoice(v.Value.FAMILY, 2),
            v.ValueChoice(v.Value.OTHER, 3, label="Good jobs in the west"),
        )
    )
    org = org_with(good_objective(), good_objective("OBJ-2", serves=None), values=values)
    unserved = found(org, "value-unserved")
    assert [f.refs for f in unserved] == [
        (checks.Ref("value", "family"),),
        (checks.Ref("value", "other"),),
    ]
    assert "“Family” (rank 2)" in unserved[0].message
    assert "Good jobs in the west" in unserved[1].message
    assert unserved[0].area == "values"
    (none,) = found(org, "objective-serves-no-value")
    assert none.refs == (checks.Ref("objective", "OBJ-2"),)
    # Without values (an organisation file may have none) nothing is said about them.
    assert found(dataclasses.replace(org, values=None), "value-unserved") == []


def test_a_dropped_objective_serves_no_value_and_needs_nothing():
    dropped = good_objective(
        status=s.ObjectiveStatus.DROPPED, deadline=None, measurements=(), owner=None
    )
    org = org_with(dropped, carried=[], planned=[])
    assert [f.code for f in checks.run(org, CTX) if f.code in CODES] == ["value-unserved"]


def test_not_measured_recently():
    stale = good_objective(measurements=measured("OBJ", 10, 11, start=dt.date(2026, 1, 5)))
    (f,) = found(org_with(stale), "objective-not-measured")
    assert "2026-02-04" in f.message
    assert f.severity == checks.Severity.INFO
    (never,) = found(org_with(good_objective(measurements=())), "objective-not-measured")
    assert "no measurements" in never.message


def test_demo_file_findings():
    org = orgfile.load_path(DEMO)
    by_code: dict[str, list] = {}
    for f in checks.run(org, CTX):
        by_code.setdefault(f.code, []).append(f)
    # The planted flaw: OBJ-EXPORT is carried by no position.
    assert [f.entities for f in by_code["objective-without-carriers"]] == [["OBJ-EXPORT"]]
    assert sorted(f.entities[0] for f in by_code["objective-off-track"]) == [
        "OBJ-EXPORT",
        "OBJ-SALES",
    ]
    assert sorted(f.entities[0] for f in by_code["value-unserved"]) == ["family", "other"]
    for code in ("objective-not-measurable", "objective-overdue", "objective-not-planned"):
        assert code not in by_code


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_uncarried_objectives_are_found(seed):
    org, truth = generate_with_truth("S", seed)
    ctx = checks.Context(today=dt.date(2026, 1, 1))
    found_keys = {f.entities[0] for f in checks.run(org, ctx, codes={"objective-without-carriers"})}
    active = {k for k, o in org.objectives.items() if o.status == s.ObjectiveStatus.ACTIVE}
    assert found_keys == set(truth.uncarried_objectives) & active
