"""Personnel (A7), part A: employees and their lifecycle, recruitment openings, handovers,
and "my job".

The lifecycle forms (hire, promote, rotate, training, confidentiality, leave) each call
one action; the openings are a register on the shared pattern with a page of their own
that lists the candidates.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required
from remit.accounts.permissions import can_read_personal_data
from remit.domain.people import EventKind

from .. import registers
from ..actions import people_employees as actions
from ..forms import people_employees as forms
from ..models import Employee, Opening, Position
from ..queries import duties as duty_queries
from ..queries import people_employees as queries


def _area(request: HttpRequest) -> None:
    request.area = "people"


def _employee_url(request: HttpRequest, employee: Employee) -> str:
    return reverse("org:employee", args=[request.org.slug, employee.key])


def _managed_employee(request: HttpRequest, key: str) -> Employee:
    employee = queries.get_employee(request.membership, key)
    if not queries.can_manage_employee(request.membership, employee):
        raise PermissionDenied
    return employee


# --- employees ------------------------------------------------------------------------------


@org_member_required
def employees(request: HttpRequest) -> HttpResponse:
    _area(request)
    status = request.GET.get("status", "current")
    page = queries.employees_page(
        request.membership,
        q=request.GET.get("q", "").strip(),
        status=status,
        department=request.GET.get("department", ""),
        page=request.GET.get("page"),
    )
    return render(
        request,
        "org/people/employees/list.html",
        {
            "page": page,
            "q": request.GET.get("q", ""),
            "status": status,
            "department": request.GET.get("department", ""),
            "departments": duty_queries.departments(request.membership),
            "personal": can_read_personal_data(request.membership),
            "can_hire": queries.can_hire(request.membership),
            "can_import": queries.can_import(request.membership),
        },
    )


@org_member_required
def employee(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    e = queries.get_employee(request.membership, key)
    return render(
        request,
        "org/people/employees/employee.html",
        {"p": queries.employee_page(request.membership, e), "e": e},
    )


@org_member_required
def employee_update(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    e = _managed_employee(request, key)
    form = forms.EmployeeForm(request.POST or None, instance=e, org=request.org)
    if request.method == "POST" and form.is_valid():
        try:
            actions.employee_update(employee=e, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": e.name})
            return redirect(_employee_url(request, e))
    return render(
        request,
        "org/people/employees/form.html",
        {
            "form": form,
            "title": _("Edit %(name)s") % {"name": e.name},
            "intro": _("The employee's record. Positions change through the lifecycle forms."),
            "cancel": _employee_url(request, e),
            "e": e,
        },
    )


@org_member_required
@require_POST
def employee_delete(request: HttpRequest, key: str) -> HttpResponse:
    e = _managed_employee(request, key)
    if not queries.can_delete_employee(request.membership):
        raise PermissionDenied
    actions.employee_delete(employee=e, actor=request.user)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": e.name})
    return redirect("org:employees", request.org.slug)


@org_member_required
def employee_hire(request: HttpRequest) -> HttpResponse:
    """Hire someone: from a candidate of an opening (?opening=KEY&candidate=KEY) or directly."""
    _area(request)
    if not queries.can_hire(request.membership):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    opening = candidate = None
    if source.get("opening"):
        opening = queries.get_opening(request.membership, source["opening"])
        if source.get("candidate"):
            candidate = queries.get_candidate(opening, source["candidate"])
    initial = {"name": candidate.name, "email": candidate.email} if candidate else {}
    form = forms.HireForm(request.POST or None, org=request.org, opening=opening, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not queries.can_manage_position(request.membership, data["position"]):
            form.add_error("position", _("You may hire only into your own departments."))
        else:
            try:
                e = actions.employee_hire(
                    org=request.org,
                    actor=request.user,
                    opening=opening,
                    candidate=candidate,
                    **data,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("%(name)s was hired as %(title)s.")
                    % {"name": e.name, "title": data["position"].title},
                )
                return redirect(_employee_url(request, e))
    return render(
        request,
        "org/people/employees/hire.html",
        {"form": form, "opening": opening, "candidate": candidate},
    )


# --- the lifecycle events -------------------------------------------------------------------


@dataclass(frozen=True)
class Lifecycle:
    """One lifecycle form: its words, its form and the action it calls."""

    name: str
    title: Promise
    intro: Promise
    button: Promise
    form: type
    action: Callable[..., Any]
    done: Promise  # the message once recorded ("%(name)s")
    moves_to: bool = False  # the form names a new position (checked against the scope)


LIFECYCLE = {
    "promote": Lifecycle(
        "promote",
        gettext_lazy("Promote %(name)s"),
        gettext_lazy(
            "The current primary position ends the day before; the new one starts on the day. "
            "The handover of the old position is generated from what it owns."
        ),
        gettext_lazy("Record the promotion"),
        forms.MoveForm,
        actions.employee_promote,
        gettext_lazy("The promotion of %(name)s was recorded."),
        moves_to=True,
    ),
    "rotate": Lifecycle(
        "rotate",
        gettext_lazy("Rotate or transfer %(name)s"),
        gettext_lazy(
            "A move to another position at the same level, or to another department. The old "
            "position ends the day before; its handover is generated."
        ),
        gettext_lazy("Record the move"),
        forms.MoveForm,
        actions.employee_rotate,
        gettext_lazy("The move of %(name)s was recorded."),
        moves_to=True,
    ),
    "train": Lifecycle(
        "train",
        gettext_lazy("Record a training of %(name)s"),
        gettext_lazy(
            "A training on an SOP (with its assessment, if there was one) and/or in a skill "
            "(the level reached becomes the employee's assessed level)."
        ),
        gettext_lazy("Record the training"),
        forms.TrainingForm,
        actions.employee_train,
        gettext_lazy("The training of %(name)s was recorded."),
    ),
    "confidentiality": Lifecycle(
        "confidentiality",
        gettext_lazy("Confidentiality agreement of %(name)s"),
        gettext_lazy(
            "Record a signed or renewed agreement. The health check warns when an agreement a "
            "position requires is missing or expired."
        ),
        gettext_lazy("Record the agreement"),
        forms.ConfidentialityForm,
        actions.employee_sign_confidentiality,
        gettext_lazy("The confidentiality agreement of %(name)s was recorded."),
    ),
    "leave": Lifecycle(
        "leave",
        gettext_lazy("%(name)s leaves"),
        gettext_lazy(
            "A resignation or termination: every assignment ends on the last working day, the "
            "employee is marked as left, and the handover of each position they hold is "
            "generated from what the position owns."
        ),
        gettext_lazy("Record and generate the handover"),
        forms.LeaveForm,
        actions.employee_leave,
        gettext_lazy("The departure of %(name)s was recorded."),
    ),
}


def _lifecycle(request: HttpRequest, key: str, spec: Lifecycle) -> HttpResponse:
    _area(request)
    e = _managed_employee(request, key)
    current = actions.primary_assignment(e, queries.today())
    kwargs: dict[str, Any] = {"org": request.org}
    if spec.moves_to:
        kwargs["current"] = current.position if current else None
    form = spec.form(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if spec.moves_to and not queries.can_manage_position(
            request.membership, data["to_position"]
        ):
            form.add_error("to_position", _("You may move people only into your own departments."))
        else:
            try:
                result = spec.action(employee=e, actor=request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, spec.done % {"name": e.name})
                if spec.name == "leave" and result[1]:
                    messages.info(
                        request,
                        _(
                            "Here is what the position owned: give every item a successor and "
                            "mark it done once it is handed over."
                        ),
                    )
                    return redirect("org:handover", request.org.slug, result[1][0].key)
                return redirect(_employee_url(request, e))
    return render(
        request,
        "org/people/employees/event_form.html",
        {
            "form": form,
            "spec": spec,
            "title": spec.title % {"name": e.name},
            "e": e,
            "current": current,
        },
    )


def _lifecycle_view(name: str):
    spec = LIFECYCLE[name]

    def view(request: HttpRequest, key: str) -> HttpResponse:
        return _lifecycle(request, key, spec)

    view.__name__ = f"employee_{name}"
    view.__doc__ = f"The {name} form of an employee."
    return org_member_required(view)


# --- assignments -----------------------------------------------------------------------------


@org_member_required
def assignment_edit(request: HttpRequest, key: str, assignment_key: str = "") -> HttpResponse:
    """Correct the timeline by hand: add an acting position, fix a date."""
    _area(request)
    e = _managed_employee(request, key)
    row = queries.get_assignment(e, assignment_key) if assignment_key else None
    form = forms.AssignmentForm(request.POST or None, instance=row, org=request.org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not queries.can_manage_position(request.membership, data["position"]):
            form.add_error("position", _("You may assign people only in your own departments."))
        else:
            try:
                if row is None:
                    actions.assignment_create(employee=e, actor=request.user, **data)
                else:
                    actions.assignment_update(assignment=row, actor=request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The assignment was saved."))
                return redirect(_employee_url(request, e) + "#assignments")
    return render(
        request,
        "org/people/employees/form.html",
        {
            "form": form,
            "title": _("Assignment of %(name)s") % {"name": e.name},
            "intro": _(
                "Use the lifecycle forms for hires, promotions, moves and leaving: they keep the "
                "history and generate handovers. Edit assignments here to add an acting position "
                "or correct a date."
            ),
            "cancel": _employee_url(request, e),
            "e": e,
            "delete_url": reverse("org:assignment_delete", args=[request.org.slug, e.key, row.key])
            if row
            else "",
        },
    )


@org_member_required
@require_POST
def assignment_delete(request: HttpRequest, key: str, assignment_key: str) -> HttpResponse:
    e = _managed_employee(request, key)
    actions.assignment_delete(
        assignment=queries.get_assignment(e, assignment_key), actor=request.user
    )
    messages.success(request, _("The assignment was deleted."))
    return redirect(_employee_url(request, e) + "#assignments")


# --- handovers -----------------------------------------------------------------------------


@org_member_required
def handover_create(request: HttpRequest, key: str) -> HttpResponse:
    """Generate a handover by hand (a move recorded elsewhere, a long leave …)."""
    _area(request)
    e = _managed_employee(request, key)
    positions = Position.objects.filter(org=request.org, assignments__employee=e).distinct()
    form = forms.HandoverForm(request.POST or None, positions=positions.order_by("title"))
    if request.method == "POST" and form.is_valid():
        try:
            h = actions.handover_generate(
                employee=e,
                actor=request.user,
                position=form.cleaned_data["position"],
                reason=EventKind(form.cleaned_data["reason"]),
                last_day=form.cleaned_data["last_day"],
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("org:handover", request.org.slug, h.key)
    return render(
        request,
        "org/people/employees/form.html",
        {
            "form": form,
            "title": _("Generate a handover for %(name)s") % {"name": e.name},
            "intro": _(
                "The checklist is generated from what the position owns: its responsibilities "
                "(when no one else holds it), relations, resources, controls, SOPs, open plan "
                "items, problems and acquisitions."
            ),
            "cancel": _employee_url(request, e),
            "e": e,
        },
    )


@org_member_required
def handovers(request: HttpRequest) -> HttpResponse:
    _area(request)
    state = request.GET.get("state", "open")
    return render(
        request,
        "org/people/employees/handovers.html",
        {
            "page": queries.handovers_page(
                request.membership, state=state, page=request.GET.get("page")
            ),
            "state": state,
            "today": queries.today(),
        },
    )


def _handover_response(request, h, *, forms_: dict | None = None, status: int = 200):
    data = queries.handover_page(request.membership, h)
    forms_ = forms_ or {}
    for row in data.rows:
        row.errors = forms_.get("item_errors", {}).get(row.item.key, [])
    ctx = {
        "h": h,
        "d": data,
        "personal": queries.can_read_personal(request.membership, h.employee),
        "assign_form": forms_.get("assign") or forms.AssignAllForm(),
        "add_form": forms_.get("add") or forms.ItemAddForm(),
        "due_form": forms_.get("due") or forms.DueForm(initial={"due_on": h.due_on}),
    }
    return render(
        request,
        "org/people/employees/handover.html",
        ctx,
        status=200 if request.htmx else status,
    )


def _handover_back(request, h, anchor: str = "") -> HttpResponse:
    if request.htmx:
        return _handover_response(request, h)
    url = reverse("org:handover", args=[request.org.slug, h.key])
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _managed_handover(request: HttpRequest, key: str):
    h = queries.get_handover(request.membership, key)
    if not queries.can_manage_handover(request.membership, h):
        raise PermissionDenied
    return h


def _successor(request, form, name: str = "successor") -> Employee | bool | None:
    """The employee a successor field names (by key, or by exact name); False if unknown."""
    raw = (form.cleaned_data.get(name) or "").strip()
    if not raw:
        return None
    found = queries.find_employee(request.membership, raw)
    if found is None:
        form.add_error(name, _("No employee has the key or name “%(text)s”.") % {"text": raw})
        return False
    return found


@org_member_required
def handover(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    return _handover_response(request, queries.get_handover(request.membership, key))


@org_member_required
@require_POST
def handover_item_update(request: HttpRequest, key: str, item_key: str) -> HttpResponse:
    """Give an item its successor and mark it done; the successor may tick their own items."""
    h = queries.get_handover(request.membership, key)
    item = queries.get_item(h, item_key)
    manage = queries.can_manage_handover(request.membership, h)
    if not manage and not (
        item.successor_id and queries.is_self(request.membership, item.successor)
    ):
        raise PermissionDenied
    form = forms.ItemForm(request.POST)
    if form.is_valid():
        fields: dict[str, Any] = {"done": form.cleaned_data["done"]}
        if manage:
            successor = _successor(request, form)
            if successor is not False:
                fields["successor"] = successor
        if form.is_valid():
            try:
                actions.handover_item_update(item=item, actor=request.user, **fields)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return _handover_back(request, h, f"item-{item.key}")
    errors = {item.key: [m for ms in form.errors.values() for m in ms]}
    return _handover_response(request, h, forms_={"item_errors": errors}, status=422)


@org_member_required
@require_POST
def handover_item_create(request: HttpRequest, key: str) -> HttpResponse:
    h = _managed_handover(request, key)
    form = forms.ItemAddForm(request.POST)
    if form.is_valid():
        successor = _successor(request, form)
        if successor is not False:
            try:
                actions.handover_item_create(
                    handover=h,
                    actor=request.user,
                    description=form.cleaned_data["description"],
                    kind=form.cleaned_data["kind"],
                    successor=successor,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return _handover_back(request, h, "items")
    return _handover_response(request, h, forms_={"add": form}, status=422)


@org_member_required
@require_POST
def handover_item_delete(request: HttpRequest, key: str, item_key: str) -> HttpResponse:
    h = _managed_handover(request, key)
    actions.handover_item_delete(item=queries.get_item(h, item_key), actor=request.user)
    return _handover_back(request, h, "items")


@org_member_required
@require_POST
def handover_assign(request: HttpRequest, key: str) -> HttpResponse:
    h = _managed_handover(request, key)
    form = forms.AssignAllForm(request.POST)
    if form.is_valid():
        successor = _successor(request, form)
        if successor:
            try:
                n = actions.handover_assign(handover=h, successor=successor, actor=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if not request.htmx:
                    messages.success(
                        request,
                        _("%(n)s item(s) given to %(name)s.") % {"n": n, "name": successor.name},
                    )
                return _handover_back(request, h, "items")
    return _handover_response(request, h, forms_={"assign": form}, status=422)


@org_member_required
@require_POST
def handover_due(request: HttpRequest, key: str) -> HttpResponse:
    h = _managed_handover(request, key)
    form = forms.DueForm(request.POST)
    if form.is_valid():
        actions.handover_update(handover=h, actor=request.user, due_on=form.cleaned_data["due_on"])
        return _handover_back(request, h)
    return _handover_response(request, h, forms_={"due": form}, status=422)


@org_member_required
@require_POST
def handover_delete(request: HttpRequest, key: str) -> HttpResponse:
    h = _managed_handover(request, key)
    actions.handover_delete(handover=h, actor=request.user)
    messages.success(request, _("The handover was deleted."))
    return redirect("org:handovers", request.org.slug)


# --- openings (a register) and their candidates ------------------------------------------------


def _opening_create(*, register, org, actor, data):
    return actions.opening_create(org=org, actor=actor, **data)


def _opening_update(*, register, row, actor, data):
    return actions.opening_update(opening=row, actor=actor, **data)


def _opening_delete(*, register, row, actor):
    actions.opening_delete(opening=row, actor=actor)


OPENINGS = registers.Register(
    area="people",
    name="opening",
    model=Opening,
    form=forms.OpeningForm,
    title=gettext_lazy("Recruitment openings"),
    singular=gettext_lazy("opening"),
    intro=gettext_lazy(
        "Positions being recruited for, with their candidates and stages. Hiring a candidate "
        "creates the employee, assigns the position and fills the opening."
    ),
    columns=[
        registers.Column(gettext_lazy("Position"), "position.title"),
        registers.Column(gettext_lazy("Key"), "key"),
        registers.Column(gettext_lazy("Opened on"), "opened_on"),
        registers.Column(gettext_lazy("Needed by"), "needed_by"),
        registers.Column(gettext_lazy("Status"), "get_status_display"),
        registers.Column(gettext_lazy("Hired"), "hired.name"),
    ],
    search=("key", "position__title", "position__key"),
    filters=("status",),
    ordering=("status", "needed_by", "key"),
    related=("position", "hired"),
    owner_field="position",
    create=_opening_create,
    update=_opening_update,
    delete=_opening_delete,
)


@org_member_required
def opening_detail(request: HttpRequest, key: str) -> HttpResponse:
    """The register's page of an opening, with its candidates below."""
    _area(request)
    opening = queries.get_opening(request.membership, key)
    can_edit = registers.can_edit(request, OPENINGS, opening)
    form = OPENINGS.form(instance=opening, org=request.org)
    facts = [
        (form.fields[n].label, registers.display(opening, n)) for n in form.fields if n != "key"
    ]
    facts.append((_("Hired"), opening.hired.name if opening.hired_id else None))
    personal = can_read_personal_data(request.membership)
    candidates = queries.candidates(opening)
    panel = render_to_string(
        "org/people/employees/_candidates.html",
        {
            "opening": opening,
            "candidates": candidates,
            "personal": personal,
            "can_edit": can_edit,
            "add_form": forms.CandidateForm(prefix="new"),
            "stages": forms.StageForm().fields["stage"].choices,
        },
        request=request,
    )

    return render(
        request,
        "org/register/detail.html",
        {
            "r": OPENINGS,
            "row": _Heading(opening.position.title, opening.key),
            "facts": facts,
            "history_url": reverse(
                "org:entity_history", args=[request.org.slug, "opening", opening.pk]
            ),
            "children": [mark_safe(panel)],  # rendered (and escaped) by our own template
            "can_edit": can_edit,
        },
    )


