"""Registers: the many lists of the same shape (relations, risks, controls, resources,
SOPs, skills …) declared once each and served by one set of views and templates.

A register says which model, which columns, which form and which actions; the views
below list (searchable, filterable, paginated, a fixed number of queries), show,
create, edit and delete its rows, with the organisation's access rules.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.access import org_member_required
from remit.accounts.models import AuditAction, Organization, User
from remit.accounts.permissions import Capability, Grant, grant, has
from remit.forms import StyledMixin

from .actions import common
from .formatting import amount, day
from .models.base import OrgModel
from .queries.access import managed_department_ids


@dataclass(frozen=True)
class Column:
    label: Promise | str
    attr: str  # a dotted path on the row ("owner.title"), or "get_<field>_display"
    link: bool = False  # link to the row's page
    css: str = ""  # classes of the column's cells ("text-end" for figures)
    shown: Callable[[Any], Any] | None = None  # how a value reads (money, month), if not as is

    def value(self, row: models.Model) -> Any:
        value: Any = row
        for part in self.attr.split("."):
            if value is None:
                return None
            value = getattr(value, part)
            if callable(value):
                value = value()
        return value if value is None or self.shown is None else self.shown(value)


@dataclass(frozen=True)
class Child:
    """Rows that belong to a register's row, listed on its page (e.g. a relation's contacts)."""

    title: Promise | str
    related_name: str
    columns: Sequence[Column]
    ordering: Sequence[str] = ("order", "id")

    def render(self, row: models.Model) -> str:
        rows = getattr(row, self.related_name).order_by(*self.ordering)
        return render_to_string(
            "org/register/_child.html",
            {"child": self, "rows": [[(c.css, c.value(x)) for c in self.columns] for x in rows]},
        )


@dataclass(frozen=True)
class Register:
    """One register's declaration."""

    area: str  # the area code (navigation)
    name: str  # URL names and paths: "<name>s/", "<name>s/<key>/"
    model: type[OrgModel]
    form: type[forms.ModelForm]
    title: Promise | str  # plural, for the list page
    singular: Promise | str
    intro: Promise | str
    columns: Sequence[Column]
    search: Sequence[str] = ("key",)
    filters: Sequence[str] = ()  # choice fields offered as filters
    ordering: Sequence[str] = ("key",)
    related: Sequence[str] = ()  # select_related for the list and the page
    detail: Sequence[Column] = ()  # extra facts on the row's page (the form fields are shown too)
    key_prefix: str = ""  # keys made for new rows: PREFIX-<title words>
    owner_field: str | None = "owner"  # the accountable position (managers edit their own)
    capability: Capability = Capability.EDIT
    read_capability: Capability = Capability.READ
    # When reading needs the owner to open it (finance, personal data): the org's flag.
    opened: Callable[[Organization], bool] | None = None
    create: Callable[..., OrgModel] | None = None  # custom actions, else the generic ones
    update: Callable[..., OrgModel] | None = None
    delete: Callable[..., None] | None = None
    # Panels under the facts: declared child tables, or functions that render a row's panel.
    children: Sequence[Child | Callable[[Any], str]] = field(default_factory=tuple)

    plural: str = ""  # the list's address when "<name>s" reads wrong ("contingency-plans")

    @property
    def plural_path(self) -> str:
        return self.plural or f"{self.name.replace('_', '-')}s"

    def url(self, view: str) -> str:
        return f"org:{self.name}_{view}"


# --- generic writes ------------------------------------------------------------------------


def _split_m2m(model: type[models.Model], data: dict[str, Any]) -> tuple[dict, dict]:
    m2m_names = {f.name for f in model._meta.many_to_many}
    plain = {k: v for k, v in data.items() if k not in m2m_names}
    return plain, {k: list(v) for k, v in data.items() if k in m2m_names}


def _check_refs(org: Organization, data: dict[str, Any], m2m: dict[str, list]) -> None:
    rows = {k: v for k, v in data.items() if isinstance(v, OrgModel)}
    common.require_same_org(org, **rows, **m2m)


