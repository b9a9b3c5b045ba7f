"""Writes for employees and their lifecycle (A7): employee records, assignments over time,
the lifecycle events (hire, training, promotion, rotation, confidentiality agreement,
resignation or termination), recruitment openings with their candidates, and handovers.

Each lifecycle event is one action: it changes the assignments it implies, records a
PersonnelEvent and, where someone leaves a position, generates the handover — all in
one transaction, or nothing when anything is wrong.
"""

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User
from remit.analysis import handover as handover_analysis
from remit.domain.methods import ProcedureStatus
from remit.domain.people import (
    CandidateStage,
    EmployeeStatus,
    EventKind,
    HandoverItemKind,
    OpeningStatus,
    PositionStatus,
)

from .. import snapshot
from ..models import (
    Acquisition,
    Assignment,
    Candidate,
    Employee,
    EmployeeSkill,
    Handover,
    HandoverItem,
    Opening,
    PersonnelEvent,
    Position,
    Procedure,
    Skill,
    TrainingRecord,
)
from ..queries.people_employees import SKIP_CHILDREN
from . import common

EMPLOYEE_FIELDS = ["key", "name", "email", "phone", "user_email", "hired_on", "left_on", "status"]
ASSIGNMENT_FIELDS = ["position", "start", "end", "primary"]
OPENING_FIELDS = ["key", "position", "opened_on", "needed_by", "status"]
CANDIDATE_FIELDS = ["name", "email", "stage", "note"]
LEAVING = (EventKind.RESIGNATION, EventKind.TERMINATION)
MOVES = (EventKind.PROMOTION, EventKind.ROTATION)
ONE_DAY = dt.timedelta(days=1)


def _fmt(day: dt.date) -> str:
    return day.isoformat()


def _next_order(qs) -> int:
    top = qs.aggregate(m=Max("order"))["m"]
    return 0 if top is None else top + 1


def _set_fields(row, allowed: list[str], fields: dict[str, Any], what: str) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{what}() got an unknown field {name!r}")
        setattr(row, name, value.strip() if isinstance(value, str) else value)


# --- employee records -----------------------------------------------------------------------


def next_employee_key(org: Organization) -> str:
    """``E060`` after ``E059``: the organisation's numbering, or ``E001`` to begin it."""
    numbers = [
        (int(m.group(1)), len(m.group(1)))
        for k in Employee.objects.filter(org=org, key__startswith="E").values_list("key", flat=True)
        if (m := re.fullmatch(r"E(\d+)", k))
    ]
    top, width = max(numbers, default=(0, 3))
    return common.free_key(Employee, org, f"E{top + 1:0{width}d}")


def _check_dates(employee: Employee) -> None:
    if employee.hired_on and employee.left_on and employee.left_on < employee.hired_on:
        raise ValidationError({"left_on": _("The leaving date comes before the hiring date.")})


@transaction.atomic
def employee_create(
    *,
    org: Organization,
    actor: User | None,
    name: str,
    key: str = "",
    email: str = "",
    phone: str = "",
    user_email: str = "",
    hired_on: dt.date | None = None,
    left_on: dt.date | None = None,
    status: str = EmployeeStatus.ACTIVE,
) -> Employee:
    """An employee record (a hire also assigns a position: see :func:`employee_hire`)."""
    employee = Employee(
        org=org,
        key=key.strip() or next_employee_key(org),
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        user_email=user_email.strip(),
        hired_on=hired_on,
        left_on=left_on,
        status=status,
    )
    _check_dates(employee)
    return common.create(employee, actor=actor)


@transaction.atomic
def employee_update(*, employee: Employee, actor: User | None, **fields) -> Employee:
    before = common.saved_state(employee, EMPLOYEE_FIELDS)
    _set_fields(employee, EMPLOYEE_FIELDS, fields, "employee_update")
    _check_dates(employee)
    return common.update(employee, actor=actor, before=before)


@transaction.atomic
def employee_delete(*, employee: Employee, actor: User | None) -> None:
    """Delete a record made by mistake, with its assignments, events and handovers."""
    common.delete(employee, actor=actor)


# --- assignments --------------------------------------------------------------------------


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    far = dt.date.max
    return a_start <= (b_end or far) and b_start <= (a_end or far)


