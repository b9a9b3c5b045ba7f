"""Reads for the plan (A3): the tree, the order of work, the timeline and an item's page.

Each page loads the whole plan once through the snapshot (a fixed number of queries,
whatever its size), computes what it shows with the pure ``remit.analysis.schedule``,
and fetches the names it displays (positions, employees, objectives) in one query each.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, Grant, grant
from remit.analysis import gaps, schedule
from remit.domain import Organization as Snapshot
from remit.domain import plan as pl

from .. import snapshot
from ..models import (
    Acquisition,
    CheckIn,
    Employee,
    Objective,
    PlanItem,
    Position,
    Problem,
    ResourceNeed,
)
from .access import managed_department_ids, my_positions

ROOTS_PER_PAGE = 20
ORDER_PER_PAGE = 50
TIMELINE_ROWS = 400  # a timeline taller than this is cut (pick a goal to see the rest)


# --- access ---------------------------------------------------------------------------------


@dataclass
class Editing:
    """Which plan items the member may change: all, none, or those their departments own."""

    everything: bool
    departments: frozenset[int] = frozenset()

    def position(self, department_id: int | None) -> bool:
        return self.everything or (department_id is not None and department_id in self.departments)

    @property
    def anything(self) -> bool:
        return self.everything or bool(self.departments)


def editing(membership: Membership) -> Editing:
    g = grant(membership, Capability.EDIT)
    if g is Grant.YES:
        return Editing(True)
    if g is Grant.SCOPED:
        return Editing(False, frozenset(managed_department_ids(membership)))
    return Editing(False)


def can_edit_item(membership: Membership, item: PlanItem, ed: Editing | None = None) -> bool:
    """Owners and admins edit every item; managers those owned by their departments' positions."""
    ed = ed or editing(membership)
    if ed.everything:
        return True
    return item.owner_id is not None and ed.position(item.owner.department_id)


def get_item(membership: Membership, key: str) -> PlanItem:
    item = (
        PlanItem.objects.filter(org=membership.org, key=key)
        .select_related("owner", "assignee", "objective", "parent")
        .first()
    )
    if item is None:
        raise Http404
    return item


# --- the plan as the pages see it --------------------------------------------------------------


@dataclass
class Names:
    """Display names of what plan items refer to, by key."""

    positions: dict[str, str]
    departments: dict[str, int | None]  # position key -> department id
    employees: dict[str, str]
    objectives: dict[str, str]


@dataclass
class PlanData:
    snap: Snapshot
    today: dt.date
    order: dict[str, int]  # sibling order
    sched: schedule.Schedule
    names: Names
    preparations: dict[str, schedule.Preparation]
    overdue: set[str]
    conflicts: dict[str, list[schedule.Conflict]]
    cycles: list[schedule.Cycle]
    parents: set[str] = field(default_factory=set)  # items that have parts

    @property
    def plan(self) -> dict[str, pl.PlanItem]:
        return self.snap.plan

    def in_cycle(self, key: str) -> bool:
        return any(key in c.keys for c in self.cycles)


def _names(org, plan: dict[str, pl.PlanItem], *, owners: Iterable[str] = ()) -> Names:
    position_keys = {it.owner for it in plan.values() if it.owner} | set(owners)
    employee_keys = {it.assignee for it in plan.values() if it.assignee}
    objective_keys = {it.objective for it in plan.values() if it.objective}
    positions, departments = {}, {}
    for key, title, dept in Position.objects.filter(org=org, key__in=position_keys).values_list(
        "key", "title", "department_id"
    ):
        positions[key] = title
        departments[key] = dept
    return Names(
        positions=positions,
        departments=departments,
        employees=dict(
            Employee.objects.filter(org=org, key__in=employee_keys).values_list("key", "name")
        ),
        objectives=dict(
            Objective.objects.filter(org=org, key__in=objective_keys).values_list("key", "title")
        ),
    )


