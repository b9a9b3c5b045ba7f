"""API operations for the four steps (B1–B4), job descriptions and the findings of the checks."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from remit.accounts.permissions import Capability
from remit.analysis.checks import Severity
from remit.domain.duties import Authority, Frequency, JDStatus, Period
from remit.render.formats import FORMATS
from remit.render.jobdesc import JobDescription

from ..actions import duties as actions
from ..models import Objective, Position, Procedure, Responsibility, ResultArea, Target
from ..queries import duties as queries
from ..queries import health
from . import PAGE_SIZE, OrgSlug, membership, perform, require_position, rows_by_key

router = Router(tags=["duties"])


# --- schemas ------------------------------------------------------------------------------------


class PurposeOut(Schema):
    basis: str = Field(description="Under what guidance or on what basis the work is done.")
    content: str = Field(description="The core of the work.")
    performance: str = Field(description="The result the work achieves.")
    objectives: list[str] = Field(description="The keys of the objectives it derives from.")


class PurposeIn(Schema):
    basis: str = ""
    content: str = ""
    performance: str = ""
    objectives: list[str] = Field([], description="Objectives' keys; the list replaces the old.")


class AreaOut(Schema):
    key: str
    title: str
    weight: Decimal | None = Field(None, description="Its share of the position's work, in %.")
    description: str
    order: int


class AreaIn(Schema):
    title: str
    weight: Decimal | None = Field(None, description="Percent, 0–100.")
    description: str = ""


class AreaPatch(Schema):
    title: str | None = None
    weight: Decimal | None = Field(None, description="Percent, 0–100; null: none.")
    description: str | None = None


class OrderIn(Schema):
    keys: list[str] = Field(description="Every result area's key, each once, in the new order.")


class TargetOut(Schema):
    key: str
    statement: str = Field(description="The result to achieve.")
    metric: str
    target: str = Field(description="The value to reach, as written.")
    period: Period | None = None
    deadline: dt.date | None = None
    objective: str | None = Field(None, description="The key of the objective it serves.")
    order: int

    @staticmethod
    def resolve_period(obj: Target) -> str | None:
        return obj.period or None

    @staticmethod
    def resolve_objective(obj: Target) -> str | None:
        return obj.objective.key if obj.objective_id else None


class TargetIn(Schema):
    statement: str
    metric: str = ""
    target: str = ""
    period: Period | None = None
    deadline: dt.date | None = None
    objective: str | None = Field(None, description="An objective's key.")


class TargetPatch(Schema):
    statement: str | None = None
    metric: str | None = None
    target: str | None = None
    period: Period | None = None
    deadline: dt.date | None = None
    objective: str | None = Field(None, description="An objective's key; null: none.")


class ResponsibilityOut(Schema):
    key: str
    statement: str
    frequency: Frequency | None = None
    time_share: Decimal | None = Field(None, description="Its share of working time, in %.")
    authority: Authority
    procedures: list[str] = Field(description="The keys of the procedures (SOPs) that say how.")
    order: int

    @staticmethod
    def resolve_frequency(obj: Responsibility) -> str | None:
        return obj.frequency or None

    @staticmethod
    def resolve_procedures(obj: Responsibility) -> list[str]:
        return [p.key for p in obj.procedures.all()]


class ResponsibilityIn(Schema):
    statement: str
    frequency: Frequency | None = None
    time_share: Decimal | None = Field(None, description="Percent of working time, 0–100.")
    authority: Authority = Authority.EXECUTES
    procedures: list[str] = Field([], description="Procedures' keys.")


class ResponsibilityPatch(Schema):
    statement: str | None = None
    frequency: Frequency | None = None
    time_share: Decimal | None = None
    authority: Authority | None = None
    procedures: list[str] | None = Field(None, description="Procedures' keys; replaces the list.")


class JDStateOut(Schema):
    key: str = Field(description="The position's key.")
    jd_status: JDStatus


class NoteIn(Schema):
    note: str = ""


class VersionSummary(Schema):
    version: int
    approved_on: dt.date
    approved_by: str
    note: str


class VersionOut(VersionSummary):
    content: dict[str, Any] = Field(description="The job description as frozen on approval.")


class FindingOut(Schema):
    code: str
    severity: Severity
    area: str
    message: str
    entities: list[str] = Field(description="The keys of the rows it concerns.")
    fix: str = Field(description="How to fix it.")


def purpose_out(position: Position) -> PurposeOut:
    return PurposeOut(
        basis=position.purpose_basis,
        content=position.purpose_content,
        performance=position.purpose_performance,
        objectives=list(position.purpose_objectives.order_by("key").values_list("key", flat=True)),
    )


# --- lookups within one position --------------------------------------------------------------


def _area(position: Position, area_key: str) -> ResultArea:
    area = ResultArea.objects.filter(position=position, key=area_key).first()
    if area is None:
        raise Http404
    area.position = position
    return area


def _target(position: Position, target_key: str) -> Target:
    target = (
        Target.objects.filter(result_area__position=position, key=target_key)
        .select_related("result_area", "objective")
        .first()
    )
    if target is None:
        raise Http404
    target.result_area.position = position
    return target


def _responsibility(position: Position, resp_key: str) -> Responsibility:
    resp = (
        Responsibility.objects.filter(target__result_area__position=position, key=resp_key)
        .select_related("target__result_area")
        .first()
    )
    if resp is None:
        raise Http404
    resp.target.result_area.position = position
    return resp


def _editable(request: HttpRequest, org_slug: str, key: str) -> Position:
    """The position named in the path, if the caller may change it (404, then 403)."""
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    require_position(m, position)
    return position


def _procedures_sorted():
    return Prefetch("procedures", queryset=Procedure.objects.order_by("key"))


def _empty_as_blank(data: dict[str, Any], *fields: str) -> dict[str, Any]:
    """Optional choices are stored blank: ``null`` clears them."""
    for f in fields:
        if f in data and data[f] is None:
            data[f] = ""
    return data


# --- B1 purpose -------------------------------------------------------------------------------


@router.put(
    "/o/{org_slug}/positions/{key}/purpose",
    response=PurposeOut,
    summary="Set a position's purpose",
    description=(
        "The purpose (B1) in three parts — basis, content, performance — and the keys of "
        "the objectives it derives from. What you send replaces the whole purpose. An "
        "approved job description goes back to draft."
    ),
)
def purpose_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: PurposeIn):
    """Replace the purpose."""
    position = _editable(request, org_slug, key)
    data = rows_by_key(position.org, payload.model_dump(), objectives=Objective)
    perform(actions.purpose_update, position=position, actor=request.user, **data)
    return purpose_out(position)


# --- B2 key result areas ------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/positions/{key}/areas",
    response=list[AreaOut],
    summary="List a position's result areas",
    description="The key result areas (B2) in their order.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def area_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Result areas, in order."""
    position = queries.get_position(membership(request, org_slug), key)
    return ResultArea.objects.filter(position=position).order_by("order", "id")