def _check_assignment(row: Assignment) -> None:
    if row.end is not None and row.end < row.start:
        raise ValidationError({"end": _("The end comes before the start.")})
    if row.position.status == PositionStatus.ARCHIVED and row.end is None:
        raise ValidationError({"position": _("This position is archived.")})
    others = Assignment.objects.filter(employee_id=row.employee_id).exclude(pk=row.pk)
    for other in others.select_related("position"):
        if not _overlaps(row.start, row.end, other.start, other.end):
            continue
        if other.position_id == row.position_id:
            raise ValidationError(
                {
                    "start": _("%(name)s already holds “%(title)s” in that time (from %(start)s).")
                    % {
                        "name": row.employee.name,
                        "title": other.position.title,
                        "start": _fmt(other.start),
                    }
                }
            )
        if row.primary and other.primary:
            raise ValidationError(
                {
                    "primary": _(
                        "%(name)s already has a primary position in that time: “%(title)s” from "
                        "%(start)s. End it first, or make this one an acting position."
                    )
                    % {
                        "name": row.employee.name,
                        "title": other.position.title,
                        "start": _fmt(other.start),
                    }
                }
            )


def _assignment_new(
    employee: Employee, position: Position, start: dt.date, end=None, primary=True
) -> Assignment:
    org = employee.org
    return Assignment(
        org=org,
        key=common.next_child_key(Assignment, org, employee.key),
        employee=employee,
        position=position,
        start=start,
        end=end,
        primary=primary,
        order=_next_order(Assignment.objects.filter(employee=employee)),
    )


@transaction.atomic
def assignment_create(
    *,
    employee: Employee,
    actor: User | None,
    position: Position,
    start: dt.date,
    end: dt.date | None = None,
    primary: bool = True,
) -> Assignment:
    """Put an employee in a position from a day (primary, or acting beside the main post)."""
    common.require_same_org(employee.org, position=position)
    row = _assignment_new(employee, position, start, end, primary)
    _check_assignment(row)
    return common.create(row, actor=actor)


@transaction.atomic
def assignment_update(*, assignment: Assignment, actor: User | None, **fields) -> Assignment:
    common.require_same_org(assignment.org, position=fields.get("position"))
    before = common.saved_state(assignment, ASSIGNMENT_FIELDS)
    _set_fields(assignment, ASSIGNMENT_FIELDS, fields, "assignment_update")
    _check_assignment(assignment)
    return common.update(assignment, actor=actor, before=before)


@transaction.atomic
def assignment_delete(*, assignment: Assignment, actor: User | None) -> None:
    common.delete(assignment, actor=actor)


def _end(assignment: Assignment, on: dt.date, actor: User | None) -> None:
    before = common.saved_state(assignment, ["end"])
    assignment.end = on
    common.update(assignment, actor=actor, before=before)


# --- lifecycle events -----------------------------------------------------------------------


def _event(
    employee: Employee,
    kind: EventKind,
    date: dt.date,
    actor: User | None,
    **fields,
) -> PersonnelEvent:
    org = employee.org
    return common.create(
        PersonnelEvent(
            org=org,
            key=common.next_child_key(PersonnelEvent, org, employee.key),
            employee=employee,
            kind=kind,
            date=date,
            order=_next_order(PersonnelEvent.objects.filter(employee=employee)),
            **fields,
        ),
        actor=actor,
    )


def _require_present(employee: Employee, on: dt.date) -> None:
    """Refuse an event for someone who has left by that day."""
    gone = employee.left_on is not None and employee.left_on < on
    if gone or (employee.status == EmployeeStatus.LEFT and employee.left_on is None):
        raise ValidationError(_("%(name)s has left the company.") % {"name": employee.name})


def _require_open_position(position: Position, field: str) -> None:
    if position.status == PositionStatus.ARCHIVED:
        raise ValidationError({field: _("“%(title)s” is archived.") % {"title": position.title}})


