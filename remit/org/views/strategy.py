"""Strategic objectives (A2): the overview with every objective's outlook, an objective's
page with its chart, forecast, measurements, carriers and plan items, and the CSV upload
of measurements.

Objectives are a register (remit/org/registers.py): its form template and delete view
serve them; the list and the page are this area's own, because they show forecasts.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required

from .. import registers
from ..actions import strategy as actions
from ..forms.strategy import MeasurementForm, MeasurementImportForm, ObjectiveForm
from ..models import Objective
from ..queries import strategy as queries


def _create(*, register, org, actor, data):
    return actions.objective_create(org=org, actor=actor, **data)


def _update(*, register, row, actor, data):
    return actions.objective_update(objective=row, actor=actor, **data)


def _delete(*, register, row, actor):
    actions.objective_delete(objective=row, actor=actor)


OBJECTIVES = registers.Register(
    area="strategy",
    name="objective",
    model=Objective,
    form=ObjectiveForm,
    title=gettext_lazy("Objectives"),
    singular=gettext_lazy("objective"),
    intro=gettext_lazy("What must be achieved, and by when."),
    columns=[
        registers.Column(gettext_lazy("Objective"), "title"),
        registers.Column(gettext_lazy("Key"), "key"),
        registers.Column(gettext_lazy("Deadline"), "deadline"),
    ],
    search=("key", "title", "metric"),
    ordering=("deadline", "key"),
    related=("owner",),
    key_prefix="OBJ",
    owner_field="owner",
    create=_create,
    update=_update,
    delete=_delete,
)


def _area(request: HttpRequest) -> None:
    request.area = "strategy"


@org_member_required
def overview(request: HttpRequest) -> HttpResponse:
    _area(request)
    return render(
        request,
        "org/strategy/objectives.html",
        {
            "o": queries.overview(request.membership),
            "can_create": queries.can_edit_objective(request.membership, None),
            "method_explained": queries.method_explained(),
        },
    )


def _detail(request, row: Objective, *, form: MeasurementForm | None = None):
    view = queries.objective_view(row)
    can_edit = queries.can_edit_objective(request.membership, row)
    return render(
        request,
        "org/strategy/objective.html",
        {
            "row": row,
            "v": view,
            "can_edit": can_edit,
            "form": form or MeasurementForm(),
            "chart": queries.chart(view),
            "summary": queries.chart_summary(view),
            "method_explained": queries.method_explained(),
        },
    )


@org_member_required
def objective(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    return _detail(request, queries.get_objective(request.membership, key))


@org_member_required
def objective_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    """Create or change an objective; managers only for positions in their departments."""
    _area(request)
    row = queries.get_objective(request.membership, key) if key else None
    queries.require_edit_objective(request.membership, row)
    form = ObjectiveForm(request.POST or None, instance=row, org=request.org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not queries.position_in_scope(request.membership, data.get("owner")):
            form.add_error("owner", _("Choose a position in a department you manage."))
        else:
            try:
                if row is None:
                    row = actions.objective_create(org=request.org, actor=request.user, **data)
                else:
                    actions.objective_update(objective=row, actor=request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("“%(name)s” was saved.") % {"name": row.title})
                return redirect("org:objective_detail", request.org.slug, row.key)
    return render(request, "org/register/form.html", {"r": OBJECTIVES, "row": row, "form": form})


@org_member_required
@require_POST
def measurement_add(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    row = queries.get_objective(request.membership, key)
    queries.require_edit_objective(request.membership, row)
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            actions.measurement_add(objective=row, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The measurement was recorded."))
            url = reverse("org:objective_detail", args=[request.org.slug, row.key])
            return redirect(url + "#measurements")
    # 200 with the errors in place, as every form page answers (a 4xx page is a browser error).
    return _detail(request, row, form=form)


@org_member_required
@require_POST
def measurement_delete(request: HttpRequest, key: str, measurement_key: str) -> HttpResponse:
    row = queries.get_objective(request.membership, key)
    measurement = queries.get_measurement(row, measurement_key)
    queries.require_edit_objective(request.membership, row)
    actions.measurement_delete(measurement=measurement, actor=request.user)
    messages.success(
        request,
        _("The measurement of %(date)s was deleted.") % {"date": measurement.date.isoformat()},
    )
    url = reverse("org:objective_detail", args=[request.org.slug, row.key])
    return redirect(url + "#measurements")


@org_member_required
def measurement_import(request: HttpRequest) -> HttpResponse:
    """Upload measurements from a CSV file: all rows or none."""
    _area(request)
    if not queries.can_edit_objective(request.membership, None):
        raise PermissionDenied
    problems: list[tuple[object, str]] = []
    if request.method == "POST":
        form = MeasurementImportForm(request.POST, request.FILES, org=request.org)
        if form.is_valid():
            try:
                result = actions.measurements_import(
                    org=request.org,
                    actor=request.user,
                    content=form.cleaned_data["file"].read(),
                    objective=form.cleaned_data["objective"],
                    may_edit=queries.objective_editor(request.membership),
                )
            except ValidationError as exc:
                problems = [
                    (e.params.get("row") if e.params else None, e.message % (e.params or {}))
                    for e in exc.error_list
                ]
            else:
                messages.success(
                    request,
                    _(
                        "%(created)s measurement(s) recorded, %(updated)s updated, "
                        "%(unchanged)s unchanged."
                    )
                    % {
                        "created": result.created,
                        "updated": result.updated,
                        "unchanged": result.unchanged,
                    },
                )
                if len(result.objectives) == 1:
                    return redirect("org:objective_detail", request.org.slug, result.objectives[0])
                return redirect("org:strategy", request.org.slug)
    else:
        form = MeasurementImportForm(
            org=request.org, initial={"objective": request.GET.get("objective", "")}
        )
    return render(
        request,
        "org/strategy/import.html",
        {"form": form, "problems": problems},
    )


_register_delete = next(
    p for p in registers.urlpatterns(OBJECTIVES) if p.name == "objective_delete"
)

urlpatterns = [
    path("objectives/", overview, name="strategy"),
    path("objectives/", overview, name="objective_list"),  # the register's name for the list
    path("objectives/new/", objective_edit, name="objective_create"),
    path("objectives/<str:key>/", objective, name="objective_detail"),
    path("objectives/<str:key>/edit/", objective_edit, name="objective_update"),
    _register_delete,
    path("objectives/<str:key>/measurements/", measurement_add, name="measurement_add"),
    path(
        "objectives/<str:key>/measurements/<str:measurement_key>/delete/",
        measurement_delete,
        name="measurement_delete",
    ),
    path("measurements/import/", measurement_import, name="measurement_import"),
]
