"""Template context for the application shell: the current organisation and the switcher."""

from django.http import HttpRequest

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, has

from .areas import AREAS


def tenancy(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)
    can = {}
    if membership is not None:
        opened = {
            Capability.FINANCE_READ: membership.org.finance_open,
            Capability.PERSONAL_READ: membership.org.personal_data_open,
        }
        can = {c.value: has(membership, c, opened=opened.get(c, False)) for c in Capability}
    return {
        "current_org": getattr(request, "org", None),
        "current_membership": membership,
        "can": can,
        # A lazy queryset: one query, only on pages that draw the switcher.
        "user_memberships": Membership.objects.filter(user=user)
        .select_related("org")
        .order_by("org__name"),
        "areas": AREAS,
        "current_area": getattr(request, "area", None),
    }
