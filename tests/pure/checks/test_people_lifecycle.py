"""The lifecycle rules find unfinished handovers, missing or expired confidentiality
agreements and employees without a position — and are quiet on good data."""

import datetime as dt
from pathlib import Path

import pytest

from remit import orgfile
from remit.analysis import checks
from remit.analysis.checks import people_lifecycle
from remit.domain import Organization
from remit.domain import people as p

D = dt.date
CTX = checks.Context(today=D(2026, 11, 24))
DEMO = Path(__file__).resolve().parents[3] / "remit" / "org" / "demo"


def run(org: Organization, code: str) -> list[checks.Finding]:
    return checks.run(org, CTX, codes={code})


def holder(key, position, *, events=(), status=p.EmployeeStatus.ACTIVE, left_on=None, start=None):
    return p.Employee(
        key,
        f"Name {key}",
        status=status,
        left_on=left_on,
        assignments=(p.Assignment(f"{key}-1", position, start or D(2020, 1, 1)),),
        events=events,
    )


def agreement(key, on, expires=None):
    return p.PersonnelEvent(key, p.EventKind.CONFIDENTIALITY, on, expires_on=expires)


def test_the_rules_are_registered():
    assert {r.code for r in people_lifecycle.RULES} <= set(checks.RULES)


# --- confidentiality ---------------------------------------------------------------------


def secret_org(*employees: p.Employee) -> Organization:
    return Organization(
        name="Secrets",
        positions={
            "ENG": p.Position("ENG", "Design engineer", confidentiality_required=True),
            "FAB": p.Position("FAB", "Fabricator"),
        },
        employees={e.key: e for e in employees},
    )


def test_confidentiality_missing_and_expired_are_errors():
    org = secret_org(
        holder("E1", "ENG"),
        holder("E2", "ENG", events=(agreement("E2-1", D(2022, 9, 12), D(2026, 9, 11)),)),
        holder("E3", "ENG", events=(agreement("E3-1", D(2024, 7, 2), D(2028, 7, 1)),)),
        holder("E4", "ENG", events=(agreement("E4-1", D(2020, 1, 1)),)),  # no end: valid
        holder("E5", "FAB"),  # the post requires none
        holder("E6", "ENG", status=p.EmployeeStatus.LEFT, left_on=D(2026, 1, 31)),
    )
    found = run(org, "confidentiality-agreement")
    assert [f.entities for f in found] == [["E1", "ENG"], ["E2", "ENG"]]
    assert {f.severity for f in found} == {checks.Severity.ERROR}
    assert found[0].message == (
        "Name E1 (E1) holds Design engineer (ENG), which requires a confidentiality "
        "agreement, and has signed none."
    )
    assert found[1].message.endswith("theirs expired on 2026-09-11.")


def test_a_renewed_agreement_counts_not_the_old_one():
    renewed = holder(
        "E1",
        "ENG",
        events=(
            agreement("E1-1", D(2020, 1, 1), D(2024, 1, 1)),
            agreement("E1-2", D(2024, 1, 2), D(2028, 1, 1)),
        ),
    )
    assert run(secret_org(renewed), "confidentiality-agreement") == []


# --- employees without a position ----------------------------------------------------------


def test_an_employee_without_a_current_position_is_found():
    org = Organization(
        name="X",
        positions={"A": p.Position("A", "Clerk")},
        employees={
            "E1": p.Employee("E1", "Nobody"),
            "E2": holder("E2", "A"),
            "E3": holder("E3", "A", start=D(2027, 1, 4)),  # starts later: fine
            "E4": p.Employee(
                "E4",
                "Moved on",
                assignments=(p.Assignment("E4-1", "A", D(2020, 1, 1), D(2026, 6, 30)),),
            ),
            "E5": p.Employee("E5", "Gone", status=p.EmployeeStatus.LEFT),
            "E6": p.Employee("E6", "Gone too", left_on=D(2026, 3, 31)),
        },
    )
    found = run(org, "employee-without-position")
    assert [f.entities for f in found] == [["E1"], ["E4"]]
    assert found[0].message == "Nobody (E1) holds no position."


# --- handovers ----------------------------------------------------------------------------------


def handover(key, items, *, due=None, employee="E1"):
    return p.Handover(
        key, employee, "A", p.EventKind.RESIGNATION, D(2026, 11, 20), due_on=due, items=items
    )


def item(key, successor=None, done=False):
    return p.HandoverItem(key, p.HandoverItemKind.OTHER, key, key, successor, done)


def test_unfinished_overdue_empty_and_missing_handovers_are_found():
    leaving = p.Employee(
        "E9",
        "Leaves soon",
        left_on=D(2026, 12, 18),
        status=p.EmployeeStatus.LEFT,
        assignments=(p.Assignment("E9-1", "A", D(2020, 1, 1), D(2026, 12, 18)),),
        events=(p.PersonnelEvent("E9-1", p.EventKind.RESIGNATION, D(2026, 11, 18)),),
    )
    org = Organization(
        name="X",
        positions={"A": p.Position("A", "Buyer")},
        employees={"E1": holder("E1", "A"), "E2": holder("E2", "A"), "E9": leaving},
        handovers={
            "H1": handover("H1", (item("H1-1", "E2", True), item("H1-2", "E2"), item("H1-3"))),
            "H2": handover("H2", (item("H2-1"),), due=D(2026, 11, 1)),
            "H3": handover("H3", ()),
            "H4": handover("H4", (item("H4-1", "E2", True),)),  # complete: quiet
        },
    )
    found = run(org, "handover-unfinished")
    messages = {f.entities[0]: f.message for f in found}
    assert set(messages) == {"H1", "H2", "H3", "E9"}
    assert messages["H1"] == (
        "The handover of Buyer (A) by Name E1 (E1) is unfinished: 2 of 3 items are still "
        "open, 1 without a successor."
    )
    assert "was due on 2026-11-01" in messages["H2"]
    assert "lists nothing to hand over" in messages["H3"]
    assert messages["E9"] == "Leaves soon (E9) leaves on 2026-12-18 and has no handover."
    assert all(f.severity == checks.Severity.WARNING for f in found)


def test_a_leaver_already_gone_without_a_handover_is_history():
    gone = p.Employee(
        "E8",
        "Left in spring",
        left_on=D(2026, 3, 31),
        status=p.EmployeeStatus.LEFT,
        assignments=(p.Assignment("E8-1", "A", D(2020, 1, 1), D(2026, 3, 31)),),
    )
    org = Organization(name="X", positions={"A": p.Position("A", "Buyer")}, employees={"E8": gone})
    assert run(org, "handover-unfinished") == []


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_demo_company_shows_its_planted_flaws(lang):
    snap = orgfile.load_path(DEMO / f"demo-{lang}.yaml")
    found = [f for f in checks.run(snap, CTX) if f.code in {r.code for r in people_lifecycle.RULES}]
    assert sorted((f.code, f.entities[0]) for f in found) == [
        ("confidentiality-agreement", "E024"),
        ("handover-unfinished", "HO-E047"),
    ]
