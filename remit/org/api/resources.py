"""API operations for resources (A4): the inventory, the plan's needs, the acquisitions,
and the gaps over time."""

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, Grant, grant
from remit.analysis import gaps
from remit.domain.resources import AcquisitionMethod, AcquisitionStatus, ResourceCategory

from ..actions import resources as actions
from ..models import Acquisition, PlanItem, Position, Resource, ResourceNeed
from ..queries import plan as plan_queries
from ..queries import resources as queries
from . import PAGE_SIZE, OrgSlug, forbidden, membership, perform, require_grant, rows_by_key

router = Router(tags=["resources"])


def _key(obj, attr: str) -> str | None:
    return getattr(obj, attr).key if getattr(obj, f"{attr}_id") else None


# --- schemas --------------------------------------------------------------------------------


class ResourceOut(Schema):
    key: str
    name: str
    category: ResourceCategory
    quantity: Decimal | None = Field(None, description="Available today, in `unit`.")
    unit: str
    value: Decimal | None = Field(None, description="In the organisation's currency.")
    owner: str | None = Field(None, description="The key of the owner position.")
    description: str

    @staticmethod
    def resolve_owner(obj: Resource) -> str | None:
        return _key(obj, "owner")


class ResourceIn(Schema):
    name: str
    key: str = Field("", description="Left empty, a key is made from the name.")
    category: ResourceCategory = ResourceCategory.OTHER
    quantity: Decimal | None = Field(None, ge=0)
    unit: str = ""
    value: Decimal | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key.")
    description: str = ""


class ResourcePatch(Schema):
    name: str | None = None
    key: str | None = None
    category: ResourceCategory | None = None
    quantity: Decimal | None = Field(None, ge=0)
    unit: str | None = None
    value: Decimal | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key; null: none.")
    description: str | None = None


class NeedOut(Schema):
    key: str
    plan_item: str = Field(description="The key of the plan item that needs it.")
    resource: str | None = Field(None, description="The resource's key (or only a category).")
    category: ResourceCategory | None = None
    quantity: Decimal | None = Field(None, description="How much, in `unit`.")
    unit: str
    needed_by: dt.date | None = None
    note: str

    @staticmethod
    def resolve_plan_item(obj: ResourceNeed) -> str:
        return obj.plan_item.key

    @staticmethod
    def resolve_resource(obj: ResourceNeed) -> str | None:
        return _key(obj, "resource")

    @staticmethod
    def resolve_category(obj: ResourceNeed) -> str | None:
        return obj.category or None


class NeedIn(Schema):
    plan_item: str = Field(description="A plan item's key.")
    resource: str | None = Field(None, description="A resource's key; or give a category.")
    key: str = Field("", description="Left empty, a key is made from the plan item's.")
    category: ResourceCategory | None = None
    quantity: Decimal | None = Field(None, ge=0)
    unit: str = Field("", description="Left empty, the resource's unit.")
    needed_by: dt.date | None = None
    note: str = ""


class NeedPatch(Schema):
    plan_item: str | None = None
    resource: str | None = Field(None, description="A resource's key; null: none.")
    key: str | None = None
    category: ResourceCategory | None = None
    quantity: Decimal | None = Field(None, ge=0)
    unit: str | None = None
    needed_by: dt.date | None = None
    note: str | None = None


class AcquisitionOut(Schema):
    key: str
    need: str = Field(description="The key of the need it fills.")
    method: AcquisitionMethod
    quantity: Decimal | None = Field(None, description="In the need's unit; null: all of it.")
    owner: str | None = None
    due: dt.date | None = None
    cost: Decimal | None = Field(None, description="In the organisation's currency.")
    status: AcquisitionStatus
    note: str

    @staticmethod
    def resolve_need(obj: Acquisition) -> str:
        return obj.need.key

    @staticmethod
    def resolve_owner(obj: Acquisition) -> str | None:
        return _key(obj, "owner")


