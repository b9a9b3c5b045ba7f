"""Writes for the plan (A3): items, their place in the tree, and their dependencies.

Every change that touches the tree or the dependencies is checked against the whole
plan first: a change that would make items wait for each other in a circle (an item
depending on another that depends on it, or on its own whole or part), or put an
item under one of its own parts, is refused with a message naming the circle, and
nothing is written.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User
from remit.analysis import schedule
from remit.domain import plan as pl

from ..models import Employee, Objective, PlanDependency, PlanItem, Position
from . import common

FIELDS = [
    "key",
    "title",
    "kind",
    "parent",
    "objective",
    "description",
    "start",
    "due",
    "duration_days",
    "owner",
    "assignee",
    "importance",
    "urgency",
    "status",
    "progress",
    "advance",
    "lead_time_days",
]
KEY_PREFIX = {
    pl.PlanKind.GOAL: "G",
    pl.PlanKind.STAGE: "S",
    pl.PlanKind.PROJECT: "P",
    pl.PlanKind.TASK: "T",
}


# --- the whole plan, light, for the checks --------------------------------------------------


def _light_plan(org: Organization) -> dict[str, pl.PlanItem]:
    """Every item's key, whole, status and dependencies: two queries, whatever the size."""
    deps: dict[int, list[str]] = {}
    for succ, pred_key in PlanDependency.objects.filter(org=org).values_list(
        "successor_id", "predecessor__key"
    ):
        deps.setdefault(succ, []).append(pred_key)
    out = {}
    for pk, key, parent, status in PlanItem.objects.filter(org=org).values_list(
        "id", "key", "parent__key", "status"
    ):
        out[key] = pl.PlanItem(
            key=key,
            title="",
            parent=parent,
            status=pl.PlanStatus(status),
            depends_on=tuple(deps.get(pk, ())),
        )
    return out


def _refuse_cycle(plan: dict[str, pl.PlanItem], key: str, field: str) -> None:
    """Refuse the plan as it would be if it made ``key`` wait for itself."""
    item = plan[key]
    if key in item.depends_on:
        raise ValidationError({field: _("An item cannot depend on itself.")})
    if _under_itself(plan, key):
        raise ValidationError(
            {"parent": _("An item cannot be part of itself or of one of its own parts.")}
        )
    above = schedule.ancestors(plan, key)
    below = set(schedule.descendants(plan, key))
    for d in item.depends_on:
        if d in above or d in below:
            raise ValidationError(
                {
                    field: _(
                        "“%(key)s” cannot depend on “%(other)s”: one is part of the other, so "
                        "neither could ever finish first."
                    )
                    % {"key": key, "other": d}
                }
            )
    cycle = schedule.cycle_through(plan, key)
    if cycle is not None:
        raise ValidationError(
            {
                field: _(
                    "This would make plan items wait for each other in a circle: %(cycle)s. "
                    "Remove one of these dependencies first."
                )
                % {"cycle": cycle.text}
            }
        )


def _under_itself(plan: dict[str, pl.PlanItem], key: str) -> bool:
    """Whether walking up from the item's whole leads back to the item."""
    seen: set[str] = set()
    k = plan[key].parent
    while k is not None and k in plan and k not in seen:
        if k == key:
            return True
        seen.add(k)
        k = plan[k].parent
    return False


def _check_plan(
    org: Organization,
    key: str,
    *,
    parent: object = ...,  # a key, None (the top), or ... (unchanged)
    depends_on: Iterable[str] | None = None,
    field: str = "depends_on",
) -> None:
    """Validate the plan with one item changed (its whole, its dependencies, or both)."""
    plan = _light_plan(org)
    item = plan.get(key) or pl.PlanItem(key=key, title="")
    changes: dict[str, Any] = {}
    if parent is not ...:
        changes["parent"] = parent
    if depends_on is not None:
        changes["depends_on"] = tuple(depends_on)
    plan[key] = pl.PlanItem(
        key=key,
        title="",
        parent=changes.get("parent", item.parent),
        status=item.status,
        depends_on=changes.get("depends_on", item.depends_on),
    )
    _refuse_cycle(plan, key, field)


# --- validation ---------------------------------------------------------------------------------


def _validate(item: PlanItem) -> None:
    errors = {}
    if item.start and item.due and item.due < item.start:
        errors["due"] = _("The due date is before the start.")
    if item.status == pl.PlanStatus.DONE and item.progress != 100:
        item.progress = 100
    if errors:
        raise ValidationError(errors)


def _next_order(org: Organization, parent: PlanItem | None) -> int:
    top = PlanItem.objects.filter(org=org, parent=parent).aggregate(m=Max("order"))["m"]
    return 0 if top is None else top + 1


def _deps_state(item: PlanItem) -> list[str]:
    return sorted(item.depends_on.values_list("key", flat=True))


def _set_deps(item: PlanItem, predecessors: list[PlanItem]) -> None:
    wanted = {p.pk for p in predecessors}
    have = set(
        PlanDependency.objects.filter(successor=item).values_list("predecessor_id", flat=True)
    )
    PlanDependency.objects.filter(successor=item, predecessor_id__in=have - wanted).delete()
    PlanDependency.objects.bulk_create(
        PlanDependency(org=item.org, successor=item, predecessor_id=pk) for pk in wanted - have
    )


# --- items ----------------------------------------------------------------------------------------


