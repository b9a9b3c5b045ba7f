"""Resources (A4): the inventory by category, the needs of plan items, the acquisitions that
fill the gaps, and the gaps over time.

Resources, needs and acquisitions are registers (``remit/org/registers.py``): their
lists, forms and deletion are the shared ones. Their pages show quantities with their
unit and money with the currency, and what each row means for the gaps, so those are
this module's own; so is the inventory (the area's landing page, which the register's
list address leads to), and the create and edit pages, which take their starting
values from the address (``?plan_item=KEY``, ``?need=KEY``) and check that a manager
changes only what their departments own.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from remit.accounts.access import org_member_required
from remit.accounts.permissions import Capability, Grant, grant
from remit.domain.resources import ResourceCategory

from .. import registers
from ..actions import resources as actions
from ..forms.resources import AcquisitionForm, NeedForm, ResourceForm
from ..models import Acquisition, PlanItem, Resource, ResourceNeed
from ..queries import plan as plan_queries
from ..queries import resources as queries

AREA = "resources"


class Quantity(registers.Column):
    """A quantity cell with its unit (the row's own, or its need's)."""

    def value(self, row):
        unit = row.unit if hasattr(row, "unit") else row.need.unit
        return queries.qty(getattr(row, self.attr), unit)


class Money(registers.Column):
    """An amount with the organisation's currency."""

    def value(self, row):
        return queries.money(getattr(row, self.attr), row.org.currency)


# --- the registers' writes: this area's actions ------------------------------------------------


def _resource_create(*, register, org, actor, data):
    return actions.resource_create(org=org, actor=actor, **data)


def _resource_update(*, register, row, actor, data):
    return actions.resource_update(resource=row, actor=actor, **data)


def _resource_delete(*, register, row, actor):
    actions.resource_delete(resource=row, actor=actor)


def _need_create(*, register, org, actor, data):
    return actions.need_create(org=org, actor=actor, **data)


def _need_update(*, register, row, actor, data):
    return actions.need_update(need=row, actor=actor, **data)


def _need_delete(*, register, row, actor):
    actions.need_delete(need=row, actor=actor)


def _acquisition_create(*, register, org, actor, data):
    return actions.acquisition_create(org=org, actor=actor, **data)


def _acquisition_update(*, register, row, actor, data):
    return actions.acquisition_update(acquisition=row, actor=actor, **data)


def _acquisition_delete(*, register, row, actor):
    actions.acquisition_delete(acquisition=row, actor=actor)


RESOURCES = registers.Register(
    area=AREA,
    name="resource",
    model=Resource,
    form=ResourceForm,
    title=_l("Resources"),
    singular=_l("resource"),
    intro=_l(
        "What the company has — capital, technology, relations, customers, people, "
        "facilities — counted in a unit, with its value and an owner position."
    ),
    columns=[
        registers.Column(_l("Resource"), "name"),
        registers.Column(_l("Key"), "key"),
        registers.Column(_l("Category"), "get_category_display"),
        Quantity(_l("Available"), "quantity", css="text-end"),
        registers.Column(_l("Owner"), "owner.title"),
    ],
    search=("key", "name", "unit"),
    filters=("category",),
    ordering=("category", "name"),
    related=("owner",),
    key_prefix="R",
    create=_resource_create,
    update=_resource_update,
    delete=_resource_delete,
)

NEEDS = registers.Register(
    area=AREA,
    name="resource_need",
    model=ResourceNeed,
    form=NeedForm,
    title=_l("Resource needs"),
    singular=_l("resource need"),
    intro=_l(
        "What each plan item needs, how much (in a unit) and by when: the plan's demand "
        "on the inventory."
    ),
    columns=[
        registers.Column(_l("Need"), "key"),
        registers.Column(_l("Plan item"), "plan_item.title"),
        registers.Column(_l("Resource"), "resource.name"),
        registers.Column(_l("Category"), "get_category_display"),
        Quantity(_l("Quantity"), "quantity", css="text-end"),
        registers.Column(_l("Needed by"), "needed_by"),
    ],
    search=("key", "plan_item__title", "plan_item__key", "resource__name", "unit", "note"),
    filters=("category",),
    ordering=("needed_by", "key"),
    related=("plan_item", "resource"),
    key_prefix="N",
    owner_field=None,  # needs belong to plan items: access follows the item (see below)
    create=_need_create,
    update=_need_update,
    delete=_need_delete,
)

ACQUISITIONS = registers.Register(
    area=AREA,
    name="acquisition",
    model=Acquisition,
    form=AcquisitionForm,
    title=_l("Acquisitions"),
    singular=_l("acquisition"),
    intro=_l(
        "How each gap is filled — by exchange, accumulation, purchase, borrowing, early "
        "cultivation or competition — with an owner, a due date, a cost and a status."
    ),
    columns=[
        registers.Column(_l("Acquisition"), "key"),
        registers.Column(_l("Need"), "need.key"),
        registers.Column(_l("How"), "get_method_display"),
        Quantity(_l("Quantity"), "quantity", css="text-end"),
        registers.Column(_l("Owner"), "owner.title"),
        registers.Column(_l("Due"), "due"),
        Money(_l("Cost"), "cost", css="text-end"),
        registers.Column(_l("Status"), "get_status_display"),
    ],
    search=("key", "need__key", "note"),
    filters=("method", "status"),
    ordering=("due", "key"),
    related=("need", "owner", "org"),
    key_prefix="ACQ",
    create=_acquisition_create,
    update=_acquisition_update,
    delete=_acquisition_delete,
)

