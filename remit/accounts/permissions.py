"""The permission matrix: which role may do what in an organisation.

The matrix is data, so the table in docs/architecture.md can be checked against
it (tests/accounts/test_permissions.py fails when they disagree). A cell is one
of three grants:

* ``YES``      always;
* ``SCOPED``   only for what positions in the member's department subtree own
  (managers) or for the member's own records (members: check-ins, problems,
  lessons, interactions of relations their position maintains);
* ``OPENED``   only when the owner has opened it (shared values, open finance,
  open personal data).
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from .models import Membership, Role


class Grant(StrEnum):
    YES = "yes"
    SCOPED = "scoped"
    OPENED = "opened"
    NO = "no"


class Capability(StrEnum):
    READ = "read"
    EDIT = "edit"
    WRITE_OWN = "write_own"
    APPROVE = "approve"
    VALUES_READ = "values_read"
    VALUES_EDIT = "values_edit"
    FINANCE_READ = "finance_read"
    FINANCE_EDIT = "finance_edit"
    PERSONAL_READ = "personal_read"
    MEMBERS_MANAGE = "members_manage"
    SETTINGS_EDIT = "settings_edit"
    AUDIT_READ = "audit_read"
    ORG_DELETE = "org_delete"


CAPABILITY_LABELS = {
    Capability.READ: _("Read plan, structure and job descriptions"),
    Capability.EDIT: _("Edit business records"),
    Capability.WRITE_OWN: _("Write own check-ins, problems, lessons, interactions"),
    Capability.APPROVE: _("Approve job descriptions"),
    Capability.VALUES_READ: _("Read the owner's values"),
    Capability.VALUES_EDIT: _("Edit the owner's values"),
    Capability.FINANCE_READ: _("Read finance lines"),
    Capability.FINANCE_EDIT: _("Edit finance lines"),
    Capability.PERSONAL_READ: _("Read employees' personal data"),
    Capability.MEMBERS_MANAGE: _("Invite members and change roles"),
    Capability.SETTINGS_EDIT: _("Edit organisation settings"),
    Capability.AUDIT_READ: _("Read the organisation's change log"),
    Capability.ORG_DELETE: _("Delete the organisation"),
}

Y, S, OP, N = Grant.YES, Grant.SCOPED, Grant.OPENED, Grant.NO
ROLES = [Role.OWNER, Role.ADMIN, Role.MANAGER, Role.MEMBER, Role.VIEWER]

# Columns follow ROLES: owner, admin, manager, member, viewer.
_TABLE: dict[Capability, tuple[Grant, Grant, Grant, Grant, Grant]] = {
    Capability.READ: (Y, Y, Y, Y, Y),
    Capability.EDIT: (Y, Y, S, N, N),
    Capability.WRITE_OWN: (Y, Y, Y, S, N),
    Capability.APPROVE: (Y, Y, S, N, N),
    Capability.VALUES_READ: (Y, OP, OP, N, N),
    Capability.VALUES_EDIT: (Y, N, N, N, N),
    Capability.FINANCE_READ: (Y, Y, Y, OP, OP),
    Capability.FINANCE_EDIT: (Y, Y, N, N, N),
    Capability.PERSONAL_READ: (Y, Y, Y, OP, OP),
    Capability.MEMBERS_MANAGE: (Y, Y, N, N, N),
    Capability.SETTINGS_EDIT: (Y, Y, N, N, N),
    Capability.AUDIT_READ: (Y, Y, N, N, N),
    Capability.ORG_DELETE: (Y, N, N, N, N),
}

MATRIX: dict[Capability, dict[Role, Grant]] = {
    cap: dict(zip(ROLES, row, strict=True)) for cap, row in _TABLE.items()
}


def grant(membership: Membership, capability: Capability) -> Grant:
    """The grant a membership's role has for a capability (before scope or opening)."""
    return MATRIX[capability][Role(membership.role)]


def has(membership: Membership, capability: Capability, *, opened: bool = False) -> bool:
    """True when the role may do it everywhere (``YES``) or it is ``OPENED`` and opened.

    ``SCOPED`` grants answer False here: callers that can test the scope use
    :func:`grant` and decide on the row.
    """
    g = grant(membership, capability)
    return g is Grant.YES or (g is Grant.OPENED and opened)


def can_read_finance(membership: Membership) -> bool:
    return has(membership, Capability.FINANCE_READ, opened=membership.org.finance_open)


def can_read_personal_data(membership: Membership) -> bool:
    return has(membership, Capability.PERSONAL_READ, opened=membership.org.personal_data_open)


# Entity types whose change history reveals protected data: reading it needs the
# same capability as reading the entity itself.
SENSITIVE_HISTORY: dict[str, Capability] = {
    "organization": Capability.AUDIT_READ,
    "membership": Capability.AUDIT_READ,
    "invitation": Capability.AUDIT_READ,
    "valueorientation": Capability.VALUES_READ,
    "financeline": Capability.FINANCE_READ,
    "employee": Capability.PERSONAL_READ,
}


def can_see_entity_history(membership: Membership, entity_type: str) -> bool:
    capability = SENSITIVE_HISTORY.get(entity_type)
    if capability is None:
        return True
    opened = {
        Capability.FINANCE_READ: membership.org.finance_open,
        Capability.PERSONAL_READ: membership.org.personal_data_open,
    }.get(capability, False)
    return has(membership, capability, opened=opened)
