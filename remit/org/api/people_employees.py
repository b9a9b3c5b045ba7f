"""API operations for employees and their lifecycle (A7): employees, assignments, the
lifecycle events, recruitment openings and candidates, handovers, and "my job".

Personal data (e-mail, phone, dates, assignments' dates, events, candidates) is returned
only to roles that may read it, and to the employee themselves; otherwise those fields
are null (lists of it answer 403). Lifecycle events are written only through the
lifecycle operations, each of which changes the assignments it implies in one go.
"""

import datetime as dt
from typing import Literal

from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import ValidationError as Unprocessable
from ninja.pagination import PageNumberPagination, paginate

from remit.analysis import handover as handover_analysis
from remit.domain.people import (
    CandidateStage,
    EmployeeStatus,
    EventKind,
    HandoverItemKind,
    OpeningStatus,
)

from ..actions import people_employees as actions
from ..models import (
    Assignment,
    Candidate,
    Employee,
    Handover,
    Opening,
    Position,
    Procedure,
    Skill,
)
from ..queries import people_employees as queries
from . import PAGE_SIZE, OrgSlug, forbidden, membership, perform, require_edit, rows_by_key

router = Router(tags=["people_employees"])


def _personal(context, employee: Employee) -> bool:
    m = context["request"].membership
    return queries.can_read_personal(m, employee)


# --- schemas ---------------------------------------------------------------------------------


class EmployeeOut(Schema):
    key: str
    name: str
    status: EmployeeStatus
    positions: list[str] = Field(
        description="The keys of the positions held today, the primary one first."
    )
    email: str | None = Field(None, description="Personal data: null unless you may read it.")
    phone: str | None = Field(None, description="Personal data: null unless you may read it.")
    user_email: str | None = Field(
        None, description="The employee's Remit login (personal data): links them to “my job”."
    )
    hired_on: dt.date | None = Field(None, description="Personal data.")
    left_on: dt.date | None = Field(None, description="Personal data.")

    @staticmethod
    def resolve_positions(obj: Employee) -> list[str]:
        current = getattr(obj, "current", None)
        if current is None:
            current = list(queries._active(obj.assignments.all(), queries.today()))
        ordered = sorted(current, key=lambda a: (not a.primary, a.start))
        return [a.position.key for a in ordered]

    @staticmethod
    def resolve_email(obj: Employee, context) -> str | None:
        return obj.email if _personal(context, obj) else None

    @staticmethod
    def resolve_phone(obj: Employee, context) -> str | None:
        return obj.phone if _personal(context, obj) else None

    @staticmethod
    def resolve_user_email(obj: Employee, context) -> str | None:
        return obj.user_email if _personal(context, obj) else None

    @staticmethod
    def resolve_hired_on(obj: Employee, context) -> dt.date | None:
        return obj.hired_on if _personal(context, obj) else None

    @staticmethod
    def resolve_left_on(obj: Employee, context) -> dt.date | None:
        return obj.left_on if _personal(context, obj) else None


class EmployeeIn(Schema):
    name: str
    key: str = Field("", description="Left empty, the next employee number (E060 after E059).")
    email: str = ""
    phone: str = ""
    user_email: str = Field("", description="The e-mail the employee logs in to Remit with.")
    hired_on: dt.date | None = None
    left_on: dt.date | None = None
    status: EmployeeStatus = EmployeeStatus.ACTIVE


class EmployeePatch(Schema):
    key: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    user_email: str | None = None
    hired_on: dt.date | None = None
    left_on: dt.date | None = None
    status: EmployeeStatus | None = None


class HireIn(Schema):
    on: dt.date = Field(description="The first working day: the assignment starts then.")
    position: str | None = Field(
        None, description="The position's key (from an opening: the opening's position)."
    )
    name: str = Field("", description="Required unless a candidate is hired (their name).")
    key: str = ""
    email: str = ""
    phone: str = ""
    user_email: str = ""
    opening: str | None = Field(None, description="The key of the opening filled, if any.")
    candidate: str | None = Field(
        None, description="The key of the opening's candidate who is hired (needs `opening`)."
    )
    note: str = ""


