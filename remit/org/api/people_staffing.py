"""API operations of A7 planning: development stages and their staffing lines, the
staffing timeline, what a stage costs, the skills catalogue (and its import), required
and assessed skills, the skills matrix. Registered in remit/api.py."""

import datetime as dt
from decimal import Decimal

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, UploadedFile
from ninja.errors import ValidationError as Unprocessable
from ninja.pagination import PageNumberPagination, paginate

from remit.accounts.permissions import can_read_finance, can_read_personal_data
from remit.analysis import staffing
from remit.orgfile.tables import TableError, TableProblems

from ..actions import people_staffing as actions
from ..models import EmployeeSkill, Position, PositionSkill, Skill, StaffingLine, Stage
from ..queries import people_staffing as queries
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

router = Router(tags=["people_staffing"])


# --- schemas ---------------------------------------------------------------------------------


class LineOut(Schema):
    key: str
    position: str = Field(description="The position's key.")
    headcount: int = Field(description="Posts of the position the stage needs in all.")
    needed_by: dt.date | None = Field(None, description="Null: by the stage's target date.")
    order: int

    @staticmethod
    def resolve_position(obj: StaffingLine) -> str:
        return obj.position.key


class StageSummary(Schema):
    key: str
    name: str
    order: int
    target_date: dt.date | None = None
    description: str


class StageOut(StageSummary):
    staffing: list[LineOut] = Field(description="The stage's own staffing lines.")

    @staticmethod
    def resolve_staffing(obj: Stage) -> list[StaffingLine]:
        return list(obj.staffing.select_related("position").order_by("order", "id"))


class StageIn(Schema):
    name: str
    key: str = Field("", description="Left empty, a key is made from the name.")
    order: int | None = Field(None, description="Left empty, after the last stage.")
    target_date: dt.date | None = None
    description: str = ""


class StagePatch(Schema):
    key: str | None = None
    name: str | None = None
    order: int | None = None
    target_date: dt.date | None = None
    description: str | None = None


class LineIn(Schema):
    position: str = Field(description="The position's key.")
    headcount: int = Field(ge=0, description="Posts needed in all; 0 ends an earlier need.")
    needed_by: dt.date | None = None
    key: str = Field("", description="Left empty: <stage key>-<n>.")


class LinePatch(Schema):
    position: str | None = Field(None, description="A position's key.")
    headcount: int | None = Field(None, ge=0)
    needed_by: dt.date | None = None


class PointOut(Schema):
    day: dt.date
    planned: int = Field(description="Headcount the plan needs by this day.")
    filled: int | None = Field(None, description="Assignments active that day; null after today.")


class StageMarkOut(Schema):
    key: str
    name: str
    target_date: dt.date | None = None
    headcount: int = Field(description="The stage's whole staffing (own and kept needs).")


class LateHireOut(Schema):
    position: str
    stage: str
    needed: int
    filled: int
    due: dt.date
    days_late: int


class UpcomingHireOut(Schema):
    position: str
    stage: str
    needed: int
    filled: int = Field(description="Holders today.")
    due: dt.date
    to_hire: int


class VacancyOut(Schema):
    position: str
    headcount: int
    filled: int
    vacant: int
    since: dt.date | None = Field(None, description="Vacant since (see the timeline's notes).")


class TimelineOut(Schema):
    today: dt.date
    planned_today: int
    filled_today: int
    points: list[PointOut] = Field(description="Steps: each value holds until the next point.")
    stages: list[StageMarkOut]
    late: list[LateHireOut]
    upcoming: list[UpcomingHireOut]
    vacancies: list[VacancyOut]


class CostLineOut(Schema):
    position: str
    headcount: int
    filled: int = Field(description="Holders today.")
    monthly_each: Decimal | None = Field(None, description="One post's monthly cost (grade).")
    monthly: Decimal | None = None
    stage: str = Field(description="The stage whose plan sets the need.")
    carried: bool = Field(description="True: kept from an earlier stage.")


class StageCostOut(Schema):
    stage: str
    currency: str
    headcount: int
    monthly: Decimal
    yearly: Decimal
    uncosted: int = Field(description="Planned posts whose position has no grade cost.")
    lines: list[CostLineOut]


