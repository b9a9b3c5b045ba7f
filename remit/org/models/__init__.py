"""The business models, one module per area (see remit/org/areas.py)."""

from .control import ContingencyPlan, Control, ControlRun, Risk
from .duties import JobDescriptionExport, JobDescriptionVersion, Responsibility, ResultArea, Target
from .library import LibraryOccupation, LibrarySource, LibraryTask
from .methods import Lesson, Procedure, ProcedureStep, TrainingRecord
from .people import (
    Assignment,
    Candidate,
    Department,
    Employee,
    EmployeeSkill,
    Grade,
    Handover,
    HandoverItem,
    Opening,
    PersonnelEvent,
    Position,
    PositionSkill,
    Skill,
    StaffingLine,
    Stage,
)
from .plan import PlanDependency, PlanItem
from .relations import Contact, Interaction, Relation
from .resources import Acquisition, Resource, ResourceNeed
from .strategy import Measurement, Objective
from .transparency import CheckIn, FinanceLine, Problem
from .values import ValueChoice, ValueOrientation

__all__ = [
    "Acquisition",
    "Assignment",
    "Candidate",
    "CheckIn",
    "Contact",
    "ContingencyPlan",
    "Control",
    "ControlRun",
    "Department",
    "Employee",
    "EmployeeSkill",
    "FinanceLine",
    "Grade",
    "Handover",
    "HandoverItem",
    "Interaction",
    "JobDescriptionExport",
    "JobDescriptionVersion",
    "Lesson",
    "LibraryOccupation",
    "LibrarySource",
    "LibraryTask",
    "Measurement",
    "Objective",
    "Opening",
    "PersonnelEvent",
    "PlanDependency",
    "PlanItem",
    "Position",
    "PositionSkill",
    "Problem",
    "Procedure",
    "ProcedureStep",
    "Relation",
    "Resource",
    "ResourceNeed",
    "Responsibility",
    "ResultArea",
    "Risk",
    "Skill",
    "StaffingLine",
    "Stage",
    "Target",
    "TrainingRecord",
    "ValueChoice",
    "ValueOrientation",
]
