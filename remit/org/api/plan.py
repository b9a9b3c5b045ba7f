"""API operations for the plan (A3): items, their place in the tree, their dependencies,
the order of work and the critical path."""

import datetime as dt

from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from remit.accounts.models import Membership
from remit.analysis import schedule
from remit.domain.plan import PlanKind, PlanStatus

from ..actions import plan as actions
from ..models import Employee, Objective, PlanItem, Position
from ..queries import plan as queries
from . import PAGE_SIZE, OrgSlug, forbidden, membership, perform, require_grant, rows_by_key

router = Router(tags=["plan"])


# --- schemas --------------------------------------------------------------------------------


class PlanItemOut(Schema):
    key: str
    title: str
    kind: PlanKind
    parent: str | None = Field(None, description="The key of the item it is part of.")
    objective: str | None = Field(None, description="The key of the objective it serves.")
    description: str
    start: dt.date | None = None
    due: dt.date | None = None
    duration_days: int | None = Field(None, description="Days of work.")
    owner: str | None = Field(None, description="The key of the accountable position.")
    assignee: str | None = Field(None, description="The key of the employee doing it.")
    importance: int = Field(description="1 to 5.")
    urgency: int = Field(description="1 to 5.")
    status: PlanStatus
    progress: int = Field(description="Percent done.")
    advance: str = Field(description="How to advance it: the next moves.")
    lead_time_days: int = Field(
        description="Preparation must start this many days before the start."
    )
    depends_on: list[str] = Field(description="The keys of the items that must finish first.")
    order: int = Field(description="Its place among its siblings.")

    @staticmethod
    def resolve_parent(obj: PlanItem) -> str | None:
        return obj.parent.key if obj.parent_id else None

    @staticmethod
    def resolve_objective(obj: PlanItem) -> str | None:
        return obj.objective.key if obj.objective_id else None

    @staticmethod
    def resolve_owner(obj: PlanItem) -> str | None:
        return obj.owner.key if obj.owner_id else None

    @staticmethod
    def resolve_assignee(obj: PlanItem) -> str | None:
        return obj.assignee.key if obj.assignee_id else None

    @staticmethod
    def resolve_depends_on(obj: PlanItem) -> list[str]:
        return sorted(p.key for p in obj.depends_on.all())


class PlanItemIn(Schema):
    title: str
    key: str = Field("", description="Left empty, a key is made from the kind and the title.")
    kind: PlanKind = PlanKind.TASK
    parent: str | None = Field(None, description="The key of the item it is part of.")
    objective: str | None = Field(None, description="An objective's key.")
    description: str = ""
    start: dt.date | None = None
    due: dt.date | None = None
    duration_days: int | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key.")
    assignee: str | None = Field(None, description="An employee's key.")
    importance: int = Field(3, ge=1, le=5)
    urgency: int = Field(3, ge=1, le=5)
    status: PlanStatus = PlanStatus.NOT_STARTED
    progress: int = Field(0, ge=0, le=100)
    advance: str = ""
    lead_time_days: int = Field(0, ge=0)
    depends_on: list[str] = Field([], description="Keys of the items that must finish first.")


class PlanItemPatch(Schema):
    title: str | None = None
    key: str | None = None
    kind: PlanKind | None = None
    parent: str | None = Field(None, description="An item's key; null: a top-level item.")
    objective: str | None = Field(None, description="An objective's key; null: none.")
    description: str | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    duration_days: int | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key; null: none.")
    assignee: str | None = Field(None, description="An employee's key; null: none.")
    importance: int | None = Field(None, ge=1, le=5)
    urgency: int | None = Field(None, ge=1, le=5)
    status: PlanStatus | None = None
    progress: int | None = Field(None, ge=0, le=100)
    advance: str | None = None
    lead_time_days: int | None = Field(None, ge=0)
    depends_on: list[str] | None = Field(None, description="Items' keys; replaces the list.")


class MoveIn(Schema):
    parent: str | None = Field(None, description="The new whole's key; null: the top level.")
    position: int | None = Field(
        None, ge=0, description="Its place among the new siblings (0 first); null: last."
    )


class DependencyIn(Schema):
    key: str = Field(description="The key of the item that must finish first.")


class OrderItemOut(Schema):
    rank: int = Field(description="Its place in the order of work (1 first).")
    key: str
    title: str
    kind: PlanKind
    status: PlanStatus
    owner: str | None = None
    start: dt.date | None = Field(None, description="Planned first day.")
    due: dt.date | None = Field(None, description="Planned last day.")
    priority: int = Field(description="Importance × urgency.")
    waits_for: list[str] = Field(description="Open items it still waits for.")
    prepare_from: dt.date | None = Field(None, description="When preparation must begin.")
    preparation_late: bool
    overdue: bool
    critical: bool = Field(description="On the critical path: no slack.")
    slack: int | None = Field(None, description="Days it can slip without delaying its goal.")