class SkillOut(Schema):
    key: str
    name: str
    category: str
    description: str


class SkillIn(Schema):
    name: str
    key: str = Field("", description="Left empty, a key is made from the name.")
    category: str = ""
    description: str = ""


class SkillPatch(Schema):
    key: str | None = None
    name: str | None = None
    category: str | None = None
    description: str | None = None


class SkillsImportOut(Schema):
    dry_run: bool
    rows: int
    created: list[str]
    updated: list[str]
    unchanged: list[str]


class RequiredSkillOut(Schema):
    skill: str = Field(description="The skill's key.")
    level: int = Field(description="Required level, 1–5.")

    @staticmethod
    def resolve_skill(obj: PositionSkill) -> str:
        return obj.skill.key


class LevelIn(Schema):
    level: int = Field(ge=1, le=5, description="1 (basic) to 5 (expert).")


class AssessedSkillOut(Schema):
    skill: str = Field(description="The skill's key.")
    level: int = Field(description="Assessed level, 1–5.")
    assessed_on: dt.date | None = None

    @staticmethod
    def resolve_skill(obj: EmployeeSkill) -> str:
        return obj.skill.key


class AssessmentIn(LevelIn):
    assessed_on: dt.date | None = None


class CellOut(Schema):
    skill: str
    required: int | None = None
    assessed: int | None = None
    status: staffing.CellStatus


class MatrixRowOut(Schema):
    position: str
    employee: str | None = Field(None, description="Null: vacant posts (or no people shown).")
    vacant: int
    gaps: int
    cells: list[CellOut]


class MatrixSkillOut(Schema):
    key: str
    name: str
    category: str
    gaps: int


class MatrixOut(Schema):
    department: str
    departments: list[str] = Field(description="The departments included (with subtree).")
    with_people: bool = Field(description="False: the role may not read assessments.")
    gaps: int
    skills: list[MatrixSkillOut]
    rows: list[MatrixRowOut]


# --- stages ----------------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/stages",
    response=list[StageSummary],
    summary="List development stages",
    description="The stages in order.",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def stage_list(request: HttpRequest, org_slug: OrgSlug):
    m = membership(request, org_slug)
    return Stage.objects.filter(org=m.org).order_by("order", "target_date", "key")


@router.post(
    "/o/{org_slug}/stages",
    response={201: StageOut},
    summary="Create a development stage",
    description="Owners and admins plan the stages.",
)
def stage_create(request: HttpRequest, org_slug: OrgSlug, payload: StageIn):
    m = membership(request, org_slug)
    require_edit(m)
    return perform(actions.stage_create, org=m.org, actor=request.user, **payload.model_dump())


@router.get("/o/{org_slug}/stages/{key}", response=StageOut, summary="Get a development stage")
def stage_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    return queries.get_stage(membership(request, org_slug), key)


@router.patch(
    "/o/{org_slug}/stages/{key}",
    response=StageOut,
    summary="Update a development stage",
    description="Change only the fields you send.",
)
def stage_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: StagePatch):
    m = membership(request, org_slug)
    stage = queries.get_stage(m, key)
    require_edit(m)
    data = payload.model_dump(exclude_unset=True)
    return perform(actions.stage_update, stage=stage, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/stages/{key}",
    response={204: None},
    summary="Delete a development stage",
    description="Deletes the stage with its staffing lines.",
)
def stage_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    m = membership(request, org_slug)
    stage = queries.get_stage(m, key)
    require_edit(m)
    perform(actions.stage_delete, stage=stage, actor=request.user)


# --- staffing lines -------------------------------------------------------------------------


def _may_plan(m, position: Position | None) -> None:
    require_grant(m)
    if position is not None and not queries.can_edit_line(m, position):
        forbidden(_("Managers plan only the positions of their own departments."))


@router.get(
    "/o/{org_slug}/stages/{key}/lines",
    response=list[LineOut],
    summary="List a stage's staffing lines",
)
def line_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    stage = queries.get_stage(membership(request, org_slug), key)
    return stage.staffing.select_related("position").order_by("order", "id")


