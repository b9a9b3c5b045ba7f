"""Personnel (A7): departments and the positions in them."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required, require
from remit.accounts.permissions import Capability, has
from remit.render.orgchart import orgchart_svg

from ..actions import people as actions
from ..forms.people import DepartmentForm, PositionForm
from ..models import Stage
from ..queries import duties as queries
from ..queries import people as people_queries
from ..queries.access import can_edit_position


def _area(request: HttpRequest) -> None:
    request.area = "people"


@org_member_required
def overview(request: HttpRequest) -> HttpResponse:
    _area(request)
    return render(
        request,
        "org/people/overview.html",
        {
            "tree": queries.department_tree(request.membership),
            "can_edit": has(request.membership, Capability.EDIT),
        },
    )


@org_member_required
def department_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    _area(request)
    require(request.membership, Capability.EDIT)
    department = queries.get_department(request.membership, key) if key else None
    form = DepartmentForm(request.POST or None, instance=department, org=request.org)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if department is None:
                department = actions.department_create(org=request.org, actor=request.user, **data)
            else:
                actions.department_update(department=department, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": department.name})
            return redirect("org:people", request.org.slug)
    return render(
        request, "org/people/department_form.html", {"form": form, "department": department}
    )


@org_member_required
@require_POST
def department_delete(request: HttpRequest, key: str) -> HttpResponse:
    require(request.membership, Capability.EDIT)
    department = queries.get_department(request.membership, key)
    try:
        actions.department_delete(department=department, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(name)s” was deleted.") % {"name": department.name})
    return redirect("org:people", request.org.slug)


@org_member_required
def position_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    """Create a position, or edit its identity: title, department, reports-to, grade …"""
    _area(request)
    position = queries.get_position(request.membership, key) if key else None
    if position is None:
        require(request.membership, Capability.EDIT)
    elif not can_edit_position(request.membership, position):
        raise PermissionDenied
    form = PositionForm(request.POST or None, instance=position, org=request.org)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if position is None:
                position = actions.position_create(org=request.org, actor=request.user, **data)
            else:
                actions.position_update(position=position, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(title)s” was saved.") % {"title": position.title})
            return redirect("org:position", request.org.slug, position.key)
    return render(request, "org/people/position_form.html", {"form": form, "position": position})


@org_member_required
@require_POST
def position_archive(request: HttpRequest, key: str) -> HttpResponse:
    position = queries.get_position(request.membership, key)
    if not can_edit_position(request.membership, position):
        raise PermissionDenied
    try:
        actions.position_archive(position=position, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("org:position", request.org.slug, position.key)
    messages.success(request, _("“%(title)s” was archived.") % {"title": position.title})
    return redirect("org:duties", request.org.slug)


@org_member_required
def chart(request: HttpRequest) -> HttpResponse:
    """The organisation chart of positions: a subtree at a time, searchable, per stage."""
    _area(request)
    try:
        depth = max(1, min(6, int(request.GET.get("depth", 3))))
    except ValueError:
        depth = 3
    c = people_queries.chart(
        request.membership,
        root=request.GET.get("root", ""),
        depth=depth,
        stage=request.GET.get("stage", ""),
        q=request.GET.get("q", "").strip(),
    )

    def link(key: str) -> str:
        params = {"root": key, "depth": depth}
        if c.stage:
            params["stage"] = c.stage
        return "?" + urlencode(params)

    svg = orgchart_svg(
        c.snap,
        root=c.root,
        depth=depth,
        on=c.on,
        highlight=c.highlight,
        t=gettext,
        link=link,
        stage=c.stage,
    )
    return render(
        request,
        "org/people/chart.html",
        {
            "svg": svg,
            "c": c,
            "depth": depth,
            "q": request.GET.get("q", ""),
            "stages": c.snap.stages.values()
            if c.stage
            else Stage.objects.filter(org=request.org).order_by("order"),
            "root_position": c.snap.positions.get(c.root) if c.root else None,
        },
    )