class AssignmentOut(Schema):
    key: str
    position: str = Field(description="The position's key.")
    start: dt.date
    end: dt.date | None = None
    primary: bool = Field(description="False: acting in the position beside the main one.")

    @staticmethod
    def resolve_position(obj: Assignment) -> str:
        return obj.position.key


class AssignmentIn(Schema):
    position: str = Field(description="The position's key.")
    start: dt.date
    end: dt.date | None = None
    primary: bool = True


class AssignmentPatch(Schema):
    position: str | None = None
    start: dt.date | None = None
    end: dt.date | None = Field(None, description="Null: it lasts.")
    primary: bool | None = None


class EventOut(Schema):
    key: str
    kind: EventKind
    date: dt.date
    position: str | None = Field(None, description="The position concerned (moved from).")
    to_position: str | None = Field(None, description="The new position (promotion, rotation).")
    expires_on: dt.date | None = Field(None, description="A confidentiality agreement's renewal.")
    procedure: str | None = Field(None, description="Training: the key of the SOP trained.")
    note: str

    @staticmethod
    def resolve_position(obj) -> str | None:
        return obj.position.key if obj.position_id else None

    @staticmethod
    def resolve_to_position(obj) -> str | None:
        return obj.to_position.key if obj.to_position_id else None

    @staticmethod
    def resolve_procedure(obj) -> str | None:
        return obj.procedure.key if obj.procedure_id else None


class MoveIn(Schema):
    to_position: str = Field(description="The new position's key.")
    on: dt.date = Field(
        description="The first day in the new position; the old ends the day before."
    )
    note: str = ""
    handover: bool = Field(True, description="Generate the old position's handover.")
    due_on: dt.date | None = Field(None, description="The handover's due date (default: `on`).")


class TrainingIn(Schema):
    on: dt.date
    procedure: str | None = Field(None, description="The key of the SOP trained.")
    skill: str | None = Field(None, description="The key of the skill trained.")
    level: int | None = Field(None, description="The level reached in the skill, 1–5.")
    score: int | None = Field(None, description="The SOP assessment's score, 0–100.")
    passed: bool | None = Field(None, description="The SOP assessment's result; null: not yet.")
    note: str = ""


class ConfidentialityIn(Schema):
    on: dt.date = Field(description="When it was signed.")
    expires_on: dt.date | None = Field(None, description="When it must be renewed.")
    note: str = ""


class LeaveIn(Schema):
    kind: Literal["resignation", "termination"] = "resignation"
    last_day: dt.date = Field(description="Every assignment ends on this day.")
    on: dt.date | None = Field(None, description="The day it was given (default: today).")
    note: str = ""
    due_on: dt.date | None = Field(None, description="The handovers' due date (default: last day).")


class LeaveOut(Schema):
    event: EventOut
    handovers: list[str] = Field(description="The keys of the handovers generated.")


class CandidateOut(Schema):
    key: str
    name: str
    stage: CandidateStage
    email: str
    note: str


class CandidateIn(Schema):
    name: str
    email: str = ""
    stage: CandidateStage = CandidateStage.APPLIED
    note: str = ""


class CandidatePatch(Schema):
    name: str | None = None
    email: str | None = None
    stage: CandidateStage | None = Field(None, description="“hired” is set only by a hire.")
    note: str | None = None


class OpeningOut(Schema):
    key: str
    position: str
    opened_on: dt.date
    needed_by: dt.date | None = None
    status: OpeningStatus
    hired: str | None = Field(None, description="The key of the employee hired.")
    candidates: list[CandidateOut] | None = Field(
        None, description="Personal data: null unless you may read it."
    )

    @staticmethod
    def resolve_position(obj: Opening) -> str:
        return obj.position.key

    @staticmethod
    def resolve_hired(obj: Opening) -> str | None:
        return obj.hired.key if obj.hired_id else None

    @staticmethod
    def resolve_candidates(obj: Opening, context) -> list | None:
        m = context["request"].membership
        if not queries.can_read_personal(m):
            return None
        return list(obj.candidates.all())