@router.post(
    "/o/{org_slug}/stages/{key}/lines",
    response={201: LineOut},
    summary="Add a staffing line",
    description=(
        "The position (by key) and how many posts of it the stage needs in all, by when. "
        "Managers plan the positions of their department subtree."
    ),
)
def line_create(request: HttpRequest, org_slug: OrgSlug, key: str, payload: LineIn):
    m = membership(request, org_slug)
    stage = queries.get_stage(m, key)
    require_grant(m)
    data = rows_by_key(m.org, payload.model_dump(), position=Position)
    _may_plan(m, data["position"])
    return perform(actions.staffing_line_create, stage=stage, actor=request.user, **data)


@router.patch(
    "/o/{org_slug}/stages/{key}/lines/{line_key}",
    response=LineOut,
    summary="Update a staffing line",
)
def line_update(
    request: HttpRequest, org_slug: OrgSlug, key: str, line_key: str, payload: LinePatch
):
    m = membership(request, org_slug)
    line = queries.get_line(queries.get_stage(m, key), line_key)
    _may_plan(m, line.position)
    data = rows_by_key(m.org, payload.model_dump(exclude_unset=True), position=Position)
    if data.get("position") is not None:
        _may_plan(m, data["position"])
    elif "position" in data:
        raise Unprocessable([{"field": "position", "message": _("A line needs a position.")}])
    return perform(actions.staffing_line_update, line=line, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/stages/{key}/lines/{line_key}",
    response={204: None},
    summary="Delete a staffing line",
)
def line_delete(request: HttpRequest, org_slug: OrgSlug, key: str, line_key: str):
    m = membership(request, org_slug)
    line = queries.get_line(queries.get_stage(m, key), line_key)
    _may_plan(m, line.position)
    perform(actions.staffing_line_delete, line=line, actor=request.user)


@router.get(
    "/o/{org_slug}/stages/{key}/cost",
    response=StageCostOut,
    summary="What a stage costs",
    description=(
        "The stage's staffing (its own lines and the needs it keeps from earlier stages) at "
        "each position's grade cost, per month and per year, in the organisation's currency. "
        "Finance information: members and viewers only when finance is opened (else 403)."
    ),
)
def stage_cost(request: HttpRequest, org_slug: OrgSlug, key: str):
    m = membership(request, org_slug)
    stage = queries.get_stage(m, key)
    if not can_read_finance(m):
        forbidden()
    cost = queries.stage_cost(m, stage)
    return StageCostOut(
        stage=cost.stage,
        currency=cost.currency,
        headcount=cost.headcount,
        monthly=cost.monthly,
        yearly=cost.yearly,
        uncosted=cost.uncosted,
        lines=[
            CostLineOut(
                position=c.position,
                headcount=c.headcount,
                filled=c.filled,
                monthly_each=c.monthly_each,
                monthly=c.monthly,
                stage=c.stage,
                carried=c.carried,
            )
            for c in cost.lines
        ],
    )


@router.get(
    "/o/{org_slug}/staffing/timeline",
    response=TimelineOut,
    summary="The staffing timeline",
    description=(
        "Headcount needed by date (the stages' staffing lines) against assignments active each "
        "day in the positions the plans name; late hires, hires ahead, posts vacant today."
    ),
)
def staffing_timeline(request: HttpRequest, org_slug: OrgSlug):
    page = queries.timeline_page(membership(request, org_slug))
    tl = page.timeline
    return TimelineOut(
        today=tl.today,
        planned_today=tl.planned_today,
        filled_today=tl.filled_today,
        points=[PointOut(day=p.day, planned=p.planned, filled=p.filled) for p in tl.points],
        stages=[
            StageMarkOut(key=s.key, name=s.name, target_date=s.target_date, headcount=s.headcount)
            for s in tl.stages
        ],
        late=[
            LateHireOut(
                position=h.item.position,
                stage=h.item.stage,
                needed=h.item.needed,
                filled=h.item.filled,
                due=h.item.due,
                days_late=h.item.days_late,
            )
            for h in page.late
        ],
        upcoming=[
            UpcomingHireOut(
                position=h.item.position,
                stage=h.item.stage,
                needed=h.item.needed,
                filled=h.item.filled,
                due=h.item.due,
                to_hire=h.item.to_hire,
            )
            for h in page.upcoming
        ],
        vacancies=[
            VacancyOut(
                position=v.item.position,
                headcount=v.item.headcount,
                filled=v.item.filled,
                vacant=v.item.vacant,
                since=v.item.since,
            )
            for v in page.vacancies
        ],
    )