@transaction.atomic
def plan_item_create(
    *,
    org: Organization,
    actor: User | None,
    title: str,
    key: str = "",
    kind: pl.PlanKind | str = pl.PlanKind.TASK,
    parent: PlanItem | None = None,
    objective: Objective | None = None,
    description: str = "",
    start: dt.date | None = None,
    due: dt.date | None = None,
    duration_days: int | None = None,
    owner: Position | None = None,
    assignee: Employee | None = None,
    importance: int = 3,
    urgency: int = 3,
    status: pl.PlanStatus | str = pl.PlanStatus.NOT_STARTED,
    progress: int = 0,
    advance: str = "",
    lead_time_days: int = 0,
    depends_on: list[PlanItem] | None = None,
) -> PlanItem:
    """Add a plan item (last under its whole), with its dependencies."""
    depends_on = list(depends_on or [])
    common.require_same_org(
        org,
        parent=parent,
        objective=objective,
        owner=owner,
        assignee=assignee,
        depends_on=depends_on,
    )
    kind = pl.PlanKind(kind or pl.PlanKind.TASK)
    key = key.strip() or common.free_key(
        PlanItem, org, common.key_from_text(f"{KEY_PREFIX[kind]} {title}", fallback="ITEM")
    )
    item = PlanItem(
        org=org,
        key=key,
        title=title.strip(),
        kind=kind,
        parent=parent,
        objective=objective,
        description=description.strip(),
        start=start,
        due=due,
        duration_days=duration_days,
        owner=owner,
        assignee=assignee,
        importance=importance,
        urgency=urgency,
        status=status or pl.PlanStatus.NOT_STARTED,
        progress=progress or 0,
        advance=advance.strip(),
        lead_time_days=lead_time_days or 0,
        order=_next_order(org, parent),
    )
    _validate(item)
    common.require_key_free(PlanItem, org, key)
    if depends_on:
        _check_plan(
            org, key, parent=parent.key if parent else None, depends_on=[d.key for d in depends_on]
        )
    common.create(item, actor=actor)
    if depends_on:
        _set_deps(item, depends_on)
        audit.record(
            org=org,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=item,
            before={"depends_on": []},
            after={"depends_on": _deps_state(item)},
        )
    return item


@transaction.atomic
def plan_item_update(
    *, item: PlanItem, actor: User | None, depends_on: list[PlanItem] | None = None, **fields
) -> PlanItem:
    """Change an item's fields; ``parent`` moves it (last under its new whole),
    ``depends_on`` replaces its dependencies."""
    org = item.org
    for name in fields:
        if name not in FIELDS:
            raise TypeError(f"plan_item_update() got an unknown field {name!r}")
    common.require_same_org(
        org,
        parent=fields.get("parent"),
        objective=fields.get("objective"),
        owner=fields.get("owner"),
        assignee=fields.get("assignee"),
        depends_on=depends_on or [],
    )
    before = common.saved_state(item, FIELDS)
    old_parent_id = before["parent"]
    old_key = before["key"]
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    if "kind" in fields and not item.kind:
        item.kind = pl.PlanKind.TASK
    _validate(item)
    moved = "parent" in fields and item.parent_id != old_parent_id
    if moved or depends_on is not None:
        if item.key != old_key:
            common.require_key_free(PlanItem, org, item.key, exclude=item.pk)
        _check_plan(
            org,
            old_key,
            parent=(item.parent.key if item.parent else None) if moved else ...,
            depends_on=[d.key for d in depends_on] if depends_on is not None else None,
            field="depends_on" if depends_on is not None else "parent",
        )
    if moved:
        item.order = _next_order(org, item.parent)
    common.update(item, actor=actor, before=before)
    if depends_on is not None:
        old = _deps_state(item)
        _set_deps(item, depends_on)
        audit.record(
            org=org,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=item,
            before={"depends_on": old},
            after={"depends_on": _deps_state(item)},
        )
    return item


@transaction.atomic
def plan_item_delete(*, item: PlanItem, actor: User | None) -> None:
    """Delete an item without parts (its check-ins and resource needs go with it)."""
    if item.children.exists():
        raise ValidationError(
            _("“%(title)s” still has parts: move or delete them first.") % {"title": item.title}
        )
    common.delete(item, actor=actor)


@transaction.atomic
def plan_item_move(
    *, item: PlanItem, actor: User | None, parent: PlanItem | None, index: int | None = None
) -> PlanItem:
    """Put an item under ``parent`` (None: at the top), at ``index`` among its new siblings."""
    org = item.org
    common.require_same_org(org, parent=parent)
    if (parent.pk if parent else None) != item.parent_id:
        _check_plan(org, item.key, parent=parent.key if parent else None, field="parent")
        before = {"parent": item.parent_id}
        item.parent = parent
        item.save(update_fields=["parent"])
        audit.record(
            org=org,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=item,
            before=before,
            after={"parent": item.parent_id},
        )
    siblings = [
        s
        for s in PlanItem.objects.filter(org=org, parent=parent).order_by("order", "id")
        if s.pk != item.pk
    ]
    at = len(siblings) if index is None else max(0, min(index, len(siblings)))
    siblings.insert(at, item)
    common.reorder(siblings, [s.key for s in siblings], actor=actor)
    return item


@transaction.atomic
def plan_dependency_add(*, item: PlanItem, actor: User | None, predecessor: PlanItem) -> PlanItem:
    """Make ``item`` wait for ``predecessor`` to finish; refused if it closes a circle."""
    common.require_same_org(item.org, predecessor=predecessor)
    current = list(item.depends_on.all())
    if any(p.pk == predecessor.pk for p in current):
        return item
    return plan_item_update(item=item, actor=actor, depends_on=[*current, predecessor])


@transaction.atomic
def plan_dependency_remove(
    *, item: PlanItem, actor: User | None, predecessor: PlanItem
) -> PlanItem:
    """Stop ``item`` waiting for ``predecessor``."""
    current = list(item.depends_on.all())
    return plan_item_update(
        item=item, actor=actor, depends_on=[p for p in current if p.pk != predecessor.pk]
    )