class OpeningIn(Schema):
    position: str = Field(description="The position's key.")
    opened_on: dt.date
    needed_by: dt.date | None = None
    key: str = Field("", description="Left empty: OPEN-<position>-<year>.")


class OpeningPatch(Schema):
    key: str | None = None
    position: str | None = None
    opened_on: dt.date | None = None
    needed_by: dt.date | None = None
    status: OpeningStatus | None = Field(None, description="“filled” is set only by a hire.")


class ItemOut(Schema):
    key: str
    kind: HandoverItemKind
    ref: str = Field(description="The key of what is handed over.")
    description: str
    successor: str | None = Field(None, description="The key of the employee who takes it over.")
    done: bool

    @staticmethod
    def resolve_successor(obj) -> str | None:
        return obj.successor.key if obj.successor_id else None


class HandoverSummary(Schema):
    key: str
    employee: str
    position: str
    reason: EventKind
    created_on: dt.date
    due_on: dt.date | None = None
    total: int = Field(description="How many items.")
    done: int = Field(description="How many are handed over.")
    without_successor: int = Field(description="Open items no one takes over yet.")
    complete: bool = Field(description="Every item is handed over.")

    @staticmethod
    def resolve_employee(obj: Handover) -> str:
        return obj.employee.key

    @staticmethod
    def resolve_position(obj: Handover) -> str:
        return obj.position.key

    @staticmethod
    def resolve_total(obj: Handover) -> int:
        return obj.n_items

    @staticmethod
    def resolve_done(obj: Handover) -> int:
        return obj.n_done

    @staticmethod
    def resolve_without_successor(obj: Handover) -> int:
        return obj.n_unassigned

    @staticmethod
    def resolve_complete(obj: Handover) -> bool:
        return obj.n_items > 0 and obj.n_done == obj.n_items


class HandoverOut(HandoverSummary):
    items: list[ItemOut]
    at_risk: list[str] = Field(
        description="Keys of the open items at risk: without a successor, or all once late."
    )

    @staticmethod
    def resolve_items(obj: Handover) -> list:
        return obj.item_rows

    @staticmethod
    def resolve_at_risk(obj: Handover) -> list[str]:
        return obj.risky


class HandoverIn(Schema):
    employee: str = Field(description="The key of the employee handing over.")
    position: str = Field(description="The key of the position handed over.")
    reason: EventKind = EventKind.ROTATION
    last_day: dt.date = Field(description="The employee's last day in the position.")
    due_on: dt.date | None = None


class HandoverPatch(Schema):
    due_on: dt.date | None = None


class ItemIn(Schema):
    description: str
    kind: HandoverItemKind = HandoverItemKind.OTHER
    ref: str = Field("", description="What it is about, by key (default: the item's key).")
    successor: str | None = Field(None, description="An employee's key.")


class ItemPatch(Schema):
    successor: str | None = Field(None, description="An employee's key; null: no one yet.")
    done: bool | None = Field(None, description="Handed over (needs a successor).")
    description: str | None = None


class OwnedOut(Schema):
    kind: str = Field(description="objective, plan_item, resource, relation, control …")
    keys: list[str]


class JobOut(Schema):
    position: str
    title: str
    primary: bool
    since: dt.date
    purpose: str = Field(description="The position's purpose in one sentence.")
    responsibilities: list[str] = Field(description="The statements of its responsibilities.")
    owned: list[OwnedOut] = Field(description="What the position is accountable for, by kind.")


class MyJobOut(Schema):
    employee: str | None = Field(None, description="Your employee record's key (null: none).")
    positions: list[JobOut]
    assigned: list[str] = Field(description="Open plan items assigned to you by name elsewhere.")
    taking_over: list[str] = Field(description="Handover items handed to you, still open.")
    handovers: list[str] = Field(description="The keys of your own handovers.")


# --- helpers ------------------------------------------------------------------------------------


