"""Writes for resources (A4): the inventory, the plan's needs, and the acquisitions filling gaps."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from remit.accounts.models import Organization, User
from remit.domain import resources as r

from ..models import Acquisition, PlanItem, Position, Resource, ResourceNeed
from . import common

RESOURCE_FIELDS = ["key", "name", "category", "quantity", "unit", "value", "owner", "description"]
NEED_FIELDS = ["key", "plan_item", "resource", "category", "quantity", "unit", "needed_by", "note"]
ACQUISITION_FIELDS = [
    "key",
    "need",
    "method",
    "quantity",
    "owner",
    "due",
    "cost",
    "status",
    "note",
]


def _not_negative(**values: Decimal | None) -> None:
    errors = {
        name: _("Enter zero or more.") for name, v in values.items() if v is not None and v < 0
    }
    if errors:
        raise ValidationError(errors)


def _apply(row, fields: dict, allowed: list[str], what: str) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{what}() got an unknown field {name!r}")
        setattr(row, name, value.strip() if isinstance(value, str) else value)


# --- the inventory ---------------------------------------------------------------------------


@transaction.atomic
def resource_create(
    *,
    org: Organization,
    actor: User | None,
    name: str,
    key: str = "",
    category: r.ResourceCategory | str = r.ResourceCategory.OTHER,
    quantity: Decimal | None = None,
    unit: str = "",
    value: Decimal | None = None,
    owner: Position | None = None,
    description: str = "",
) -> Resource:
    """Add a resource to the inventory: what the company has, in a unit, and its value."""
    common.require_same_org(org, owner=owner)
    _not_negative(quantity=quantity, value=value)
    key = key.strip() or common.free_key(
        Resource, org, common.key_from_text(f"R {name}", fallback="R")
    )
    return common.create(
        Resource(
            org=org,
            key=key,
            name=name.strip(),
            category=category or r.ResourceCategory.OTHER,
            quantity=quantity,
            unit=unit.strip(),
            value=value,
            owner=owner,
            description=description.strip(),
        ),
        actor=actor,
    )


@transaction.atomic
def resource_update(*, resource: Resource, actor: User | None, **fields) -> Resource:
    common.require_same_org(resource.org, owner=fields.get("owner"))
    _not_negative(quantity=fields.get("quantity"), value=fields.get("value"))
    before = common.saved_state(resource, RESOURCE_FIELDS)
    _apply(resource, fields, RESOURCE_FIELDS, "resource_update")
    return common.update(resource, actor=actor, before=before)


@transaction.atomic
def resource_delete(*, resource: Resource, actor: User | None) -> None:
    """Delete a resource no need refers to (its needs would lose what they ask for)."""
    needs = list(resource.needs.order_by("key").values_list("key", flat=True)[:5])
    if needs:
        raise ValidationError(
            _("“%(name)s” is still needed (%(needs)s): change those needs first.")
            % {"name": resource.name, "needs": ", ".join(needs)}
        )
    common.delete(resource, actor=actor)


# --- needs ------------------------------------------------------------------------------------


def _check_need(need: ResourceNeed) -> None:
    if need.resource is None and not need.category:
        raise ValidationError(
            {"resource": _("Name the resource needed, or at least its category.")}
        )
    if need.resource is not None and not need.unit:
        # A quantity is only meaningful in a unit: take the resource's, so it is explicit.
        need.unit = need.resource.unit
    if need.resource is not None and not need.category:
        need.category = need.resource.category


@transaction.atomic
def need_create(
    *,
    org: Organization,
    actor: User | None,
    plan_item: PlanItem,
    resource: Resource | None = None,
    key: str = "",
    category: r.ResourceCategory | str = "",
    quantity: Decimal | None = None,
    unit: str = "",
    needed_by: dt.date | None = None,
    note: str = "",
) -> ResourceNeed:
    """Attach a need to a plan item: what, how much, in which unit, by when."""
    common.require_same_org(org, plan_item=plan_item, resource=resource)
    _not_negative(quantity=quantity)
    key = key.strip() or common.free_key(
        ResourceNeed, org, common.key_from_text(f"N {plan_item.key}", fallback="N", limit=40)
    )
    need = ResourceNeed(
        org=org,
        key=key,
        plan_item=plan_item,
        resource=resource,
        category=category or "",
        quantity=quantity,
        unit=unit.strip(),
        needed_by=needed_by,
        note=note.strip(),
    )
    _check_need(need)
    return common.create(need, actor=actor)


@transaction.atomic
def need_update(*, need: ResourceNeed, actor: User | None, **fields) -> ResourceNeed:
    common.require_same_org(
        need.org, plan_item=fields.get("plan_item"), resource=fields.get("resource")
    )
    _not_negative(quantity=fields.get("quantity"))
    before = common.saved_state(need, NEED_FIELDS)
    _apply(need, fields, NEED_FIELDS, "need_update")
    _check_need(need)
    return common.update(need, actor=actor, before=before)


@transaction.atomic
def need_delete(*, need: ResourceNeed, actor: User | None) -> None:
    """Delete a need; its acquisitions go with it."""
    common.delete(need, actor=actor)


# --- acquisitions ---------------------------------------------------------------------------


@transaction.atomic
def acquisition_create(
    *,
    org: Organization,
    actor: User | None,
    need: ResourceNeed,
    key: str = "",
    method: r.AcquisitionMethod | str = r.AcquisitionMethod.PURCHASE,
    quantity: Decimal | None = None,
    owner: Position | None = None,
    due: dt.date | None = None,
    cost: Decimal | None = None,
    status: r.AcquisitionStatus | str = r.AcquisitionStatus.PLANNED,
    note: str = "",
) -> Acquisition:
    """Plan how a need's gap is filled: how, how much, who, by when, at what cost."""
    common.require_same_org(org, need=need, owner=owner)
    _not_negative(quantity=quantity, cost=cost)
    base = need.key[2:] if need.key.startswith("N-") else need.key
    key = key.strip() or common.free_key(
        Acquisition, org, common.key_from_text(f"ACQ {base}", fallback="ACQ", limit=40)
    )
    return common.create(
        Acquisition(
            org=org,
            key=key,
            need=need,
            method=method or r.AcquisitionMethod.PURCHASE,
            quantity=quantity,
            owner=owner,
            due=due,
            cost=cost,
            status=status or r.AcquisitionStatus.PLANNED,
            note=note.strip(),
        ),
        actor=actor,
    )


@transaction.atomic
def acquisition_update(*, acquisition: Acquisition, actor: User | None, **fields) -> Acquisition:
    common.require_same_org(acquisition.org, need=fields.get("need"), owner=fields.get("owner"))
    _not_negative(quantity=fields.get("quantity"), cost=fields.get("cost"))
    before = common.saved_state(acquisition, ACQUISITION_FIELDS)
    _apply(acquisition, fields, ACQUISITION_FIELDS, "acquisition_update")
    return common.update(acquisition, actor=actor, before=before)


@transaction.atomic
def acquisition_delete(*, acquisition: Acquisition, actor: User | None) -> None:
    common.delete(acquisition, actor=actor)
