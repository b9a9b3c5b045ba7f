"""The job responsibilities area: the positions list and the four-step builder.

Every step works as plain forms (post, redirect back to the step) and, with htmx,
inline: the same view answers an htmx request with the step's fragment only.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required
from remit.accounts.permissions import Capability, has
from remit.domain.duties import compose_sentence
from remit.render.fishbone import fishbone_svg

from .. import snapshot
from ..actions import duties as actions
from ..forms.duties import PurposeForm, ResponsibilityForm, ResultAreaForm, TargetForm
from ..models import Responsibility, ResultArea, Target
from ..queries import duties as queries
from ..queries.access import can_edit_position


def fishbone_for(position) -> str:
    """The fishbone diagram of the position as it stands: purpose at the head, areas as bones."""
    snap = snapshot.load(position.org, scope={"position": Q(pk=position.pk)})
    return fishbone_svg(
        snap.positions[position.key], t=gettext, link=lambda key: f"?edit={key}#step-areas"
    )


def _area(request: HttpRequest) -> None:
    request.area = "duties"


@org_member_required
def positions(request: HttpRequest) -> HttpResponse:
    _area(request)
    page = queries.positions_page(
        request.membership,
        q=request.GET.get("q", "").strip(),
        department=request.GET.get("department", ""),
        status=request.GET.get("status", ""),
        page=request.GET.get("page"),
    )
    return render(
        request,
        "org/duties/positions.html",
        {
            "page": page,
            "departments": queries.departments(request.membership),
            "q": request.GET.get("q", ""),
            "department": request.GET.get("department", ""),
            "status": request.GET.get("status", ""),
            "can_create": has(request.membership, Capability.EDIT),
        },
    )


def _editable(request: HttpRequest, key: str):
    position = queries.get_position(request.membership, key)
    if not can_edit_position(request.membership, position):
        raise PermissionDenied
    return position


def _edit_form(request, position, key: str):
    """The form for the item ``?edit=KEY`` names (an area, a target or a responsibility)."""
    org = position.org
    if area := ResultArea.objects.filter(position=position, key=key).first():
        return "area", ResultAreaForm(instance=area)
    if target := Target.objects.filter(result_area__position=position, key=key).first():
        return "target", TargetForm(instance=target, org=org)
    if resp := Responsibility.objects.filter(
        target__result_area__position=position, key=key
    ).first():
        return "responsibility", ResponsibilityForm(instance=resp, org=org)
    return None, None


def _builder_response(
    request, position, *, step: str | None = None, forms: dict | None = None, status: int = 200
) -> HttpResponse:
    """The whole page, or (htmx, after a post) just the step that changed."""
    forms = dict(forms or {})
    org = position.org
    data = queries.builder(position)
    editing = (
        forms.get("editing", request.GET.get("edit", ""))
        if request.method != "POST" or forms
        else ""
    )
    adding = (
        forms.get("adding", request.GET.get("add", "")) if request.method != "POST" or forms else ""
    )
    if editing and not any(k in forms for k in ("area", "target", "responsibility")):
        kind, form = _edit_form(request, position, editing)
        if kind:
            forms[kind] = form
    ctx = {
        "position": position,
        "b": data,
        "can_edit": can_edit_position(request.membership, position),
        "purpose_form": forms.get("purpose")
        or PurposeForm(
            org=org,
            initial={
                "basis": position.purpose_basis,
                "content": position.purpose_content,
                "performance": position.purpose_performance,
                "objectives": data.purpose_objectives,
            },
        ),
        "area_form": forms.get("area") or ResultAreaForm(),
        "target_form": forms.get("target") or TargetForm(org=org),
        "responsibility_form": forms.get("responsibility") or ResponsibilityForm(org=org),
        "editing": editing,
        "adding": adding,
        "purpose_similar": queries.similar_purposes(
            position, f"{position.purpose_content} {position.purpose_performance}"
        )
        if position.purpose_content or position.purpose_performance
        else [],
        "fishbone": fishbone_for(position),
    }
    # htmx requests get the whole page too: the forms select their own step from it and
    # swap the other steps out of band, so counts, weights and "add" links stay current.
    if request.htmx and status != 200:
        # htmx does not swap error responses by default; errors must show in place.
        status = 200
    return TemplateResponse(request, "org/duties/builder.html", ctx, status=status)


def _back(request, position, step: str) -> HttpResponse:
    if request.htmx:
        return _builder_response(request, position, step=step)
    return redirect(
        reverse("org:position", args=[request.org.slug, position.key]) + f"#step-{step}"
    )


@org_member_required
def position(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    return _builder_response(request, queries.get_position(request.membership, key))


# --- step 1: purpose -----------------------------------------------------------------------


@org_member_required
@require_POST
def purpose_save(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    position = _editable(request, key)
    form = PurposeForm(request.POST, org=position.org)
    if form.is_valid():
        actions.purpose_update(position=position, actor=request.user, **form.cleaned_data)
        if not request.htmx:
            messages.success(request, _("The purpose was saved."))
        return _back(request, position, "purpose")
    return _builder_response(request, position, step="purpose", forms={"purpose": form}, status=422)


@org_member_required
def purpose_preview(request: HttpRequest, key: str) -> HttpResponse:
    """htmx: the composed sentence and the most similar other purposes, as the user types."""
    position = queries.get_position(request.membership, key)
    basis = request.GET.get("purpose-basis", "").strip()
    content = request.GET.get("purpose-content", "").strip()
    performance = request.GET.get("purpose-performance", "").strip()
    sentence = compose_sentence((basis, content, performance))
    similar = (
        queries.similar_purposes(position, f"{content} {performance}")
        if content or performance
        else []
    )
    return render(
        request,
        "org/duties/_purpose_preview.html",
        {
            "sentence": sentence,
            "similar": similar,
            "position": position,
            "threshold": 60,
        },
    )


# --- step 2: key result areas ---------------------------------------------------------------


def _get_area(position, area_key: str) -> ResultArea:
    area = ResultArea.objects.filter(position=position, key=area_key).first()
    if area is None:
        raise Http404
    return area


@org_member_required
@require_POST
def area_save(request: HttpRequest, key: str, area_key: str = "") -> HttpResponse:
    _area(request)
    position = _editable(request, key)
    area = _get_area(position, area_key) if area_key else None
    form = ResultAreaForm(request.POST, instance=area)
    if form.is_valid():
        try:
            if area is None:
                actions.result_area_create(
                    position=position, actor=request.user, **form.cleaned_data
                )
            else:
                actions.result_area_update(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _back(request, position, "areas")
    state = {"area": form, "editing": area_key} if area_key else {"area": form, "adding": "area"}
    return _builder_response(request, position, step="areas", forms=state, status=422)


@org_member_required
@require_POST
def area_delete(request: HttpRequest, key: str, area_key: str) -> HttpResponse:
    position = _editable(request, key)
    actions.result_area_delete(area=_get_area(position, area_key), actor=request.user)
    return _back(request, position, "areas")


def _move(keys: list[str], key: str, direction: str) -> list[str]:
    i = keys.index(key)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(keys):
        keys[i], keys[j] = keys[j], keys[i]
    return keys


@org_member_required
@require_POST
def areas_reorder(request: HttpRequest, key: str) -> HttpResponse:
    """Drag and drop posts the whole order; the up/down buttons post one move."""
    position = _editable(request, key)
    keys = list(position.result_areas.order_by("order", "id").values_list("key", flat=True))
    if request.POST.get("move"):
        keys = _move(keys, request.POST["move"], request.POST.get("direction", "up"))
    else:
        keys = request.POST.getlist("order")
    try:
        actions.result_areas_reorder(position=position, actor=request.user, keys=keys)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request, position, "areas")


# --- step 3: targets ------------------------------------------------------------------------


def _get_target(position, target_key: str) -> Target:
    target = (
        Target.objects.filter(result_area__position=position, key=target_key)
        .select_related("result_area")
        .first()
    )
    if target is None:
        raise Http404
    return target


@org_member_required
@require_POST
def target_save(
    request: HttpRequest, key: str, area_key: str = "", target_key: str = ""
) -> HttpResponse:
    _area(request)
    position = _editable(request, key)
    target = _get_target(position, target_key) if target_key else None
    area = target.result_area if target else _get_area(position, area_key)
    form = TargetForm(request.POST, instance=target, org=position.org)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if target is None:
                actions.target_create(area=area, actor=request.user, **data)
            else:
                actions.target_update(target=target, actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _back(request, position, "targets")
    state = (
        {"target": form, "editing": target_key}
        if target_key
        else {"target": form, "adding": f"target:{area.key}"}
    )
    return _builder_response(request, position, step="targets", forms=state, status=422)


@org_member_required
@require_POST
def target_delete(request: HttpRequest, key: str, target_key: str) -> HttpResponse:
    position = _editable(request, key)
    actions.target_delete(target=_get_target(position, target_key), actor=request.user)
    return _back(request, position, "targets")


@org_member_required
@require_POST
def target_move(request: HttpRequest, key: str, target_key: str) -> HttpResponse:
    position = _editable(request, key)
    target = _get_target(position, target_key)
    keys = list(target.result_area.targets.order_by("order", "id").values_list("key", flat=True))
    actions.targets_reorder(
        area=target.result_area,
        actor=request.user,
        keys=_move(keys, target_key, request.POST.get("direction", "up")),
    )
    return _back(request, position, "targets")


# --- step 4: responsibilities ------------------------------------------------------------


def _get_responsibility(position, resp_key: str) -> Responsibility:
    r = (
        Responsibility.objects.filter(target__result_area__position=position, key=resp_key)
        .select_related("target__result_area")
        .first()
    )
    if r is None:
        raise Http404
    return r


@org_member_required
@require_POST
def responsibility_save(
    request: HttpRequest, key: str, target_key: str = "", resp_key: str = ""
) -> HttpResponse:
    _area(request)
    position = _editable(request, key)
    resp = _get_responsibility(position, resp_key) if resp_key else None
    target = resp.target if resp else _get_target(position, target_key)
    form = ResponsibilityForm(request.POST, instance=resp, org=position.org)
    if form.is_valid():
        data = dict(form.cleaned_data)
        procedures = list(data.pop("procedures"))
        try:
            if resp is None:
                actions.responsibility_create(
                    target=target, actor=request.user, procedures=procedures, **data
                )
            else:
                actions.responsibility_update(
                    responsibility=resp, actor=request.user, procedures=procedures, **data
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _back(request, position, "responsibilities")
    state = (
        {"responsibility": form, "editing": resp_key}
        if resp_key
        else {"responsibility": form, "adding": f"responsibility:{target.key}"}
    )
    return _builder_response(request, position, step="responsibilities", forms=state, status=422)


@org_member_required
@require_POST
def responsibility_delete(request: HttpRequest, key: str, resp_key: str) -> HttpResponse:
    position = _editable(request, key)
    actions.responsibility_delete(
        responsibility=_get_responsibility(position, resp_key), actor=request.user
    )
    return _back(request, position, "responsibilities")


@org_member_required
@require_POST
def responsibility_move(request: HttpRequest, key: str, resp_key: str) -> HttpResponse:
    position = _editable(request, key)
    r = _get_responsibility(position, resp_key)
    keys = list(r.target.responsibilities.order_by("order", "id").values_list("key", flat=True))
    actions.responsibilities_reorder(
        target=r.target,
        actor=request.user,
        keys=_move(keys, resp_key, request.POST.get("direction", "up")),
    )
    return _back(request, position, "responsibilities")


@org_member_required
def responsibility_suggest(request: HttpRequest, key: str) -> HttpResponse:
    """htmx: statements like the one being typed — from other positions (with a warning
    when one says the same) and from the responsibility library."""
    position = queries.get_position(request.membership, key)
    text = request.GET.get("resp-statement", "").strip()
    others = (
        queries.similar_responsibilities(position.org, text, exclude_position=position)
        if len(text) > 8
        else []
    )
    library = queries.library_suggestions(text) if len(text) > 8 else []
    return render(
        request,
        "org/duties/_suggestions.html",
        {
            "others": others,
            "library": library,
            "position": position,
            "duplicate": next((r for r, s in others if s >= 0.75), None),
        },
    )
