"""API operations for the strategic objectives (A2): objectives, measurements, forecasts."""

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from remit.analysis.forecast import Method, Outlook
from remit.domain.common import norm_decimal
from remit.domain.strategy import ObjectiveStatus
from remit.domain.values import Value

from ..actions import strategy as actions
from ..models import Measurement, Objective, Position
from ..queries import strategy as queries
from . import PAGE_SIZE, OrgSlug, forbidden, membership, perform, require_grant, rows_by_key

router = Router(tags=["strategy"])


# --- schemas ------------------------------------------------------------------------------


def _decimal(value: Decimal | None) -> Decimal | None:
    return norm_decimal(value) if value is not None else None


class ObjectiveOut(Schema):
    key: str
    title: str
    description: str
    metric: str = Field(description="What is measured, e.g. “net sales, rolling 12 months”.")
    unit: str
    baseline: Decimal | None = None
    target: Decimal | None = Field(None, description="Below the baseline when it must go down.")
    deadline: dt.date | None = None
    owner: str | None = Field(None, description="The key of the accountable position.")
    serves: Value | None = Field(None, description="The owner's value it serves.")
    status: ObjectiveStatus
    measure_every: str | None = Field(None, description="How often it is measured (a cadence).")

    @staticmethod
    def resolve_baseline(obj: Objective) -> Decimal | None:
        return _decimal(obj.baseline)

    @staticmethod
    def resolve_target(obj: Objective) -> Decimal | None:
        return _decimal(obj.target)

    @staticmethod
    def resolve_owner(obj: Objective) -> str | None:
        return obj.owner.key if obj.owner_id else None

    @staticmethod
    def resolve_serves(obj: Objective) -> str | None:
        return obj.serves or None

    @staticmethod
    def resolve_measure_every(obj: Objective) -> str | None:
        return obj.measure_every or None


class ObjectiveIn(Schema):
    title: str
    key: str = Field("", description="Left empty, a key is made from the title.")
    description: str = ""
    metric: str = ""
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    deadline: dt.date | None = None
    owner: str | None = Field(None, description="A position's key.")
    serves: Value | None = None
    status: ObjectiveStatus = ObjectiveStatus.ACTIVE
    measure_every: str | None = Field(None, description="e.g. “monthly”, “quarterly”.")


class ObjectivePatch(Schema):
    key: str | None = None
    title: str | None = None
    description: str | None = None
    metric: str | None = None
    unit: str | None = None
    baseline: Decimal | None = None
    target: Decimal | None = None
    deadline: dt.date | None = None
    owner: str | None = Field(None, description="A position's key; null: none.")
    serves: Value | None = Field(None, description="null: none.")
    status: ObjectiveStatus | None = None
    measure_every: str | None = Field(None, description="A cadence; null: none.")


class MeasurementOut(Schema):
    key: str
    date: dt.date
    value: Decimal
    note: str

    @staticmethod
    def resolve_value(obj: Measurement) -> Decimal:
        return norm_decimal(obj.value)


class MeasurementIn(Schema):
    date: dt.date = Field(description="The day it was measured (not in the future).")
    value: Decimal
    note: str = ""


class ForecastOut(Schema):
    objective: str = Field(description="The objective's key.")
    outlook: Outlook = Field(description="on_track, at_risk, off_track, met, or unknown.")
    message: str = Field(description="The outlook in words, with the numbers behind it.")
    method: Method = Field(description="How the trend was fitted (none: no forecast).")
    progress: float | None = Field(None, description="Percent of the way from the baseline.")
    latest: float | None = Field(None, description="The latest measurement.")
    latest_on: dt.date | None = None
    target: float | None = None
    deadline: dt.date | None = None
    forecast: float | None = Field(None, description="The value the trend reaches by the deadline.")
    forecast_low: float | None = Field(None, description="The low end of the forecast's range.")
    forecast_high: float | None = Field(None, description="The high end of the forecast's range.")
    trend_per_month: float | None = None
    needed_per_month: float | None = Field(
        None, description="The change per month needed from the latest measurement."
    )
    measurements: int
    carried_by: list[str] = Field(
        description="Keys of the positions whose purpose or targets carry it."
    )
    plan_items: list[str] = Field(description="Keys of the plan items that decompose it.")


REFS = {"owner": Position}


def _editable(request: HttpRequest, org_slug: str, key: str) -> Objective:
    m = membership(request, org_slug)
    row = queries.get_objective(m, key)
    if not queries.can_edit_objective(m, row):
        forbidden(_("Your role does not allow changing “%(key)s”.") % {"key": row.key})
    return row


def _owner_in_scope(request: HttpRequest, owner: Position | None) -> None:
    if not queries.position_in_scope(request.membership, owner):
        forbidden(_("Managers set only positions of their own departments as owners."))