def _current():
    today = queries.today()
    return Prefetch(
        "assignments",
        queryset=queries._active(Assignment.objects.select_related("position"), today),
        to_attr="current",
    )


def _employee(m, key: str) -> Employee:
    return queries._one(Employee.objects.filter(org=m.org, key=key).prefetch_related(_current()))


def _managed(m, key: str) -> Employee:
    e = _employee(m, key)
    if not queries.can_manage_employee(m, e):
        forbidden(_("Your role does not allow changing “%(key)s”.") % {"key": key})
    return e


def _personal_only(m, e: Employee) -> None:
    if not queries.can_read_personal(m, e):
        forbidden(_("Only roles that may read personal data see this."))


def _in_scope(m, position: Position | None) -> None:
    if position is not None and not queries.can_manage_position(m, position):
        forbidden(_("Managers act only in their own departments."))


def _reload(e: Employee) -> Employee:
    return Employee.objects.prefetch_related(_current()).get(pk=e.pk)


def _event(event):
    return (
        type(event).objects.select_related("position", "to_position", "procedure").get(pk=event.pk)
    )


def _handover(m, key: str) -> Handover:
    return queries.get_handover(m, key)


def _handover_out(h: Handover) -> Handover:
    """The handover with its counts, items and the keys of the items at risk."""
    h = queries._with_counts(Handover.objects.filter(pk=h.pk)).get()
    h.item_rows = list(h.items.select_related("successor").order_by("order", "id"))
    state = handover_analysis.progress(queries._domain(h, h.item_rows), queries.today())
    h.risky = [i.key for i in state.at_risk]
    return h


def _managed_handover(m, key: str) -> Handover:
    h = _handover(m, key)
    if not queries.can_manage_handover(m, h):
        forbidden()
    return h


# --- employees -----------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/employees",
    response=list[EmployeeOut],
    summary="List employees",
    description=(
        "Employees by name, with the positions they hold today. Filter by `q` (name or key), "
        "`status` (default: everyone but those who left; `all` for everyone) and `position` "
        "(a position's key, held today)."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def employee_list(
    request: HttpRequest, org_slug: OrgSlug, q: str = "", status: str = "", position: str = ""
):
    """Employees, filtered."""
    m = membership(request, org_slug)
    qs = Employee.objects.filter(org=m.org)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(key__icontains=q))
    if status == "all":
        pass
    elif status:
        qs = qs.filter(status=status)
    else:
        qs = qs.exclude(status=EmployeeStatus.LEFT)
    if position:
        held = queries._active(Assignment.objects.filter(position__key=position), queries.today())
        qs = qs.filter(pk__in=held.values("employee_id"))
    return qs.prefetch_related(_current()).order_by("name", "key")


@router.post(
    "/o/{org_slug}/employees",
    response={201: EmployeeOut},
    summary="Create an employee record",
    description=(
        "A record without a position (owners and admins): to hire someone into a position, "
        "use “Hire”, which also assigns the position and records the event."
    ),
)
def employee_create(request: HttpRequest, org_slug: OrgSlug, payload: EmployeeIn):
    """Create an employee record."""
    m = membership(request, org_slug)
    require_edit(m)
    e = perform(actions.employee_create, org=m.org, actor=request.user, **payload.model_dump())
    return _reload(e)


@router.post(
    "/o/{org_slug}/employees/hire",
    response={201: EmployeeOut},
    summary="Hire",
    description=(
        "Creates the employee, assigns the position from `on` and records the hire. From an "
        "opening (`opening`, and `candidate`): the candidate is marked hired and the opening "
        "filled. Managers hire only into positions of their own departments."
    ),
)
def employee_hire(request: HttpRequest, org_slug: OrgSlug, payload: HireIn):
    """Hire someone into a position."""
    m = membership(request, org_slug)
    if not queries.can_hire(m):
        forbidden()
    data = rows_by_key(m.org, payload.model_dump(), position=Position, opening=Opening)
    candidate = None
    if data["candidate"]:
        if data["opening"] is None:
            raise Unprocessable(
                [{"field": "opening", "message": _("Name the candidate's opening.")}]
            )
        candidate = data["opening"].candidates.filter(key=data["candidate"]).first()
        if candidate is None:
            raise Unprocessable(
                [{"field": "candidate", "message": _("The opening has no such candidate.")}]
            )
    data["candidate"] = candidate
    target = data["position"] or (data["opening"].position if data["opening"] else None)
    _in_scope(m, target)
    e = perform(actions.employee_hire, org=m.org, actor=request.user, **data)
    return _reload(e)


