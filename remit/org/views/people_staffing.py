"""Personnel (A7) planning: development stages and their staffing, the staffing timeline,
what the stages cost, the skills matrix, required and assessed skills, the skills import.

The stages' list, form and deletion are the shared register pattern
(``registers_people.STAGES``); the pages below are the ones of a different shape.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required, require
from remit.accounts.permissions import Capability, can_read_finance, can_read_personal_data
from remit.orgfile.tables import TableError, TableProblems
from remit.render.staffing import timeline_svg

from ..actions import people_staffing as actions
from ..forms.people_staffing import (
    LEVELS,
    EmployeeSkillForm,
    PositionSkillForm,
    SkillsImportForm,
    StaffingLineForm,
)
from ..models import EmployeeSkill, PositionSkill
from ..queries import people_staffing as queries
from ..queries.access import can_edit_position, managed_department_ids
from . import registers_people

UPLOAD_LIMIT = 5 * 1024 * 1024  # a skills list is small; refuse anything larger unread


def _area(request: HttpRequest) -> None:
    request.area = "people"


# --- stages and their staffing -----------------------------------------------------------------


@org_member_required
def stage_detail(request: HttpRequest, key: str) -> HttpResponse:
    """A stage: its staffing plan (own lines and those kept from earlier stages), and cost."""
    _area(request)
    stage = queries.get_stage(request.membership, key)
    page = queries.stage_page(request.membership, stage)
    can_add = queries.can_edit_line(request.membership)
    form = None
    if can_add:
        form = StaffingLineForm(org=request.org, departments=_scope(request))
    return render(
        request,
        "org/people/staffing/stage.html",
        {
            "stage": stage,
            "page": page,
            "form": form,
            "can_plan": queries.can_plan(request.membership),
            "editable": {
                r.line.pk
                for r in page.rows
                if can_edit_position(request.membership, r.line.position)
            },
            "finance": page.cost is not None,
            "history_url": reverse(
                "org:entity_history", args=[request.org.slug, "stage", stage.pk]
            ),
        },
    )


def _scope(request: HttpRequest) -> set[int] | None:
    """The departments whose positions a manager may plan (None: all of them)."""
    if queries.can_plan(request.membership):
        return None
    return managed_department_ids(request.membership)


@org_member_required
def staffing_line_edit(request: HttpRequest, key: str, line_key: str = "") -> HttpResponse:
    """Add a line to a stage's staffing plan, or change one."""
    _area(request)
    stage = queries.get_stage(request.membership, key)
    line = queries.get_line(stage, line_key) if line_key else None
    if not queries.can_edit_line(request.membership, line.position if line else None):
        raise PermissionDenied
    form = StaffingLineForm(
        request.POST or None, instance=line, org=request.org, departments=_scope(request)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not queries.can_edit_line(request.membership, data["position"]):
            raise PermissionDenied
        try:
            if line is None:
                line = actions.staffing_line_create(stage=stage, actor=request.user, **data)
            else:
                actions.staffing_line_update(line=line, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The plan now needs %(n)s × “%(title)s”.")
                % {"n": line.headcount, "title": line.position.title},
            )
            return redirect(
                reverse("org:stage_detail", args=[request.org.slug, stage.key]) + "#plan"
            )
    return render(
        request,
        "org/people/staffing/line_form.html",
        {"stage": stage, "line": line, "form": form},
    )


@org_member_required
@require_POST
def staffing_line_delete(request: HttpRequest, key: str, line_key: str) -> HttpResponse:
    stage = queries.get_stage(request.membership, key)
    line = queries.get_line(stage, line_key)
    if not queries.can_edit_line(request.membership, line.position):
        raise PermissionDenied
    actions.staffing_line_delete(line=line, actor=request.user)
    messages.success(
        request, _("“%(title)s” was taken out of the plan.") % {"title": line.position.title}
    )
    return redirect(reverse("org:stage_detail", args=[request.org.slug, stage.key]) + "#plan")


@org_member_required
def stage_costs(request: HttpRequest) -> HttpResponse:
    """What each stage's staffing costs per month and per year, position by position."""
    _area(request)
    require(request.membership, Capability.FINANCE_READ, opened=request.org.finance_open)
    return render(
        request,
        "org/people/staffing/costs.html",
        {"page": queries.costs_page(request.membership)},
    )


@org_member_required
def staffing_timeline(request: HttpRequest) -> HttpResponse:
    """Planned vs filled headcount over time, late and upcoming hires, vacant posts."""
    _area(request)
    page = queries.timeline_page(request.membership)
    slug = request.org.slug
    svg = timeline_svg(
        page.timeline, t=gettext, link=lambda k: reverse("org:stage_detail", args=[slug, k])
    )
    return render(
        request,
        "org/people/staffing/timeline.html",
        {"page": page, "svg": svg, "finance": can_read_finance(request.membership)},
    )


# --- skills -------------------------------------------------------------------------------------


@org_member_required
def skills_matrix(request: HttpRequest, key: str = "") -> HttpResponse:
    """Holders of a department's positions × the skills those positions require."""
    _area(request)
    subtree = request.GET.get("sub") == "1"
    picked = request.GET.get("department", "")
    if picked and picked != key:
        # The department picker submits ?department=KEY: go to that department's address.
        url = reverse("org:skills_matrix_department", args=[request.org.slug, picked])
        return redirect(url + ("?sub=1" if subtree else ""))
    page = queries.matrix_page(request.membership, key, subtree=subtree)
    return render(request, "org/people/staffing/matrix.html", {"page": page})


@org_member_required
def position_skills(request: HttpRequest, key: str) -> HttpResponse:
    """The skills a position requires, and the levels; editors add, change and remove them."""
    _area(request)
    position = queries.get_position(request.membership, key)
    can_edit = can_edit_position(request.membership, position)
    form = PositionSkillForm(request.POST or None, org=request.org)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.position_skill_set(
                    position=position, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("“%(title)s” requires %(skill)s at level %(level)s.")
                    % {
                        "title": position.title,
                        "skill": form.cleaned_data["skill"].name,
                        "level": form.cleaned_data["level"],
                    },
                )
                return redirect("org:position_skills", request.org.slug, position.key)
    return render(
        request,
        "org/people/staffing/position_skills.html",
        {
            "position": position,
            "requirements": queries.position_skills(request.membership, position),
            "form": form,
            "can_edit": can_edit,
            "levels": LEVELS,
        },
    )


@org_member_required
@require_POST
def position_skill_delete(request: HttpRequest, key: str, skill_key: str) -> HttpResponse:
    position = queries.get_position(request.membership, key)
    requirement = (
        PositionSkill.objects.filter(org=request.org, position=position, skill__key=skill_key)
        .select_related("skill")
        .first()
    )
    if requirement is None:
        return redirect("org:position_skills", request.org.slug, position.key)
    if not can_edit_position(request.membership, position):
        raise PermissionDenied
    actions.position_skill_delete(requirement=requirement, actor=request.user)
    messages.success(
        request,
        _("“%(title)s” no longer requires %(skill)s.")
        % {"title": position.title, "skill": requirement.skill.name},
    )
    return redirect("org:position_skills", request.org.slug, position.key)


@org_member_required
def employee_skills(request: HttpRequest, key: str) -> HttpResponse:
    """An employee's assessed skills beside what their positions require (personal data)."""
    _area(request)
    employee = queries.get_employee(request.membership, key)
    if not can_read_personal_data(request.membership):
        raise PermissionDenied
    can_edit = queries.can_assess(request.membership, employee)
    initial = {"assessed_on": timezone.localdate()}
    if skill := request.GET.get("skill"):
        initial["skill"] = queries.get_skill(request.membership, skill)
    form = EmployeeSkillForm(request.POST or None, org=request.org, initial=initial)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.employee_skill_set(
                    employee=employee, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("%(name)s: %(skill)s assessed at level %(level)s.")
                    % {
                        "name": employee.name,
                        "skill": form.cleaned_data["skill"].name,
                        "level": form.cleaned_data["level"],
                    },
                )
                return redirect("org:employee_skills", request.org.slug, employee.key)
    return render(
        request,
        "org/people/staffing/employee_skills.html",
        {
            "data": queries.employee_skills(request.membership, employee),
            "form": form,
            "can_edit": can_edit,
        },
    )


@org_member_required
@require_POST
def employee_skill_delete(request: HttpRequest, key: str, skill_key: str) -> HttpResponse:
    employee = queries.get_employee(request.membership, key)
    assessment = (
        EmployeeSkill.objects.filter(org=request.org, employee=employee, skill__key=skill_key)
        .select_related("skill")
        .first()
    )
    if assessment is None:
        return redirect("org:employee_skills", request.org.slug, employee.key)
    if not queries.can_assess(request.membership, employee):
        raise PermissionDenied
    actions.employee_skill_delete(assessment=assessment, actor=request.user)
    messages.success(
        request,
        _("%(name)s: the assessment of %(skill)s was removed.")
        % {"name": employee.name, "skill": assessment.skill.name},
    )
    return redirect("org:employee_skills", request.org.slug, employee.key)


@org_member_required
def skills_import(request: HttpRequest) -> HttpResponse:
    """Import the skills catalogue from a CSV or XLSX file: all rows or none."""
    _area(request)
    require(request.membership, Capability.EDIT)
    form = SkillsImportForm(request.POST or None, request.FILES or None)
    report, problems = None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT:
            form.add_error("file", _("The file is larger than 5 MB: a skills list is far smaller."))
        else:
            try:
                report = actions.skills_import(
                    org=request.org,
                    actor=request.user,
                    data=upload.read(),
                    name=upload.name,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except TableError as exc:
                form.add_error(
                    "file", _(exc.template) % exc.params if exc.params else _(exc.template)
                )
            except TableProblems as exc:
                problems = [
                    (p.row, p.field, _(p.template) % p.params if p.params else _(p.template))
                    for p in exc.problems
                ]
    return render(
        request,
        "org/people/staffing/skills_import.html",
        {"form": form, "report": report, "problems": problems},
    )


urlpatterns = [
    path("people/stages/timeline/", staffing_timeline, name="staffing_timeline"),
    path("people/stages/costs/", stage_costs, name="stage_costs"),
    *registers_people.stage_urlpatterns(),
    path("people/stages/<str:key>/", stage_detail, name="stage_detail"),
    path("people/stages/<str:key>/lines/new/", staffing_line_edit, name="staffing_line_create"),
    path(
        "people/stages/<str:key>/lines/<str:line_key>/",
        staffing_line_edit,
        name="staffing_line_update",
    ),
    path(
        "people/stages/<str:key>/lines/<str:line_key>/delete/",
        staffing_line_delete,
        name="staffing_line_delete",
    ),
    path("people/skills/import/", skills_import, name="skills_import"),
    path("people/skills-matrix/", skills_matrix, name="skills_matrix"),
    path("people/skills-matrix/positions/<str:key>/", position_skills, name="position_skills"),
    path(
        "people/skills-matrix/positions/<str:key>/<str:skill_key>/delete/",
        position_skill_delete,
        name="position_skill_delete",
    ),
    path("people/skills-matrix/employees/<str:key>/", employee_skills, name="employee_skills"),
    path(
        "people/skills-matrix/employees/<str:key>/<str:skill_key>/delete/",
        employee_skill_delete,
        name="employee_skill_delete",
    ),
    path("people/skills-matrix/<str:key>/", skills_matrix, name="skills_matrix_department"),
]