@router.post(
    "/o/{org_slug}/positions/{key}/areas",
    response={201: AreaOut},
    summary="Add a result area",
    description="Added last; its key is made from the position's (`FIN-MGR-3`).",
)
def area_create(request: HttpRequest, org_slug: OrgSlug, key: str, payload: AreaIn):
    """Add a result area."""
    position = _editable(request, org_slug, key)
    return perform(
        actions.result_area_create, position=position, actor=request.user, **payload.model_dump()
    )


@router.put(
    "/o/{org_slug}/positions/{key}/areas/order",
    response=list[AreaOut],
    summary="Reorder a position's result areas",
    description="Send every result area's key once, in the new order; answers the areas in it.",
)
def area_reorder(request: HttpRequest, org_slug: OrgSlug, key: str, payload: OrderIn):
    """Reorder the result areas."""
    position = _editable(request, org_slug, key)
    perform(
        actions.result_areas_reorder,
        position=position,
        actor=request.user,
        keys=payload.keys,
        names={"__all__": "keys"},
    )
    return list(position.result_areas.order_by("order", "id"))


@router.patch(
    "/o/{org_slug}/positions/{key}/areas/{area_key}",
    response=AreaOut,
    summary="Update a result area",
    description="Change only the fields you send.",
)
def area_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, area_key: str, payload: AreaPatch
):
    """Update a result area."""
    area = _area(_editable(request, org_slug, key), area_key)
    return perform(
        actions.result_area_update,
        area=area,
        actor=request.user,
        **payload.model_dump(exclude_unset=True),
    )


@router.delete(
    "/o/{org_slug}/positions/{key}/areas/{area_key}",
    response={204: None},
    summary="Delete a result area",
    description="Its targets and responsibilities go with it.",
)
def area_delete(request: HttpRequest, org_slug: OrgSlug, key: str, area_key: str):
    """Delete a result area."""
    area = _area(_editable(request, org_slug, key), area_key)
    perform(actions.result_area_delete, area=area, actor=request.user)