@router.get("/o/{org_slug}/employees/{key}", response=EmployeeOut, summary="Get an employee")
def employee_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One employee."""
    return _employee(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/employees/{key}",
    response=EmployeeOut,
    summary="Update an employee record",
    description="Change only the fields you send. Positions change through the lifecycle.",
)
def employee_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: EmployeePatch):
    """Update an employee's record."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    perform(
        actions.employee_update,
        employee=e,
        actor=request.user,
        **payload.model_dump(exclude_unset=True),
    )
    return _reload(e)


@router.delete(
    "/o/{org_slug}/employees/{key}",
    response={204: None},
    summary="Delete an employee record",
    description="For records made by mistake (owners and admins): assignments, events and handovers go too.",
)
def employee_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete an employee record."""
    m = membership(request, org_slug)
    e = _employee(m, key)
    require_edit(m)
    perform(actions.employee_delete, employee=e, actor=request.user)
    return None


# --- assignments -------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/employees/{key}/assignments",
    response=list[AssignmentOut],
    summary="List an employee's assignments",
    description="Every assignment over time (personal data: 403 unless you may read it).",
)
def assignment_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    """An employee's assignments, oldest first."""
    m = membership(request, org_slug)
    e = _employee(m, key)
    _personal_only(m, e)
    return e.assignments.select_related("position").order_by("start", "id")


@router.post(
    "/o/{org_slug}/employees/{key}/assignments",
    response={201: AssignmentOut},
    summary="Add an assignment",
    description=(
        "Put the employee in a position from a day — an acting position (`primary: false`) or a "
        "correction. Two primary assignments may not overlap. Prefer the lifecycle operations."
    ),
)
def assignment_create(request: HttpRequest, org_slug: OrgSlug, key: str, payload: AssignmentIn):
    """Add an assignment."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    data = rows_by_key(m.org, payload.model_dump(), position=Position)
    _in_scope(m, data["position"])
    return perform(actions.assignment_create, employee=e, actor=request.user, **data)


def _assignment(e: Employee, assignment_key: str) -> Assignment:
    return queries.get_assignment(e, assignment_key)


@router.patch(
    "/o/{org_slug}/employees/{key}/assignments/{assignment_key}",
    response=AssignmentOut,
    summary="Update an assignment",
)
def assignment_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, assignment_key: str, payload: AssignmentPatch
):
    """Change an assignment's position, dates or kind."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    row = _assignment(e, assignment_key)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), position=Position)
    _in_scope(m, data.get("position"))
    return perform(actions.assignment_update, assignment=row, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/employees/{key}/assignments/{assignment_key}",
    response={204: None},
    summary="Delete an assignment",
)
def assignment_delete(request: HttpRequest, org_slug: OrgSlug, key: str, assignment_key: str):
    """Delete an assignment."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    perform(
        actions.assignment_delete, assignment=_assignment(e, assignment_key), actor=request.user
    )
    return None


# --- lifecycle events --------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/employees/{key}/events",
    response=list[EventOut],
    summary="List an employee's lifecycle events",
    description="Newest first (personal data: 403 unless you may read it).",
)
def event_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    """An employee's events."""
    m = membership(request, org_slug)
    e = _employee(m, key)
    _personal_only(m, e)
    return e.events.select_related("position", "to_position", "procedure").order_by(
        "-date", "-order", "-id"
    )


