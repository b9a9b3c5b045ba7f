"""The job description is assembled from the graph, whole, and survives a JSON round trip."""

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from remit.domain import Cadence, Organization
from remit.domain import control as c
from remit.domain import duties as d
from remit.domain import methods as m
from remit.domain import people as p
from remit.domain import relations as rel
from remit.domain import strategy as s
from remit.render.jobdesc import Coded, JobDescription, Ref, assemble

ON = dt.date(2026, 3, 2)
F = d.Frequency
A = d.Authority


def resp(key, statement, freq, share, authority=A.EXECUTES, sops=()):
    return d.Responsibility(key, statement, freq, Decimal(share), authority, tuple(sops))


def finance_org() -> Organization:
    """A real-looking finance manager with every section of a job description filled."""
    areas = (
        d.ResultArea(
            "FA-1",
            "Financial planning and budgeting",
            Decimal(25),
            "The company plans its money a year ahead and spends within the plan.",
            (
                d.Target(
                    "FA-1-1",
                    "The annual budget is approved before the fiscal year starts",
                    "budget approval date",
                    "by 15 December",
                    d.Period.YEARLY,
                    dt.date(2026, 12, 15),
                    "OBJ-PROFIT",
                    (
                        resp(
                            "FA-1-1-1",
                            "Prepare the annual budget with every department head, in the board's format",
                            F.YEARLY,
                            6,
                            sops=["SOP-BUDGET"],
                        ),
                        resp(
                            "FA-1-1-2",
                            "Review monthly spending against budget and report every variance above 5 %",
                            F.MONTHLY,
                            5,
                            sops=["SOP-BUDGET"],
                        ),
                    ),
                ),
                d.Target(
                    "FA-1-2",
                    "Costs stay within budget",
                    "actual cost against budget",
                    "≤ 100 %",
                    d.Period.MONTHLY,
                    objective="OBJ-PROFIT",
                    responsibilities=(
                        resp(
                            "FA-1-2-1",
                            "Approve purchase requests above EUR 5,000 within 2 working days",
                            F.AS_NEEDED,
                            3,
                            A.APPROVES,
                        ),
                    ),
                ),
            ),
        ),
        d.ResultArea(
            "FA-2",
            "Accounting and financial reporting",
            Decimal(25),
            targets=(
                d.Target(
                    "FA-2-1",
                    "The monthly accounts close on time",
                    "working days to close",
                    "≤ 5",
                    d.Period.MONTHLY,
                    objective="OBJ-PROFIT",
                    responsibilities=(
                        resp(
                            "FA-2-1-1",
                            "Close the monthly books and issue the management accounts by the 5th working day",
                            F.MONTHLY,
                            10,
                            sops=["SOP-CLOSE"],
                        ),
                        resp(
                            "FA-2-1-2",
                            "Reconcile bank, supplier and customer accounts every month",
                            F.MONTHLY,
                            5,
                            sops=["SOP-CLOSE", "SOP-RECON"],
                        ),
                        resp(
                            "FA-2-1-3",
                            "Present the monthly results to the management team",
                            F.MONTHLY,
                            4,
                        ),
                    ),
                ),
                d.Target(
                    "FA-2-2",
                    "The annual audit passes without qualification",
                    "audit opinion",
                    "unqualified",
                    d.Period.YEARLY,
                    objective="OBJ-COMPLY",
                    responsibilities=(
                        resp(
                            "FA-2-2-1",
                            "Prepare the audit file and answer the auditors' questions within 3 days",
                            F.YEARLY,
                            4,
                        ),
                    ),
                ),
            ),
        ),
        d.ResultArea(
            "FA-3",
            "Cost and sales accounting",
            Decimal(20),
            targets=(
                d.Target(
                    "FA-3-1",
                    "Product costs are known and current",
                    "products with a cost calculation under 6 months old",
                    "100 %",
                    d.Period.QUARTERLY,
                    objective="OBJ-PROFIT",
                    responsibilities=(
                        resp(
                            "FA-3-1-1",
                            "Calculate and update the standard cost of every product each quarter",
                            F.QUARTERLY,
                            6,
                            sops=["SOP-COST"],
                        ),
                        resp(
                            "FA-3-1-2",
                            "Analyse the margin per customer and product line and advise sales",
                            F.MONTHLY,
                            5,
                            A.ADVISES,
                        ),
                    ),
                ),
                d.Target(
                    "FA-3-2",
                    "Customer debts are collected",
                    "days sales outstanding",
                    "≤ 45 days",
                    d.Period.MONTHLY,
                    objective="OBJ-CASH",
                    responsibilities=(
                        resp(
                            "FA-3-2-1",
                            "Chase overdue invoices weekly and agree payment plans | instalments",
                            F.WEEKLY,
                            5,
                        ),
                    ),
                ),
            ),
        ),
        d.ResultArea(
            "FA-4",
            "Tax and compliance",
            Decimal(15),
            targets=(
                d.Target(
                    "FA-4-1",
                    "Tax returns are filed on time and correct",
                    "late or corrected returns",
                    "0",
                    d.Period.MONTHLY,
                    objective="OBJ-COMPLY",
                    responsibilities=(
                        resp(
                            "FA-4-1-1",
                            "File VAT, payroll and corporate tax returns by their legal deadlines",
                            F.MONTHLY,
                            6,
                            sops=["SOP-TAX"],
                        ),
                        resp(
                            "FA-4-1-2",
                            "Follow changes in tax law and brief the general manager on their effect",
                            F.AS_NEEDED,
                            2,
                            A.ADVISES,
                        ),
                    ),
                ),
            ),
        ),
        d.ResultArea(
            "FA-5",
            "Team leadership",
            Decimal(15),
            targets=(
                d.Target(
                    "FA-5-1",
                    "The finance team is complete and skilled",
                    "positions filled with trained holders",
                    "100 %",
                    d.Period.QUARTERLY,
                    responsibilities=(
                        resp(
                            "FA-5-1-1",
                            "Set yearly objectives with each team member and review them twice a year",
                            F.YEARLY,
                            3,
                        ),
                        resp(
                            "FA-5-1-2",
                            "Train new team members on the finance SOPs within their first month",
                            F.AS_NEEDED,
                            3,
                        ),
                        resp("FA-5-1-3", "Lead the weekly finance team meeting", F.WEEKLY, 4),
                    ),
                ),
            ),
        ),
    )
    fin = p.Position(
        "FIN-MGR",
        "Finance manager",
        department="FIN",
        reports_to="GM",
        grade="M2",
        purpose=d.Purpose(
            "Under the guidance of national policy and the company's work plan",
            "organise the company's financial policies, plans and programmes, lead the "
            "department's staff and provide complete financial services — cost, sales, "
            "budget and tax accounting",
            "so that the financial function effectively supports the company's operations",
            ("OBJ-PROFIT", "OBJ-CASH"),
        ),
        result_areas=areas,
        skills=(
            p.PositionSkill("PS1", "SK-ACC", 5),
            p.PositionSkill("PS2", "SK-TAX", 4),
            p.PositionSkill("PS3", "SK-BUD", 4),
            p.PositionSkill("PS4", "SK-ERP", 3),
            p.PositionSkill("PS5", "SK-LEAD", 3),
        ),
        confidentiality_required=True,
        jd_status=d.JDStatus.SUBMITTED,
    )
    positions = [
        p.Position("GM", "General manager", department="MGT"),
        fin,
        p.Position("FIN-COST", "Cost accountant", department="FIN", reports_to="FIN-MGR"),
        p.Position("FIN-TAX", "Tax accountant", department="FIN", reports_to="FIN-MGR"),
        p.Position("FIN-CASH", "Cashier", department="FIN", reports_to="FIN-MGR"),
        p.Position(
            "FIN-OLD",
            "Bookkeeper",
            department="FIN",
            reports_to="FIN-MGR",
            status=p.PositionStatus.ARCHIVED,
        ),
    ]
    cad = Cadence.parse
    return Organization(
        name="Harbour Foods Ltd.",
        departments={
            "MGT": p.Department("MGT", "Management"),
            "FIN": p.Department(
                "FIN",
                "Finance",
                "MGT",
                "Keeps the company's money, books and taxes in order and gives "
                "management the figures it decides on.",
            ),
        },
        grades={"M2": p.Grade("M2", "Manager M2", Decimal(7800))},
        positions={x.key: x for x in positions},
        skills={
            "SK-ACC": p.Skill("SK-ACC", "Financial accounting (IFRS)", "Finance"),
            "SK-TAX": p.Skill("SK-TAX", "Corporate and indirect tax", "Finance"),
            "SK-BUD": p.Skill("SK-BUD", "Budgeting and forecasting", "Finance"),
            "SK-ERP": p.Skill("SK-ERP", "ERP system (SAP Business One)", "Tools"),
            "SK-LEAD": p.Skill("SK-LEAD", "Team leadership", "Leadership"),
        },
        stages={
            "ST2": p.Stage(
                "ST2",
                "National expansion",
                2,
                dt.date(2027, 6, 30),
                staffing=(
                    p.StaffingLine("SL3", "FIN-MGR", 1, dt.date(2027, 1, 1)),
                    p.StaffingLine("SL4", "FIN-COST", 2),
                ),
            ),
            "ST1": p.Stage(
                "ST1",
                "Regional base",
                1,
                staffing=(p.StaffingLine("SL1", "FIN-MGR", 1, dt.date(2026, 1, 1)),),
            ),
        },
        employees={
            "E1": p.Employee(
                "E1",
                "Anna Keller",
                assignments=(p.Assignment("A1", "FIN-MGR", dt.date(2023, 4, 1)),),
            ),
            "E2": p.Employee(
                "E2",
                "Jonas Weber",
                assignments=(
                    p.Assignment("A2", "FIN-MGR", dt.date(2020, 1, 1), dt.date(2023, 3, 31)),
                ),
            ),
            "E3": p.Employee(
                "E3",
                "Mia Braun",
                assignments=(p.Assignment("A3", "FIN-COST", dt.date(2024, 1, 1)),),
            ),
        },
        objectives={
            "OBJ-PROFIT": s.Objective("OBJ-PROFIT", "Raise the net margin to 8 % by 2027"),
            "OBJ-CASH": s.Objective("OBJ-CASH", "Keep 60 days of operating cash"),
            "OBJ-COMPLY": s.Objective("OBJ-COMPLY", "No compliance penalties"),
        },
        relations={
            "R1": rel.Relation(
                "R1",
                "City tax office",
                rel.PartyKind.GOVERNMENT,
                rel.Level.A,
                cad("monthly"),
                owner="FIN-MGR",
            ),
            "R2": rel.Relation(
                "R2",
                "Harbour Savings Bank",
                rel.PartyKind.SERVICE_PROVIDER,
                rel.Level.A,
                cad("every 2 weeks"),
                owner="FIN-MGR",
            ),
            "R3": rel.Relation(
                "R3",
                "Auditors (Baker & Partner)",
                rel.PartyKind.SERVICE_PROVIDER,
                rel.Level.B,
                cad("quarterly"),
                owner="FIN-MGR",
            ),
            "R4": rel.Relation(
                "R4",
                "Old bank",
                rel.PartyKind.SERVICE_PROVIDER,
                owner="FIN-MGR",
                status=rel.RelationStatus.ENDED,
            ),
            "R5": rel.Relation("R5", "Key customer", rel.PartyKind.CUSTOMER_DOWNSTREAM, owner="GM"),
        },
        controls={
            "C1": c.Control(
                "C1",
                "Monthly bank reconciliation",
                c.ControlKind.AUDIT,
                "Reconcile every bank account against its statement; the cashier "
                "prepares, the finance manager signs.",
                cad("monthly"),
                "FIN-MGR",
            ),
            "C2": c.Control(
                "C2",
                "Credit check of new customers",
                c.ControlKind.CREDIT_CHECK,
                "Check a new customer's credit before the first delivery.",
                cad("weekly"),
                "FIN-MGR",
            ),
            "C3": c.Control(
                "C3",
                "Second signature on payments",
                c.ControlKind.APPROVAL,
                "Sign every payment above EUR 10,000 as second signatory.",
                owner="FIN-MGR",
            ),
            "C4": c.Control("C4", "Stock count", c.ControlKind.STOCK_COUNT, owner="GM"),
        },
        procedures={
            "SOP-BUDGET": m.Procedure(
                "SOP-BUDGET", "Annual budgeting", version=2, status=m.ProcedureStatus.ACTIVE
            ),
            "SOP-CLOSE": m.Procedure(
                "SOP-CLOSE", "Month-end close", version=3, status=m.ProcedureStatus.ACTIVE
            ),
            "SOP-RECON": m.Procedure(
                "SOP-RECON", "Account reconciliation", status=m.ProcedureStatus.ACTIVE
            ),
            "SOP-COST": m.Procedure(
                "SOP-COST", "Standard cost calculation", status=m.ProcedureStatus.ACTIVE
            ),
            "SOP-TAX": m.Procedure(
                "SOP-TAX", "Tax filing calendar", version=4, status=m.ProcedureStatus.ACTIVE
            ),
            "SOP-EXP": m.Procedure(
                "SOP-EXP",
                "Travel and expense claims",
                version=2,
                status=m.ProcedureStatus.ACTIVE,
                positions=("FIN-MGR", "GM"),
            ),
            "SOP-OLD": m.Procedure(
                "SOP-OLD", "Paper ledgers", status=m.ProcedureStatus.RETIRED, positions=("FIN-MGR",)
            ),
            "SOP-GM": m.Procedure("SOP-GM", "Board meetings", positions=("GM",)),
        },
    )


