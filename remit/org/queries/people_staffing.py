"""Reads for A7 planning: stages and staffing, the staffing timeline, what stages cost,
required and assessed skills, the skills matrix.

Every function costs a fixed number of queries whatever the organisation's size: the
pages load the part of the snapshot they need (``snapshot.load(org, scope=…)``) and
the pure computations of :mod:`remit.analysis.staffing` run on it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from remit.accounts.models import Membership, Organization
from remit.accounts.permissions import (
    Capability,
    Grant,
    can_read_finance,
    can_read_personal_data,
    grant,
    has,
)
from remit.analysis import staffing
from remit.analysis.checks import Context
from remit.domain import Organization as Snapshot
from remit.domain.people import EmployeeStatus, PositionStatus

from .. import snapshot
from ..models import (
    Assignment,
    Department,
    Employee,
    EmployeeSkill,
    Position,
    PositionSkill,
    Skill,
    StaffingLine,
    Stage,
)
from .access import can_edit_position, managed_department_ids

NOTHING = Q(pk__in=[])
# Children of positions and employees that staffing never reads: left out of the load.
LEAN = {
    "result_area": NOTHING,
    "position_skill": NOTHING,
    "employee_skill": NOTHING,
    "personnel_event": NOTHING,
}


def _active_on(day: dt.date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


# --- access ------------------------------------------------------------------------------------


def get_stage(membership: Membership, key: str) -> Stage:
    stage = Stage.objects.filter(org=membership.org, key=key).first()
    if stage is None:
        raise Http404
    return stage


def get_line(stage: Stage, key: str) -> StaffingLine:
    line = (
        StaffingLine.objects.filter(org=stage.org, stage=stage, key=key)
        .select_related("position")
        .first()
    )
    if line is None:
        raise Http404
    return line


def get_skill(membership: Membership, key: str) -> Skill:
    skill = Skill.objects.filter(org=membership.org, key=key).first()
    if skill is None:
        raise Http404
    return skill


def get_position(membership: Membership, key: str) -> Position:
    position = (
        Position.objects.filter(org=membership.org, key=key)
        .select_related("department", "grade")
        .first()
    )
    if position is None:
        raise Http404
    return position


def get_employee(membership: Membership, key: str) -> Employee:
    employee = Employee.objects.filter(org=membership.org, key=key).first()
    if employee is None:
        raise Http404
    return employee


def can_plan(membership: Membership) -> bool:
    """Stages are the whole company's: owners and admins plan them."""
    return has(membership, Capability.EDIT)


def can_edit_line(membership: Membership, position: Position | None = None) -> bool:
    """Owners and admins; managers for the positions of their department subtree
    (without a position: whether the member may add lines at all)."""
    if position is not None:
        return can_edit_position(membership, position)
    g = grant(membership, Capability.EDIT)
    return g is Grant.YES or (g is Grant.SCOPED and bool(managed_department_ids(membership)))


def can_assess(membership: Membership, employee: Employee) -> bool:
    """Owners and admins; managers for the holders of their departments' positions."""
    g = grant(membership, Capability.EDIT)
    if g is Grant.YES:
        return True
    if g is not Grant.SCOPED:
        return False
    today = timezone.localdate()
    return (
        Assignment.objects.filter(
            org=membership.org,
            employee=employee,
            position__department_id__in=managed_department_ids(membership),
        )
        .filter(_active_on(today))
        .exists()
    )


# --- stages ------------------------------------------------------------------------------------


@dataclass
class LineRow:
    """One line of a stage's own plan, with how its position stands today."""

    line: StaffingLine
    due: dt.date | None
    needed: int  # the stage's whole need of the position (its lines add up)
    filled: int
    monthly: Decimal | None  # the line's monthly cost; None: unknown or not to be shown
    today: dt.date

    @property
    def status(self) -> str:
        if self.filled >= self.needed:
            return "met"
        return "late" if self.due is not None and self.due <= self.today else "open"

    @property
    def to_hire(self) -> int:
        return max(0, self.needed - self.filled)


@dataclass
class KeptRow:
    """A need a stage keeps from an earlier stage (a position it does not name)."""

    need: staffing.StageNeed
    title: str
    stage_name: str
    filled: int
    monthly: Decimal | None