def plan_data(org, *, today: dt.date | None = None, with_resources: bool = False) -> PlanData:
    """The whole plan and everything computed on it, in a fixed number of queries."""
    today = today or timezone.localdate()
    scope = {"plan_item": Q()}
    if with_resources:
        scope |= {"resource": Q(), "resource_need": Q(), "acquisition": Q()}
    snap = snapshot.load(org, scope=scope)
    plan = snap.plan
    conflicts: dict[str, list[schedule.Conflict]] = {}
    for c in schedule.date_conflicts(plan):
        conflicts.setdefault(c.key, []).append(c)
    sched = schedule.schedule(plan)
    return PlanData(
        snap=snap,
        today=today,
        order=dict(PlanItem.objects.filter(org=org).values_list("key", "order")),
        sched=sched,
        names=_names(org, plan),
        preparations=schedule.preparations(plan),
        overdue=set(schedule.overdue(plan, today)),
        conflicts=conflicts,
        cycles=list(sched.cycles),
        parents={it.parent for it in plan.values() if it.parent},
    )


@dataclass
class Row:
    """One plan item as a page shows it, with everything computed about it."""

    item: pl.PlanItem
    depth: int
    owner: str  # the owner position's title ("" if none)
    assignee: str
    objective: str  # the objective it serves (its own or a whole's), as "KEY title"
    timing: schedule.Timing | None
    preparation: schedule.Preparation | None
    prep_late: bool
    overdue: bool
    conflicts: list[schedule.Conflict]
    in_cycle: bool
    whole: bool = False  # it has parts
    can_edit: bool = False
    children: list["Row"] = field(default_factory=list)
    rank: int = 0  # place in the order of work
    waits_for: list[pl.PlanItem] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def has_parts(self) -> bool:
        return bool(self.children)

    @property
    def critical(self) -> bool:
        return self.timing is not None and self.timing.critical

    @property
    def start(self) -> dt.date | None:
        return schedule.planned_start(self.item)

    @property
    def finish(self) -> dt.date | None:
        return schedule.planned_finish(self.item)

    @property
    def warnings(self) -> bool:
        return self.prep_late or self.overdue or bool(self.conflicts) or self.in_cycle


def row(data: PlanData, key: str, depth: int = 0, ed: Editing | None = None) -> Row:
    item = data.plan[key]
    objective = schedule.objective_of(data.plan, key)
    prep = data.preparations.get(key)
    owner_dept = data.names.departments.get(item.owner) if item.owner else None
    return Row(
        item=item,
        depth=depth,
        owner=data.names.positions.get(item.owner, item.owner or "") if item.owner else "",
        assignee=data.names.employees.get(item.assignee, "") if item.assignee else "",
        objective=(
            f"{objective} · {data.names.objectives.get(objective, '')}".strip(" ·")
            if objective
            else ""
        ),
        timing=data.sched.timing(key),
        preparation=prep,
        prep_late=prep is not None and prep.prepare_from < data.today,
        overdue=key in data.overdue,
        conflicts=data.conflicts.get(key, []),
        in_cycle=data.in_cycle(key),
        whole=key in data.parents,
        can_edit=bool(ed and (ed.everything or (item.owner and ed.position(owner_dept)))),
    )


# --- the tree ------------------------------------------------------------------------------------


@dataclass
class Tree:
    page: Page  # of top-level rows, each with its parts
    roots: list[Row]
    data: PlanData
    total: int  # items in the plan
    shown: int  # items on this page
    filtered: bool
    wholes: list[tuple[str, str, int]]  # (key, title, depth): where an item can be moved
    owners: list[tuple[str, str]]  # positions owning items: (key, title)