@pytest.fixture(scope="module")
def jd() -> JobDescription:
    return assemble(finance_org(), "FIN-MGR", on=ON)


def test_identity_comes_from_the_graph(jd):
    idt = jd.identity
    assert (idt.key, idt.title) == ("FIN-MGR", "Finance manager")
    assert idt.department == Ref("FIN", "Finance")
    assert idt.grade == Ref("M2", "Manager M2")
    assert idt.reports_to == Ref("GM", "General manager")
    # archived positions are history, not direct reports
    assert [r.key for r in idt.direct_reports] == ["FIN-COST", "FIN-TAX", "FIN-CASH"]
    assert idt.headcount == 1
    assert [h.name for h in idt.holders] == ["Anna Keller"]  # Jonas Weber left in 2023
    assert idt.vacancies == 0
    assert idt.confidentiality_required
    assert idt.status == Coded("active", "Active")
    assert idt.jd_status == Coded("submitted", "Submitted")
    assert jd.as_of == ON


def test_purpose_is_composed_once_from_its_three_parts(jd):
    pur = jd.purpose
    assert pur.basis.startswith("Under the guidance of national policy")
    assert pur.sentence == (
        "Under the guidance of national policy and the company's work plan, organise the "
        "company's financial policies, plans and programmes, lead the department's staff and "
        "provide complete financial services — cost, sales, budget and tax accounting, so that "
        "the financial function effectively supports the company's operations."
    )
    assert [o.title for o in pur.objectives] == [
        "Raise the net margin to 8 % by 2027",
        "Keep 60 days of operating cash",
    ]
    assert jd.department_function.startswith("Keeps the company's money")