@dataclass
class StagePage:
    stage: Stage
    snap: Snapshot
    rows: list[LineRow]
    carried: list[KeptRow]  # needs kept from earlier stages
    cost: staffing.StageCost | None  # None: the role may not read costs
    filled: dict[str, int]
    today: dt.date

    @property
    def headcount(self) -> int:
        return sum(r.line.headcount for r in self.rows) + sum(
            k.need.headcount for k in self.carried
        )


def _plan_snapshot(org: Organization, today: dt.date, *, grades: bool) -> Snapshot:
    """Every stage with its lines, the positions they name, and those positions' holders today."""
    planned = StaffingLine.objects.filter(org=org).values("position_id")
    scope = {
        **LEAN,
        "stage": Q(),
        "department": Q(),
        "position": Q(pk__in=planned),
        "employee": Q(
            pk__in=Assignment.objects.filter(org=org, position_id__in=planned)
            .filter(_active_on(today))
            .values("employee_id")
        ),
        "assignment": _active_on(today),
    }
    if grades:
        scope["grade"] = Q(pk__in=Position.objects.filter(pk__in=planned).values("grade_id"))
    return snapshot.load(org, scope=scope)


def stage_page(membership: Membership, stage: Stage) -> StagePage:
    today = timezone.localdate()
    finance = can_read_finance(membership)
    snap = _plan_snapshot(membership.org, today, grades=finance)
    needs = staffing.stage_staffing(snap, stage.key)
    filled = staffing.filled_on(snap, today)
    need_of = {n.position: n.headcount for n in needs if not n.carried}
    lines = (
        StaffingLine.objects.filter(org=stage.org, stage=stage)
        .select_related("position__department")
        .order_by("order", "id")
    )
    rows = []
    for line in lines:
        each = staffing.monthly_cost_of(snap, line.position.key) if finance else None
        rows.append(
            LineRow(
                line=line,
                due=line.needed_by or stage.target_date,
                needed=need_of.get(line.position.key, line.headcount),
                filled=filled.get(line.position.key, 0),
                monthly=None if each is None else each * line.headcount,
                today=today,
            )
        )
    kept = []
    for n in needs:
        if not n.carried:
            continue
        p = snap.positions.get(n.position)
        each = staffing.monthly_cost_of(snap, n.position) if finance else None
        kept.append(
            KeptRow(
                need=n,
                title=p.title if p else n.position,
                stage_name=snap.stages[n.stage].name,
                filled=filled.get(n.position, 0),
                monthly=None if each is None else each * n.headcount,
            )
        )
    return StagePage(
        stage=stage,
        snap=snap,
        rows=rows,
        carried=kept,
        cost=staffing.stage_cost(snap, stage.key, today) if finance else None,
        filled=filled,
        today=today,
    )


def stage_cost(membership: Membership, stage: Stage) -> staffing.StageCost:
    """What one stage costs (the caller checks that the member may read finance)."""
    today = timezone.localdate()
    snap = _plan_snapshot(membership.org, today, grades=True)
    return staffing.stage_cost(snap, stage.key, today)


@dataclass
class CostRow:
    position: str
    title: str
    each: Decimal | None  # one post's monthly cost
    filled: int  # holders today
    cells: list[staffing.CostLine | None]  # one per stage, in stage order

    @property
    def today(self) -> Decimal | None:
        return None if self.each is None else self.each * self.filled


@dataclass
class StageCostView:
    """A stage's cost with the stage's name (the pure result knows only its key)."""

    stage: str
    name: str
    cost: staffing.StageCost

    @property
    def headcount(self) -> int:
        return self.cost.headcount

    @property
    def monthly(self) -> Decimal:
        return self.cost.monthly

    @property
    def yearly(self) -> Decimal:
        return self.cost.yearly

    @property
    def uncosted(self) -> int:
        return self.cost.uncosted


@dataclass
class CostsPage:
    costs: list[StageCostView]
    rows: list[CostRow]

    @property
    def today_headcount(self) -> int:
        return sum(r.filled for r in self.rows)

    @property
    def today_monthly(self) -> Decimal:
        return sum((r.today for r in self.rows if r.today is not None), Decimal(0))

    @property
    def today_yearly(self) -> Decimal:
        return self.today_monthly * 12