@transaction.atomic
def record_create(
    *, register: Register, org: Organization, actor: User | None, data: dict[str, Any]
) -> OrgModel:
    """Create a register row (generic action): same-organisation refs, key, record."""
    plain, m2m = _split_m2m(register.model, data)
    _check_refs(org, plain, m2m)
    key = plain.pop("key", "") or common.free_key(
        register.model,
        org,
        common.key_from_text(
            f"{register.key_prefix} {plain.get('title') or plain.get('name') or ''}".strip(),
            fallback=register.key_prefix or "ITEM",
        ),
    )
    row = common.create(register.model(org=org, key=key, **plain), actor=actor)
    for name, values in m2m.items():
        getattr(row, name).set(values)
    return row


@transaction.atomic
def record_update(
    *, register: Register, row: OrgModel, actor: User | None, data: dict[str, Any]
) -> OrgModel:
    """Change a register row (generic action), recording before and after."""
    plain, m2m = _split_m2m(register.model, data)
    _check_refs(row.org, plain, m2m)
    before = common.saved_state(row)
    for name in m2m:
        before[name] = sorted(getattr(row, name).values_list("key", flat=True))
    for name, value in plain.items():
        setattr(row, name, value)
    row.full_clean(validate_unique=False, validate_constraints=False)
    common.require_key_free(register.model, row.org, row.key, exclude=row.pk)
    row.save()
    after = audit.state(row)
    for name, values in m2m.items():
        getattr(row, name).set(values)
        after[name] = sorted(v.key for v in values)
    audit.record(
        org=row.org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=row,
        before=before,
        after=after,
    )
    return row


@transaction.atomic
def record_delete(*, register: Register, row: OrgModel, actor: User | None) -> None:
    common.delete(row, actor=actor)


# --- access -------------------------------------------------------------------------------


def can_edit(request: HttpRequest, register: Register, row: models.Model | None) -> bool:
    """Owners and admins edit every row; managers the rows their departments' positions own."""
    g = grant(request.membership, register.capability)
    if g is Grant.YES:
        return True
    if g is not Grant.SCOPED or register.owner_field is None:
        return False
    if row is None:
        return bool(managed_department_ids(request.membership))
    owner = getattr(row, register.owner_field, None)
    return owner is not None and owner.department_id in managed_department_ids(request.membership)


# --- views ------------------------------------------------------------------------------------


def can_read(request: HttpRequest, register: Register) -> bool:
    opened = register.opened(request.org) if register.opened else False
    return has(request.membership, register.read_capability, opened=opened)


def _require_read(request: HttpRequest, register: Register) -> None:
    if not can_read(request, register):
        raise PermissionDenied


def _queryset(register: Register, org: Organization):
    qs = register.model.objects.filter(org=org)
    return qs.select_related(*register.related) if register.related else qs


def _row(request: HttpRequest, register: Register, key: str) -> models.Model:
    row = _queryset(register, request.org).filter(key=key).first()
    if row is None:
        raise Http404
    return row


def list_view(request: HttpRequest, register: Register) -> HttpResponse:
    request.area = register.area
    _require_read(request, register)
    qs = _queryset(register, request.org).order_by(*register.ordering)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(reduce(or_, (Q(**{f"{f}__icontains": q}) for f in register.search)))
    active_filters = []
    for name in register.filters:
        f = register.model._meta.get_field(name)
        value = request.GET.get(name, "")
        if value and value in dict(f.choices or []):
            qs = qs.filter(**{name: value})
        active_filters.append((name, f.verbose_name, f.choices, value))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = [(row, [(c.css, c.value(row)) for c in register.columns]) for row in page.object_list]
    return render(
        request,
        "org/register/list.html",
        {
            "r": register,
            "page": page,
            "rows": rows,
            "q": q,
            "filters": active_filters,
            "can_create": can_edit(request, register, None),
        },
    )


def display(row: models.Model, name: str) -> Any:
    """A field's value as people read it: choice labels, related rows, lists."""
    f = row._meta.get_field(name)
    if f.many_to_many:
        return ", ".join(str(x) for x in getattr(row, name).all()) or None
    if getattr(f, "choices", None):
        return getattr(row, f"get_{name}_display")() or None
    value = getattr(row, name)
    if value in ("", None):
        return None
    if isinstance(f, models.DecimalField):
        return amount(value) if f.decimal_places == 2 else number_format(value)
    if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
        return day(value)
    return value


