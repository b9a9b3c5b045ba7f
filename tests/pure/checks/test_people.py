"""The personnel planning rules: late hires, posts vacant too long, skill gaps."""

import dataclasses
import datetime as dt
from pathlib import Path

from remit import orgfile
from remit.analysis import checks
from remit.analysis.checks import people as rules

from ..test_staffing import TODAY, D, company, emp

CTX = checks.Context(today=TODAY)
DEMO = Path(__file__).resolve().parents[3] / "remit" / "org" / "demo" / "demo-en.yaml"


def found(org, code, ctx=CTX):
    return checks.run(org, ctx, codes={code})


def test_the_rules_are_registered_with_the_lifecycle_ones():
    codes = {r.code for r in rules.RULES}
    assert {"staffing-late", "position-vacant", "skill-gap"} <= codes
    assert {"staffing-late", "position-vacant", "skill-gap"} <= set(checks.RULES)
    assert all(checks.RULES[c].area == "people" for c in codes)
    # The lifecycle rules of the same area come in through the marked block.
    from remit.analysis.checks import people_lifecycle

    assert {r.code for r in people_lifecycle.RULES} <= codes


def test_staffing_late_names_the_position_and_the_stage():
    (f,) = found(company(), "staffing-late")
    assert f.severity == checks.Severity.WARNING
    assert f.message == (
        "Account manager (KAM) was needed 2 times by 2026-03-31 (Growth); 1 hold it, "
        f"{(TODAY - D(2026, 3, 31)).days} days late."
    )
    assert [(r.kind, r.key) for r in f.refs] == [("position", "KAM"), ("stage", "S2")]


def test_staffing_late_is_quiet_once_hired_or_before_the_date():
    org = company()
    hired = {**org.employees, "E9": emp("E9", ("KAM", D(2026, 4, 1), None))}
    assert found(company(employees=hired), "staffing-late") == []
    early = checks.Context(today=D(2026, 3, 30))
    assert found(company(), "staffing-late", early) == []


def test_position_vacant_after_the_grace_period():
    org = company()
    # WLD: vacant since 2026-02-01 (E4 left); KAM: never had 3, needed since 2020-06-30.
    by_key = {f.refs[0].key: f for f in found(org, "position-vacant")}
    assert set(by_key) == {"WLD", "KAM"}
    days = (TODAY - D(2026, 2, 1)).days
    assert by_key["WLD"].message == (
        f"Welder (WLD) has 1 of 2 posts vacant since 2026-02-01 ({days} days)."
    )
    # Within the grace period: no finding.
    lenient = dataclasses.replace(CTX, vacancy_grace_days=days)
    assert {f.refs[0].key for f in found(org, "position-vacant", lenient)} == {"KAM"}
    # A post never filled and never planned has no date to count from: silent.
    assert "KAM" not in {f.refs[0].key for f in found(company(stages={}), "position-vacant")}


def test_skill_gap_both_ways():
    org = company()
    (below,) = found(org, "skill-gap")
    assert below.message == (
        "Person E3 (E3) holds Welder (WLD), which requires Welding (WELD) at level 3; "
        "assessed at 2."
    )
    assert [(r.kind, r.key) for r in below.refs] == [
        ("employee", "E3"),
        ("position", "WLD"),
        ("skill", "WELD"),
    ]
    employees = {**org.employees, "E2": emp("E2", ("KAM", D(2020, 5, 1), None))}
    missing = [f for f in found(company(employees=employees), "skill-gap") if "E2" in f.entities]
    assert missing[0].message.endswith("at level 4; it has not been assessed.")


def test_rules_translate_their_template():
    (f,) = found(company(), "staffing-late")
    assert f.render(lambda s: s.replace("days late", "天")).endswith("天.")


def test_the_demo_company_has_its_planted_skill_gap_and_no_staffing_findings():
    demo = orgfile.load_path(DEMO)
    ctx = checks.Context(today=dt.date(2026, 11, 24))
    gaps = found(demo, "skill-gap", ctx)
    assert [f.entities for f in gaps] == [["E041", "PRD-ASM", "SK-FGAS"]]
    assert found(demo, "staffing-late", ctx) == []
    assert found(demo, "position-vacant", ctx) == []
