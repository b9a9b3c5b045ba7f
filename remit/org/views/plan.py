"""The plan (A3): the tree, the timeline, what to do next, and each item's page.

Every change is a plain form post that redirects back (the pages work without
JavaScript); htmx only loads the inline forms in place and swaps the tree after a
change, and ``plan.js`` adds dragging items under another.
"""

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from remit.accounts.access import org_member_required
from remit.accounts.permissions import Capability, Grant, grant
from remit.domain import plan as pl
from remit.render.gantt import gantt_svg

from ..actions import plan as actions
from ..forms.plan import DependencyForm, MoveForm, PlanItemForm, QuickForm
from ..models import PlanItem
from ..queries import plan as queries
from ..queries.access import my_positions

CHILD_KIND = {
    pl.PlanKind.GOAL: pl.PlanKind.STAGE,
    pl.PlanKind.STAGE: pl.PlanKind.PROJECT,
    pl.PlanKind.PROJECT: pl.PlanKind.TASK,
    pl.PlanKind.TASK: pl.PlanKind.TASK,
}


def _area(request: HttpRequest) -> None:
    request.area = "plan"


def _back(request: HttpRequest, default: str, anchor: str = "") -> HttpResponse:
    """Redirect to ``next`` (a page of this site) or ``default``."""
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return redirect(nxt.split("#")[0] + anchor)
    return redirect(default + anchor)


def _editable(request: HttpRequest, key: str) -> PlanItem:
    item = queries.get_item(request.membership, key)
    if not queries.can_edit_item(request.membership, item):
        raise PermissionDenied
    return item


def _owner_allowed(request: HttpRequest, owner) -> bool:
    """Managers give items only to positions of their own departments."""
    ed = queries.editing(request.membership)
    return ed.everything or (owner is not None and ed.position(owner.department_id))


def _tree_url(request: HttpRequest) -> str:
    return reverse("org:plan", args=[request.org.slug])


# --- the tree --------------------------------------------------------------------------------


def _tree_page(request: HttpRequest, *, forms: dict | None = None):
    """The tree, with an inline form open (``forms``) or an error above it.

    A form with errors comes back with status 200, as the registers' do: browsers report
    any 4xx page as an error, and htmx swaps only successful answers."""
    forms = forms or {}
    t = queries.tree(
        request.membership,
        q=request.GET.get("q", "").strip(),
        owner=request.GET.get("owner", ""),
        status=request.GET.get("status", ""),
        root=request.GET.get("root", ""),
        page=request.GET.get("page"),
    )
    editing = forms.get("editing") or request.GET.get("edit", "")
    moving = forms.get("moving") or request.GET.get("move", "")
    quick = forms.get("quick")
    move = forms.get("move")
    if editing and quick is None:
        item = PlanItem.objects.filter(org=request.org, key=editing).first()
        if item is not None and queries.can_edit_item(request.membership, item):
            quick = QuickForm(instance=item, org=request.org, prefix="quick")
        else:
            editing = ""
    if moving and move is None:
        item = PlanItem.objects.filter(org=request.org, key=moving).first()
        if item is not None and queries.can_edit_item(request.membership, item):
            move = MoveForm(
                org=request.org,
                item=item,
                prefix="move",
                initial={"parent": item.parent.key if item.parent else None},
            )
        else:
            moving = ""
    return render(
        request,
        "org/plan/tree.html",
        {
            "t": t,
            "q": request.GET.get("q", ""),
            "owner": request.GET.get("owner", ""),
            "status": request.GET.get("status", ""),
            "root": request.GET.get("root", ""),
            "editing": editing,
            "moving": moving,
            "quick": quick,
            "move": move,
            "can_create": grant(request.membership, Capability.EDIT) is not Grant.NO
            and queries.editing(request.membership).anything,
            "statuses": list(pl.PlanStatus),
            "here": _here(request),
            "keep": f"{_shown_query(request)}&" if _shown_query(request) else "",
            "tree_error": forms.get("error", ""),
        },
    )


def _shown_query(request: HttpRequest) -> str:
    """The tree's filters and page as shown, without the inline forms' parameters."""
    query = request.GET.copy()
    for name in ("edit", "move"):
        query.pop(name, None)
    return query.urlencode()


def _here(request: HttpRequest) -> str:
    """The tree's address as shown, where its forms come back to."""
    query = _shown_query(request)
    return _tree_url(request) + (f"?{query}" if query else "")


@org_member_required
def plan(request: HttpRequest) -> HttpResponse:
    """The plan as a tree: goals, stages, projects and tasks, with what needs attention."""
    _area(request)
    return _tree_page(request)


