"""Reads for employees and their lifecycle (A7), with the access rules that guard them.

Personal data (e-mail, phone, dates, the lifecycle events) is shown only to roles that
may read it — owners, admins, managers; members and viewers when the owner opened it —
and to the employee themselves. Every function costs a fixed number of queries,
whatever the organisation's size.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, Grant, can_read_personal_data, grant, has
from remit.analysis import handover as handover_analysis
from remit.domain import Organization as Snapshot
from remit.domain import people as dp
from remit.domain.people import EmployeeStatus, EventKind, HandoverItemKind, PositionStatus

from .. import snapshot
from ..models import (
    Assignment,
    Candidate,
    Employee,
    EmployeeSkill,
    Handover,
    HandoverItem,
    Opening,
    PersonnelEvent,
    Position,
    Responsibility,
    TrainingRecord,
)
from .access import can_edit_position, managed_department_ids

# --- access ----------------------------------------------------------------------------------


def is_self(membership: Membership, employee: Employee) -> bool:
    """Whether the employee record is the member's own (matched by login e-mail)."""
    email = (employee.user_email or "").strip().lower()
    return bool(email) and email == membership.user.email.lower()


def can_read_personal(membership: Membership, employee: Employee | None = None) -> bool:
    """Personal data: by role (or opened by the owner), and one's own record always."""
    if can_read_personal_data(membership):
        return True
    return employee is not None and is_self(membership, employee)


def can_hire(membership: Membership) -> bool:
    """Whether the member may record hires at all (managers: into their own departments)."""
    g = grant(membership, Capability.EDIT)
    return g is Grant.YES or (g is Grant.SCOPED and bool(managed_department_ids(membership)))


def can_manage_employee(membership: Membership, employee: Employee) -> bool:
    """Owners and admins manage everyone; a manager those who hold a position in their
    department subtree today (or, once gone, held one last)."""
    g = grant(membership, Capability.EDIT)
    if g is Grant.YES:
        return True
    if g is not Grant.SCOPED:
        return False
    managed = managed_department_ids(membership)
    if not managed:
        return False
    jobs = Assignment.objects.filter(employee=employee)
    current = list(_active(jobs, today()).values_list("position__department_id", flat=True))
    if not current:
        last = jobs.order_by("-start", "-id").values_list("position__department_id", flat=True)
        current = list(last[:1])
    return any(d in managed for d in current)


def can_delete_employee(membership: Membership) -> bool:
    """Deleting a record (made by mistake) is for owners and admins."""
    return has(membership, Capability.EDIT)


def can_import(membership: Membership) -> bool:
    """Table imports are for owners and admins (see views/imports.py)."""
    return has(membership, Capability.EDIT)


def can_manage_handover(membership: Membership, handover: Handover) -> bool:
    """Who manages the leaver, or the position handed over."""
    return can_edit_position(membership, handover.position) or can_manage_employee(
        membership, handover.employee
    )


def can_manage_position(membership: Membership, position: Position) -> bool:
    return can_edit_position(membership, position)


def today() -> dt.date:
    return timezone.localdate()


def _active(qs, on: dt.date):
    return qs.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))


# --- lookups ---------------------------------------------------------------------------------


def _one(qs):
    row = qs.first()
    if row is None:
        raise Http404
    return row


def get_employee(membership: Membership, key: str) -> Employee:
    return _one(Employee.objects.filter(org=membership.org, key=key))


def get_assignment(employee: Employee, key: str) -> Assignment:
    return _one(Assignment.objects.filter(employee=employee, key=key).select_related("position"))


def get_opening(membership: Membership, key: str) -> Opening:
    return _one(
        Opening.objects.filter(org=membership.org, key=key).select_related(
            "position__department", "hired"
        )
    )


def get_candidate(opening: Opening, key: str) -> Candidate:
    return _one(Candidate.objects.filter(opening=opening, key=key).select_related("opening"))


def get_handover(membership: Membership, key: str) -> Handover:
    return _one(
        Handover.objects.filter(org=membership.org, key=key).select_related(
            "employee", "position__department"
        )
    )


def get_item(handover: Handover, key: str) -> HandoverItem:
    return _one(
        HandoverItem.objects.filter(handover=handover, key=key).select_related(
            "successor", "handover__employee"
        )
    )


