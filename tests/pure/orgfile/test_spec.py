"""The specification follows the domain, and declares what types cannot say."""

import dataclasses
import inspect
import re
import subprocess
import sys

import pytest

from remit.domain import (
    control,
    duties,
    methods,
    people,
    plan,
    relations,
    resources,
    strategy,
    transparency,
    values,
)
from remit.domain.organization import Organization
from remit.domain.people import HandoverItem, HandoverItemKind
from remit.orgfile import _spec
from remit.orgfile._spec import COLLECTIONS, HANDOVER_REFS, REFERENCES, REGISTRY, SECTIONS, Kind

DOMAIN_MODULES = [
    control,
    duties,
    methods,
    people,
    plan,
    relations,
    resources,
    strategy,
    transparency,
    values,
]

# The references as the format's design states them: Class.field -> collection.
DESIGNED = """
Department.parent departments; Position.department departments; Position.reports_to positions;
Position.grade grades; Purpose.objectives objectives; Target.objective objectives;
Responsibility.procedures procedures; PositionSkill.skill skills; StaffingLine.position positions;
Assignment.position positions; EmployeeSkill.skill skills; PersonnelEvent.position positions;
PersonnelEvent.to_position positions; PersonnelEvent.procedure procedures;
Opening.position positions; Opening.hired employees; Handover.employee employees;
Handover.position positions; HandoverItem.successor employees; Objective.owner positions;
PlanItem.parent plan; PlanItem.depends_on plan; PlanItem.objective objectives;
PlanItem.owner positions; PlanItem.assignee employees; Resource.owner positions;
ResourceNeed.plan_item plan; ResourceNeed.resource resources; Acquisition.need resource_needs;
Acquisition.owner positions; CheckIn.plan_item plan; CheckIn.author employees;
Problem.plan_item plan; Problem.raised_by employees; Problem.owner positions;
Relation.owner positions; Interaction.by employees; Risk.owner positions; Control.owner positions;
Control.risks risks; ControlRun.by employees; ContingencyPlan.risk risks;
ContingencyPlan.owner positions; Lesson.author employees; Procedure.owner positions;
Procedure.positions positions; Procedure.lessons lessons; TrainingRecord.employee employees;
TrainingRecord.procedure procedures; JobDescriptionVersion.position positions
"""


def test_the_sections_are_the_organization_fields_in_order():
    assert SECTIONS == (
        "remit", "organization", "values", "departments", "grades", "positions", "skills",
        "stages", "employees", "openings", "handovers", "objectives", "plan", "resources",
        "resource_needs", "acquisitions", "checkins", "problems", "finance", "relations",
        "risks", "controls", "contingency_plans", "lessons", "procedures", "training",
        "job_descriptions",
    )  # fmt: skip
    for name, spec in COLLECTIONS.items():
        assert getattr(Organization("x"), name) == {}
        assert spec.keyed and not spec.nested


def test_the_reference_table_is_the_designed_one():
    designed = {
        (*entry.split()[0].split("."), entry.split()[1])
        for entry in DESIGNED.replace("\n", " ").split(";")
    }
    assert {(cls.__name__, name, coll) for (cls, name), coll in REFERENCES.items()} == designed
    assert HANDOVER_REFS == {
        HandoverItemKind.RESPONSIBILITY: "responsibilities",
        HandoverItemKind.RELATION: "relations",
        HandoverItemKind.RESOURCE: "resources",
        HandoverItemKind.CONTROL: "controls",
        HandoverItemKind.PROCEDURE: "procedures",
        HandoverItemKind.PLAN_ITEM: "plan",
        HandoverItemKind.PROBLEM: "problems",
        HandoverItemKind.ACQUISITION: "acquisitions",
        HandoverItemKind.OBJECTIVE: "objectives",
        HandoverItemKind.OTHER: None,
    }


def test_every_field_the_domain_calls_a_key_is_a_declared_reference():
    """A new ``foo: str  # position key`` in the domain must be declared in REFERENCES."""
    commented: set[tuple[str, str]] = set()
    for module in DOMAIN_MODULES:
        for cls in vars(module).values():
            if (
                isinstance(cls, type)
                and dataclasses.is_dataclass(cls)
                and cls.__module__ == module.__name__
            ):
                for match in re.finditer(
                    r"^\s+(\w+): [^#\n]*#.*\bkeys?\b", inspect.getsource(cls), re.M
                ):
                    commented.add((cls.__name__, match[1]))
    declared = {(cls.__name__, name) for cls, name in REFERENCES} | {(HandoverItem.__name__, "ref")}
    assert commented - declared == set()
    assert len(commented) > 30


def test_every_dataclass_field_is_in_the_file_in_dataclass_order():
    for cls, spec in REGISTRY.items():
        assert list(spec.fields) == [f.name for f in dataclasses.fields(cls)]
    position = REGISTRY[people.Position]
    assert position.fields["purpose"].kind is Kind.RECORD
    assert position.fields["result_areas"].kind is Kind.CHILDREN
    assert REGISTRY[control.ContingencyPlan].fields["steps"].kind is Kind.TEXTS
    assert REGISTRY[duties.JobDescriptionVersion].fields["content"].kind is Kind.MAPPING
    assert REGISTRY[transparency.FinanceLine].fields["period"].kind is Kind.MONTH
    assert REGISTRY[duties.ResultArea].nested and not REGISTRY[duties.Purpose].keyed


def test_the_tables_name_only_existing_fields(monkeypatch):
    # _check_tables runs at import: a table naming a field the domain lost fails at once.
    monkeypatch.setitem(REFERENCES, (people.Position, "titel"), "positions")
    with pytest.raises(TypeError, match=r"Position\.titel"):
        _spec._check_tables(REGISTRY)
    monkeypatch.delitem(REFERENCES, (people.Position, "titel"))
    monkeypatch.setitem(REFERENCES, (people.Position, "grade"), "gardes")
    with pytest.raises(TypeError, match="cannot refer to 'gardes'"):
        _spec._check_tables(REGISTRY)


def test_the_package_imports_no_django():
    code = "import sys, remit.orgfile; print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'ninja') or m.startswith(('remit.org.', 'remit.accounts'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
