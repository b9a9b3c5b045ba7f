"""API operations for the current user, organisations and memberships."""

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from .access import get_membership
from .models import Membership, Organization

router = Router(tags=["accounts"])


class UserOut(Schema):
    email: str
    name: str
    language: str


class OrgOut(Schema):
    slug: str
    name: str
    language: str
    currency: str
    fiscal_year_start: int
    role: str


class MembershipOut(Schema):
    email: str = Field(alias="user.email")
    name: str = Field(alias="user.name")
    role: str


def org_out(m: Membership) -> OrgOut:
    o: Organization = m.org
    return OrgOut(
        slug=o.slug,
        name=o.name,
        language=o.language,
        currency=o.currency,
        fiscal_year_start=o.fiscal_year_start,
        role=m.role,
    )


def api_membership(request: HttpRequest, org_slug: str) -> Membership:
    """The caller's membership in the organisation of the URL; 404 for non-members."""
    try:
        return get_membership(request.user, org_slug)
    except Http404:
        raise Http404("Not found.") from None


@router.get("/me", response=UserOut, summary="The current user")
def me(request: HttpRequest):
    u = request.user
    return UserOut(email=u.email, name=u.name, language=u.language)


@router.get("/orgs", response=list[OrgOut], summary="Organisations you are a member of")
@paginate(PageNumberPagination, page_size=50)
def orgs(request: HttpRequest):
    ms = Membership.objects.filter(user=request.user).select_related("org").order_by("org__name")
    return [org_out(m) for m in ms]


@router.get("/o/{org_slug}", response=OrgOut, summary="One organisation")
def org_detail(request: HttpRequest, org_slug: str):
    return org_out(api_membership(request, org_slug))


@router.get(
    "/o/{org_slug}/memberships", response=list[MembershipOut], summary="Members and their roles"
)
@paginate(PageNumberPagination, page_size=50)
def memberships(request: HttpRequest, org_slug: str):
    m = api_membership(request, org_slug)
    return Membership.objects.filter(org=m.org).select_related("user").order_by("user__email")