@dataclass(frozen=True)
class _Heading:
    """What the shared detail template shows as the row's title: an opening has no title or
    name field of its own (the template's ``row.name`` lookup would fail on it)."""

    title: str
    key: str
    name: str = ""

    def __str__(self) -> str:
        return f"{self.key} {self.title}"


def _editable_opening(request: HttpRequest, key: str) -> Opening:
    opening = queries.get_opening(request.membership, key)
    if not registers.can_edit(request, OPENINGS, opening):
        raise PermissionDenied
    return opening


def _opening_url(request, opening) -> str:
    return reverse("org:opening_detail", args=[request.org.slug, opening.key]) + "#candidates"


@org_member_required
def candidate_edit(request: HttpRequest, key: str, candidate_key: str = "") -> HttpResponse:
    _area(request)
    opening = _editable_opening(request, key)
    row = queries.get_candidate(opening, candidate_key) if candidate_key else None
    prefix = None if row else "new"
    form = forms.CandidateForm(request.POST or None, instance=row, prefix=prefix)
    if request.method == "POST" and form.is_valid():
        try:
            if row is None:
                actions.candidate_create(opening=opening, actor=request.user, **form.cleaned_data)
            else:
                actions.candidate_update(candidate=row, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The candidate was saved."))
            return redirect(_opening_url(request, opening))
    return render(
        request,
        "org/people/employees/form.html",
        {
            "form": form,
            "title": _("Candidate for %(title)s") % {"title": opening.position.title},
            "intro": _("A candidate of the opening %(key)s.") % {"key": opening.key},
            "cancel": _opening_url(request, opening),
            "delete_url": reverse(
                "org:candidate_delete", args=[request.org.slug, opening.key, row.key]
            )
            if row
            else "",
        },
    )


@org_member_required
@require_POST
def candidate_stage(request: HttpRequest, key: str, candidate_key: str) -> HttpResponse:
    opening = _editable_opening(request, key)
    row = queries.get_candidate(opening, candidate_key)
    form = forms.StageForm(request.POST)
    if form.is_valid():
        try:
            actions.candidate_update(
                candidate=row, actor=request.user, stage=form.cleaned_data["stage"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(name)s: %(stage)s.") % {"name": row.name, "stage": row.get_stage_display()},
            )
    return redirect(_opening_url(request, opening))


@org_member_required
@require_POST
def candidate_delete(request: HttpRequest, key: str, candidate_key: str) -> HttpResponse:
    opening = _editable_opening(request, key)
    try:
        actions.candidate_delete(
            candidate=queries.get_candidate(opening, candidate_key), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_opening_url(request, opening))


def _opening_patterns() -> list:
    """The register's list, create, edit and delete under people/, and its own page."""
    base = registers.urlpatterns(OPENINGS)
    by_name = {p.name: p for p in base}
    plural = OPENINGS.plural_path
    return [
        path(f"people/{plural}/", by_name["opening_list"].callback, name="opening_list"),
        path(f"people/{plural}/new/", by_name["opening_create"].callback, name="opening_create"),
        path(f"people/{plural}/<str:key>/", opening_detail, name="opening_detail"),
        path(
            f"people/{plural}/<str:key>/edit/",
            by_name["opening_update"].callback,
            name="opening_update",
        ),
        path(
            f"people/{plural}/<str:key>/delete/",
            by_name["opening_delete"].callback,
            name="opening_delete",
        ),
    ]


# --- my job -----------------------------------------------------------------------------------


@org_member_required
def my_job(request: HttpRequest) -> HttpResponse:
    request.area = "my_job"
    return render(
        request, "org/people/employees/my_job.html", {"j": queries.my_job(request.membership)}
    )


urlpatterns = [
    path("my-job/", my_job, name="my_job"),
    path("people/employees/", employees, name="employees"),
    path("people/employees/hire/", employee_hire, name="employee_hire"),
    path("people/employees/<str:key>/", employee, name="employee"),
    path("people/employees/<str:key>/edit/", employee_update, name="employee_update"),
    path("people/employees/<str:key>/delete/", employee_delete, name="employee_delete"),
    *[
        path(f"people/employees/<str:key>/{name}/", _lifecycle_view(name), name=f"employee_{name}")
        for name in LIFECYCLE
    ],
    path("people/employees/<str:key>/assignments/new/", assignment_edit, name="assignment_create"),
    path(
        "people/employees/<str:key>/assignments/<str:assignment_key>/",
        assignment_edit,
        name="assignment_update",
    ),
    path(
        "people/employees/<str:key>/assignments/<str:assignment_key>/delete/",
        assignment_delete,
        name="assignment_delete",
    ),
    path("people/employees/<str:key>/handover/", handover_create, name="handover_create"),
    *_opening_patterns(),
    path("people/openings/<str:key>/candidates/new/", candidate_edit, name="candidate_create"),
    path(
        "people/openings/<str:key>/candidates/<str:candidate_key>/",
        candidate_edit,
        name="candidate_update",
    ),
    path(
        "people/openings/<str:key>/candidates/<str:candidate_key>/stage/",
        candidate_stage,
        name="candidate_stage",
    ),
    path(
        "people/openings/<str:key>/candidates/<str:candidate_key>/delete/",
        candidate_delete,
        name="candidate_delete",
    ),
    path("people/handovers/", handovers, name="handovers"),
    path("people/handovers/<str:key>/", handover, name="handover"),
    path("people/handovers/<str:key>/due/", handover_due, name="handover_due"),
    path("people/handovers/<str:key>/assign/", handover_assign, name="handover_assign"),
    path("people/handovers/<str:key>/delete/", handover_delete, name="handover_delete"),
    path(
        "people/handovers/<str:key>/items/new/", handover_item_create, name="handover_item_create"
    ),
    path(
        "people/handovers/<str:key>/items/<str:item_key>/",
        handover_item_update,
        name="handover_item_update",
    ),
    path(
        "people/handovers/<str:key>/items/<str:item_key>/delete/",
        handover_item_delete,
        name="handover_item_delete",
    ),
]