def find_employee(membership: Membership, text: str) -> Employee | None:
    """The employee a person typed: a key, ``Name (KEY)``, or a name no one else has."""
    text = text.strip()
    if m := re.fullmatch(r".*\(([^()]+)\)\s*", text):
        text = m.group(1).strip()
    qs = Employee.objects.filter(org=membership.org)
    found = qs.filter(key=text).first()
    if found is None:
        named = list(qs.filter(name__iexact=text)[:2])
        found = named[0] if len(named) == 1 else None
    return found


# --- where an entity is shown -------------------------------------------------------------------

# Areas name their pages differently (a register's "<name>_detail", a custom page); the
# first address that exists is used, so links appear as the areas' pages are built.
_PAGES = {
    "objective": ("objective", "objective_detail"),
    "plan_item": ("plan_item", "plan_item_detail", "plan_detail"),
    "resource": ("resource_detail", "resource"),
    "acquisition": ("acquisition_detail", "acquisition"),
    "problem": ("problem_detail", "problem"),
    "relation": ("relation_detail", "relation"),
    "risk": ("risk_detail", "risk"),
    "control": ("control_detail", "control"),
    "contingency_plan": ("contingency_plan_detail", "contingency_plan"),
    "procedure": ("procedure_detail", "procedure", "sop"),
    "position": ("position",),
    "employee": ("employee",),
    "handover": ("handover",),
    "opening": ("opening_detail",),
}


def entity_url(slug: str, kind: str, key: str, position: str | None = None) -> str | None:
    """The page of an entity of a kind, or None where its area has no page for it yet."""
    if kind == "responsibility":
        if not position:
            return None
        url = reverse("org:position", args=[slug, position])
        return f"{url}?edit={key}#step-responsibilities"
    for name in _PAGES.get(kind, ()):
        try:
            return reverse(f"org:{name}", args=[slug, key])
        except NoReverseMatch:
            continue
    return None


OWNED_KINDS: list[tuple[str, Promise]] = [
    ("objective", _("Objectives")),
    ("plan_item", _("Plan items")),
    ("resource", _("Resources")),
    ("acquisition", _("Acquisitions")),
    ("problem", _("Problems")),
    ("relation", _("Relations")),
    ("risk", _("Risks")),
    ("control", _("Controls")),
    ("contingency_plan", _("Contingency plans")),
    ("procedure", _("SOPs")),
]

_COLLECTION = {
    "objective": "objectives",
    "plan_item": "plan",
    "resource": "resources",
    "acquisition": "acquisitions",
    "problem": "problems",
    "relation": "relations",
    "risk": "risks",
    "control": "controls",
    "contingency_plan": "contingency_plans",
    "procedure": "procedures",
}


def _title(obj) -> str:
    return (
        getattr(obj, "title", None) or getattr(obj, "name", None) or getattr(obj, "note", "") or ""
    )


@dataclass
class Owned:
    kind: str
    label: Promise
    items: list[tuple[str, str, str | None]]  # (key, title, url)


def owned_groups(snap: Snapshot, position_key: str, slug: str) -> list[Owned]:
    """What a position is accountable for, by kind, with links (the snapshot's index)."""
    index = snap.owned_by.get(position_key, {})
    out = []
    for kind, label in OWNED_KINDS:
        keys = index.get(kind, [])
        if not keys:
            continue
        items = getattr(snap, _COLLECTION[kind])
        out.append(
            Owned(
                kind,
                label,
                [(k, _title(items[k]) or k, entity_url(slug, kind, k)) for k in sorted(keys)],
            )
        )
    return out


# --- the employees list ---------------------------------------------------------------------

STATUS_FILTERS = ("current", "active", "on_leave", "left", "all")


def _primary_now(field: str):
    today = timezone.localdate()
    return Subquery(
        _active(Assignment.objects.filter(employee=OuterRef("pk")), today)
        .order_by("-primary", "start", "id")
        .values(field)[:1]
    )