def test_areas_targets_and_responsibilities_keep_their_order_and_codes(jd):
    assert [a.key for a in jd.areas] == ["FA-1", "FA-2", "FA-3", "FA-4", "FA-5"]
    assert [a.weight for a in jd.areas] == [25, 25, 20, 15, 15]
    first = jd.areas[0].targets[0]
    assert first.metric == "budget approval date"
    assert first.target == "by 15 December"
    assert first.period == Coded("yearly", "Yearly")
    assert first.deadline == dt.date(2026, 12, 15)
    assert first.objective == Ref("OBJ-PROFIT", "Raise the net margin to 8 % by 2027")
    r = first.responsibilities[0]
    assert r.frequency == Coded("yearly", "Yearly")
    assert r.time_share == Decimal(6)
    assert r.authority == Coded("executes", "Executes")
    assert r.procedures == (Ref("SOP-BUDGET", "Annual budgeting"),)
    approve = jd.areas[0].targets[1].responsibilities[0]
    assert approve.authority == Coded("approves", "Approves")
    assert jd.areas[4].targets[0].objective is None  # serves no objective: none invented
    assert jd.areas[0].time_share == Decimal(14)


def test_totals(jd):
    t = jd.totals
    assert (t.weight, t.time_share) == (Decimal(100), Decimal(71))
    assert (t.areas, t.targets, t.responsibilities) == (5, 8, 15)