def _move(action, request, org_slug: str, key: str, payload: MoveIn):
    m = membership(request, org_slug)
    e = _managed(m, key)
    data = rows_by_key(m.org, payload.model_dump(), to_position=Position)
    _in_scope(m, data["to_position"])
    return _event(perform(action, employee=e, actor=request.user, **data))


@router.post(
    "/o/{org_slug}/employees/{key}/promote",
    response={201: EventOut},
    summary="Promote",
    description=(
        "The primary assignment ends the day before `on`; the new position starts on `on`; "
        "the old position's handover is generated (unless `handover` is false)."
    ),
)
def employee_promote(request: HttpRequest, org_slug: OrgSlug, key: str, payload: MoveIn):
    """Record a promotion."""
    return _move(actions.employee_promote, request, org_slug, key, payload)


@router.post(
    "/o/{org_slug}/employees/{key}/rotate",
    response={201: EventOut},
    summary="Rotate or transfer",
    description="As a promotion, recorded as a rotation (a move at the same level or across).",
)
def employee_rotate(request: HttpRequest, org_slug: OrgSlug, key: str, payload: MoveIn):
    """Record a rotation or transfer."""
    return _move(actions.employee_rotate, request, org_slug, key, payload)


@router.post(
    "/o/{org_slug}/employees/{key}/training",
    response={201: EventOut},
    summary="Record a training",
    description=(
        "On an SOP (`procedure`: a training record, with `score` and `passed` if assessed) "
        "and/or in a skill (`skill` and the `level` reached become the assessed level)."
    ),
)
def employee_train(request: HttpRequest, org_slug: OrgSlug, key: str, payload: TrainingIn):
    """Record a training."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    data = rows_by_key(m.org, payload.model_dump(), procedure=Procedure, skill=Skill)
    return _event(perform(actions.employee_train, employee=e, actor=request.user, **data))


@router.post(
    "/o/{org_slug}/employees/{key}/confidentiality",
    response={201: EventOut},
    summary="Record a confidentiality agreement",
    description="A signed or renewed agreement, with the day it must be renewed.",
)
def employee_confidentiality(
    request: HttpRequest, org_slug: OrgSlug, key: str, payload: ConfidentialityIn
):
    """Record a confidentiality agreement."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    event = perform(
        actions.employee_sign_confidentiality,
        employee=e,
        actor=request.user,
        **payload.model_dump(),
    )
    return _event(event)


@router.post(
    "/o/{org_slug}/employees/{key}/leave",
    response={201: LeaveOut},
    summary="Record a resignation or termination",
    description=(
        "Every assignment ends on `last_day`, the employee's status becomes `left`, and a "
        "handover is generated for each position held on the last day."
    ),
)
def employee_leave(request: HttpRequest, org_slug: OrgSlug, key: str, payload: LeaveIn):
    """Record that an employee leaves."""
    m = membership(request, org_slug)
    e = _managed(m, key)
    event, handovers = perform(
        actions.employee_leave, employee=e, actor=request.user, **payload.model_dump()
    )
    return {"event": _event(event), "handovers": [h.key for h in handovers]}


# --- openings and candidates ------------------------------------------------------------------


def _opening(m, key: str) -> Opening:
    return queries.get_opening(m, key)


def _editable_opening(m, key: str) -> Opening:
    opening = _opening(m, key)
    _in_scope(m, opening.position)
    if not queries.can_hire(m):
        forbidden()
    return opening