class AcquisitionIn(Schema):
    need: str = Field(description="A need's key.")
    key: str = Field("", description="Left empty, a key is made from the need's.")
    method: AcquisitionMethod = AcquisitionMethod.PURCHASE
    quantity: Decimal | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key.")
    due: dt.date | None = None
    cost: Decimal | None = Field(None, ge=0)
    status: AcquisitionStatus = AcquisitionStatus.PLANNED
    note: str = ""


class AcquisitionPatch(Schema):
    need: str | None = None
    key: str | None = None
    method: AcquisitionMethod | None = None
    quantity: Decimal | None = Field(None, ge=0)
    owner: str | None = Field(None, description="A position's key; null: none.")
    due: dt.date | None = None
    cost: Decimal | None = Field(None, ge=0)
    status: AcquisitionStatus | None = None
    note: str | None = None


class PointOut(Schema):
    date: dt.date | None = Field(None, description="From this day (today: the past folded in).")
    needed: Decimal
    available: Decimal
    lacking: Decimal


class LineOut(Schema):
    resource: str | None = Field(None, description="The resource's key (null: a category).")
    category: ResourceCategory | None = None
    unit: str = Field(description="Every quantity of the line is in this unit.")
    on_hand: Decimal = Field(description="In stock today, when counted in this unit.")
    needed: Decimal
    incoming: Decimal = Field(description="What open acquisitions bring.")
    lacking: Decimal = Field(description="The most lacking on any day.")
    short_from: dt.date | None = None
    needs: list[str]
    points: list[PointOut]


class CoverOut(Schema):
    need: str
    quantity: Decimal | None = None
    from_stock: Decimal | None = None
    gap: Decimal | None = Field(None, description="What the stock leaves.")
    filled: Decimal | None = Field(None, description="By its acquisitions; null: all of it.")
    unfilled: Decimal | None = None
    acquisitions: list[str]


class LateOut(Schema):
    acquisition: str
    need: str
    due: dt.date
    needed_by: dt.date
    days: int


class GapsOut(Schema):
    currency: str
    lines: list[LineOut]
    unfilled: list[CoverOut] = Field(description="Open needs with a gap no acquisition fills.")
    late: list[LateOut] = Field(description="Open acquisitions due after their need.")
    costs: dict[AcquisitionStatus, Decimal] = Field(description="Acquisition costs by status.")


# --- access -------------------------------------------------------------------------------------


def _can_owner(m: Membership, owner: Position | None) -> bool:
    ed = plan_queries.editing(m)
    return ed.everything or (owner is not None and ed.position(owner.department_id))


def _require_owner(m: Membership, owner: Position | None) -> None:
    if not _can_owner(m, owner):
        forbidden(_("Managers change only what their departments' positions own."))


def _require_item(m: Membership, item: PlanItem | None) -> None:
    if grant(m, Capability.EDIT) is Grant.YES:
        return
    if item is None or not plan_queries.can_edit_item(m, item):
        forbidden(_("Managers change the needs only of plan items their departments own."))