class TimingOut(Schema):
    key: str
    early_start: dt.date
    early_finish: dt.date
    late_start: dt.date
    late_finish: dt.date
    slack: int
    critical: bool


class CriticalPathOut(Schema):
    goal: str = Field(description="The top-level item's key.")
    finish: dt.date = Field(description="When the goal finishes at the earliest.")
    items: list[str] = Field(description="The chain of items with no slack, in order.")


class ScheduleOut(Schema):
    paths: list[CriticalPathOut]
    cycles: list[list[str]] = Field(description="Items that wait for each other, per circle.")
    unscheduled: list[str] = Field(description="Items with no date anywhere in reach.")


REFS = {
    "parent": PlanItem,
    "objective": Objective,
    "owner": Position,
    "assignee": Employee,
    "depends_on": PlanItem,
}


def _items(m: Membership):
    return (
        PlanItem.objects.filter(org=m.org)
        .select_related("parent", "objective", "owner", "assignee")
        .prefetch_related(Prefetch("depends_on", queryset=PlanItem.objects.only("key")))
    )


def _get(m: Membership, key: str) -> PlanItem:
    item = _items(m).filter(key=key).first()
    if item is None:
        queries.get_item(m, key)  # the same 404 as the pages
    return item


def _editable(request: HttpRequest, org_slug: str, key: str) -> PlanItem:
    m = membership(request, org_slug)
    item = _get(m, key)
    if not queries.can_edit_item(m, item):
        forbidden(_("Your role does not allow changing “%(key)s”.") % {"key": key})
    return item


def _owner_in_scope(m: Membership, owner: Position | None) -> None:
    ed = queries.editing(m)
    if not ed.everything and (owner is None or not ed.position(owner.department_id)):
        forbidden(_("Managers give plan items only to their own departments' positions."))


def _blank(data: dict, *names: str) -> dict:
    for n in names:
        if n in data and data[n] is None:
            data[n] = ""
    return data


# --- items --------------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/plan/items",
    response=list[PlanItemOut],
    summary="List plan items",
    description=(
        "Plan items by key. Filter by `parent` (an item's key; `-` for the top level), "
        "`owner` (a position's key), `status`, `kind` and `q` (text in the title or key)."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def item_list(
    request: HttpRequest,
    org_slug: OrgSlug,
    parent: str = "",
    owner: str = "",
    status: PlanStatus | None = None,
    kind: PlanKind | None = None,
    q: str = "",
):
    """Plan items, filtered."""
    qs = _items(membership(request, org_slug))
    if parent == "-":
        qs = qs.filter(parent__isnull=True)
    elif parent:
        qs = qs.filter(parent__key=parent)
    if owner:
        qs = qs.filter(owner__key=owner)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(key__icontains=q))
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/plan/items",
    response={201: PlanItemOut},
    summary="Create a plan item",
    description=(
        "References are keys: `parent`, `objective`, `owner` (a position), `assignee` (an "
        "employee) and `depends_on`. A dependency that would make items wait for each "
        "other in a circle is refused (422, naming the circle). Managers create items only "
        "for their own departments' positions."
    ),
)
def item_create(request: HttpRequest, org_slug: OrgSlug, payload: PlanItemIn):
    """Create a plan item."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), **REFS)
    _owner_in_scope(m, data["owner"])
    item = perform(actions.plan_item_create, org=m.org, actor=request.user, **data)
    return _get(m, item.key)


@router.get("/o/{org_slug}/plan/items/{key}", response=PlanItemOut, summary="Get a plan item")
def item_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One plan item."""
    return _get(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/plan/items/{key}",
    response=PlanItemOut,
    summary="Update a plan item",
    description=(
        "Change only the fields you send. `parent` moves the item (last under its new "
        "whole); `depends_on` replaces its dependencies. A change that would put an item "
        "under its own part, or close a circle of dependencies, is refused (422)."
    ),
)
def item_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: PlanItemPatch):
    """Update a plan item."""
    m = membership(request, org_slug)
    item = _editable(request, org_slug, key)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), **REFS)
    if "owner" in data:
        _owner_in_scope(m, data["owner"])
    depends_on = data.pop("depends_on", None)
    if "depends_on" in payload.model_fields_set and depends_on is None:
        depends_on = []
    perform(
        actions.plan_item_update,
        item=item,
        actor=request.user,
        depends_on=depends_on,
        **_blank(data, "description", "advance", "title"),
    )
    return _get(m, item.key)