def test_skills_relations_controls_sops_and_staffing(jd):
    assert [(s.name, s.level) for s in jd.skills][:2] == [
        ("Financial accounting (IFRS)", 5),
        ("Corporate and indirect tax", 4),
    ]
    # only the relations it owns and still maintains
    assert [(r.name, r.kind.label, r.level.code, r.contact_every) for r in jd.relations] == [
        ("City tax office", "Government", "A", "monthly"),
        ("Harbour Savings Bank", "Service provider", "A", "fortnightly"),
        ("Auditors (Baker & Partner)", "Service provider", "B", "quarterly"),
    ]
    assert [(c.title, c.kind.code, c.every) for c in jd.controls] == [
        ("Monthly bank reconciliation", "audit", "monthly"),
        ("Credit check of new customers", "credit_check", "weekly"),
        ("Second signature on payments", "approval", ""),
    ]
    # referenced by responsibilities, or listing the position (the retired one drops out)
    assert [(s.key, s.version) for s in jd.procedures] == [
        ("SOP-BUDGET", 2),
        ("SOP-CLOSE", 3),
        ("SOP-COST", 1),
        ("SOP-EXP", 2),
        ("SOP-RECON", 1),
        ("SOP-TAX", 4),
    ]
    # stages in their order, not the dict's
    assert [(s.stage, s.headcount, s.needed_by) for s in jd.staffing] == [
        ("Regional base", 1, dt.date(2026, 1, 1)),
        ("National expansion", 1, dt.date(2027, 1, 1)),
    ]