# --- objectives ----------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/objectives",
    response=list[ObjectiveOut],
    summary="List objectives",
    description="Objectives by key; filter by `status` (active, achieved, dropped).",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def objective_list(request: HttpRequest, org_slug: OrgSlug, status: ObjectiveStatus | None = None):
    """Objectives, by key."""
    m = membership(request, org_slug)
    qs = Objective.objects.filter(org=m.org).select_related("owner")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/objectives",
    response={201: ObjectiveOut},
    summary="Create an objective",
    description=(
        "What, by when: metric, unit, baseline, target, deadline, the owner position (a "
        "key) and the value it serves. Managers create objectives owned by positions of "
        "their own departments."
    ),
)
def objective_create(request: HttpRequest, org_slug: OrgSlug, payload: ObjectiveIn):
    """Create an objective."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), **REFS)
    _owner_in_scope(request, data["owner"])
    return perform(actions.objective_create, org=m.org, actor=request.user, **data)


@router.get("/o/{org_slug}/objectives/{key}", response=ObjectiveOut, summary="Get an objective")
def objective_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One objective."""
    return queries.get_objective(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/objectives/{key}",
    response=ObjectiveOut,
    summary="Update an objective",
    description="Change only the fields you send; `null` clears an optional one.",
)
def objective_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: ObjectivePatch):
    """Update an objective's fields."""
    row = _editable(request, org_slug, key)
    data = rows_by_key(row.org, payload.model_dump(exclude_unset=True), **REFS)
    if "owner" in data:
        _owner_in_scope(request, data["owner"])
    for name in ("title", "key", "status"):
        if name in data and data[name] is None:
            data.pop(name)  # required fields: null means "leave as it is"
    for name in ("description", "metric", "unit"):
        if name in data and data[name] is None:
            data[name] = ""
    return perform(actions.objective_update, objective=row, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/objectives/{key}",
    response={204: None},
    summary="Delete an objective",
    description=(
        "Deletes the objective and its measurements. Refused (422) while position targets, "
        "purposes or plan items refer to it: unlink them, or set the status to dropped."
    ),
)
def objective_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete an objective nothing refers to."""
    row = _editable(request, org_slug, key)
    perform(actions.objective_delete, objective=row, actor=request.user)


# --- measurements ----------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/objectives/{key}/measurements",
    response=list[MeasurementOut],
    summary="List an objective's measurements",
    description="Oldest first.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def measurement_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Measurements, oldest first."""
    row = queries.get_objective(membership(request, org_slug), key)
    return Measurement.objects.filter(objective=row).order_by("date", "id")


@router.post(
    "/o/{org_slug}/objectives/{key}/measurements",
    response={201: MeasurementOut},
    summary="Record a measurement",
    description=(
        "One value on one day. Refused (422) for a day in the future or a day that "
        "already has a measurement (delete that one first)."
    ),
)
def measurement_add(request: HttpRequest, org_slug: OrgSlug, key: str, payload: MeasurementIn):
    """Add a measurement."""
    row = _editable(request, org_slug, key)
    return perform(
        actions.measurement_add, objective=row, actor=request.user, **payload.model_dump()
    )


@router.delete(
    "/o/{org_slug}/objectives/{key}/measurements/{measurement_key}",
    response={204: None},
    summary="Delete a measurement",
)
def measurement_delete(request: HttpRequest, org_slug: OrgSlug, key: str, measurement_key: str):
    """Delete one measurement."""
    m = membership(request, org_slug)
    row = queries.get_objective(m, key)
    measurement = queries.get_measurement(row, measurement_key)
    if not queries.can_edit_objective(m, row):
        forbidden(_("Your role does not allow changing “%(key)s”.") % {"key": row.key})
    perform(actions.measurement_delete, measurement=measurement, actor=request.user)


# --- forecast ----------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/objectives/{key}/forecast",
    response=ForecastOut,
    summary="Forecast an objective to its deadline",
    description=(
        "Progress, the trend (Theil–Sen: the median slope between every pair of "
        "measurements) extended to the deadline with its range, the outlook against the "
        "target (short by up to 10 % of the way: at_risk; more: off_track), and the "
        "positions and plan items that carry it."
    ),
)
def objective_forecast(request: HttpRequest, org_slug: OrgSlug, key: str):
    """The objective's forecast."""
    row = queries.get_objective(membership(request, org_slug), key)
    v = queries.objective_view(row)
    f = v.forecast
    return ForecastOut(
        objective=row.key,
        outlook=f.outlook,
        message=v.reason,
        method=f.method,
        progress=f.progress,
        latest=f.current,
        latest_on=f.current_on,
        target=f.target,
        deadline=v.objective.deadline,
        forecast=f.forecast,
        forecast_low=f.forecast_low,
        forecast_high=f.forecast_high,
        trend_per_month=f.per_month,
        needed_per_month=f.needed_per_month,
        measurements=f.measured,
        carried_by=[c.position.key for c in v.carriers],
        plan_items=[i.key for i in v.plan_items],
    )