def tree(
    membership: Membership,
    *,
    q: str = "",
    owner: str = "",
    status: str = "",
    root: str = "",
    page: int | str | None = 1,
) -> Tree:
    """The plan as a tree: top-level items a page at a time, each with all its parts.

    Filters keep the matching items with the wholes they belong to (for context).
    """
    data = plan_data(membership.org)
    plan = data.plan
    ed = editing(membership)
    ordered = schedule.tree_order(plan, data.order)
    keep: set[str] | None = None
    if root and root in plan:
        keep = {root, *schedule.descendants(plan, root), *schedule.ancestors(plan, root)}
    match = None
    if q or owner or status:
        needle = q.casefold()

        def matches(it: pl.PlanItem) -> bool:
            if needle and needle not in it.title.casefold() and needle not in it.key.casefold():
                return False
            if owner and it.owner != owner:
                return False
            if status == "open" and not it.is_open:
                return False
            return not status or status == "open" or it.status == status

        match = {k for k, it in plan.items() if matches(it)}
        context = {a for k in match for a in schedule.ancestors(plan, k)}
        visible = match | context
        keep = visible if keep is None else keep & visible
    rows: list[Row] = []
    stack: list[Row] = []
    for key, depth in ordered:
        if keep is not None and key not in keep:
            continue
        r = row(data, key, depth, ed)
        while stack and stack[-1].depth >= depth:
            stack.pop()
        if stack:
            stack[-1].children.append(r)
        else:
            rows.append(r)
        stack.append(r)
    paginator = Paginator(rows, ROOTS_PER_PAGE)
    pg = paginator.get_page(page)

    def count(rs: list[Row]) -> int:
        return sum(1 + count(r.children) for r in rs)

    parents = {it.parent for it in plan.values() if it.parent}
    wholes = [
        (k, plan[k].title, d)
        for k, d in ordered
        if plan[k].kind != pl.PlanKind.TASK or k in parents
    ]
    owners = sorted(
        {
            (it.owner, data.names.positions.get(it.owner, it.owner))
            for it in plan.values()
            if it.owner
        },
        key=lambda pair: pair[1].casefold(),
    )
    return Tree(
        page=pg,
        roots=list(pg.object_list),
        data=data,
        total=len(plan),
        shown=count(list(pg.object_list)),
        filtered=keep is not None,
        wholes=wholes,
        owners=owners,
    )


# --- the order of work ---------------------------------------------------------------------------


@dataclass
class Next:
    page: Page
    rows: list[Row]
    position: Position | None
    positions: list[tuple[str, str]]  # positions owning open items
    mine: list[Position]
    data: PlanData
    preparing: list[Row]  # preparation late, for the position (or everyone)


def next_work(membership: Membership, *, position: str = "", page: int | str | None = 1) -> Next:
    """The open items in the order of work — for one position, or for everyone."""
    org = membership.org
    data = plan_data(org)
    plan = data.plan
    mine = my_positions(membership)
    chosen = None
    if position:
        chosen = Position.objects.filter(org=org, key=position).first()
        if chosen is None:
            raise Http404
    ordered = schedule.order_of_work(plan)
    keys = [k for k in ordered if chosen is None or plan[k].owner == chosen.key]
    ed = editing(membership)
    paginator = Paginator(keys, ORDER_PER_PAGE)
    pg = paginator.get_page(page)
    rank = {k: i + 1 for i, k in enumerate(keys)}
    rows = []
    for k in pg.object_list:
        r = row(data, k, 0, ed)
        r.rank = rank[k]
        r.waits_for = [plan[d] for d in schedule.waits_for(plan, k)]
        rows.append(r)
    preparing = [row(data, p.key) for p in schedule.preparation_late(plan, data.today)]
    if chosen is not None:
        preparing = [r for r in preparing if r.item.owner == chosen.key]
    positions = sorted(
        {
            (it.owner, data.names.positions.get(it.owner, it.owner))
            for it in plan.values()
            if it.owner and it.is_open
        },
        key=lambda pair: pair[1].casefold(),
    )
    return Next(pg, rows, chosen, positions, mine, data, preparing)


# --- the timeline -------------------------------------------------------------------------------


@dataclass
class Timeline:
    data: PlanData
    rows: list[tuple[str, int]]
    total: int  # rows there would be without the cut
    root: pl.PlanItem | None
    paths: list[tuple[pl.PlanItem, dt.date, list[Row]]]  # (goal, finish, critical chain)
    conflicts: set[tuple[str, str]]
    goals: list[pl.PlanItem]


