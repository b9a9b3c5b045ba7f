"""Writes for A7 structure: departments and positions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from remit.accounts.models import Organization, User
from remit.domain.people import PositionStatus

from ..models import Department, Grade, Position
from . import common

POSITION_FIELDS = [
    "key",
    "title",
    "department",
    "reports_to",
    "grade",
    "headcount",
    "status",
    "confidentiality_required",
]
DEPARTMENT_FIELDS = ["key", "name", "parent", "function"]


def _no_cycle(child_pk: int | None, parent, attr: str, message: str) -> None:
    """Walking up from ``parent`` must never reach the row itself."""
    seen = set()
    node = parent
    while node is not None:
        if child_pk is not None and node.pk == child_pk:
            raise ValidationError({attr: message})
        if node.pk in seen:
            break
        seen.add(node.pk)
        node = getattr(node, attr)


@transaction.atomic
def department_create(
    *,
    org: Organization,
    actor: User | None,
    name: str,
    key: str = "",
    parent: Department | None = None,
    function: str = "",
) -> Department:
    common.require_same_org(org, parent=parent)
    key = key or common.free_key(Department, org, common.key_from_text(name, fallback="DEPT"))
    return common.create(
        Department(org=org, key=key, name=name.strip(), parent=parent, function=function.strip()),
        actor=actor,
    )


@transaction.atomic
def department_update(*, department: Department, actor: User | None, **fields) -> Department:
    org = department.org
    common.require_same_org(org, parent=fields.get("parent"))
    before = common.saved_state(department, DEPARTMENT_FIELDS)
    for name, value in fields.items():
        if name not in DEPARTMENT_FIELDS:
            raise TypeError(f"department_update() got an unknown field {name!r}")
        setattr(department, name, value)
    _no_cycle(
        department.pk,
        department.parent,
        "parent",
        _("A department cannot sit below itself or below one of its own sub-departments."),
    )
    return common.update(department, actor=actor, before=before)


@transaction.atomic
def department_delete(*, department: Department, actor: User | None) -> None:
    if department.positions.exists() or department.children.exists():
        raise ValidationError(
            _("“%(name)s” still has positions or sub-departments: move them first.")
            % {"name": department.name}
        )
    common.delete(department, actor=actor)


@transaction.atomic
def position_create(
    *,
    org: Organization,
    actor: User | None,
    title: str,
    key: str = "",
    department: Department | None = None,
    reports_to: Position | None = None,
    grade: Grade | None = None,
    headcount: int = 1,
    status: str = PositionStatus.ACTIVE,
    confidentiality_required: bool = False,
) -> Position:
    common.require_same_org(org, department=department, reports_to=reports_to, grade=grade)
    key = key or common.free_key(Position, org, common.key_from_text(title, fallback="POST"))
    return common.create(
        Position(
            org=org,
            key=key,
            title=title.strip(),
            department=department,
            reports_to=reports_to,
            grade=grade,
            headcount=headcount,
            status=status,
            confidentiality_required=confidentiality_required,
        ),
        actor=actor,
    )


@transaction.atomic
def position_update(*, position: Position, actor: User | None, **fields) -> Position:
    org = position.org
    common.require_same_org(
        org,
        department=fields.get("department"),
        reports_to=fields.get("reports_to"),
        grade=fields.get("grade"),
    )
    before = common.saved_state(position, POSITION_FIELDS)
    for name, value in fields.items():
        if name not in POSITION_FIELDS:
            raise TypeError(f"position_update() got an unknown field {name!r}")
        setattr(position, name, value)
    _no_cycle(
        position.pk,
        position.reports_to,
        "reports_to",
        _("A position cannot report to itself or to a position that reports to it."),
    )
    return common.update(position, actor=actor, before=before)


@transaction.atomic
def position_archive(*, position: Position, actor: User | None) -> Position:
    """Archive a position: it stays in history and old job descriptions, out of the checks."""
    if position.subordinates.exclude(status=PositionStatus.ARCHIVED).exists():
        raise ValidationError(
            _("Positions still report to “%(title)s”: give them another manager first.")
            % {"title": position.title}
        )
    return position_update(position=position, actor=actor, status=PositionStatus.ARCHIVED)
