"""A7 — personnel: departments and positions, development stages and staffing,
skills, employees and their lifecycle, handovers."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .common import Labelled, gettext_noop
from .duties import JDStatus, Purpose, ResultArea


class PositionStatus(Labelled):
    ACTIVE = "active", gettext_noop("Active")
    PLANNED = "planned", gettext_noop("Planned")
    ARCHIVED = "archived", gettext_noop("Archived")


class EmployeeStatus(Labelled):
    ACTIVE = "active", gettext_noop("Active")
    ON_LEAVE = "on_leave", gettext_noop("On leave")
    LEFT = "left", gettext_noop("Left")


class EventKind(Labelled):
    RECRUITMENT = "recruitment", gettext_noop("Recruitment")
    HIRE = "hire", gettext_noop("Hire")
    TRAINING = "training", gettext_noop("Training")
    PROMOTION = "promotion", gettext_noop("Promotion")
    ROTATION = "rotation", gettext_noop("Rotation")
    CONFIDENTIALITY = "confidentiality", gettext_noop("Confidentiality agreement")
    RESIGNATION = "resignation", gettext_noop("Resignation")
    TERMINATION = "termination", gettext_noop("Termination")
    OTHER = "other", gettext_noop("Other")


class CandidateStage(Labelled):
    APPLIED = "applied", gettext_noop("Applied")
    SCREENING = "screening", gettext_noop("Screening")
    INTERVIEW = "interview", gettext_noop("Interview")
    OFFER = "offer", gettext_noop("Offer")
    HIRED = "hired", gettext_noop("Hired")
    REJECTED = "rejected", gettext_noop("Rejected")


class OpeningStatus(Labelled):
    OPEN = "open", gettext_noop("Open")
    FILLED = "filled", gettext_noop("Filled")
    CANCELLED = "cancelled", gettext_noop("Cancelled")


class HandoverStatus(Labelled):
    OPEN = "open", gettext_noop("Open")
    COMPLETE = "complete", gettext_noop("Complete")


class HandoverItemKind(Labelled):
    RESPONSIBILITY = "responsibility", gettext_noop("Responsibility")
    RELATION = "relation", gettext_noop("Relation")
    RESOURCE = "resource", gettext_noop("Resource")
    CONTROL = "control", gettext_noop("Control")
    PROCEDURE = "procedure", gettext_noop("Procedure")
    PLAN_ITEM = "plan_item", gettext_noop("Plan item")
    PROBLEM = "problem", gettext_noop("Problem")
    ACQUISITION = "acquisition", gettext_noop("Acquisition")
    OBJECTIVE = "objective", gettext_noop("Objective")
    OTHER = "other", gettext_noop("Other")


@dataclass(frozen=True, slots=True)
class Department:
    key: str
    name: str
    parent: str | None = None  # department key
    function: str = ""  # what the department is for


@dataclass(frozen=True, slots=True)
class Grade:
    """A pay grade: what one holder of a position at this grade costs."""

    key: str
    name: str
    monthly_cost: Decimal | None = None  # estimated, in the organisation's currency


@dataclass(frozen=True, slots=True)
class PositionSkill:
    key: str
    skill: str  # skill key
    level: int = 3  # 1..5 required


@dataclass(frozen=True, slots=True)
class Position:
    key: str
    title: str
    department: str | None = None  # department key
    reports_to: str | None = None  # position key (a position, never a person)
    grade: str | None = None  # grade key
    headcount: int = 1
    status: PositionStatus = PositionStatus.ACTIVE
    confidentiality_required: bool = False
    purpose: Purpose = field(default_factory=Purpose)
    result_areas: tuple[ResultArea, ...] = ()
    skills: tuple[PositionSkill, ...] = ()
    jd_status: JDStatus = JDStatus.DRAFT


@dataclass(frozen=True, slots=True)
class StaffingLine:
    key: str
    position: str
    headcount: int
    needed_by: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """A development stage of the company, with the positions and headcount it needs."""

    key: str
    name: str
    order: int
    target_date: dt.date | None = None
    description: str = ""
    staffing: tuple[StaffingLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Skill:
    key: str
    name: str
    category: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Assignment:
    key: str
    position: str
    start: dt.date
    end: dt.date | None = None
    primary: bool = True  # False: acting in the position beside the main one

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class EmployeeSkill:
    key: str
    skill: str
    level: int
    assessed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PersonnelEvent:
    key: str
    kind: EventKind
    date: dt.date
    position: str | None = None  # the position concerned (from, for rotation/promotion)
    to_position: str | None = None  # the new position (promotion, rotation)
    expires_on: dt.date | None = None  # e.g. a confidentiality agreement's renewal date
    procedure: str | None = None  # training: the SOP trained
    note: str = ""


@dataclass(frozen=True, slots=True)
class Employee:
    key: str
    name: str
    email: str = ""
    phone: str = ""
    user_email: str = ""  # the Remit login of this employee, if any
    hired_on: dt.date | None = None
    left_on: dt.date | None = None
    status: EmployeeStatus = EmployeeStatus.ACTIVE
    assignments: tuple[Assignment, ...] = ()
    skills: tuple[EmployeeSkill, ...] = ()
    events: tuple[PersonnelEvent, ...] = ()

    def positions_on(self, day: dt.date) -> tuple[str, ...]:
        return tuple(a.position for a in self.assignments if a.active_on(day))


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str
    name: str
    stage: CandidateStage = CandidateStage.APPLIED
    email: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Opening:
    """A recruitment opening for a position, with its candidates."""

    key: str
    position: str
    opened_on: dt.date
    needed_by: dt.date | None = None
    status: OpeningStatus = OpeningStatus.OPEN
    hired: str | None = None  # employee key once filled
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class HandoverItem:
    key: str
    kind: HandoverItemKind
    ref: str  # the key of what is handed over
    description: str
    successor: str | None = None  # employee key
    done: bool = False


@dataclass(frozen=True, slots=True)
class Handover:
    key: str
    employee: str
    position: str
    reason: EventKind
    created_on: dt.date
    due_on: dt.date | None = None
    items: tuple[HandoverItem, ...] = ()

    @property
    def complete(self) -> bool:
        return bool(self.items) and all(i.done for i in self.items)