REGISTERS = (RESOURCES, NEEDS, ACQUISITIONS)


# --- access -------------------------------------------------------------------------------------


def _need_allowed(request: HttpRequest, item: PlanItem | None) -> bool:
    """Needs follow their plan item: whoever may change the item may change its needs."""
    if grant(request.membership, Capability.EDIT) is Grant.YES:
        return True
    if item is None:
        return plan_queries.editing(request.membership).anything
    return plan_queries.can_edit_item(request.membership, item)


def _allowed(request: HttpRequest, register: registers.Register, row) -> bool:
    if register is NEEDS:
        return _need_allowed(request, row.plan_item if row else None)
    return registers.can_edit(request, register, row)


def _owner_ok(request: HttpRequest, register: registers.Register, data: dict) -> bool:
    """A manager gives rows only to positions of their departments (and needs only to the
    plan items those positions own)."""
    if grant(request.membership, Capability.EDIT) is Grant.YES:
        return True
    if register is NEEDS:
        return _need_allowed(request, data.get("plan_item"))
    owner = data.get("owner")
    ed = plan_queries.editing(request.membership)
    return owner is not None and ed.position(owner.department_id)


# --- create and edit ------------------------------------------------------------------------------


def _row(request: HttpRequest, register: registers.Register, key: str):
    row = register.model.objects.filter(org=request.org, key=key).first()
    if row is None:
        raise Http404
    return row