def costs_page(membership: Membership) -> CostsPage:
    """Every stage's cost, and a row per position some stage needs (by department, title)."""
    today = timezone.localdate()
    snap = _plan_snapshot(membership.org, today, grades=True)
    costs = staffing.stage_costs(snap, today)
    filled = staffing.filled_on(snap, today)
    keys = dict.fromkeys(c.position for cost in costs for c in cost.lines)

    def order(key: str) -> tuple:
        p = snap.positions.get(key)
        dept = snap.departments.get(p.department) if p and p.department else None
        return (dept.name.casefold() if dept else "~", p.title.casefold() if p else key)

    rows = []
    for key in sorted(keys, key=order):
        p = snap.positions.get(key)
        by_stage = [{c.position: c for c in cost.lines}.get(key) for cost in costs]
        rows.append(
            CostRow(
                key,
                p.title if p else key,
                staffing.monthly_cost_of(snap, key),
                filled.get(key, 0),
                by_stage,
            )
        )
    views = [StageCostView(c.stage, snap.stages[c.stage].name, c) for c in costs]
    return CostsPage(views, rows)


# --- the timeline ------------------------------------------------------------------------------


@dataclass
class Named:
    """A result of the staffing analysis with what people read beside it."""

    item: Any  # a LateHire, an UpcomingHire or a Vacancy
    title: str  # the position's title
    stage_name: str = ""
    days: int | None = None  # vacancies: days vacant


@dataclass
class Milestone:
    point: staffing.Point
    stages: list[str]  # the stages whose target date it is
    today: bool

    @property
    def short(self) -> int:
        """Posts needed and not filled on that day (0 when covered or not known yet)."""
        if self.point.filled is None:
            return 0
        return max(0, self.point.planned - self.point.filled)


@dataclass
class TimelinePage:
    timeline: staffing.Timeline
    milestones: list[Milestone]
    late: list[Named]
    upcoming: list[Named]
    vacancies: list[Named]
    grace: int  # days a post may stay vacant before it is a finding
    today: dt.date

    @property
    def vacant_posts(self) -> int:
        return sum(v.item.vacant for v in self.vacancies)

    @property
    def upcoming_by_stage(self) -> list[list[Named]]:
        """The hires ahead, one group per stage (stages in order, hires by date)."""
        order = {m.key: i for i, m in enumerate(self.timeline.stages)}
        groups: dict[str, list[Named]] = {}
        for h in sorted(self.upcoming, key=lambda h: (order.get(h.item.stage, 0), h.item.due)):
            groups.setdefault(h.item.stage, []).append(h)
        return list(groups.values())


def timeline_page(membership: Membership) -> TimelinePage:
    """Planned vs filled over time, late and upcoming hires, and today's vacant posts."""
    org = membership.org
    today = timezone.localdate()
    holders = Count(
        "assignments",
        filter=Q(assignments__start__lte=today)
        & (Q(assignments__end__isnull=True) | Q(assignments__end__gte=today)),
    )
    vacant = (
        Position.objects.filter(org=org, status=PositionStatus.ACTIVE)
        .annotate(holders=holders)
        .filter(holders__lt=F("headcount"))
        .values("pk")
    )
    wanted = Q(pk__in=StaffingLine.objects.filter(org=org).values("position_id")) | Q(pk__in=vacant)
    ids = list(Position.objects.filter(org=org).filter(wanted).values_list("pk", flat=True))
    snap = snapshot.load(
        org,
        scope={
            **LEAN,
            "stage": Q(),
            "position": Q(pk__in=ids),
            "employee": Q(
                pk__in=Assignment.objects.filter(org=org, position_id__in=ids).values("employee_id")
            ),
            "opening": Q(position_id__in=ids, status="open"),
            "candidate": NOTHING,
        },
    )
    tl = staffing.timeline(snap, today)

    def title(key: str) -> str:
        p = snap.positions.get(key)
        return p.title if p is not None else key

    stage_names = {k: s.name for k, s in snap.stages.items()}
    at = defaultdict(list)
    for m in tl.stages:
        if m.target_date:
            at[m.target_date].append(m.name)
    return TimelinePage(
        timeline=tl,
        milestones=[Milestone(p, at.get(p.day, []), p.day == today) for p in tl.milestones],
        late=[
            Named(h, title(h.position), stage_names[h.stage])
            for h in staffing.late_hires(snap, today)
        ],
        upcoming=[
            Named(h, title(h.position), stage_names[h.stage])
            for h in staffing.upcoming_hires(snap, today)
        ],
        vacancies=[
            Named(v, title(v.position), days=(today - v.since).days if v.since else None)
            for v in staffing.vacancies(snap, today)
        ],
        grace=Context(today=today).vacancy_grace_days,
        today=today,
    )