# --- skills -----------------------------------------------------------------------------------


@router.get("/o/{org_slug}/skills", response=list[SkillOut], summary="List skills")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def skill_list(request: HttpRequest, org_slug: OrgSlug, q: str = ""):
    m = membership(request, org_slug)
    qs = Skill.objects.filter(org=m.org)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(key__icontains=q))
    return qs.order_by("category", "name", "key")


@router.post(
    "/o/{org_slug}/skills",
    response={201: SkillOut},
    summary="Create a skill",
    description="Owners and admins keep the skills catalogue.",
)
def skill_create(request: HttpRequest, org_slug: OrgSlug, payload: SkillIn):
    m = membership(request, org_slug)
    require_edit(m)
    return perform(actions.skill_create, org=m.org, actor=request.user, **payload.model_dump())


@router.post(
    "/o/{org_slug}/skills-import",
    response=SkillsImportOut,
    summary="Import skills from a CSV or XLSX file",
    description=(
        "Multipart upload (`file`): a header row, then one row per skill with `name` and "
        "optionally `key`, `category`, `description`. Rows with a key update that skill; rows "
        "without one update the skill of the same name or add one. Every row is checked "
        "first: any problem answers 422 listing each (row and field) and writes nothing. "
        "`dry_run=true` checks and reports without writing."
    ),
)
def skills_import(
    request: HttpRequest, org_slug: OrgSlug, file: File[UploadedFile], dry_run: bool = False
):
    m = membership(request, org_slug)
    require_edit(m)
    try:
        report = actions.skills_import(
            org=m.org, actor=request.user, data=file.read(), name=file.name, dry_run=dry_run
        )
    except TableError as exc:
        raise Unprocessable([{"field": "file", "message": str(exc)}]) from None
    except TableProblems as exc:
        raise Unprocessable(
            [
                {"field": f"row {p.row}: {p.field}" if p.row else p.field, "message": p.message}
                for p in exc.problems
            ]
        ) from None
    return report.as_dict()


@router.get("/o/{org_slug}/skills/{key}", response=SkillOut, summary="Get a skill")
def skill_get(request: HttpRequest, org_slug: OrgSlug, key: str):
    return queries.get_skill(membership(request, org_slug), key)


@router.patch("/o/{org_slug}/skills/{key}", response=SkillOut, summary="Update a skill")
def skill_update(request: HttpRequest, org_slug: OrgSlug, key: str, payload: SkillPatch):
    m = membership(request, org_slug)
    skill = queries.get_skill(m, key)
    require_edit(m)
    data = payload.model_dump(exclude_unset=True)
    return perform(actions.skill_update, skill=skill, actor=request.user, **data)


@router.delete(
    "/o/{org_slug}/skills/{key}",
    response={204: None},
    summary="Delete a skill",
    description="Refused (422) while a position requires it or an employee is assessed in it.",
)
def skill_delete(request: HttpRequest, org_slug: OrgSlug, key: str):
    m = membership(request, org_slug)
    skill = queries.get_skill(m, key)
    require_edit(m)
    perform(actions.skill_delete, skill=skill, actor=request.user)


# --- required skills of a position -------------------------------------------------------------


@router.get(
    "/o/{org_slug}/positions/{key}/skills",
    response=list[RequiredSkillOut],
    summary="Skills a position requires",
)
def position_skill_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    m = membership(request, org_slug)
    return queries.position_skills(m, queries.get_position(m, key))


@router.put(
    "/o/{org_slug}/positions/{key}/skills/{skill_key}",
    response=RequiredSkillOut,
    summary="Require a skill of a position",
    description="Adds the requirement or changes its level. Managers: their departments' positions.",
)
def position_skill_set(
    request: HttpRequest, org_slug: OrgSlug, key: str, skill_key: str, payload: LevelIn
):
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    skill = queries.get_skill(m, skill_key)
    require_position(m, position)
    return perform(
        actions.position_skill_set,
        position=position,
        actor=request.user,
        skill=skill,
        level=payload.level,
    )