# --- resources ------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/resources",
    response=list[ResourceOut],
    summary="List resources",
    description="The inventory by key. Filter by `category` and `q` (text in the name or key).",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def resource_list(
    request: HttpRequest, org_slug: OrgSlug, category: ResourceCategory | None = None, q: str = ""
):
    """Resources, filtered."""
    qs = Resource.objects.filter(org=membership(request, org_slug).org).select_related("owner")
    if category:
        qs = qs.filter(category=category)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(key__icontains=q))
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/resources",
    response={201: ResourceOut},
    summary="Create a resource",
    description="`owner` names the accountable position by key; quantities are in `unit`.",
)
def resource_create(request: HttpRequest, org_slug: OrgSlug, payload: ResourceIn):
    """Create a resource."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), owner=Position)
    _require_owner(m, data["owner"])
    return perform(actions.resource_create, org=m.org, actor=request.user, **data)


@router.get("/o/{org_slug}/resources/{key}", response=ResourceOut, summary="Get a resource")
def resource_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One resource."""
    return queries.get_resource(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/resources/{key}",
    response=ResourceOut,
    summary="Update a resource",
    description="Change only the fields you send.",
)
def resource_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: ResourcePatch):
    """Update a resource."""
    m = membership(request, org_slug)
    row = queries.get_resource(m, key)
    _require_owner(m, row.owner)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), owner=Position)
    if "owner" in data:
        _require_owner(m, data["owner"])
    for name in ("description", "unit"):
        if name in data and data[name] is None:
            data[name] = ""
    return perform(actions.resource_update, resource=row, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/resources/{key}",
    response={204: None},
    summary="Delete a resource",
    description="Refused (422) while needs refer to it.",
)
def resource_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete a resource."""
    m = membership(request, org_slug)
    row = queries.get_resource(m, key)
    _require_owner(m, row.owner)
    perform(actions.resource_delete, resource=row, actor=request.user)


# --- needs ----------------------------------------------------------------------------------------


def _needs(m: Membership):
    return ResourceNeed.objects.filter(org=m.org).select_related("plan_item", "resource")


@router.get(
    "/o/{org_slug}/resource-needs",
    response=list[NeedOut],
    summary="List resource needs",
    description="Needs by key. Filter by `plan_item` or `resource` (keys).",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def need_list(request: HttpRequest, org_slug: OrgSlug, plan_item: str = "", resource: str = ""):
    """Needs, filtered."""
    qs = _needs(membership(request, org_slug))
    if plan_item:
        qs = qs.filter(plan_item__key=plan_item)
    if resource:
        qs = qs.filter(resource__key=resource)
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/resource-needs",
    response={201: NeedOut},
    summary="Create a resource need",
    description=(
        "Attach to a plan item what it needs: a `resource` (or only a `category`), a "
        "`quantity` in `unit` (left empty: the resource's) and `needed_by`."
    ),
)
def need_create(request: HttpRequest, org_slug: OrgSlug, payload: NeedIn):
    """Create a need."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), plan_item=PlanItem, resource=Resource)
    _require_item(m, data["plan_item"])
    data["category"] = data["category"] or ""
    need = perform(actions.need_create, org=m.org, actor=request.user, **data)
    return need


@router.get("/o/{org_slug}/resource-needs/{key}", response=NeedOut, summary="Get a resource need")
def need_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One need."""
    return queries.get_need(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/resource-needs/{key}",
    response=NeedOut,
    summary="Update a resource need",
    description="Change only the fields you send.",
)
def need_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: NeedPatch):
    """Update a need."""
    m = membership(request, org_slug)
    need = queries.get_need(m, key)
    _require_item(m, need.plan_item)
    data = rows_by_key(
        m.org, payload.model_dump(exclude_unset=True), plan_item=PlanItem, resource=Resource
    )
    if "plan_item" in data:
        _require_item(m, data["plan_item"])
    for name in ("category", "unit", "note"):
        if name in data and data[name] is None:
            data[name] = ""
    return perform(actions.need_update, need=need, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/resource-needs/{key}",
    response={204: None},
    summary="Delete a resource need",
    description="Its acquisitions go with it.",
)
def need_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete a need."""
    m = membership(request, org_slug)
    need = queries.get_need(m, key)
    _require_item(m, need.plan_item)
    perform(actions.need_delete, need=need, actor=request.user)