def _active(employee: Employee, on: dt.date):
    return (
        Assignment.objects.filter(employee=employee, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .select_related("position")
        .order_by("-primary", "start", "id")
    )


def primary_assignment(employee: Employee, on: dt.date) -> Assignment | None:
    """The employee's primary assignment on a day, if any."""
    return _active(employee, on).filter(primary=True).first()


@transaction.atomic
def employee_hire(
    *,
    org: Organization,
    actor: User | None,
    on: dt.date,
    position: Position | None = None,
    name: str = "",
    key: str = "",
    email: str = "",
    phone: str = "",
    user_email: str = "",
    opening: Opening | None = None,
    candidate: Candidate | None = None,
    note: str = "",
) -> Employee:
    """Hire someone into a position from a day: the employee record, their primary
    assignment and the hire event; from an opening, the candidate is marked hired and
    the opening filled (with a recruitment event dated when the opening was opened)."""
    common.require_same_org(org, position=position, opening=opening, candidate=candidate)
    if candidate is not None:
        if opening is not None and candidate.opening_id != opening.pk:
            raise ValidationError({"candidate": _("This candidate applied to another opening.")})
        opening = candidate.opening
        if candidate.stage == CandidateStage.HIRED:
            raise ValidationError({"candidate": _("This candidate was hired already.")})
        name = name.strip() or candidate.name
        email = email.strip() or candidate.email
    if opening is not None:
        if opening.status != OpeningStatus.OPEN:
            raise ValidationError(
                {"opening": _("The opening %(key)s is not open.") % {"key": opening.key}}
            )
        if position is not None and position.pk != opening.position_id:
            raise ValidationError(
                {
                    "position": _("The opening %(key)s is for “%(title)s”.")
                    % {"key": opening.key, "title": opening.position.title}
                }
            )
        position = opening.position
    if position is None:
        raise ValidationError({"position": _("Choose the position the new employee fills.")})
    _require_open_position(position, "position")
    if not name.strip():
        raise ValidationError({"name": _("Give the new employee's name.")})
    employee = employee_create(
        org=org,
        actor=actor,
        name=name,
        key=key,
        email=email,
        phone=phone,
        user_email=user_email,
        hired_on=on,
    )
    common.create(_assignment_new(employee, position, on), actor=actor)
    if opening is not None:
        n = opening.candidates.count()
        _event(
            employee,
            EventKind.RECRUITMENT,
            min(opening.opened_on, on),
            actor,
            position=position,
            note=_("Opening %(key)s, %(n)s candidate(s).") % {"key": opening.key, "n": n},
        )
    _event(employee, EventKind.HIRE, on, actor, position=position, note=note.strip())
    if candidate is not None:
        before = common.saved_state(candidate, ["stage"])
        candidate.stage = CandidateStage.HIRED
        common.update(candidate, actor=actor, before=before)
    if opening is not None:
        before = common.saved_state(opening, ["status", "hired"])
        opening.status, opening.hired = OpeningStatus.FILLED, employee
        common.update(opening, actor=actor, before=before)
    return employee


def _open_handover(employee: Employee, assignment: Assignment) -> Handover | None:
    """An unfinished handover of the assignment's position made during it (say, before a
    long leave): a move or leaving carries on with it rather than start another."""
    return (
        Handover.objects.filter(
            employee=employee, position_id=assignment.position_id, created_on__gte=assignment.start
        )
        .filter(Q(items__done=False) | Q(items__isnull=True))
        .order_by("-created_on", "-id")
        .first()
    )


def _move(
    kind: EventKind,
    *,
    employee: Employee,
    to_position: Position,
    on: dt.date,
    actor: User | None,
    note: str,
    handover: bool,
    due_on: dt.date | None,
) -> PersonnelEvent:
    common.require_same_org(employee.org, to_position=to_position)
    _require_present(employee, on)
    _require_open_position(to_position, "to_position")
    current = primary_assignment(employee, on - ONE_DAY)
    if current is None:
        raise ValidationError(
            _(
                "%(name)s holds no primary position the day before %(on)s to move from; add an "
                "assignment instead."
            )
            % {"name": employee.name, "on": _fmt(on)}
        )
    if current.position_id == to_position.pk:
        raise ValidationError(
            {"to_position": _("%(name)s already holds this position.") % {"name": employee.name}}
        )
    if Assignment.objects.filter(employee=employee, start__gte=on, primary=True).exists():
        raise ValidationError(
            _("%(name)s already has a primary position starting on or after %(on)s.")
            % {"name": employee.name, "on": _fmt(on)}
        )
    old = current.position
    _end(current, on - ONE_DAY, actor)
    # Acting in the new post until now: that assignment gives way to the primary one.
    for acting in _active(employee, on).filter(position=to_position, primary=False):
        _end(acting, on - ONE_DAY, actor)
    row = _assignment_new(employee, to_position, on)
    _check_assignment(row)
    common.create(row, actor=actor)
    event = _event(
        employee, kind, on, actor, position=old, to_position=to_position, note=note.strip()
    )
    if handover and _open_handover(employee, current) is None:
        handover_generate(
            employee=employee,
            position=old,
            reason=kind,
            last_day=on - ONE_DAY,
            due_on=due_on or on,
            actor=actor,
            assigned=False,
            skip_empty=True,
        )
    return event


@transaction.atomic
def employee_promote(
    *,
    employee: Employee,
    to_position: Position,
    on: dt.date,
    actor: User | None,
    note: str = "",
    handover: bool = True,
    due_on: dt.date | None = None,
) -> PersonnelEvent:
    """Promote: the current primary assignment ends the day before ``on``, the new one
    starts on ``on``; with ``handover``, the old position's handover is generated."""
    return _move(
        EventKind.PROMOTION,
        employee=employee,
        to_position=to_position,
        on=on,
        actor=actor,
        note=note,
        handover=handover,
        due_on=due_on,
    )


@transaction.atomic
def employee_rotate(
    *,
    employee: Employee,
    to_position: Position,
    on: dt.date,
    actor: User | None,
    note: str = "",
    handover: bool = True,
    due_on: dt.date | None = None,
) -> PersonnelEvent:
    """Rotate or transfer to another position, as a promotion does (see there)."""
    return _move(
        EventKind.ROTATION,
        employee=employee,
        to_position=to_position,
        on=on,
        actor=actor,
        note=note,
        handover=handover,
        due_on=due_on,
    )


@transaction.atomic
def employee_train(
    *,
    employee: Employee,
    on: dt.date,
    actor: User | None,
    procedure: Procedure | None = None,
    skill: Skill | None = None,
    level: int | None = None,
    score: int | None = None,
    passed: bool | None = None,
    note: str = "",
) -> PersonnelEvent:
    """Record a training: on an SOP (a training record, assessed or not) and/or a skill
    (the employee's assessed level of it, as of that day)."""
    org = employee.org
    common.require_same_org(org, procedure=procedure, skill=skill)
    _require_present(employee, on)
    errors = {}
    if procedure is None and skill is None:
        errors["procedure"] = _("Name the SOP trained, the skill, or both.")
    if skill is not None and level is None:
        errors["level"] = _("Give the level reached in the skill (1–5).")
    if level is not None and not 1 <= level <= 5:
        errors["level"] = _("A level is 1 to 5.")
    if score is not None and not 0 <= score <= 100:
        errors["score"] = _("A score is 0 to 100.")
    if procedure is not None and procedure.status == ProcedureStatus.RETIRED:
        errors["procedure"] = _("This SOP is retired.")
    if (score is not None or passed is not None) and procedure is None:
        errors["score"] = _("A score or a result belongs to an SOP's assessment: name the SOP.")
    if errors:
        raise ValidationError(errors)
    current = primary_assignment(employee, on)
    if procedure is not None:
        common.create(
            TrainingRecord(
                org=org,
                key=common.free_key(TrainingRecord, org, f"TR-{procedure.key}-{employee.key}"),
                employee=employee,
                procedure=procedure,
                date=on,
                score=score,
                passed=passed,
            ),
            actor=actor,
        )
    if skill is not None:
        held = EmployeeSkill.objects.filter(employee=employee, skill=skill).first()
        if held is None:
            common.create(
                EmployeeSkill(
                    org=org,
                    key=common.next_child_key(EmployeeSkill, org, employee.key),
                    employee=employee,
                    skill=skill,
                    level=level,
                    assessed_on=on,
                    order=_next_order(EmployeeSkill.objects.filter(employee=employee)),
                ),
                actor=actor,
            )
        else:
            before = common.saved_state(held, ["level", "assessed_on"])
            held.level, held.assessed_on = level, on
            common.update(held, actor=actor, before=before)
    if not note.strip() and skill is not None:
        note = _("%(skill)s: level %(level)s.") % {"skill": skill.name, "level": level}
    return _event(
        employee,
        EventKind.TRAINING,
        on,
        actor,
        position=current.position if current else None,
        procedure=procedure,
        note=note.strip(),
    )


@transaction.atomic
def employee_sign_confidentiality(
    *,
    employee: Employee,
    on: dt.date,
    actor: User | None,
    expires_on: dt.date | None = None,
    note: str = "",
) -> PersonnelEvent:
    """Record a signed (or renewed) confidentiality agreement and when it must be renewed."""
    _require_present(employee, on)
    if expires_on is not None and expires_on <= on:
        raise ValidationError({"expires_on": _("The renewal date must come after the signing.")})
    current = primary_assignment(employee, on)
    return _event(
        employee,
        EventKind.CONFIDENTIALITY,
        on,
        actor,
        position=current.position if current else None,
        expires_on=expires_on,
        note=note.strip(),
    )


@transaction.atomic
def employee_leave(
    *,
    employee: Employee,
    last_day: dt.date,
    actor: User | None,
    kind: str = EventKind.RESIGNATION,
    on: dt.date | None = None,
    note: str = "",
    due_on: dt.date | None = None,
) -> tuple[PersonnelEvent, list[Handover]]:
    """A resignation or termination: every assignment ends on ``last_day``, the employee's
    status becomes *left* with that leaving date, the event is recorded (dated ``on``, the
    day it was given, by default today), and a handover is generated for every position
    they hold on their last day (or the unfinished one already started is kept)."""
    if kind not in LEAVING:
        raise ValidationError({"kind": _("Choose resignation or termination.")})
    on = on or timezone.localdate()
    if employee.status == EmployeeStatus.LEFT:
        raise ValidationError(_("%(name)s has left already.") % {"name": employee.name})
    errors = {}
    if employee.hired_on and last_day < employee.hired_on:
        errors["last_day"] = _("The last day comes before the hiring date (%(date)s).") % {
            "date": _fmt(employee.hired_on)
        }
    if last_day < on - dt.timedelta(days=366):
        errors["last_day"] = _("The last day is more than a year before the event.")
    later = Assignment.objects.filter(employee=employee, start__gt=last_day)
    if later.exists():
        errors["last_day"] = _(
            "%(name)s has an assignment starting after the last day; remove it first."
        ) % {"name": employee.name}
    if errors:
        raise ValidationError(errors)
    held = list(_active(employee, last_day))
    handovers = []
    for i, a in enumerate(held):
        if started := _open_handover(employee, a):
            handovers.append(started)
            continue
        made = handover_generate(
            employee=employee,
            position=a.position,
            reason=EventKind(kind),
            last_day=last_day,
            due_on=due_on or last_day,
            actor=actor,
            assigned=i == 0,  # work assigned by name goes with the main post
            skip_empty=True,
        )
        if made is not None:
            handovers.append(made)
    for a in Assignment.objects.filter(employee=employee).filter(
        Q(end__isnull=True) | Q(end__gt=last_day)
    ):
        _end(a, last_day, actor)
    current = held[0].position if held else None
    event = _event(employee, EventKind(kind), on, actor, position=current, note=note.strip())
    employee_update(employee=employee, actor=actor, status=EmployeeStatus.LEFT, left_on=last_day)
    return event, handovers


@transaction.atomic
def event_delete(*, event: PersonnelEvent, actor: User | None) -> None:
    """Remove a recorded event (a mistake); the assignments it changed stay as they are."""
    common.delete(event, actor=actor)


# --- openings and candidates ------------------------------------------------------------------


def _check_opening(opening: Opening) -> None:
    if opening.needed_by and opening.needed_by < opening.opened_on:
        raise ValidationError({"needed_by": _("The date needed comes before the opening.")})
    if opening.status == OpeningStatus.FILLED and opening.hired_id is None:
        raise ValidationError(
            {"status": _("An opening is filled by hiring one of its candidates.")}
        )


@transaction.atomic
def opening_create(
    *,
    org: Organization,
    actor: User | None,
    position: Position,
    opened_on: dt.date,
    needed_by: dt.date | None = None,
    status: str = OpeningStatus.OPEN,
    key: str = "",
) -> Opening:
    """Open recruitment for a position."""
    common.require_same_org(org, position=position)
    _require_open_position(position, "position")
    opening = Opening(
        org=org,
        key=key.strip() or common.free_key(Opening, org, f"OPEN-{position.key}-{opened_on.year}"),
        position=position,
        opened_on=opened_on,
        needed_by=needed_by,
        status=status,
    )
    _check_opening(opening)
    return common.create(opening, actor=actor)


@transaction.atomic
def opening_update(*, opening: Opening, actor: User | None, **fields) -> Opening:
    common.require_same_org(opening.org, position=fields.get("position"))
    before = common.saved_state(opening, OPENING_FIELDS)
    _set_fields(opening, OPENING_FIELDS, fields, "opening_update")
    _check_opening(opening)
    return common.update(opening, actor=actor, before=before)


@transaction.atomic
def opening_delete(*, opening: Opening, actor: User | None) -> None:
    common.delete(opening, actor=actor)


@transaction.atomic
def candidate_create(
    *,
    opening: Opening,
    actor: User | None,
    name: str,
    email: str = "",
    stage: str = CandidateStage.APPLIED,
    note: str = "",
) -> Candidate:
    if stage == CandidateStage.HIRED:
        raise ValidationError({"stage": _("Hire a candidate with the hire form.")})
    org = opening.org
    return common.create(
        Candidate(
            org=org,
            key=common.next_child_key(Candidate, org, opening.key),
            opening=opening,
            name=name.strip(),
            email=email.strip(),
            stage=stage,
            note=note.strip(),
            order=_next_order(Candidate.objects.filter(opening=opening)),
        ),
        actor=actor,
    )


@transaction.atomic
def candidate_update(*, candidate: Candidate, actor: User | None, **fields) -> Candidate:
    """Change a candidate (their stage, say). *Hired* is set only by a hire."""
    stage = fields.get("stage", candidate.stage)
    if stage != candidate.stage and CandidateStage.HIRED in (stage, candidate.stage):
        message = (
            _("This candidate was hired; the stage stays.")
            if candidate.stage == CandidateStage.HIRED
            else _("Hire a candidate with the hire form.")
        )
        raise ValidationError({"stage": message})
    before = common.saved_state(candidate, CANDIDATE_FIELDS)
    _set_fields(candidate, CANDIDATE_FIELDS, fields, "candidate_update")
    return common.update(candidate, actor=actor, before=before)


@transaction.atomic
def candidate_delete(*, candidate: Candidate, actor: User | None) -> None:
    if candidate.stage == CandidateStage.HIRED:
        raise ValidationError(_("A hired candidate stays on the opening's record."))
    common.delete(candidate, actor=actor)


# --- handovers ------------------------------------------------------------------------------


def _handover_scope(employee: Employee, position: Position, on: dt.date) -> dict[str, Q]:
    """The snapshot scope holding everything the handover of ``position`` names."""
    holders = (
        Assignment.objects.filter(position=position, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .values("employee_id")
    )
    owned = Q(owner=position)
    return {
        "position": Q(pk=position.pk),
        "employee": Q(pk__in=holders) | Q(pk=employee.pk),
        "objective": owned,
        "relation": owned,
        "resource": owned,
        "control": owned,
        "procedure": owned,
        "plan_item": owned | Q(assignee=employee),
        "problem": owned,
        "acquisition": owned,
        "resource_need": Q(pk__in=Acquisition.objects.filter(owner=position).values("need_id")),
        **SKIP_CHILDREN,
    }


@transaction.atomic
def handover_generate(
    *,
    employee: Employee,
    position: Position,
    reason: EventKind,
    last_day: dt.date,
    actor: User | None,
    due_on: dt.date | None = None,
    assigned: bool = True,
    created_on: dt.date | None = None,
    key: str = "",
    skip_empty: bool = False,
) -> Handover | None:
    """Generate the handover of ``position`` by ``employee`` from what the graph says the
    position owns (see :func:`remit.analysis.handover.generate`) and save it; with
    ``skip_empty``, nothing is saved (None) when there is nothing to hand over."""
    org = employee.org
    common.require_same_org(org, position=position)
    if Handover.objects.filter(employee=employee, position=position, items__done=False).exists():
        raise ValidationError(
            _("An unfinished handover of “%(title)s” by %(name)s exists already.")
            % {"title": position.title, "name": employee.name}
        )
    key = key.strip() or common.free_key(Handover, org, f"HO-{employee.key}")
    common.require_key_free(Handover, org, key)
    snap = snapshot.load(org, scope=_handover_scope(employee, position, last_day))
    draft = handover_analysis.generate(
        snap,
        employee=employee.key,
        position=position.key,
        on=last_day,
        key=key,
        reason=reason,
        created_on=created_on or timezone.localdate(),
        due_on=due_on,
        assigned=assigned,
    )
    if skip_empty and not draft.items:
        return None  # the position owned nothing to hand over (another holder stays)
    row = common.create(
        Handover(
            org=org,
            key=key,
            employee=employee,
            position=position,
            reason=reason,
            created_on=draft.created_on,
            due_on=due_on,
        ),
        actor=actor,
    )
    successors = dict(
        Employee.objects.filter(
            org=org, key__in={i.successor for i in draft.items if i.successor}
        ).values_list("key", "pk")
    )
    items = [
        HandoverItem(
            org=org,
            key=i.key,
            handover=row,
            kind=i.kind,
            ref=i.ref,
            description=i.description,
            successor_id=successors.get(i.successor),
            order=n,
        )
        for n, i in enumerate(draft.items)
    ]
    HandoverItem.objects.bulk_create(items)
    audit.record_many(
        audit.event(
            org=org,
            actor=actor,
            action=AuditAction.CREATE,
            instance=item,
            after=audit.state(item),
        )
        for item in items
    )
    return row


@transaction.atomic
def handover_update(*, handover: Handover, actor: User | None, due_on: dt.date | None) -> Handover:
    before = common.saved_state(handover, ["due_on"])
    handover.due_on = due_on
    return common.update(handover, actor=actor, before=before)


@transaction.atomic
def handover_delete(*, handover: Handover, actor: User | None) -> None:
    common.delete(handover, actor=actor)


def _check_successor(handover: Handover, successor: Employee | None) -> None:
    common.require_same_org(handover.org, successor=successor)
    if successor is None:
        return
    leaving = handover.reason in LEAVING
    if leaving and successor.pk == handover.employee_id:
        raise ValidationError({"successor": _("The leaver cannot take over their own work.")})
    if successor.status == EmployeeStatus.LEFT:
        raise ValidationError(
            {"successor": _("%(name)s has left the company.") % {"name": successor.name}}
        )


@transaction.atomic
def handover_item_update(*, item: HandoverItem, actor: User | None, **fields) -> HandoverItem:
    """Give an item its successor and/or mark it done (only with a successor)."""
    unknown = set(fields) - {"successor", "done", "description"}
    if unknown:
        raise TypeError(f"handover_item_update() got unknown fields {sorted(unknown)}")
    if "successor" in fields:
        _check_successor(item.handover, fields["successor"])
    before = common.saved_state(item, ["successor", "done", "description"])
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    if item.done and item.successor_id is None:
        raise ValidationError({"done": _("Name who takes it over before marking it done.")})
    return common.update(item, actor=actor, before=before)


@transaction.atomic
def handover_item_create(
    *,
    handover: Handover,
    actor: User | None,
    description: str,
    kind: str = HandoverItemKind.OTHER,
    ref: str = "",
    successor: Employee | None = None,
) -> HandoverItem:
    """Add an item the graph does not know (keys, passwords, a customer's quirks …)."""
    _check_successor(handover, successor)
    org = handover.org
    key = common.next_child_key(HandoverItem, org, handover.key)
    return common.create(
        HandoverItem(
            org=org,
            key=key,
            handover=handover,
            kind=kind,
            ref=ref.strip() or key,
            description=description.strip(),
            successor=successor,
            order=_next_order(HandoverItem.objects.filter(handover=handover)),
        ),
        actor=actor,
    )


@transaction.atomic
def handover_item_delete(*, item: HandoverItem, actor: User | None) -> None:
    common.delete(item, actor=actor)


@transaction.atomic
def handover_assign(*, handover: Handover, successor: Employee, actor: User | None) -> int:
    """Give every open item without a successor to ``successor``; how many were given."""
    _check_successor(handover, successor)
    items = list(handover.items.filter(done=False, successor__isnull=True))
    for item in items:
        item.successor = successor
    HandoverItem.objects.bulk_update(items, ["successor"])
    audit.record_many(
        audit.event(
            org=handover.org,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=item,
            before={"successor": None},
            after={"successor": successor.pk},
        )
        for item in items
    )
    return len(items)