@router.delete(
    "/o/{org_slug}/positions/{key}/skills/{skill_key}",
    response={204: None},
    summary="Stop requiring a skill of a position",
)
def position_skill_delete(request: HttpRequest, org_slug: OrgSlug, key: str, skill_key: str):
    m = membership(request, org_slug)
    position = queries.get_position(m, key)
    requirement = PositionSkill.objects.filter(
        org=m.org, position=position, skill__key=skill_key
    ).first()
    if requirement is None:
        raise Http404
    require_position(m, position)
    perform(actions.position_skill_delete, requirement=requirement, actor=request.user)


# --- assessed skills of an employee ------------------------------------------------------------


def _readable(m) -> None:
    if not can_read_personal_data(m):
        forbidden()


def _assessable(m, employee) -> None:
    if not queries.can_assess(m, employee):
        forbidden()


@router.get(
    "/o/{org_slug}/employees/{key}/skills",
    response=list[AssessedSkillOut],
    summary="An employee's assessed skills",
    description="Personal data: members and viewers only when it is opened (else 403).",
)
def employee_skill_list(request: HttpRequest, org_slug: OrgSlug, key: str):
    m = membership(request, org_slug)
    employee = queries.get_employee(m, key)
    _readable(m)
    return queries.employee_skills(m, employee).assessments


@router.put(
    "/o/{org_slug}/employees/{key}/skills/{skill_key}",
    response=AssessedSkillOut,
    summary="Record an employee's assessed level in a skill",
    description=(
        "A new assessment replaces the one before. Managers assess the holders of their "
        "departments' positions."
    ),
)
def employee_skill_set(
    request: HttpRequest, org_slug: OrgSlug, key: str, skill_key: str, payload: AssessmentIn
):
    m = membership(request, org_slug)
    employee = queries.get_employee(m, key)
    skill = queries.get_skill(m, skill_key)
    _assessable(m, employee)
    return perform(
        actions.employee_skill_set,
        employee=employee,
        actor=request.user,
        skill=skill,
        level=payload.level,
        assessed_on=payload.assessed_on,
    )


@router.delete(
    "/o/{org_slug}/employees/{key}/skills/{skill_key}",
    response={204: None},
    summary="Remove an employee's assessment of a skill",
)
def employee_skill_delete(request: HttpRequest, org_slug: OrgSlug, key: str, skill_key: str):
    m = membership(request, org_slug)
    employee = queries.get_employee(m, key)
    assessment = EmployeeSkill.objects.filter(
        org=m.org, employee=employee, skill__key=skill_key
    ).first()
    if assessment is None:
        raise Http404
    _assessable(m, employee)
    perform(actions.employee_skill_delete, assessment=assessment, actor=request.user)


# --- the skills matrix -------------------------------------------------------------------------


@router.get(
    "/o/{org_slug}/skills-matrix/{key}",
    response=MatrixOut,
    summary="The skills matrix of a department",
    description=(
        "The holders of the department's positions (with `subtree=true`, also those of the "
        "departments below it) × the skills those positions require: assessed vs required "
        "level per cell. Without the right to read personal data, rows are positions with "
        "their required levels only (`with_people` false)."
    ),
)
def skills_matrix(request: HttpRequest, org_slug: OrgSlug, key: str, subtree: bool = False):
    page = queries.matrix_page(membership(request, org_slug), key, subtree=subtree)
    matrix = page.matrix
    return MatrixOut(
        department=page.department.key,
        departments=list(matrix.departments),
        with_people=page.with_people,
        gaps=matrix.gaps,
        skills=[
            MatrixSkillOut(key=c.key, name=c.name, category=c.category, gaps=c.gaps)
            for c in page.columns
        ],
        rows=[
            MatrixRowOut(
                position=r.position,
                employee=r.employee,
                vacant=r.vacant,
                gaps=r.gaps,
                cells=[
                    CellOut(skill=s, required=c.required, assessed=c.assessed, status=c.status)
                    for s, c in zip(matrix.skills, r.cells, strict=True)
                ],
            )
            for r in matrix.rows
        ],
    )