# --- acquisitions -----------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/acquisitions",
    response=list[AcquisitionOut],
    summary="List acquisitions",
    description="Acquisitions by key. Filter by `need` (a key), `status` and `method`.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def acquisition_list(
    request: HttpRequest,
    org_slug: OrgSlug,
    need: str = "",
    status: AcquisitionStatus | None = None,
    method: AcquisitionMethod | None = None,
):
    """Acquisitions, filtered."""
    qs = Acquisition.objects.filter(org=membership(request, org_slug).org).select_related(
        "need", "owner"
    )
    if need:
        qs = qs.filter(need__key=need)
    if status:
        qs = qs.filter(status=status)
    if method:
        qs = qs.filter(method=method)
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/acquisitions",
    response={201: AcquisitionOut},
    summary="Create an acquisition",
    description=(
        "How a need's gap is filled: `method` (exchange, accumulate, purchase, borrow, "
        "cultivate, compete), `quantity` in the need's unit, `owner`, `due`, `cost` and "
        "`status`."
    ),
)
def acquisition_create(request: HttpRequest, org_slug: OrgSlug, payload: AcquisitionIn):
    """Create an acquisition."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), need=ResourceNeed, owner=Position)
    _require_owner(m, data["owner"])
    return perform(actions.acquisition_create, org=m.org, actor=request.user, **data)


@router.get(
    "/o/{org_slug}/acquisitions/{key}", response=AcquisitionOut, summary="Get an acquisition"
)
def acquisition_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One acquisition."""
    return queries.get_acquisition(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/acquisitions/{key}",
    response=AcquisitionOut,
    summary="Update an acquisition",
    description="Change only the fields you send.",
)
def acquisition_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, payload: AcquisitionPatch
):
    """Update an acquisition."""
    m = membership(request, org_slug)
    row = queries.get_acquisition(m, key)
    _require_owner(m, row.owner)
    data = rows_by_key(
        m.org, payload.model_dump(exclude_unset=True), need=ResourceNeed, owner=Position
    )
    if "owner" in data:
        _require_owner(m, data["owner"])
    if "note" in data and data["note"] is None:
        data["note"] = ""
    return perform(actions.acquisition_update, acquisition=row, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/acquisitions/{key}", response={204: None}, summary="Delete an acquisition"
)
def acquisition_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete an acquisition."""
    m = membership(request, org_slug)
    row = queries.get_acquisition(m, key)
    _require_owner(m, row.owner)
    perform(actions.acquisition_delete, acquisition=row, actor=request.user)


# --- gaps -----------------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/resource-gaps",
    response=GapsOut,
    summary="Needed vs available vs lacking",
    description=(
        "Per resource and unit (units are never mixed): what open plan items need from "
        "their dates on, what is available (today's stock plus open acquisitions by their "
        "due dates) and what is lacking, over time; the needs no acquisition fills; the "
        "acquisitions due after their need; and the acquisitions' cost by status."
    ),
)
def gap_report(request: HttpRequest, org_slug: OrgSlug):
    """The gaps."""
    m = membership(request, org_slug)
    snap = queries.gap_snapshot(m.org)
    today = timezone.localdate()
    return {
        "currency": m.org.currency,
        "lines": [
            {
                "resource": line.resource,
                "category": line.category,
                "unit": line.unit,
                "on_hand": line.on_hand,
                "needed": line.needed,
                "incoming": line.incoming,
                "lacking": line.lacking,
                "short_from": line.short_from,
                "needs": list(line.needs),
                "points": [
                    {
                        "date": p.date,
                        "needed": p.needed,
                        "available": p.available,
                        "lacking": p.lacking,
                    }
                    for p in line.points
                ],
            }
            for line in gaps.lines(snap, today)
        ],
        "unfilled": [
            {
                "need": c.need,
                "quantity": c.quantity,
                "from_stock": c.from_stock,
                "gap": c.gap,
                "filled": c.filled,
                "unfilled": c.unfilled,
                "acquisitions": list(c.acquisitions),
            }
            for c in gaps.unfilled(snap)
        ],
        "late": [
            {
                "acquisition": x.acquisition,
                "need": x.need,
                "due": x.due,
                "needed_by": x.needed_by,
                "days": x.days,
            }
            for x in gaps.late_acquisitions(snap)
        ],
        "costs": gaps.acquisition_costs(snap),
    }
