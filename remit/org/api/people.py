"""API operations for the structure (A7): departments and positions."""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from remit.domain.duties import JDStatus
from remit.domain.people import PositionStatus

from ..actions import people as actions
from ..models import Department, Grade, Position
from ..queries import duties as queries
from ..queries.access import can_edit_position
from . import (
    PAGE_SIZE,
    OrgSlug,
    forbidden,
    membership,
    perform,
    require_edit,
    require_grant,
    require_position,
    rows_by_key,
)
from .duties import PurposeOut, purpose_out

router = Router(tags=["people"])


# --- schemas ----------------------------------------------------------------------------------


class DepartmentOut(Schema):
    key: str
    name: str
    parent: str | None = Field(None, description="The key of the department above, if any.")
    function: str = Field(description="What the department is for.")

    @staticmethod
    def resolve_parent(obj: Department) -> str | None:
        return obj.parent.key if obj.parent_id else None


class DepartmentIn(Schema):
    name: str
    key: str = Field("", description="Left empty, a key is made from the name.")
    parent: str | None = Field(None, description="The key of the department above.")
    function: str = ""


class DepartmentPatch(Schema):
    key: str | None = None
    name: str | None = None
    parent: str | None = Field(None, description="A department's key; null: a top department.")
    function: str | None = None


class PositionSummary(Schema):
    key: str
    title: str
    department: str | None = Field(None, description="The department's key.")
    reports_to: str | None = Field(None, description="The key of the position it reports to.")
    grade: str | None = Field(None, description="The grade's key.")
    headcount: int
    status: PositionStatus
    confidentiality_required: bool
    jd_status: JDStatus = Field(description="Where its job description stands in approval.")

    @staticmethod
    def resolve_department(obj: Position) -> str | None:
        return obj.department.key if obj.department_id else None

    @staticmethod
    def resolve_reports_to(obj: Position) -> str | None:
        return obj.reports_to.key if obj.reports_to_id else None

    @staticmethod
    def resolve_grade(obj: Position) -> str | None:
        return obj.grade.key if obj.grade_id else None


class PositionOut(PositionSummary):
    purpose: PurposeOut

    @staticmethod
    def resolve_purpose(obj: Position) -> PurposeOut:
        return purpose_out(obj)


class PositionIn(Schema):
    title: str
    key: str = Field("", description="Left empty, a key is made from the title.")
    department: str | None = Field(None, description="A department's key.")
    reports_to: str | None = Field(None, description="The key of the position it reports to.")
    grade: str | None = Field(None, description="A grade's key.")
    headcount: int = Field(1, description="How many people the post needs.")
    status: PositionStatus = PositionStatus.ACTIVE
    confidentiality_required: bool = False


class PositionPatch(Schema):
    key: str | None = None
    title: str | None = None
    department: str | None = Field(None, description="A department's key; null: none.")
    reports_to: str | None = Field(None, description="A position's key; null: reports to no one.")
    grade: str | None = Field(None, description="A grade's key; null: none.")
    headcount: int | None = None
    status: PositionStatus | None = None
    confidentiality_required: bool | None = None


POSITION_REFS = {"department": Department, "reports_to": Position, "grade": Grade}


# --- departments ----------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/departments",
    response=list[DepartmentOut],
    summary="List departments",
    description="Every department of the organisation, by key.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def department_list(request: HttpRequest, org_slug: OrgSlug):
    """Departments, by key."""
    m = membership(request, org_slug)
    return Department.objects.filter(org=m.org).select_related("parent").order_by("key")


@router.post(
    "/o/{org_slug}/departments",
    response={201: DepartmentOut},
    summary="Create a department",
    description="Owners and admins create departments. `parent` names the department above by key.",
)
def department_create(request: HttpRequest, org_slug: OrgSlug, payload: DepartmentIn):
    """Create a department."""
    m = membership(request, org_slug)
    require_edit(m)
    data = rows_by_key(m.org, payload.model_dump(), parent=Department)
    return perform(actions.department_create, org=m.org, actor=request.user, **data)


@router.get(
    "/o/{org_slug}/departments/{key}",
    response=DepartmentOut,
    summary="Get a department",
)
def department_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One department."""
    return queries.get_department(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/departments/{key}",
    response=DepartmentOut,
    summary="Update a department",
    description="Change only the fields you send. A department cannot sit below itself.",
)
def department_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: DepartmentPatch):
    """Update a department's fields."""
    m = membership(request, org_slug)
    department = queries.get_department(m, key)
    require_edit(m)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), parent=Department)
    return perform(actions.department_update, department=department, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/departments/{key}",
    response={204: None},
    summary="Delete a department",
    description="Refused (422) while positions or sub-departments are still in it.",
)
def department_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Delete an empty department."""
    m = membership(request, org_slug)
    department = queries.get_department(m, key)
    require_edit(m)
    perform(actions.department_delete, department=department, actor=request.user)


# --- positions -------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/positions",
    response=list[PositionSummary],
    summary="List positions",
    description=(
        "Positions by key. Filter by `department` (a department's key), `q` (text in the "
        "title or key) and `status`; without `status`, archived positions are left out."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def position_list(
    request: HttpRequest,
    org_slug: OrgSlug,
    department: str = "",
    q: str = "",
    status: PositionStatus | None = None,
):
    """Positions, filtered."""
    m = membership(request, org_slug)
    qs = Position.objects.filter(org=m.org).select_related("department", "reports_to", "grade")
    if department:
        qs = qs.filter(department__key=department)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(key__icontains=q))
    qs = qs.filter(status=status) if status else qs.exclude(status=PositionStatus.ARCHIVED)
    return qs.order_by("key")


@router.post(
    "/o/{org_slug}/positions",
    response={201: PositionOut},
    summary="Create a position",
    description=(
        "References are keys: `department`, `reports_to` (a position) and `grade`. "
        "Managers create positions only in their own departments."
    ),
)
def position_create(request: HttpRequest, org_slug: OrgSlug, payload: PositionIn):
    """Create a position."""
    m = membership(request, org_slug)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), **POSITION_REFS)
    if not can_edit_position(m, Position(org=m.org, department=data["department"])):
        forbidden(_("Managers create positions only in their own departments."))
    return perform(actions.position_create, org=m.org, actor=request.user, **data)


@router.get(
    "/o/{org_slug}/positions/{key}",
    response=PositionOut,
    summary="Get a position",
    description="A position's identity and its purpose (B1) with the keys of its objectives.",
)
def position_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """One position with its purpose."""
    return queries.get_position(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/positions/{key}",
    response=PositionOut,
    summary="Update a position",
    description=(
        "Change only the identity fields you send (the purpose has its own operation). "
        "A manager may move a position only between their own departments."
    ),
)
def position_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: PositionPatch):
    """Update a position's identity."""
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    require_position(m, position)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), **POSITION_REFS)
    if "department" in data and not can_edit_position(
        m, Position(org=m.org, department=data["department"])
    ):
        forbidden(_("Managers move positions only between their own departments."))
    return perform(actions.position_update, position=position, actor=request.user, **data)


@router.post(
    "/o/{org_slug}/positions/{key}/archive",
    response=PositionOut,
    summary="Archive a position",
    description=(
        "The position stays in history and in old job descriptions, out of the checks. "
        "Refused (422) while other positions still report to it."
    ),
)
def position_archive(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Archive a position."""
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    require_position(m, position)
    return perform(actions.position_archive, position=position, actor=request.user)