@router.get(
    "/o/{org_slug}/openings",
    response=list[OpeningOut],
    summary="List recruitment openings",
    description="Filter by `status`. Candidates are personal data (null unless you may read it).",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def opening_list(request: HttpRequest, org_slug: OrgSlug, status: OpeningStatus | None = None):
    """Openings, by key."""
    m = membership(request, org_slug)
    qs = Opening.objects.filter(org=m.org).select_related("position", "hired")
    if status:
        qs = qs.filter(status=status)
    return qs.prefetch_related(
        Prefetch("candidates", queryset=Candidate.objects.order_by("order", "id"))
    ).order_by("key")


@router.post(
    "/o/{org_slug}/openings",
    response={201: OpeningOut},
    summary="Open recruitment for a position",
)
def opening_create(request: HttpRequest, org_slug: OrgSlug, payload: OpeningIn):
    """Create an opening."""
    m = membership(request, org_slug)
    if not queries.can_hire(m):
        forbidden()
    data = rows_by_key(m.org, payload.model_dump(), position=Position)
    _in_scope(m, data["position"])
    return perform(actions.opening_create, org=m.org, actor=request.user, **data)


@router.get("/o/{org_slug}/openings/{key}", response=OpeningOut, summary="Get an opening")
def opening_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One opening with its candidates."""
    return _opening(membership(request, org_slug), key)


@router.patch("/o/{org_slug}/openings/{key}", response=OpeningOut, summary="Update an opening")
def opening_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: OpeningPatch):
    """Change an opening."""
    m = membership(request, org_slug)
    opening = _editable_opening(m, key)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), position=Position)
    _in_scope(m, data.get("position"))
    return perform(actions.opening_update, opening=opening, actor=request.user, **data)


@router.delete("/o/{org_slug}/openings/{key}", response={204: None}, summary="Delete an opening")
def opening_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete an opening and its candidates."""
    m = membership(request, org_slug)
    perform(actions.opening_delete, opening=_editable_opening(m, key), actor=request.user)
    return None


@router.post(
    "/o/{org_slug}/openings/{key}/candidates",
    response={201: CandidateOut},
    summary="Add a candidate",
)
def candidate_create(request: HttpRequest, org_slug: OrgSlug, key: str, payload: CandidateIn):
    """Add a candidate to an opening."""
    m = membership(request, org_slug)
    opening = _editable_opening(m, key)
    return perform(
        actions.candidate_create, opening=opening, actor=request.user, **payload.model_dump()
    )


@router.patch(
    "/o/{org_slug}/openings/{key}/candidates/{candidate_key}",
    response=CandidateOut,
    summary="Update a candidate",
    description="Move a candidate to another stage; “hired” is set only by a hire.",
)
def candidate_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, candidate_key: str, payload: CandidatePatch
):
    """Change a candidate."""
    m = membership(request, org_slug)
    row = queries.get_candidate(_editable_opening(m, key), candidate_key)
    return perform(
        actions.candidate_update,
        candidate=row,
        actor=request.user,
        **payload.model_dump(exclude_unset=True),
    )


@router.delete(
    "/o/{org_slug}/openings/{key}/candidates/{candidate_key}",
    response={204: None},
    summary="Delete a candidate",
)
def candidate_delete(request: HttpRequest, org_slug: OrgSlug, key: str, candidate_key: str):
    """Delete a candidate (a hired one stays)."""
    m = membership(request, org_slug)
    row = queries.get_candidate(_editable_opening(m, key), candidate_key)
    perform(actions.candidate_delete, candidate=row, actor=request.user)
    return None


# --- handovers ----------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/handovers",
    response=list[HandoverSummary],
    summary="List handovers",
    description="`state`: `open` (unfinished, by due date), `complete`, or everything (default).",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def handover_list(request: HttpRequest, org_slug: OrgSlug, state: str = "all"):
    """Handovers with their progress."""
    m = membership(request, org_slug)
    return queries.handovers_qs(m, state=state)


@router.post(
    "/o/{org_slug}/handovers",
    response={201: HandoverOut},
    summary="Generate a handover",
    description=(
        "The checklist of what `employee` hands over in `position`, generated from what the "
        "position owns (its responsibilities when no one else holds it, relations, resources, "
        "controls, SOPs, open plan items, problems, acquisitions). Resignations, terminations, "
        "promotions and rotations generate theirs themselves."
    ),
)
def handover_create(request: HttpRequest, org_slug: OrgSlug, payload: HandoverIn):
    """Generate a handover."""
    m = membership(request, org_slug)
    data = rows_by_key(m.org, payload.model_dump(), employee=Employee, position=Position)
    if not (
        queries.can_manage_employee(m, data["employee"])
        or queries.can_manage_position(m, data["position"])
    ):
        forbidden()
    h = perform(actions.handover_generate, actor=request.user, **data)
    return _handover_out(h)