def employees_page(
    membership: Membership,
    *,
    q: str = "",
    status: str = "current",
    department: str = "",
    page: int | str | None = 1,
    per_page: int = 50,
) -> Page:
    """One page of employees with the position each holds today (the primary one first)."""
    today = timezone.localdate()
    qs = Employee.objects.filter(org=membership.org)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(key__icontains=q))
    if status == "current" or status not in STATUS_FILTERS:
        qs = qs.exclude(status=EmployeeStatus.LEFT)
    elif status != "all":
        qs = qs.filter(status=status)
    if department:
        qs = qs.filter(
            Exists(
                _active(Assignment.objects.filter(employee=OuterRef("pk")), today).filter(
                    position__department__key=department
                )
            )
        )
    upcoming = Assignment.objects.filter(employee=OuterRef("pk"), start__gt=today).order_by(
        "start", "id"
    )
    qs = qs.annotate(
        next_title=Subquery(upcoming.values("position__title")[:1]),
        next_start=Subquery(upcoming.values("start")[:1]),
        position_key=_primary_now("position__key"),
        position_title=_primary_now("position__title"),
        department_name=_primary_now("position__department__name"),
        n_positions=Subquery(
            _active(Assignment.objects.filter(employee=OuterRef("pk")), today)
            .order_by()
            .values("employee")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
    ).order_by("name", "key")
    return Paginator(qs, per_page).get_page(page)


# --- one employee -----------------------------------------------------------------------------


@dataclass
class Bar:
    assignment: Assignment
    x: str  # percent of the width, formatted for SVG (never localised)
    w: str
    label_x: str
    anchor: str  # "start", or "end" for bars far to the right
    y_label: int
    y_bar: int


@dataclass
class Timeline:
    bars: list[Bar]
    ticks: list[tuple[str, int]]  # (x percent, year)
    today_x: str
    height: int
    axis_y: int


ROW = 34
MONTH = dt.timedelta(days=31)


def timeline(assignments: list[Assignment], today: dt.date) -> Timeline | None:
    """The assignments as bars on a time axis (drawn as SVG: no inline styles needed)."""
    if not assignments:
        return None
    first = dt.date(min(a.start for a in assignments).year, 1, 1)
    last = max([today, *(a.end for a in assignments if a.end), *(a.start for a in assignments)])
    last = dt.date(last.year + 1, 1, 1)
    span = (last - first).days or 1

    def x(day: dt.date) -> float:
        return 100 * (day - first).days / span

    def pct(v: float) -> str:
        return f"{v:.2f}%"

    bars = []
    for row, a in enumerate(sorted(assignments, key=lambda a: (a.start, a.pk))):
        x0 = x(a.start)
        # An open assignment runs until today; one that starts later shows a month's stub.
        until = a.end + dt.timedelta(days=1) if a.end else max(today, a.start + MONTH)
        x1 = x(until)
        w = max(x1 - x0, 0.6)
        right = x0 > 55
        bars.append(
            Bar(
                a,
                pct(x0),
                pct(w),
                pct(min(x0 + w, 100) if right else x0),
                "end" if right else "start",
                row * ROW + 14,
                row * ROW + 19,
            )
        )
    years = last.year - first.year
    step = 1 if years <= 10 else 2 if years <= 20 else 5
    ticks = [(pct(x(dt.date(y, 1, 1))), y) for y in range(first.year, last.year, step)]
    axis = len(bars) * ROW + 6
    return Timeline(bars, ticks, pct(x(today)), axis + 18, axis)


@dataclass
class EmployeePage:
    employee: Employee
    current: list[Assignment]
    upcoming: list[Assignment]  # starting after today (a hire or a move ahead)
    assignments: list[Assignment]
    timeline: Timeline | None
    events: list[PersonnelEvent]
    skills: list[EmployeeSkill]
    training: list[TrainingRecord]
    handovers: list[Handover]
    taking_over: list[HandoverItem]  # open items handed to this employee
    personal: bool
    can_manage: bool
    today: dt.date
    # When a position held today requires a confidentiality agreement: "missing", "expired"
    # or "valid", with the latest agreement's renewal date.
    agreement: tuple[str, dt.date | None] | None = None


def _agreement(
    current: list[Assignment], events: list[PersonnelEvent], today: dt.date
) -> tuple[str, dt.date | None] | None:
    if not any(a.position.confidentiality_required for a in current):
        return None
    signed = [e for e in events if e.kind == EventKind.CONFIDENTIALITY]
    if not signed:
        return "missing", None
    latest = max(signed, key=lambda e: (e.date, e.expires_on or e.date))
    if latest.expires_on is not None and latest.expires_on < today:
        return "expired", latest.expires_on
    return "valid", latest.expires_on


def employee_page(membership: Membership, employee: Employee) -> EmployeePage:
    today = timezone.localdate()
    assignments = list(
        Assignment.objects.filter(employee=employee)
        .select_related("position__department")
        .order_by("start", "id")
    )
    current = sorted(
        (a for a in assignments if a.start <= today and (a.end is None or a.end >= today)),
        key=lambda a: (not a.primary, a.start),
    )
    personal = can_read_personal(membership, employee)
    events = (
        list(
            PersonnelEvent.objects.filter(employee=employee)
            .select_related("position", "to_position", "procedure")
            .order_by("-date", "-order", "-id")
        )
        if personal
        else []
    )
    return EmployeePage(
        employee=employee,
        current=current,
        upcoming=[a for a in assignments if a.start > today],
        assignments=assignments,
        timeline=timeline(assignments, today) if personal else None,
        events=events,
        agreement=_agreement(current, events, today) if personal else None,
        skills=list(
            EmployeeSkill.objects.filter(employee=employee)
            .select_related("skill")
            .order_by("skill__name")
        ),
        training=list(
            TrainingRecord.objects.filter(employee=employee)
            .select_related("procedure")
            .order_by("-date", "-id")
        )
        if personal
        else [],
        handovers=list(_with_counts(Handover.objects.filter(employee=employee)))
        if personal
        else [],
        taking_over=list(
            HandoverItem.objects.filter(successor=employee, done=False)
            .select_related("handover__employee", "handover__position")
            .order_by("handover__due_on", "handover_id", "order")
        ),
        personal=personal,
        can_manage=can_manage_employee(membership, employee),
        today=today,
    )


# --- handovers ------------------------------------------------------------------------------


def _with_counts(qs):
    return (
        qs.select_related("employee", "position")
        .annotate(
            n_items=Count("items"),
            n_done=Count("items", filter=Q(items__done=True)),
            n_unassigned=Count("items", filter=Q(items__done=False, items__successor__isnull=True)),
        )
        .order_by("-created_on", "-id")
    )


HANDOVER_FILTERS = ("open", "complete", "all")


def handovers_qs(membership: Membership, *, state: str = "open"):
    """Handovers with their progress: ``open`` ones (unfinished) by due date, ``complete``
    ones, or all, newest first."""
    qs = _with_counts(Handover.objects.filter(org=membership.org))
    unfinished = Q(n_items=0) | Q(n_done__lt=F("n_items"))
    if state == "open":
        return qs.filter(unfinished).order_by("due_on", "created_on", "id")
    if state == "complete":
        return qs.exclude(unfinished)
    return qs


def handovers_page(
    membership: Membership, *, state: str = "open", page: int | str | None = 1
) -> Page:
    return Paginator(handovers_qs(membership, state=state), 50).get_page(page)


def _domain(h: Handover, items: list[HandoverItem]) -> dp.Handover:
    return dp.Handover(
        h.key,
        h.employee.key,
        h.position.key,
        dp.EventKind(h.reason),
        h.created_on,
        h.due_on,
        tuple(
            dp.HandoverItem(
                i.key,
                HandoverItemKind(i.kind),
                i.ref,
                i.description,
                i.successor.key if i.successor_id else None,
                i.done,
            )
            for i in items
        ),
    )


@dataclass
class ItemRow:
    item: HandoverItem
    url: str | None
    at_risk: bool
    errors: list[str] = field(default_factory=list)  # set by a view after a failed save


@dataclass
class HandoverPage:
    handover: Handover
    rows: list[ItemRow]
    progress: handover_analysis.Progress
    colleagues: list[Employee]  # offered as successors
    can_manage: bool
    mine: set[int] = field(default_factory=set)  # items the member takes over (may tick them)


def handover_page(membership: Membership, handover: Handover) -> HandoverPage:
    today = timezone.localdate()
    items = list(handover.items.select_related("successor").order_by("order", "id"))
    state = handover_analysis.progress(_domain(handover, items), today)
    risky = {i.key for i in state.at_risk}
    resp_positions = dict(
        Responsibility.objects.filter(
            org=handover.org,
            key__in=[i.ref for i in items if i.kind == HandoverItemKind.RESPONSIBILITY],
        ).values_list("key", "target__result_area__position__key")
    )
    slug = membership.org.slug
    rows = [
        ItemRow(
            i,
            entity_url(slug, i.kind, i.ref, resp_positions.get(i.ref)),
            i.key in risky,
        )
        for i in items
    ]
    mine = {i.pk for i in items if i.successor_id and is_self(membership, i.successor)}
    manage = can_manage_handover(membership, handover)
    return HandoverPage(
        handover=handover,
        rows=rows,
        progress=state,
        colleagues=colleagues(handover) if manage else [],
        can_manage=manage,
        mine=mine,
    )


def colleagues(handover: Handover, limit: int = 200) -> list[Employee]:
    """Likely successors: who holds a position in the same department, the position above or
    the positions below, today; and everyone already named as a successor."""
    today = timezone.localdate()
    pos = handover.position
    near = Q(position_id=pos.pk) | Q(position__reports_to_id=pos.pk)
    if pos.department_id:
        near |= Q(position__department_id=pos.department_id)
    if pos.reports_to_id:
        near |= Q(position_id=pos.reports_to_id)
    ids = _active(Assignment.objects.filter(org=handover.org), today).filter(near)
    return list(
        Employee.objects.filter(org=handover.org)
        .filter(
            Q(pk__in=ids.values("employee_id")) | Q(pk__in=handover.items.values("successor_id"))
        )
        .exclude(status=EmployeeStatus.LEFT)
        .exclude(pk=handover.employee_id)
        .order_by("name")[:limit]
    )


# --- openings -----------------------------------------------------------------------------


def candidates(opening: Opening) -> list[Candidate]:
    return list(opening.candidates.order_by("order", "id"))


# --- my job -----------------------------------------------------------------------------------


# Children of the scoped rows that "my job" and handovers never show: an empty filter
# costs no query at all.
SKIP_CHILDREN = {
    name: Q(pk__in=[])
    for name in (
        "contact",
        "interaction",
        "control_run",
        "procedure_step",
        "measurement",
        "position_skill",
        "staffing_line",
        "job_description",
        "employee_skill",
        "personnel_event",
    )
}


@dataclass
class PositionJob:
    position: dp.Position
    assignment: Assignment
    department: str
    reports_to: dp.Position | None
    owned: list[Owned]
    areas: list  # the four steps' result areas (with targets and responsibilities)


@dataclass
class MyJob:
    employee: Employee | None
    jobs: list[PositionJob]
    assigned: list  # open plan items assigned to the member by name
    taking_over: list[HandoverItem]
    handing_over: list[Handover]


def my_job(membership: Membership) -> MyJob:
    """The member's positions today (by their employee record's login e-mail), what each
    asks of them and what each is accountable for, and the handovers they take part in."""
    org = membership.org
    today = timezone.localdate()
    employee = (
        Employee.objects.filter(org=org, user_email__iexact=membership.user.email)
        .exclude(status=EmployeeStatus.LEFT, left_on__lt=today)
        .order_by("status", "key")
        .first()
    )
    if employee is None:
        return MyJob(None, [], [], [], [])
    held = list(
        _active(Assignment.objects.filter(employee=employee), today)
        .select_related("position")
        .exclude(position__status=PositionStatus.ARCHIVED)
        .order_by("-primary", "start")
    )
    ids = [a.position_id for a in held]
    above = [a.position.reports_to_id for a in held if a.position.reports_to_id]
    owned = Q(owner_id__in=ids)
    snap = snapshot.load(
        org,
        scope={
            "position": Q(pk__in=ids + above),
            "department": Q(positions__in=ids),
            "objective": owned,
            "plan_item": owned | Q(assignee=employee),
            "resource": owned,
            "acquisition": owned,
            "problem": owned,
            "relation": owned,
            "risk": owned,
            "control": owned,
            "contingency_plan": owned,
            "procedure": owned,
            **SKIP_CHILDREN,
        },
    )
    jobs = []
    for a in held:
        p = snap.positions[a.position.key]
        dept = snap.departments.get(p.department or "")
        jobs.append(
            PositionJob(
                position=p,
                assignment=a,
                department=dept.name if dept else "",
                reports_to=snap.positions.get(p.reports_to or ""),
                owned=owned_groups(snap, p.key, org.slug),
                areas=list(p.result_areas),
            )
        )
    mine = {a.position.key for a in held}
    assigned = sorted(
        (
            i
            for i in snap.plan.values()
            if i.assignee == employee.key and i.owner not in mine and i.is_open
        ),
        key=lambda i: (i.due or dt.date.max, i.key),
    )
    return MyJob(
        employee=employee,
        jobs=jobs,
        assigned=[(i, entity_url(org.slug, "plan_item", i.key)) for i in assigned],
        taking_over=list(
            HandoverItem.objects.filter(successor=employee, done=False)
            .select_related("handover__employee", "handover__position")
            .order_by("handover__due_on", "handover_id", "order")
        ),
        handing_over=list(_with_counts(Handover.objects.filter(employee=employee))),
    )


def holders_by_position(org, keys: list[str]) -> dict[str, list[str]]:
    """Names of today's holders of each position (one query)."""
    today = timezone.localdate()
    out: dict[str, list[str]] = defaultdict(list)
    for key, name in (
        _active(Assignment.objects.filter(org=org, position__key__in=keys), today)
        .order_by("employee__name")
        .values_list("position__key", "employee__name")
    ):
        out[key].append(name)
    return out