@org_member_required
def item_quick(request: HttpRequest, key: str) -> HttpResponse:
    """The inline edit of a row: GET the form (htmx), POST the change."""
    _area(request)
    item = _editable(request, key)
    if request.method != "POST":
        form = QuickForm(instance=item, org=request.org, prefix="quick")
        return render(
            request, "org/plan/_quick.html", {"form": form, "item": item, "here": _next(request)}
        )
    form = QuickForm(request.POST, instance=item, org=request.org, prefix="quick")
    if form.is_valid():
        data = form.cleaned_data
        if "owner" in form.changed_data and not _owner_allowed(request, data["owner"]):
            form.add_error(
                "owner", _("Managers give items only to their own departments' positions.")
            )
        else:
            try:
                actions.plan_item_update(item=item, actor=request.user, **data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return _back(request, _tree_url(request), f"#node-{item.key}")
    _tree_query(request)
    return _tree_page(request, forms={"editing": key, "quick": form})


def _tree_query(request: HttpRequest) -> None:
    """Show the tree as the page the form came from had it (its filters and page)."""
    nxt = request.POST.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        request.GET = QueryDict(urlsplit(nxt).query)


def _next(request: HttpRequest) -> str:
    nxt = request.GET.get("next", "")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return nxt
    return _tree_url(request)


@org_member_required
@require_POST
def item_move(request: HttpRequest, key: str) -> HttpResponse:
    """Put an item under another (drag and drop, or the "Move under…" form), or up/down."""
    item = _editable(request, key)
    direction = request.POST.get("direction", "")
    if direction in ("up", "down"):
        siblings = list(
            PlanItem.objects.filter(org=request.org, parent=item.parent_id).order_by("order", "id")
        )
        i = next(n for n, s in enumerate(siblings) if s.pk == item.pk)
        j = max(0, i - 1) if direction == "up" else min(len(siblings) - 1, i + 1)
        actions.plan_item_move(item=item, actor=request.user, parent=item.parent, index=j)
        return _back(request, _tree_url(request), f"#node-{item.key}")
    form = MoveForm(request.POST, org=request.org, item=item, prefix="move")
    if form.is_valid():
        try:
            actions.plan_item_move(
                item=item,
                actor=request.user,
                parent=form.cleaned_data["parent"],
                index=form.cleaned_data["index"],
            )
        except ValidationError as exc:
            form.add_error("parent", exc.messages[0] if exc.messages else str(exc))
        else:
            if not request.htmx:
                messages.success(request, _("“%(title)s” was moved.") % {"title": item.title})
            return _back(request, _tree_url(request), f"#node-{item.key}")
    _tree_query(request)
    if request.POST.get("dragged"):
        # A drop the plan refuses: the tree comes back unchanged, saying why above it.
        error = " ".join(e for errs in form.errors.values() for e in errs)
        return _tree_page(request, forms={"error": error})
    return _tree_page(request, forms={"moving": key, "move": form})


# --- an item ------------------------------------------------------------------------------------


@org_member_required
def item(request: HttpRequest, key: str) -> HttpResponse:
    """One plan item: its facts, parts, dependencies, resources, check-ins and problems."""
    _area(request)
    page = queries.item_page(request.membership, key)
    return _item_response(request, page)


def _item_response(request, page, *, dep_form=None) -> HttpResponse:
    return render(
        request,
        "org/plan/item.html",
        {
            "p": page,
            "r": page.row,
            "item": page.item,
            "can_edit": page.row.can_edit,
            "dep_form": dep_form or DependencyForm(org=request.org),
            "child_kind": CHILD_KIND[pl.PlanKind(page.item.kind)],
        },
    )


@org_member_required
def item_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    """Create a plan item (``?parent=KEY`` puts it under another) or edit one."""
    _area(request)
    item = _editable(request, key) if key else None
    if item is None and not queries.editing(request.membership).anything:
        raise PermissionDenied
    initial = {}
    parent = None
    if item is None and request.GET.get("parent"):
        parent = queries.get_item(request.membership, request.GET["parent"])
        initial = {
            "parent": parent.key,
            "kind": CHILD_KIND[pl.PlanKind(parent.kind)],
            "owner": parent.owner.key if parent.owner else None,
        }
    form = PlanItemForm(
        request.POST or None,
        instance=item,
        org=request.org,
        with_dependencies=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        depends_on = data.pop("depends_on_keys")
        if (item is None or "owner" in form.changed_data) and not _owner_allowed(
            request, data["owner"]
        ):
            form.add_error(
                "owner", _("Managers give items only to their own departments' positions.")
            )
        else:
            try:
                if item is None:
                    item = actions.plan_item_create(
                        org=request.org, actor=request.user, depends_on=depends_on, **data
                    )
                else:
                    actions.plan_item_update(
                        item=item, actor=request.user, depends_on=depends_on, **data
                    )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("“%(title)s” was saved.") % {"title": item.title})
                return redirect("org:plan_item", request.org.slug, item.key)
    return render(
        request,
        "org/plan/form.html",
        {"form": form, "item": item, "parent": parent},
    )


def _add_errors(form, exc: ValidationError) -> None:
    """The action's errors on their fields (``depends_on`` is the form's key list)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        name = "depends_on_keys" if field == "depends_on" else field
        form.add_error(name if name in form.fields else None, errors)


@org_member_required
@require_POST
def item_delete(request: HttpRequest, key: str) -> HttpResponse:
    item = _editable(request, key)
    try:
        actions.plan_item_delete(item=item, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("org:plan_item", request.org.slug, key)
    messages.success(request, _("“%(title)s” was deleted.") % {"title": item.title})
    return redirect("org:plan", request.org.slug)


@org_member_required
@require_POST
def dependency_add(request: HttpRequest, key: str) -> HttpResponse:
    _area(request)
    item = _editable(request, key)
    form = DependencyForm(request.POST, org=request.org)
    if form.is_valid():
        try:
            actions.plan_dependency_add(
                item=item, actor=request.user, predecessor=form.cleaned_data["predecessor"]
            )
        except ValidationError as exc:
            form.add_error("predecessor", exc.messages)
        else:
            return redirect(
                reverse("org:plan_item", args=[request.org.slug, key]) + "#dependencies"
            )
    page = queries.item_page(request.membership, key)
    return _item_response(request, page, dep_form=form)


@org_member_required
@require_POST
def dependency_remove(request: HttpRequest, key: str, dep_key: str) -> HttpResponse:
    item = _editable(request, key)
    predecessor = queries.get_item(request.membership, dep_key)
    actions.plan_dependency_remove(item=item, actor=request.user, predecessor=predecessor)
    return redirect(reverse("org:plan_item", args=[request.org.slug, key]) + "#dependencies")


# --- what to do next, and the timeline ---------------------------------------------------------


@org_member_required
def next_work(request: HttpRequest) -> HttpResponse:
    """The open items in the order of work, for one position (by default the member's own)."""
    _area(request)
    position = request.GET.get("position")
    if position is None:
        mine = my_positions(request.membership)
        if mine:
            return redirect(
                reverse("org:plan_next", args=[request.org.slug])
                + "?"
                + urlencode({"position": mine[0].key})
            )
        position = ""
    n = queries.next_work(request.membership, position=position, page=request.GET.get("page"))
    return render(request, "org/plan/next.html", {"n": n, "position": position})


@org_member_required
def timeline(request: HttpRequest) -> HttpResponse:
    """The Gantt chart: bars by dates, dependencies, the critical path and today."""
    _area(request)
    root = request.GET.get("root", "")
    open_only = request.GET.get("open") == "1"
    tl = queries.timeline(request.membership, root=root, open_only=open_only)
    svg = ""
    if tl.rows:
        svg = gantt_svg(
            tl.data.plan,
            tl.rows,
            today=tl.data.today,
            sched=tl.data.sched,
            conflicts=tl.conflicts,
            t=gettext,
            link=lambda k: reverse("org:plan_item", args=[request.org.slug, k]),
            label=gettext("Timeline of %(what)s")
            % {"what": tl.root.title if tl.root else request.org.name},
        )
    return render(
        request,
        "org/plan/timeline.html",
        {"tl": tl, "svg": svg, "root": root, "open_only": open_only},
    )


urlpatterns = [
    path("plan/", plan, name="plan"),
    path("plan/new/", item_edit, name="plan_item_create"),
    path("plan/next/", next_work, name="plan_next"),
    path("plan/timeline/", timeline, name="plan_timeline"),
    path("plan/items/<str:key>/", item, name="plan_item"),
    path("plan/items/<str:key>/edit/", item_edit, name="plan_item_update"),
    path("plan/items/<str:key>/quick/", item_quick, name="plan_item_quick"),
    path("plan/items/<str:key>/move/", item_move, name="plan_item_move"),
    path("plan/items/<str:key>/delete/", item_delete, name="plan_item_delete"),
    path("plan/items/<str:key>/dependencies/", dependency_add, name="plan_dependency_add"),
    path(
        "plan/items/<str:key>/dependencies/<str:dep_key>/delete/",
        dependency_remove,
        name="plan_dependency_remove",
    ),
]
