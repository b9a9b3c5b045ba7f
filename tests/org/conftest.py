import datetime as dt
from decimal import Decimal

import pytest

from remit.domain import Cadence, Organization
from remit.domain import control as c
from remit.domain import duties as d
from remit.domain import methods as m
from remit.domain import people as p
from remit.domain import plan as pl
from remit.domain import relations as r
from remit.domain import resources as res
from remit.domain import strategy as s
from remit.domain import transparency as t
from remit.domain import values as v


def small_org() -> Organization:
    """A small organisation with one or more rows of every kind (hand-written, readable)."""
    D = dt.date
    return Organization(
        name="Hearth & Steel",
        language="en",
        currency="EUR",
        fiscal_year_start=1,
        values=v.ValueOrientation(
            statement="Build something lasting.",
            visibility=v.Visibility.MANAGERS,
            choices=(
                v.ValueChoice(v.Value.SELF_REALISATION, 1, "Make the best ovens."),
                v.ValueChoice(v.Value.WEALTH, 2, "Enough to retire."),
            ),
        ),
        departments={
            "GM": p.Department("GM", "General management", function="Steer the company."),
            "FIN": p.Department("FIN", "Planning & finance", parent="GM", function="Money."),
        },
        grades={"G5": p.Grade("G5", "Manager", Decimal("6500.00"))},
        skills={"ACC": p.Skill("ACC", "Accounting", "finance")},
        positions={
            "CEO": p.Position("CEO", "General manager", department="GM", grade="G5"),
            "FIN-MGR": p.Position(
                "FIN-MGR",
                "Finance manager",
                department="FIN",
                reports_to="CEO",
                grade="G5",
                confidentiality_required=True,
                purpose=d.Purpose(
                    "Under national policy",
                    "organise finance",
                    "support operations",
                    objectives=("OBJ-SALES",),
                ),
                result_areas=(
                    d.ResultArea(
                        "FIN-MGR-1",
                        "Budget",
                        Decimal(60),
                        targets=(
                            d.Target(
                                "FIN-MGR-1-1",
                                "Annual budget approved",
                                "approval date",
                                "by 15 Dec",
                                period=d.Period.YEARLY,
                                objective="OBJ-SALES",
                                responsibilities=(
                                    d.Responsibility(
                                        "FIN-MGR-1-1-1",
                                        "Prepare the annual budget",
                                        d.Frequency.YEARLY,
                                        Decimal("12.5"),
                                        procedures=("SOP-BUD",),
                                    ),
                                ),
                            ),
                        ),
                    ),
                    d.ResultArea("FIN-MGR-2", "Tax", Decimal(40)),
                ),
                skills=(p.PositionSkill("FIN-MGR-1", "ACC", 4),),
            ),
        },
        stages={
            "S1": p.Stage(
                "S1",
                "Start-up",
                1,
                D(2026, 1, 1),
                staffing=(p.StaffingLine("S1-1", "FIN-MGR", 1, D(2026, 3, 1)),),
            )
        },
        employees={
            "E1": p.Employee(
                "E1",
                "Ada Li",
                email="ada@example.com",
                hired_on=D(2020, 1, 1),
                user_email="ada@example.com",
                assignments=(p.Assignment("E1-1", "FIN-MGR", D(2020, 1, 1)),),
                skills=(p.EmployeeSkill("E1-1", "ACC", 3, D(2026, 1, 5)),),
                events=(
                    p.PersonnelEvent(
                        "E1-1", p.EventKind.CONFIDENTIALITY, D(2020, 1, 1), expires_on=D(2025, 1, 1)
                    ),
                ),
            ),
            "E2": p.Employee("E2", "Bo Chen"),
        },
        openings={
            "OP1": p.Opening(
                "OP1",
                "CEO",
                D(2026, 5, 1),
                candidates=(p.Candidate("OP1-1", "Cy", p.CandidateStage.INTERVIEW),),
            )
        },
        handovers={
            "H1": p.Handover(
                "H1",
                "E1",
                "FIN-MGR",
                p.EventKind.ROTATION,
                D(2026, 6, 1),
                items=(
                    p.HandoverItem(
                        "H1-1", p.HandoverItemKind.RESPONSIBILITY, "FIN-MGR-1-1-1", "Budget", "E2"
                    ),
                ),
            )
        },
        objectives={
            "OBJ-SALES": s.Objective(
                "OBJ-SALES",
                "Sales 50 M by 2027",
                metric="annual sales",
                unit="EUR M",
                baseline=Decimal(20),
                target=Decimal(50),
                deadline=D(2027, 12, 31),
                owner="CEO",
                serves=v.Value.WEALTH,
                measure_every=Cadence.parse("monthly"),
                measurements=(s.Measurement("OBJ-SALES-1", D(2026, 1, 31), Decimal("21.5")),),
            )
        },
        plan={
            "G1": pl.PlanItem("G1", "Win chains", pl.PlanKind.GOAL, objective="OBJ-SALES"),
            "T1": pl.PlanItem(
                "T1",
                "Hire KAM",
                parent="G1",
                owner="CEO",
                assignee="E2",
                start=D(2026, 2, 1),
                due=D(2026, 4, 1),
                lead_time_days=30,
            ),
            "T2": pl.PlanItem("T2", "Pitch", parent="G1", depends_on=("T1",)),
        },
        resources={
            "CASH": res.Resource(
                "CASH",
                "Cash",
                res.ResourceCategory.CAPITAL,
                Decimal(100000),
                "EUR",
                owner="FIN-MGR",
            )
        },
        resource_needs={
            "N1": res.ResourceNeed("N1", "T1", resource="CASH", quantity=Decimal(5000))
        },
        acquisitions={
            "A1": res.Acquisition("A1", "N1", res.AcquisitionMethod.BORROW, owner="FIN-MGR")
        },
        checkins={"C1": t.CheckIn("C1", "T1", D(2026, 3, 1), 40, author="E2", note="Interviews")},
        problems={"PR1": t.Problem("PR1", "Few candidates", D(2026, 3, 2), owner="CEO")},
        finance={
            "F1": t.FinanceLine(
                "F1", D(2026, 1, 1), "Sales", t.FinanceKind.INCOME, Decimal(1000), Decimal("950.5")
            )
        },
        relations={
            "BANK": r.Relation(
                "BANK",
                "City Bank",
                r.PartyKind.SERVICE_PROVIDER,
                r.Level.A,
                Cadence.parse("quarterly"),
                Decimal(2000),
                "FIN-MGR",
                contacts=(r.Contact("BANK-1", "Mr Wu", "manager"),),
                interactions=(r.Interaction("BANK-1", D(2026, 2, 2), by="E1"),),
            )
        },
        risks={"R1": c.Risk("R1", "Bad debt", category=c.RiskCategory.CREDIT, owner="FIN-MGR")},
        controls={
            "K1": c.Control(
                "K1",
                "Credit check",
                c.ControlKind.CREDIT_CHECK,
                every=Cadence.parse("monthly"),
                owner="FIN-MGR",
                risks=("R1",),
                runs=(c.ControlRun("K1-1", D(2026, 1, 5), by="E1"),),
            )
        },
        contingency_plans={
            "CP1": c.ContingencyPlan("CP1", "R1", "Collect", steps=("Call", "Sue"), owner="FIN-MGR")
        },
        lessons={"L1": m.Lesson("L1", D(2025, 5, 1), "Check credit first", author="E1")},
        procedures={
            "SOP-BUD": m.Procedure(
                "SOP-BUD",
                "Budgeting",
                owner="FIN-MGR",
                status=m.ProcedureStatus.ACTIVE,
                review_every=Cadence.parse("yearly"),
                positions=("FIN-MGR",),
                lessons=("L1",),
                steps=(m.ProcedureStep("SOP-BUD-1", "Collect plans"),),
            )
        },
        training={"TR1": m.TrainingRecord("TR1", "E1", "SOP-BUD", D(2026, 1, 10), 90, True)},
        job_descriptions={
            "FIN-MGR-v1": d.JobDescriptionVersion(
                "FIN-MGR-v1",
                "FIN-MGR",
                1,
                D(2026, 1, 1),
                "Olivia",
                content={"title": "Finance manager"},
            )
        },
    )


@pytest.fixture
def small():
    return small_org()
