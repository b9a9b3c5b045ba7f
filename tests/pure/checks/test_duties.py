"""Each rule of the four steps finds its flaw, names the entities, and is quiet on good data."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from remit.analysis import checks
from remit.domain import Organization
from remit.domain import duties as d
from remit.domain import people as p

CTX = checks.Context(today=dt.date(2026, 11, 24))


def resp(key, statement, share=10):
    return d.Responsibility(key, statement, d.Frequency.MONTHLY, Decimal(share))


def good_position(key, title, *, reports_to=None, content=None, statements=None):
    statements = statements or [
        f"Prepare the {title.lower()} report",
        f"Review {title.lower()} costs",
        f"Train the {title.lower()} team",
    ]
    areas = tuple(
        d.ResultArea(
            f"{key}-{i}",
            f"Area {i}",
            Decimal(w),
            targets=(
                d.Target(
                    f"{key}-{i}-1",
                    f"Result {i}",
                    "on-time rate",
                    "≥ 95 %",
                    d.Period.MONTHLY,
                    objective="OBJ",
                    responsibilities=(resp(f"{key}-{i}-1-1", statements[i - 1]),),
                ),
            ),
        )
        for i, w in ((1, 40), (2, 30), (3, 30))
    )
    return p.Position(
        key,
        title,
        department="D",
        reports_to=reports_to,
        purpose=d.Purpose(
            "Under the company's plan",
            content or f"run {title.lower()} work",
            f"so that {title.lower()} supports growth",
            ("OBJ",),
        ),
        result_areas=areas,
    )


def org_with(*positions) -> Organization:
    return Organization(
        name="T",
        departments={"D": p.Department("D", "Dept", function="Do things")},
        positions={x.key: x for x in positions},
    )


def codes(org):
    return [(f.code, tuple(f.entities)) for f in checks.run(org, CTX)]


@pytest.fixture
def clean():
    return org_with(
        good_position("GM", "General manager", content="lead the whole company and its managers"),
        good_position(
            "FIN",
            "Finance manager",
            reports_to="GM",
            content="organise the financial plans, budgets and tax accounting",
            statements=[
                "Reconcile supplier statements monthly",
                "Prepare the annual budget",
                "File tax returns on time",
            ],
        ),
        good_position(
            "SAL",
            "Sales manager",
            reports_to="GM",
            content="win and keep restaurant chains as customers",
            statements=[
                "Visit key accounts every quarter",
                "Negotiate annual contracts",
                "Forecast monthly sales",
            ],
        ),
    )


def test_a_complete_organisation_has_no_findings(clean):
    assert codes(clean) == []


def replace_pos(org, key, **changes):
    return dataclasses.replace(
        org, positions={**org.positions, key: dataclasses.replace(org.positions[key], **changes)}
    )


def test_purpose_missing_and_incomplete(clean):
    org = replace_pos(clean, "FIN", purpose=d.Purpose())
    assert ("purpose-missing", ("FIN",)) in codes(org)
    org = replace_pos(clean, "FIN", purpose=d.Purpose("basis", "", "performance"))
    found = [f for f in checks.run(org, CTX) if f.code == "purpose-incomplete"]
    assert len(found) == 1
    assert "work content" in found[0].message


def test_purposes_too_alike(clean):
    org = replace_pos(clean, "SAL", purpose=clean.positions["FIN"].purpose)
    assert ("purpose-not-distinct", ("FIN", "SAL")) in codes(org) or (
        "purpose-not-distinct",
        ("SAL", "FIN"),
    ) in codes(org)


def test_area_count_weights_and_targets(clean):
    fin = clean.positions["FIN"]
    two = (
        dataclasses.replace(fin.result_areas[0], weight=Decimal(50)),
        dataclasses.replace(fin.result_areas[1], weight=Decimal(40), targets=()),
    )
    found = codes(replace_pos(clean, "FIN", result_areas=two))
    assert ("areas-count", ("FIN",)) in found
    assert ("weights-not-100", ("FIN",)) in found
    assert ("area-without-targets", ("FIN", "FIN-2")) in found


def test_target_not_measurable_and_without_responsibilities(clean):
    fin = clean.positions["FIN"]
    t = dataclasses.replace(
        fin.result_areas[0].targets[0], metric="", period=None, responsibilities=()
    )
    areas = (dataclasses.replace(fin.result_areas[0], targets=(t,)), *fin.result_areas[1:])
    found = checks.run(replace_pos(clean, "FIN", result_areas=areas), CTX)
    msgs = {f.code: f.message for f in found}
    assert "a metric" in msgs["target-not-measurable"]
    assert "a period or deadline" in msgs["target-not-measurable"]
    assert "target-without-responsibilities" in msgs


@pytest.mark.parametrize(
    "statement",
    [
        "Other duties as assigned by the manager",
        "Handle invoices, payments etc.",
        "完成领导交办的其他工作",
        "Various administrative tasks",
    ],
)
def test_vague_responsibilities(clean, statement):
    fin = clean.positions["FIN"]
    t = dataclasses.replace(
        fin.result_areas[0].targets[0], responsibilities=(resp("FIN-1-1-1", statement),)
    )
    areas = (dataclasses.replace(fin.result_areas[0], targets=(t,)), *fin.result_areas[1:])
    found = codes(replace_pos(clean, "FIN", result_areas=areas))
    assert ("responsibility-vague", ("FIN", "FIN-1-1-1")) in found


def test_statement_without_action_verb(clean):
    fin = clean.positions["FIN"]
    t = dataclasses.replace(
        fin.result_areas[0].targets[0],
        responsibilities=(resp("FIN-1-1-1", "Monthly reconciliation of statements"),),
    )
    areas = (dataclasses.replace(fin.result_areas[0], targets=(t,)), *fin.result_areas[1:])
    f = [
        f
        for f in checks.run(replace_pos(clean, "FIN", result_areas=areas), CTX)
        if f.code == "responsibility-vague"
    ]
    assert "action verb" in f[0].message


def test_third_person_verbs_and_chinese_verbs_are_fine():
    from remit.analysis.checks._words import has_action_verb

    assert has_action_verb("Prepares the budget")
    assert has_action_verb("Supplies the line")
    assert has_action_verb("负责编制年度预算")
    assert not has_action_verb("年度预算")


def test_time_over_100(clean):
    fin = clean.positions["FIN"]
    t = dataclasses.replace(
        fin.result_areas[0].targets[0],
        responsibilities=(resp("FIN-1-1-1", "Prepare the budget", 95),),
    )
    areas = (dataclasses.replace(fin.result_areas[0], targets=(t,)), *fin.result_areas[1:])
    found = checks.run(replace_pos(clean, "FIN", result_areas=areas), CTX)
    assert [f.message for f in found if f.code == "time-over-100"] == [
        "The responsibilities of Finance manager (FIN) take 115 % of the time."
    ]


def test_same_responsibility_in_two_positions(clean):
    sal = clean.positions["SAL"]
    t = dataclasses.replace(
        sal.result_areas[0].targets[0],
        responsibilities=(resp("SAL-1-1-1", "Reconcile the supplier statements every month"),),
    )
    areas = (dataclasses.replace(sal.result_areas[0], targets=(t,)), *sal.result_areas[1:])
    fin = clean.positions["FIN"]
    ft = dataclasses.replace(
        fin.result_areas[0].targets[0],
        responsibilities=(resp("FIN-1-1-1", "Reconcile supplier statements every month"),),
    )
    fareas = (dataclasses.replace(fin.result_areas[0], targets=(ft,)), *fin.result_areas[1:])
    org = replace_pos(replace_pos(clean, "SAL", result_areas=areas), "FIN", result_areas=fareas)
    dup = [f for f in checks.run(org, CTX) if f.code == "responsibility-duplicated"]
    assert len(dup) == 1
    assert set(dup[0].entities) == {"FIN", "SAL", "FIN-1-1-1", "SAL-1-1-1"}


def test_position_serving_nothing(clean):
    fin = clean.positions["FIN"]
    no_obj = tuple(
        dataclasses.replace(
            a, targets=tuple(dataclasses.replace(t, objective=None) for t in a.targets)
        )
        for a in fin.result_areas
    )
    org = replace_pos(
        clean,
        "FIN",
        department=None,
        result_areas=no_obj,
        purpose=dataclasses.replace(fin.purpose, objectives=()),
    )
    assert ("position-serves-nothing", ("FIN",)) in codes(org)


def test_second_top_position_and_span(clean):
    assert ("position-without-manager", ("SAL",)) in codes(
        replace_pos(clean, "SAL", reports_to=None)
    )
    many = {
        f"P{i}": p.Position(f"P{i}", f"Clerk {i}", reports_to="GM", status=p.PositionStatus.PLANNED)
        for i in range(9)
    }
    org = dataclasses.replace(clean, positions={**clean.positions, **many})
    assert ("span-of-control", ("GM",)) in codes(org)


def test_archived_positions_are_ignored(clean):
    org = replace_pos(clean, "FIN", purpose=d.Purpose(), status=p.PositionStatus.ARCHIVED)
    assert codes(org) == []


def test_findings_as_json_carry_the_contract_fields(clean):
    org = replace_pos(clean, "FIN", purpose=d.Purpose())
    f = next(x for x in checks.run(org, CTX) if x.code == "purpose-missing")
    assert f.as_dict() == {
        "code": "purpose-missing",
        "severity": "error",
        "area": "duties",
        "message": "Finance manager (FIN) has no purpose.",
        "entities": ["FIN"],
        "fix": "Write the purpose in its three parts: work basis, work content, work performance.",
    }