def _edit(request: HttpRequest, register: registers.Register, key: str = "") -> HttpResponse:
    request.area = AREA
    row = _row(request, register, key) if key else None
    if not _allowed(request, register, row):
        raise PermissionDenied
    initial = {}
    if row is None and register is NEEDS and request.GET.get("plan_item"):
        initial["plan_item"] = request.GET["plan_item"]
    if row is None and register is ACQUISITIONS and request.GET.get("need"):
        need = ResourceNeed.objects.filter(org=request.org, key=request.GET["need"]).first()
        if need is not None:
            initial["need"] = need.pk
            initial["owner"] = need.plan_item.owner_id
            if need.needed_by:
                initial["due"] = need.needed_by
    form = register.form(request.POST or None, instance=row, org=request.org, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not _owner_ok(request, register, data):
            form.add_error(None, _("Your role allows this only for what your departments own."))
        else:
            try:
                if row is None:
                    row = register.create(
                        register=register, org=request.org, actor=request.user, data=data
                    )
                else:
                    register.update(register=register, row=row, actor=request.user, data=data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("“%(name)s” was saved.") % {"name": row})
                return redirect(register.url("detail"), request.org.slug, row.key)
    return render(
        request,
        "org/register/form.html",
        {"r": register, "row": row, "form": form},
    )


def _delete(request: HttpRequest, register: registers.Register, key: str) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse(status=405)
    row = _row(request, register, key)
    if not _allowed(request, register, row):
        raise PermissionDenied
    try:
        register.delete(register=register, row=row, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(register.url("detail"), request.org.slug, key)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": row})
    return redirect(register.url("list"), request.org.slug)


# --- pages --------------------------------------------------------------------------------------


def _detail(request, register, row, heading, facts, children) -> HttpResponse:
    """A row's page: its facts (label, value, link) with units and currency, then more."""
    return render(
        request,
        "org/resources/detail.html",
        {
            "r": register,
            "row": row,
            "heading": heading,
            "facts": [(*f, None)[:3] for f in facts],
            "history_url": reverse(
                "org:entity_history", args=[request.org.slug, row._meta.model_name, row.pk]
            ),
            "children": children,
            "can_edit": _allowed(request, register, row),
        },
    )


def _owner_fact(request: HttpRequest, owner) -> tuple:
    if owner is None:
        return (_("Owner position"), None)
    return (
        _("Owner position"),
        owner.title,
        reverse("org:position", args=[request.org.slug, owner.key]),
    )


def resource_detail(request: HttpRequest, key: str) -> HttpResponse:
    request.area = AREA
    res = queries.get_resource(request.membership, key)
    currency = request.org.currency
    needs = list(
        ResourceNeed.objects.filter(org=request.org, resource=res)
        .select_related("plan_item", "resource")
        .order_by("needed_by", "key")
    )
    facts = [
        (_("Name"), res.name),
        (_("Category"), res.get_category_display()),
        (_("Available today"), queries.qty(res.quantity, res.unit)),
        (_("Value"), queries.money(res.value, currency)),
        _owner_fact(request, res.owner),
        (_("Description"), res.description or None),
    ]
    report = queries.gap_report(request.membership)
    lines = [v for v in report.lines if v.line.resource == res.key]
    children = [
        render_to_string(
            "org/resources/_resource_needs.html",
            {"res": res, "lines": lines, "needs": queries.need_views(request.membership, needs)},
            request=request,
        )
    ]
    return _detail(request, RESOURCES, res, res.name, facts, children)


def need_detail(request: HttpRequest, key: str) -> HttpResponse:
    request.area = AREA
    need = queries.get_need(request.membership, key)
    [view] = queries.need_views(request.membership, [need])
    facts = [
        (
            _("Plan item"),
            f"{need.plan_item.title} ({need.plan_item.key})",
            reverse("org:plan_item", args=[request.org.slug, need.plan_item.key]),
        ),
        (
            _("Resource"),
            f"{need.resource.name} ({need.resource.key})" if need.resource else None,
            reverse("org:resource_detail", args=[request.org.slug, need.resource.key])
            if need.resource
            else None,
        ),
        (_("Category"), need.get_category_display() or None),
        (_("Quantity needed"), view.quantity),
        (_("Needed by"), need.needed_by),
        (_("Covered from stock"), view.from_stock),
        (_("Gap"), view.gap),
        (_("Filled by acquisitions"), view.filled),
        (_("Still lacking"), view.unfilled),
        (_("Note"), need.note or None),
    ]
    children = [
        render_to_string(
            "org/resources/_need_acquisitions.html",
            {
                "need": need,
                "view": view,
                "line": queries.line_of_need(request.membership, need),
                "can_edit": _allowed(request, ACQUISITIONS, None),
            },
            request=request,
        )
    ]
    heading = _("%(what)s for %(item)s") % {
        "what": need.resource.name if need.resource else need.get_category_display(),
        "item": need.plan_item.title,
    }
    return _detail(request, NEEDS, need, heading, facts, children)


def acquisition_detail(request: HttpRequest, key: str) -> HttpResponse:
    request.area = AREA
    a = queries.get_acquisition(request.membership, key)
    need = a.need
    late = a.due and need.needed_by and a.due > need.needed_by
    facts = [
        (
            _("Need it fills"),
            f"{need.key} — {need.plan_item.title}",
            reverse("org:resource_need_detail", args=[request.org.slug, need.key]),
        ),
        (_("How"), a.get_method_display()),
        (
            _("Quantity"),
            queries.qty(a.quantity, need.unit) if a.quantity is not None else _("the whole need"),
        ),
        _owner_fact(request, a.owner),
        (_("Due"), a.due),
        (_("Needed by"), need.needed_by),
        (_("Cost"), queries.money(a.cost, request.org.currency)),
        (_("Status"), a.get_status_display()),
        (_("Note"), a.note or None),
    ]
    if late:
        days = (a.due - need.needed_by).days
        facts.insert(
            5,
            (_("Timing"), _("Due %(days)s days after the need must be met.") % {"days": days}),
        )
    heading = _("%(how)s for %(need)s") % {"how": a.get_method_display(), "need": need.key}
    return _detail(request, ACQUISITIONS, a, heading, facts, [])


@org_member_required
def overview(request: HttpRequest) -> HttpResponse:
    """The inventory by category, with what the plan needs of each resource."""
    request.area = AREA
    inv = queries.inventory(
        request.membership,
        q=request.GET.get("q", "").strip(),
        category=request.GET.get("category", ""),
    )
    return render(
        request,
        "org/resources/overview.html",
        {
            "inv": inv,
            "categories": list(ResourceCategory),
            "can_create": registers.can_edit(request, RESOURCES, None),
        },
    )


@org_member_required
def gap_page(request: HttpRequest) -> HttpResponse:
    """Needed vs available vs lacking over time, per resource; what no acquisition fills."""
    request.area = AREA
    return render(request, "org/resources/gaps.html", {"g": queries.gap_report(request.membership)})


def _bind(register: registers.Register, view):
    def bound(request, **kwargs):
        return view(request, register, **kwargs)

    bound.__name__ = f"{register.name}_{view.__name__.strip('_')}"
    return org_member_required(bound)


def _register_urls(register: registers.Register, detail) -> list:
    """The register's addresses, with this area's own list, detail, edit and delete views."""
    own = {
        "list": overview if register is RESOURCES else None,
        "create": _bind(register, _edit),
        "update": _bind(register, _edit),
        "detail": org_member_required(detail),
        "delete": _bind(register, _delete),
    }
    out = []
    for p in registers.urlpatterns(register):
        view = own.get(p.name.removeprefix(f"{register.name}_"))
        out.append(path(str(p.pattern), view, name=p.name) if view else p)
    return out


urlpatterns = [
    path("resources/", overview, name="resources"),
    path("resource-gaps/", gap_page, name="resource_gaps"),
    *_register_urls(RESOURCES, resource_detail),
    *_register_urls(NEEDS, need_detail),
    *_register_urls(ACQUISITIONS, acquisition_detail),
]