@router.delete(
    "/o/{org_slug}/plan/items/{key}",
    response={204: None},
    summary="Delete a plan item",
    description="Refused (422) while it has parts. Its check-ins and resource needs go with it.",
)
def item_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete a plan item without parts."""
    item = _editable(request, org_slug, key)
    perform(actions.plan_item_delete, item=item, actor=request.user)


@router.post(
    "/o/{org_slug}/plan/items/{key}/move",
    response=PlanItemOut,
    summary="Move a plan item",
    description=(
        "Put the item under another (`parent`, or null for the top level) at `position` "
        "among its new siblings. Refused (422) if it would sit under its own part or close "
        "a circle of dependencies."
    ),
)
def item_move(request: HttpRequest, org_slug: OrgSlug, key: str, payload: MoveIn):
    """Re-parent and place a plan item."""
    m = membership(request, org_slug)
    item = _editable(request, org_slug, key)
    data = rows_by_key(m.org, payload.model_dump(), parent=PlanItem)
    perform(
        actions.plan_item_move,
        item=item,
        actor=request.user,
        parent=data["parent"],
        index=data["position"],
    )
    return _get(m, key)


@router.post(
    "/o/{org_slug}/plan/items/{key}/dependencies",
    response=PlanItemOut,
    summary="Add a dependency",
    description=(
        "Make the item wait for another (`key`) to finish. Refused (422, naming the "
        "circle) when that other item already waits for this one, directly or not, or when "
        "one is part of the other."
    ),
)
def dependency_add(request: HttpRequest, org_slug: OrgSlug, key: str, payload: DependencyIn):
    """Add a dependency."""
    m = membership(request, org_slug)
    item = _editable(request, org_slug, key)
    data = rows_by_key(m.org, {"key": payload.key}, key=PlanItem)
    perform(
        actions.plan_dependency_add,
        item=item,
        actor=request.user,
        predecessor=data["key"],
        names={"depends_on": "key"},
    )
    return _get(m, key)


@router.delete(
    "/o/{org_slug}/plan/items/{key}/dependencies/{dep_key}",
    response=PlanItemOut,
    summary="Remove a dependency",
)
def dependency_remove(request: HttpRequest, org_slug: OrgSlug, key: str, dep_key: str):
    """Remove a dependency."""
    m = membership(request, org_slug)
    item = _editable(request, org_slug, key)
    predecessor = queries.get_item(m, dep_key)
    perform(actions.plan_dependency_remove, item=item, actor=request.user, predecessor=predecessor)
    return _get(m, key)


# --- what the plan computes -------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/plan/order",
    response=list[OrderItemOut],
    summary="The order of work",
    description=(
        "The open items in the order to do them: what they wait for first, then importance "
        "× urgency. Filter by `position` (the owner's key) for one position's list; each "
        "item says whether its preparation should have started, and its slack."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def order(request: HttpRequest, org_slug: OrgSlug, position: str = ""):
    """The order of work."""
    m = membership(request, org_slug)
    data = queries.plan_data(m.org)
    plan = data.plan
    keys = [k for k in schedule.order_of_work(plan) if not position or plan[k].owner == position]
    out = []
    for rank, k in enumerate(keys, 1):
        it = plan[k]
        prep = data.preparations.get(k)
        timing = data.sched.timing(k)
        out.append(
            {
                "rank": rank,
                "key": k,
                "title": it.title,
                "kind": it.kind,
                "status": it.status,
                "owner": it.owner,
                "start": schedule.planned_start(it),
                "due": schedule.planned_finish(it),
                "priority": it.priority,
                "waits_for": schedule.waits_for(plan, k),
                "prepare_from": prep.prepare_from if prep else None,
                "preparation_late": bool(prep and prep.prepare_from < data.today),
                "overdue": k in data.overdue,
                "critical": bool(timing and timing.critical),
                "slack": timing.slack if timing else None,
            }
        )
    return out


@router.get(
    "/o/{org_slug}/plan/schedule",
    response=list[TimingOut],
    summary="Early and late dates of every item",
    description=(
        "For each scheduled item: earliest and latest start and finish, and its slack (days "
        "it can slip without delaying its goal). Planned starts count as “not before”."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def timings(request: HttpRequest, org_slug: OrgSlug):
    """Timings of every item."""
    sched = queries.plan_data(membership(request, org_slug).org).sched
    return [
        {
            "key": t.key,
            "early_start": t.early_start,
            "early_finish": t.early_finish,
            "late_start": t.late_start,
            "late_finish": t.late_finish,
            "slack": t.slack,
            "critical": t.critical,
        }
        for t in sorted(sched.timings.values(), key=lambda t: t.key)
    ]


@router.get(
    "/o/{org_slug}/plan/critical-path",
    response=ScheduleOut,
    summary="The critical path of each goal",
    description=(
        "For each top-level item: when it finishes at the earliest and the chain of items "
        "with no slack that decides it; and any dependency cycles (which cannot be scheduled)."
    ),
)
def critical_path(request: HttpRequest, org_slug: OrgSlug):
    """Critical paths and cycles."""
    sched = queries.plan_data(membership(request, org_slug).org).sched
    return {
        "paths": [
            {"goal": k, "finish": sched.finish[k], "items": list(chain)}
            for k, chain in sched.paths.items()
        ],
        "cycles": [list(c.keys) for c in sched.cycles],
        "unscheduled": list(sched.unscheduled),
    }