def timeline(membership: Membership, *, root: str = "", open_only: bool = False) -> Timeline:
    data = plan_data(membership.org)
    plan = data.plan
    ordered = schedule.tree_order(plan, data.order)
    root_item = plan.get(root)
    if root_item is not None:
        keep = {root, *schedule.descendants(plan, root)}
        ordered = [(k, d) for k, d in ordered if k in keep]
        base = min((d for _k, d in ordered), default=0)
        ordered = [(k, d - base) for k, d in ordered]
    ordered = [(k, d) for k, d in ordered if plan[k].status is not pl.PlanStatus.CANCELLED]
    if open_only:
        ordered = [(k, d) for k, d in ordered if plan[k].is_open]
    goals = [plan[k] for k, d in schedule.tree_order(plan, data.order) if d == 0]
    if root_item is not None:
        tops = [(schedule.ancestors(plan, root) or [root])[-1]]
    else:
        tops = [g.key for g in goals]
    paths = [
        (plan[k], data.sched.finish[k], [row(data, c) for c in data.sched.paths[k]])
        for k in tops
        if k in data.sched.paths
    ]
    return Timeline(
        data=data,
        rows=ordered[:TIMELINE_ROWS],
        total=len(ordered),
        root=root_item,
        paths=paths,
        conflicts={(c.key, c.dependency) for cs in data.conflicts.values() for c in cs},
        goals=goals,
    )


# --- one item -----------------------------------------------------------------------------------


@dataclass
class NeedLine:
    need: ResourceNeed
    cover: gaps.Cover | None
    acquisitions: list[Acquisition]


@dataclass
class ItemPage:
    item: PlanItem
    row: Row
    data: PlanData
    ancestors: list[pl.PlanItem]
    children: list[Row]
    depends_on: list[Row]
    dependents: list[Row]
    needs: list[NeedLine]
    checkins: list[CheckIn]
    problems: list[Problem]
    candidates: list[pl.PlanItem]  # what it could be made to depend on (suggestions)


def item_page(membership: Membership, key: str) -> ItemPage:
    item = get_item(membership, key)
    data = plan_data(membership.org, with_resources=True)
    plan = data.plan
    ed = editing(membership)
    kids = schedule.children_of(plan)
    order = data.order
    children = sorted(kids.get(key, []), key=lambda k: (order.get(k, 0), k))
    dependents = [k for k, it in plan.items() if key in it.depends_on]
    covers = gaps.covers(data.snap)
    needs = list(
        ResourceNeed.objects.filter(org=item.org, plan_item=item)
        .select_related("resource")
        .order_by("needed_by", "key")
    )
    acquisitions: dict[int, list[Acquisition]] = {}
    for a in (
        Acquisition.objects.filter(org=item.org, need__in=needs)
        .select_related("owner")
        .order_by("due", "key")
    ):
        acquisitions.setdefault(a.need_id, []).append(a)
    # Suggestions for a new dependency: the items of the same goal first, then the rest.
    tops = schedule.ancestors(plan, key)
    top = tops[-1] if tops else key
    same = [top, *schedule.descendants(plan, top)]
    excluded = {key, *plan[key].depends_on, *schedule.ancestors(plan, key)}
    excluded |= set(schedule.descendants(plan, key))
    candidates = [plan[k] for k in same if k not in excluded]
    candidates += [plan[k] for k in plan if k not in excluded and k not in set(same)]
    return ItemPage(
        item=item,
        row=row(data, key, 0, ed),
        data=data,
        ancestors=[plan[k] for k in reversed(schedule.ancestors(plan, key))],
        children=[row(data, k, 1, ed) for k in children],
        depends_on=[row(data, d, 0, ed) for d in plan[key].depends_on if d in plan],
        dependents=[row(data, d, 0, ed) for d in dependents],
        needs=[NeedLine(n, covers.get(n.key), acquisitions.get(n.pk, [])) for n in needs],
        checkins=list(
            CheckIn.objects.filter(org=item.org, plan_item=item)
            .select_related("author")
            .order_by("-date", "-id")[:20]
        ),
        problems=list(
            Problem.objects.filter(org=item.org, plan_item=item)
            .select_related("owner")
            .order_by("status", "-raised_on")[:20]
        ),
        candidates=candidates[:300],
    )