def detail_view(request: HttpRequest, register: Register, key: str) -> HttpResponse:
    request.area = register.area
    _require_read(request, register)
    row = _row(request, register, key)
    form = register.form(instance=row, org=request.org)
    model_fields = set(form._meta.fields or ())  # not form-only ones (steps typed as text)
    facts = [
        (form.fields[n].label, display(row, n))
        for n in form.fields
        if n != "key" and n in model_fields
    ]
    facts += [(c.label, c.value(row)) for c in register.detail]
    return render(
        request,
        "org/register/detail.html",
        {
            "r": register,
            "row": row,
            "facts": facts,
            "history_url": reverse(
                "org:entity_history", args=[request.org.slug, row._meta.model_name, row.pk]
            ),
            "children": [
                child.render(row) if isinstance(child, Child) else child(row)
                for child in register.children
            ],
            "can_edit": can_edit(request, register, row),
        },
    )


def edit_view(request: HttpRequest, register: Register, key: str = "") -> HttpResponse:
    request.area = register.area
    _require_read(request, register)
    row = _row(request, register, key) if key else None
    if not can_edit(request, register, row):
        raise PermissionDenied
    form = register.form(request.POST or None, instance=row, org=request.org)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if row is None:
                row = (register.create or record_create)(
                    register=register, org=request.org, actor=request.user, data=data
                )
            else:
                (register.update or record_update)(
                    register=register, row=row, actor=request.user, data=data
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": row})
            return redirect(register.url("detail"), request.org.slug, row.key)
    return render(request, "org/register/form.html", {"r": register, "row": row, "form": form})


def delete_view(request: HttpRequest, register: Register, key: str) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse(status=405)
    _require_read(request, register)
    row = _row(request, register, key)
    if not can_edit(request, register, row):
        raise PermissionDenied
    try:
        (register.delete or record_delete)(register=register, row=row, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(register.url("detail"), request.org.slug, key)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": row})
    return redirect(register.url("list"), request.org.slug)


def area_page(request: HttpRequest, area: str, registers: Sequence[Register]) -> HttpResponse:
    """An area's landing page: its registers, each with how many rows it holds."""
    from .areas import AREA_BY_CODE

    request.area = area
    shown = [r for r in registers if can_read(request, r)]
    counts = [(r, r.model.objects.filter(org=request.org).count()) for r in shown]
    return render(
        request, "org/register/area.html", {"area": AREA_BY_CODE[area], "registers": counts}
    )


def area_urlpatterns(area: str, registers: Sequence[Register]) -> list:
    """The area's landing page (named after the area) and every register's addresses."""

    def landing(request):
        return area_page(request, area, registers)

    landing.__name__ = f"{area}_landing"
    patterns = [p for r in registers for p in urlpatterns(r)]
    # An area of one register named like the area (relations) lands on that register's list.
    same = [p for p in patterns if str(p.pattern) == f"{area}/"]
    view = same[0].callback if same else org_member_required(landing)
    return [path(f"{area}/", view, name=area), *patterns]


def urlpatterns(register: Register) -> list:
    """The four addresses of a register, each behind the organisation check."""
    base = register.plural_path

    def bind(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        def bound(request, **kwargs):
            return view(request, register, **kwargs)

        bound.__name__ = f"{register.name}_{view.__name__}"
        bound.__doc__ = view.__doc__
        return org_member_required(bound)

    return [
        path(f"{base}/", bind(list_view), name=f"{register.name}_list"),
        path(f"{base}/new/", bind(edit_view), name=f"{register.name}_create"),
        path(f"{base}/<str:key>/", bind(detail_view), name=f"{register.name}_detail"),
        path(f"{base}/<str:key>/edit/", bind(edit_view), name=f"{register.name}_update"),
        path(f"{base}/<str:key>/delete/", bind(delete_view), name=f"{register.name}_delete"),
    ]


class RegisterForm(StyledMixin, forms.ModelForm):
    """The base of register forms: choices limited to the organisation's rows, Bootstrap styling."""

    def __init__(self, *args, org: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.org_id is None:
            self.instance.org = org  # so model validation compares references with it
        for f in self.fields.values():
            qs = getattr(f, "queryset", None)
            if qs is not None and issubclass(qs.model, OrgModel):
                f.queryset = qs.model.objects.filter(org=org).order_by("key")
        if "key" in self.fields:
            self.fields["key"].required = False
            self.fields["key"].help_text = _("Left empty, a key is made from the title.")