# --- B3 targets ------------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/positions/{key}/areas/{area_key}/targets",
    response=list[TargetOut],
    summary="List a result area's targets",
    description="The responsibility targets (B3) of one result area, in their order.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def target_list(request: HttpRequest, org_slug: OrgSlug, key: str, area_key: str):
    """Targets of a result area, in order."""
    area = _area(queries.get_position(membership(request, org_slug), key), area_key)
    return area.targets.select_related("objective").order_by("order", "id")


@router.post(
    "/o/{org_slug}/positions/{key}/areas/{area_key}/targets",
    response={201: TargetOut},
    summary="Add a target",
    description="Added last to the result area; `objective` names the objective served by key.",
)
def target_create(
    request: HttpRequest, org_slug: OrgSlug, key: str, area_key: str, payload: TargetIn
):
    """Add a target to a result area."""
    area = _area(_editable(request, org_slug, key), area_key)
    data = rows_by_key(area.org, payload.model_dump(), objective=Objective)
    return perform(
        actions.target_create, area=area, actor=request.user, **_empty_as_blank(data, "period")
    )


@router.patch(
    "/o/{org_slug}/positions/{key}/targets/{target_key}",
    response=TargetOut,
    summary="Update a target",
    description="Change only the fields you send; `null` clears an optional one.",
)
def target_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, target_key: str, payload: TargetPatch
):
    """Update a target."""
    target = _target(_editable(request, org_slug, key), target_key)
    data = rows_by_key(target.org, payload.model_dump(exclude_unset=True), objective=Objective)
    return perform(
        actions.target_update, target=target, actor=request.user, **_empty_as_blank(data, "period")
    )


@router.delete(
    "/o/{org_slug}/positions/{key}/targets/{target_key}",
    response={204: None},
    summary="Delete a target",
    description="Its responsibilities go with it.",
)
def target_delete(request: HttpRequest, org_slug: OrgSlug, key: str, target_key: str):
    """Delete a target."""
    target = _target(_editable(request, org_slug, key), target_key)
    perform(actions.target_delete, target=target, actor=request.user)


# --- B4 responsibilities -----------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/positions/{key}/targets/{target_key}/responsibilities",
    response=list[ResponsibilityOut],
    summary="List a target's responsibilities",
    description="The job responsibilities (B4) that achieve one target, in their order.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def responsibility_list(request: HttpRequest, org_slug: OrgSlug, key: str, target_key: str):
    """Responsibilities of a target, in order."""
    target = _target(queries.get_position(membership(request, org_slug), key), target_key)
    return target.responsibilities.prefetch_related(_procedures_sorted()).order_by("order", "id")


@router.post(
    "/o/{org_slug}/positions/{key}/targets/{target_key}/responsibilities",
    response={201: ResponsibilityOut},
    summary="Add a responsibility",
    description="Added last to the target; `procedures` lists the SOPs that say how, by key.",
)
def responsibility_create(
    request: HttpRequest, org_slug: OrgSlug, key: str, target_key: str, payload: ResponsibilityIn
):
    """Add a responsibility to a target."""
    target = _target(_editable(request, org_slug, key), target_key)
    data = rows_by_key(target.org, payload.model_dump(), procedures=Procedure)
    return perform(
        actions.responsibility_create,
        target=target,
        actor=request.user,
        **_empty_as_blank(data, "frequency"),
    )


@router.patch(
    "/o/{org_slug}/positions/{key}/responsibilities/{resp_key}",
    response=ResponsibilityOut,
    summary="Update a responsibility",
    description="Change only the fields you send; `procedures`, when sent, replaces the list.",
)
def responsibility_update(
    request: HttpRequest,
    org_slug: OrgSlug,
    key: str,
    resp_key: str,
    payload: ResponsibilityPatch,
):
    """Update a responsibility."""
    resp = _responsibility(_editable(request, org_slug, key), resp_key)
    data = rows_by_key(resp.org, payload.model_dump(exclude_unset=True), procedures=Procedure)
    return perform(
        actions.responsibility_update,
        responsibility=resp,
        actor=request.user,
        **_empty_as_blank(data, "frequency"),
    )


@router.delete(
    "/o/{org_slug}/positions/{key}/responsibilities/{resp_key}",
    response={204: None},
    summary="Delete a responsibility",
)
def responsibility_delete(request: HttpRequest, org_slug: OrgSlug, key: str, resp_key: str):
    """Delete a responsibility."""
    resp = _responsibility(_editable(request, org_slug, key), resp_key)
    perform(actions.responsibility_delete, responsibility=resp, actor=request.user)


