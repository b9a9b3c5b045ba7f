"""Who may see which organisation: resolved once per request, one condition per line.

A user who is not a member of an organisation gets 404 for every address in it,
exactly as if it did not exist.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .models import Membership, Organization, User
from .permissions import Capability, has


def get_membership(user: User, org_slug: str) -> Membership:
    """The user's membership in the organisation with this slug, or 404."""
    if not user.is_authenticated:
        raise Http404
    if not user.is_active:
        raise Http404
    membership = (
        Membership.objects.select_related("org").filter(user=user, org__slug=org_slug).first()
    )
    if membership is None:
        raise Http404
    return membership


def require(membership: Membership, capability: Capability, *, opened: bool = False) -> None:
    """403 unless the membership's role grants the capability outright (or opened)."""
    if not has(membership, capability, opened=opened):
        raise PermissionDenied


def org_member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Resolve ``org_slug`` into ``request.org`` and ``request.membership`` (404 if not a member)."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, org_slug: str, *args, **kwargs) -> HttpResponse:
        membership = get_membership(request.user, org_slug)
        request.membership = membership
        request.org = membership.org
        return view(request, *args, **kwargs)

    wrapper.org_scoped = True  # the cross-organisation test looks for this mark
    return wrapper


def remember_org(user: User, org: Organization) -> None:
    """Where the home page takes the user next time (one cheap UPDATE, only on change)."""
    if user.last_org_id != org.pk:
        User.objects.filter(pk=user.pk).update(last_org=org)
        user.last_org_id = org.pk
