"""Reads for the owner's values (A1): who may read them, and what they are served by.

The values are private to owners unless an owner shares them: with admins
(visibility ``admins``) or with admins and managers (``managers``). Members and
viewers never read them. Every function costs a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from remit.accounts.models import Membership, Role
from remit.accounts.permissions import Capability, has
from remit.domain.strategy import ObjectiveStatus
from remit.domain.values import Visibility

from ..models import Objective, ValueChoice, ValueOrientation

# Which roles each visibility opens the values to (owners always read them).
OPENED_FOR: dict[str, set[str]] = {
    Visibility.OWNERS: set(),
    Visibility.ADMINS: {Role.ADMIN},
    Visibility.MANAGERS: {Role.ADMIN, Role.MANAGER},
}


def orientation(membership: Membership) -> ValueOrientation | None:
    return ValueOrientation.objects.filter(org=membership.org).first()


def value_choices(row: ValueOrientation | None) -> list[ValueChoice]:
    """The ranked values of an orientation, first-ranked first."""
    if row is None:
        return []
    return list(ValueChoice.objects.filter(orientation=row).order_by("rank", "order", "id"))


def opened(membership: Membership, visibility: str) -> bool:
    """Whether the owner's choice of visibility opens the values to this member's role."""
    return membership.role in OPENED_FOR.get(visibility, set())


def can_read_values(membership: Membership, row: ValueOrientation | None = None) -> bool:
    """Owners always; admins and managers when shared with them (one query at most)."""
    if has(membership, Capability.VALUES_READ):
        return True
    if not has(membership, Capability.VALUES_READ, opened=True):
        return False  # members and viewers: no query needed
    if row is None:
        row = orientation(membership)
    return row is not None and opened(membership, row.visibility)


def require_values_read(membership: Membership) -> ValueOrientation | None:
    """The orientation (None if not recorded yet); 403 for a role that may not read it."""
    row = orientation(membership)
    if not can_read_values(membership, row):
        raise PermissionDenied
    return row


def can_edit_values(membership: Membership) -> bool:
    return has(membership, Capability.VALUES_EDIT)


@dataclass
class ValueLine:
    """One value the owner ranked, with the objectives that serve it."""

    choice: ValueChoice
    objectives: list[Objective] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.choice.label or self.choice.get_value_display()

    @property
    def served(self) -> bool:
        """Whether an objective still pursued serves it (achieved ones are history)."""
        return any(o.status == ObjectiveStatus.ACTIVE for o in self.objectives)


@dataclass
class ValuesPage:
    orientation: ValueOrientation | None
    lines: list[ValueLine]
    unserved: list[ValueLine]  # ranked values no active objective serves
    serving_none: list[Objective]  # active objectives that state no value
    serving_unranked: list[Objective]  # active objectives serving a value the owner did not rank


def values_page(membership: Membership, row: ValueOrientation | None) -> ValuesPage:
    """The ranked values with the objectives serving each (two queries)."""
    choices = value_choices(row)
    objectives = list(
        Objective.objects.filter(org=membership.org)
        .exclude(status=ObjectiveStatus.DROPPED)
        .only("key", "title", "serves", "status")
        .order_by("key")
    )
    lines = [ValueLine(c) for c in choices]
    by_value = {line.choice.value: line for line in lines}
    serving_none, serving_unranked = [], []
    for o in objectives:
        if o.serves in by_value:
            by_value[o.serves].objectives.append(o)
        elif o.status != ObjectiveStatus.ACTIVE:
            continue
        elif not o.serves:
            serving_none.append(o)
        else:
            serving_unranked.append(o)
    unserved = [line for line in lines if not line.served]
    return ValuesPage(row, lines, unserved, serving_none, serving_unranked)