def test_round_trip_is_exact_and_json_ready(jd):
    data = jd.to_dict()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    again = JobDescription.from_dict(json.loads(text))
    assert again == jd
    assert again.to_dict() == data
    assert data["areas"][0]["weight"] == "25"
    assert data["areas"][0]["targets"][0]["deadline"] == "2026-12-15"
    assert data["areas"][0]["targets"][0]["period"] == {"code": "yearly", "label": "Yearly"}
    assert data["schema"] == 1


def test_an_empty_position_stays_empty():
    org = Organization(name="T", positions={"X": p.Position("X", "Clerk", headcount=2)})
    jd = assemble(org, "X", on=ON)
    assert jd.identity.department is None and jd.identity.grade is None
    assert jd.identity.reports_to is None and jd.identity.direct_reports == ()
    assert jd.identity.holders == () and jd.identity.vacancies == 2
    assert jd.purpose.is_empty and jd.purpose.sentence == "" and jd.department_function == ""
    assert (
        jd.areas == jd.skills == jd.relations == jd.controls == jd.procedures == jd.staffing == ()
    )
    assert jd.totals.weight is None and jd.totals.time_share is None
    assert JobDescription.from_dict(json.loads(json.dumps(jd.to_dict()))) == jd


def test_dangling_references_keep_their_keys_and_invent_no_names():
    pos = p.Position(
        "X",
        "Clerk",
        department="NOPE",
        grade="G9",
        reports_to="GONE",
        purpose=d.Purpose(content="file the letters", objectives=("OBJ-X",)),
        result_areas=(
            d.ResultArea(
                "A",
                "Filing",
                targets=(
                    d.Target(
                        "T",
                        "Letters are filed",
                        objective="OBJ-Y",
                        responsibilities=(
                            d.Responsibility("R", "File letters daily", procedures=("SOP-X",)),
                        ),
                    ),
                ),
            ),
        ),
        skills=(p.PositionSkill("S", "SK-X", 2),),
    )
    jd = assemble(Organization(name="T", positions={"X": pos}), "X", on=ON)
    assert jd.identity.department == Ref("NOPE")
    assert jd.identity.grade == Ref("G9")
    assert jd.identity.reports_to == Ref("GONE")
    assert jd.purpose.objectives == (Ref("OBJ-X"),)
    assert jd.purpose.sentence == "file the letters."
    target = jd.areas[0].targets[0]
    assert target.objective == Ref("OBJ-Y")
    assert target.responsibilities[0].procedures == (Ref("SOP-X"),)
    assert target.responsibilities[0].frequency is None
    assert target.responsibilities[0].time_share is None
    assert jd.areas[0].weight is None and jd.totals.weight is None
    assert jd.skills[0].name == "SK-X"
    assert jd.procedures == ()  # an SOP that does not exist is not listed


def test_acting_holders_do_not_fill_the_post():
    org = finance_org()
    acting = p.Employee(
        "E9",
        "Lena Roth",
        assignments=(p.Assignment("A9", "FIN-MGR", dt.date(2026, 1, 1), primary=False),),
    )
    org = dataclasses.replace(
        org,
        employees={
            "E2": org.employees["E2"],
            "E9": acting,
            # two overlapping assignments still make one holder
            "E8": p.Employee(
                "E8",
                "Paul Hahn",
                assignments=(
                    p.Assignment("A8", "FIN-COST", dt.date(2024, 1, 1)),
                    p.Assignment("A7", "FIN-COST", dt.date(2025, 1, 1)),
                ),
            ),
        },
    )
    jd = assemble(org, "FIN-MGR", on=ON)
    assert [(h.name, h.acting) for h in jd.identity.holders] == [("Lena Roth", True)]
    assert jd.identity.vacancies == 1
    cost = assemble(org, "FIN-COST", on=ON)
    assert [h.name for h in cost.identity.holders] == ["Paul Hahn"]


def test_chinese_purpose_is_composed_with_chinese_punctuation():
    pos = p.Position(
        "X",
        "财务经理",
        purpose=d.Purpose(
            "在国家政策和公司工作计划的指导下，",
            "组织制定公司财务政策",
            "使财务职能有效支持公司的经营运作。",
        ),
    )
    jd = assemble(Organization(name="T", positions={"X": pos}), "X", on=ON)
    assert jd.purpose.sentence == (
        "在国家政策和公司工作计划的指导下，组织制定公司财务政策，使财务职能有效支持公司的经营运作。"
    )


def test_an_unknown_position_is_a_key_error():
    with pytest.raises(KeyError, match="NOPE"):
        assemble(finance_org(), "NOPE", on=ON)