@router.get("/o/{org_slug}/handovers/{key}", response=HandoverOut, summary="Get a handover")
def handover_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One handover with its items and what is at risk."""
    return _handover_out(_handover(membership(request, org_slug), key))


@router.patch(
    "/o/{org_slug}/handovers/{key}",
    response=HandoverOut,
    summary="Change a handover's due date",
)
def handover_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: HandoverPatch):
    """Change the due date."""
    m = membership(request, org_slug)
    h = _managed_handover(m, key)
    perform(actions.handover_update, handover=h, actor=request.user, due_on=payload.due_on)
    return _handover_out(h)


@router.delete("/o/{org_slug}/handovers/{key}", response={204: None}, summary="Delete a handover")
def handover_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete a handover and its items."""
    m = membership(request, org_slug)
    perform(actions.handover_delete, handover=_managed_handover(m, key), actor=request.user)
    return None


@router.post(
    "/o/{org_slug}/handovers/{key}/items",
    response={201: ItemOut},
    summary="Add a handover item",
    description="Something the graph does not know: keys, passwords, a customer's habits …",
)
def handover_item_create(request: HttpRequest, org_slug: OrgSlug, key: str, payload: ItemIn):
    """Add an item."""
    m = membership(request, org_slug)
    h = _managed_handover(m, key)
    data = rows_by_key(m.org, payload.model_dump(), successor=Employee)
    return perform(actions.handover_item_create, handover=h, actor=request.user, **data)


@router.patch(
    "/o/{org_slug}/handovers/{key}/items/{item_key}",
    response=ItemOut,
    summary="Update a handover item",
    description=(
        "Give it a successor and mark it done (done needs a successor). The successor "
        "themselves may mark their own items done, and change nothing else."
    ),
)
def handover_item_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, item_key: str, payload: ItemPatch
):
    """Change an item."""
    m = membership(request, org_slug)
    h = _handover(m, key)
    item = queries.get_item(h, item_key)
    fields = payload.model_dump(exclude_unset=True)
    if not queries.can_manage_handover(m, h):
        mine = item.successor_id and queries.is_self(m, item.successor)
        if not mine or set(fields) - {"done"}:
            forbidden()
    data = rows_by_key(m.org, fields, successor=Employee)
    return perform(actions.handover_item_update, item=item, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/handovers/{key}/items/{item_key}",
    response={204: None},
    summary="Delete a handover item",
)
def handover_item_delete(request: HttpRequest, org_slug: OrgSlug, key: str, item_key: str):
    """Delete an item."""
    m = membership(request, org_slug)
    h = _managed_handover(m, key)
    perform(actions.handover_item_delete, item=queries.get_item(h, item_key), actor=request.user)
    return None


# --- my job ---------------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/my-job",
    response=MyJobOut,
    summary="My job",
    description=(
        "The positions of the employee whose Remit login is yours, their purpose and "
        "responsibilities, what each is accountable for, and the handovers you take part in."
    ),
)
def my_job(request: HttpRequest, org_slug: OrgSlug):
    """The caller's job."""
    j = queries.my_job(membership(request, org_slug))
    return {
        "employee": j.employee.key if j.employee else None,
        "positions": [
            {
                "position": job.position.key,
                "title": job.position.title,
                "primary": job.assignment.primary,
                "since": job.assignment.start,
                "purpose": job.position.purpose.sentence,
                "responsibilities": [
                    r.statement for a in job.areas for t in a.targets for r in t.responsibilities
                ],
                "owned": [
                    {"kind": g.kind, "keys": [k for k, _t, _u in g.items]} for g in job.owned
                ],
            }
            for job in j.jobs
        ],
        "assigned": [i.key for i, _url in j.assigned],
        "taking_over": [i.key for i in j.taking_over],
        "handovers": [h.key for h in j.handing_over],
    }
