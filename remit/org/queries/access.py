"""Who may edit what inside an organisation: the SCOPED grants of the permission matrix.

A manager edits what positions in their department subtree own; their departments
are those of the positions their employee record holds today.
"""

from django.db.models import Q
from django.utils import timezone

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, Grant, grant

from ..models import Assignment, Department, Position


def my_positions(membership: Membership) -> list[Position]:
    """The positions the member's employee record holds today (none without a record)."""
    today = timezone.localdate()
    return list(
        Position.objects.filter(
            org=membership.org,
            assignments__employee__user_email__iexact=membership.user.email,
            assignments__start__lte=today,
        )
        .filter(Q(assignments__end__isnull=True) | Q(assignments__end__gte=today))
        .select_related("department")
        .distinct()
    )


def managed_department_ids(membership: Membership) -> set[int]:
    """The departments (with everything below them) a manager's positions sit in."""
    roots = {p.department_id for p in my_positions(membership) if p.department_id}
    if not roots:
        return set()
    children: dict[int | None, list[int]] = {}
    for pk, parent in Department.objects.filter(org=membership.org).values_list("id", "parent_id"):
        children.setdefault(parent, []).append(pk)
    out, todo = set(), list(roots)
    while todo:
        pk = todo.pop()
        if pk not in out:
            out.add(pk)
            todo.extend(children.get(pk, []))
    return out


def can_edit_position(
    membership: Membership, position: Position, capability=Capability.EDIT
) -> bool:
    g = grant(membership, capability)
    if g is Grant.YES:
        return True
    if g is Grant.SCOPED:
        return position.department_id in managed_department_ids(membership)
    return False


def holds(membership: Membership, position: Position) -> bool:
    """Whether the member holds the position today (for "my job")."""
    today = timezone.localdate()
    return (
        Assignment.objects.filter(
            org=membership.org,
            position=position,
            employee__user_email__iexact=membership.user.email,
            start__lte=today,
        )
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .exists()
    )