# --- skills ------------------------------------------------------------------------------------


@dataclass
class MatrixColumn:
    key: str
    name: str
    category: str
    gaps: int


@dataclass
class MatrixLine:
    """One row of the matrix as people read it."""

    row: staffing.MatrixRow
    position_title: str
    employee_name: str
    first: bool  # the first row of its position (the position's name is shown once)
    cells: list[tuple[staffing.Cell, MatrixColumn]]


@dataclass
class MatrixPage:
    department: Department | None
    departments: list[tuple[Department, int, int]]  # (department, depth, gaps), tree order
    subtree: bool
    matrix: staffing.SkillsMatrix | None
    columns: list[MatrixColumn]
    lines: list[MatrixLine]
    gaps: list[MatrixLine]  # the rows with a gap
    with_people: bool
    today: dt.date


def department_tree(org: Organization) -> list[tuple[Department, int]]:
    """Every department in tree order with its depth (one query)."""
    rows = list(Department.objects.filter(org=org).order_by("name"))
    children: dict[int | None, list[Department]] = {}
    ids = {d.pk for d in rows}
    for d in rows:
        children.setdefault(d.parent_id if d.parent_id in ids else None, []).append(d)
    out: list[tuple[Department, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for d in children.get(parent, []):
            if d.pk in seen:
                continue
            seen.add(d.pk)
            out.append((d, depth))
            walk(d.pk, depth + 1)

    walk(None, 0)
    out.extend((d, 0) for d in rows if d.pk not in seen)  # a cycle: shown flat
    return out


def gap_counts(org: Organization, today: dt.date) -> dict[int, int]:
    """Skill gaps by department id, in one query: every requirement of a position held today
    whose holder has no assessment of the skill at the required level."""
    met = EmployeeSkill.objects.filter(
        org=org,
        employee=OuterRef("employee"),
        skill=OuterRef("req_skill"),
        level__gte=OuterRef("req_level"),
    )
    rows = (
        Assignment.objects.filter(org=org)
        .filter(_active_on(today))
        .exclude(position__status=PositionStatus.ARCHIVED)
        .exclude(employee__status=EmployeeStatus.LEFT)
        # One alias() call: both values come from the same requirement (one join).
        .alias(
            req_skill=F("position__skill_requirements__skill"),
            req_level=F("position__skill_requirements__level"),
        )
        .filter(req_skill__isnull=False)
        .filter(~Exists(met))
        .values("position__department_id")
        .annotate(n=Count("pk"))
    )
    return {r["position__department_id"]: r["n"] for r in rows}


def matrix_page(membership: Membership, key: str = "", *, subtree: bool = False) -> MatrixPage:
    """The skills matrix of one department (and, with ``subtree``, those below it); without
    a department, the first one with skill gaps (else the first one)."""
    org = membership.org
    today = timezone.localdate()
    with_people = can_read_personal_data(membership)
    gaps = gap_counts(org, today) if with_people else {}
    tree = [(d, depth, gaps.get(d.pk, 0)) for d, depth in department_tree(org)]
    if key:
        department = next((d for d, _depth, _n in tree if d.key == key), None)
        if department is None:
            raise Http404
    else:
        department = next((d for d, _depth, n in tree if n), tree[0][0] if tree else None)
    if department is None:
        return MatrixPage(None, tree, subtree, None, [], [], [], with_people, today)
    dept_ids = [department.pk]
    if subtree:
        below: dict[int | None, list[int]] = {}
        for d, _depth, _n in tree:
            below.setdefault(d.parent_id, []).append(d.pk)
        todo = [department.pk]
        while todo:
            for child in below.get(todo.pop(), []):
                if child not in dept_ids:
                    dept_ids.append(child)
                    todo.append(child)
    positions = Position.objects.filter(org=org, department_id__in=dept_ids).exclude(
        status=PositionStatus.ARCHIVED
    )
    scope = {
        "department": Q(pk__in=dept_ids),
        "position": Q(pk__in=positions.values("pk")),
        "result_area": NOTHING,
        "skill": Q(
            pk__in=PositionSkill.objects.filter(org=org, position__in=positions).values("skill_id")
        ),
    }
    if with_people:
        scope["employee"] = Q(
            pk__in=Assignment.objects.filter(org=org, position__in=positions)
            .filter(_active_on(today))
            .values("employee_id")
        )
        scope["personnel_event"] = NOTHING
    snap = snapshot.load(org, scope=scope)
    wanted = set(dept_ids)
    keys_in_order = [d.key for d, _depth, _n in tree if d.pk in wanted]
    matrix = staffing.skills_matrix(snap, keys_in_order, today, with_people=with_people)
    per_skill = matrix.gaps_by_skill()
    columns = []
    for key in matrix.skills:
        skill = snap.skills.get(key)
        columns.append(
            MatrixColumn(
                key,
                skill.name if skill else key,
                skill.category if skill else "",
                per_skill[key],
            )
        )
    lines = []
    previous = None
    for row in matrix.rows:
        p = snap.positions[row.position]
        e = snap.employees.get(row.employee) if row.employee else None
        lines.append(
            MatrixLine(
                row,
                p.title,
                e.name if e else "",
                row.position != previous,
                list(zip(row.cells, columns, strict=True)),
            )
        )
        previous = row.position
    return MatrixPage(
        department,
        tree,
        subtree,
        matrix,
        columns,
        lines,
        [line for line in lines if line.row.gaps],
        with_people,
        today,
    )


def position_skills(membership: Membership, position: Position) -> list[PositionSkill]:
    """The skills a position requires, in their order."""
    return list(
        PositionSkill.objects.filter(org=membership.org, position=position)
        .select_related("skill")
        .order_by("order", "id")
    )


@dataclass
class RequiredRow:
    position: Position
    requirement: PositionSkill
    assessed: int | None

    @property
    def gap(self) -> bool:
        return self.assessed is None or self.assessed < self.requirement.level


@dataclass
class EmployeeSkills:
    employee: Employee
    assessments: list[EmployeeSkill]
    required: list[tuple[Position, PositionSkill]]  # what the positions held today require
    positions: list[Position]

    @property
    def rows(self) -> list[RequiredRow]:
        level = {a.skill_id: a.level for a in self.assessments}
        return [RequiredRow(p, r, level.get(r.skill_id)) for p, r in self.required]


def employee_skills(membership: Membership, employee: Employee) -> EmployeeSkills:
    today = timezone.localdate()
    assessments = list(
        EmployeeSkill.objects.filter(org=membership.org, employee=employee)
        .select_related("skill")
        .order_by("skill__category", "skill__name")
    )
    positions = list(
        Position.objects.filter(
            org=membership.org,
            pk__in=Assignment.objects.filter(org=membership.org, employee=employee)
            .filter(_active_on(today))
            .values("position_id"),
        ).order_by("title")
    )
    required = [
        (r.position, r)
        for r in PositionSkill.objects.filter(org=membership.org, position__in=positions)
        .select_related("skill", "position")
        .order_by("position__title", "order", "id")
    ]
    return EmployeeSkills(employee, assessments, required, positions)


def skill_usage(skill: Skill) -> dict[str, list]:
    """The positions that require a skill (with the level), for the skill's page."""
    reqs = list(
        PositionSkill.objects.filter(org=skill.org, skill=skill)
        .select_related("position")
        .order_by("-level", "position__title")
    )
    return {"requirements": reqs}