# --- job descriptions ---------------------------------------------------------------------------------
# Fixed paths (versions, submit …) come before ``jd/{fmt}``, which would otherwise take them.


@router.get(
    "/o/{org_slug}/positions/{key}/jd",
    response=JobDescription,
    summary="Get a position's job description",
    description=(
        "The job description as the organisation has it today (the current draft), "
        "assembled from the four steps and everything the position owns."
    ),
)
def jd_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    """The current job description as data."""
    position = queries.get_position(membership(request, org_slug), key)
    return queries.job_description(position).to_dict()


@router.get(
    "/o/{org_slug}/positions/{key}/jd/versions",
    response=list[VersionSummary],
    summary="List a job description's approved versions",
    description="Newest first.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def jd_versions(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Approved versions, newest first."""
    position = queries.get_position(membership(request, org_slug), key)
    return position.jd_versions.order_by("-version")


@router.get(
    "/o/{org_slug}/positions/{key}/jd/versions/{version}",
    response=VersionOut,
    summary="Get an approved version",
    description="The job description exactly as it was frozen when approved.",
)
def jd_version(request: HttpRequest, org_slug: OrgSlug, key: str, version: int):
    """One frozen version."""
    position = queries.get_position(membership(request, org_slug), key)
    return queries.get_version(position, version)


@router.post(
    "/o/{org_slug}/positions/{key}/jd/submit",
    response=JDStateOut,
    summary="Submit a job description for approval",
    description="Only a draft can be submitted (422 otherwise).",
)
def jd_submit(request: HttpRequest, org_slug: OrgSlug, key: str):
    """Submit the draft for approval."""
    position = _editable(request, org_slug, key)
    return perform(actions.jd_submit, position=position, actor=request.user)


@router.post(
    "/o/{org_slug}/positions/{key}/jd/approve",
    response=VersionOut,
    summary="Approve a job description",
    description=(
        "Approve the submitted job description: it is frozen as the next version, which "
        "is answered. Needs the right to approve (managers: their own departments)."
    ),
)
def jd_approve(request: HttpRequest, org_slug: OrgSlug, key: str, payload: NoteIn):
    """Approve and freeze the next version."""
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    require_position(m, position, Capability.APPROVE)
    return perform(
        actions.jd_approve,
        position=position,
        actor=request.user,
        note=payload.note,
        content=queries.job_description(position).to_dict(),
    )


@router.post(
    "/o/{org_slug}/positions/{key}/jd/return",
    response=JDStateOut,
    summary="Send a job description back to draft",
    description="Only a submitted job description can be sent back; the note says why.",
)
def jd_return(request: HttpRequest, org_slug: OrgSlug, key: str, payload: NoteIn):
    """Send the submitted job description back to draft."""
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    require_position(m, position, Capability.APPROVE)
    return perform(actions.jd_return, position=position, actor=request.user, note=payload.note)


@router.get(
    "/o/{org_slug}/positions/{key}/jd/{fmt}",
    summary="Download a job description",
    description=(
        "The current job description as a document: `fmt` is one of "
        + ", ".join(f"`{code}`" for code in FORMATS)
        + ". Labels are in the request's language."
    ),
    openapi_extra={
        "responses": {
            200: {
                "description": "The document.",
                "content": {
                    f.content_type.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                    for f in FORMATS.values()
                },
            }
        }
    },
)
def jd_document(request: HttpRequest, org_slug: OrgSlug, key: str, fmt: str):
    """The current job description as a document."""
    position = queries.get_position(membership(request, org_slug), key)
    if fmt not in FORMATS:
        raise Http404
    jd = queries.job_description(position)
    content = queries.jd_document(
        jd, fmt, org_name=position.org.name, lang=translation.get_language()
    )
    response = HttpResponse(content, content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{queries.jd_filename(jd, fmt)}"'
    return response


# --- findings ----------------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/findings",
    response=list[FindingOut],
    summary="List what the checks found",
    description=(
        "Every finding of the organisation's checks, most serious first. Filter by "
        "`severity`, `area` (an area's code, e.g. `duties`) and `position` (a position's key)."
    ),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def finding_list(
    request: HttpRequest,
    org_slug: OrgSlug,
    severity: Severity | None = None,
    area: str = "",
    position: str = "",
):
    """Findings, filtered."""
    m = membership(request, org_slug)
    found = health.findings_for_position(m.org, position) if position else health.findings(m.org)
    return [
        f.as_dict()
        for f in found
        if (not severity or f.severity == severity) and (not area or f.area == area)
    ]
