"""Reads for resources (A4): the inventory by category, the gaps over time, each row's page.

The gaps are computed by the pure ``remit.analysis.gaps`` on the snapshot of the plan,
the resources, the needs and the acquisitions: a fixed number of queries, whatever the
organisation's size. Quantities are formatted with their unit and money with the
organisation's currency, so no cell is ever ambiguous.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from remit.accounts.models import Membership
from remit.analysis import gaps
from remit.domain import Organization as Snapshot
from remit.domain.common import norm_decimal
from remit.domain.resources import AcquisitionStatus, ResourceCategory

from .. import snapshot
from ..formatting import money, qty
from ..models import Acquisition, Resource, ResourceNeed


def get_resource(membership: Membership, key: str) -> Resource:
    row = Resource.objects.filter(org=membership.org, key=key).select_related("owner").first()
    if row is None:
        raise Http404
    return row


def get_need(membership: Membership, key: str) -> ResourceNeed:
    row = (
        ResourceNeed.objects.filter(org=membership.org, key=key)
        .select_related("plan_item", "resource")
        .first()
    )
    if row is None:
        raise Http404
    return row


def get_acquisition(membership: Membership, key: str) -> Acquisition:
    row = (
        Acquisition.objects.filter(org=membership.org, key=key)
        .select_related("need", "need__plan_item", "owner")
        .first()
    )
    if row is None:
        raise Http404
    return row


# --- the analysis --------------------------------------------------------------------------


def gap_snapshot(org) -> Snapshot:
    """Plan items, resources, needs and acquisitions: what the gaps are computed on."""
    return snapshot.load(
        org,
        scope={"plan_item": Q(), "resource": Q(), "resource_need": Q(), "acquisition": Q()},
    )


@dataclass
class LineView:
    """A line of the gap table: one resource in one unit, every figure with the unit."""

    line: gaps.Line
    name: str
    category: str
    unit: str
    on_hand: str
    needed: str
    incoming: str
    gap: str
    lacking: str
    lacking_value: Decimal
    short_from: dt.date | None
    points: list[tuple[dt.date | None, str, str, str, bool]]  # date, needed, available, lacking
    needs: list[str]
    other_unit: str = ""  # the stock's own unit, when the need counts in another


@dataclass
class Gaps:
    snap: Snapshot
    today: dt.date
    currency: str
    lines: list[LineView]
    unfilled: list[tuple[gaps.Cover, str, str]]  # cover, what, how much is lacking
    late: list[gaps.Late]
    costs: list[tuple[str, str, str]]  # (status code, label, amount)
    total_cost: str
    chart: dict = field(default_factory=dict)  # the data island of the gap chart
    first: str = ""  # the line shown first: the first that lacks something


def _line_name(snap: Snapshot, line: gaps.Line) -> tuple[str, str]:
    res = snap.resources.get(line.resource) if line.resource else None
    category = _(line.category.label) if line.category else _(ResourceCategory.OTHER.label)
    if res is not None:
        return f"{res.name} ({res.key})", category
    return _("%(category)s (no resource named)") % {"category": category}, category


def gap_report(membership: Membership, *, today: dt.date | None = None) -> Gaps:
    """Needed vs available vs lacking, per resource and unit, over time; what is unfilled."""
    org = membership.org
    today = today or timezone.localdate()
    snap = gap_snapshot(org)
    views = []
    for line in gaps.lines(snap, today):
        name, category = _line_name(snap, line)
        res = snap.resources.get(line.resource) if line.resource else None
        views.append(
            LineView(
                line=line,
                name=name,
                category=category,
                unit=line.unit,
                on_hand=qty(line.on_hand, line.unit),
                needed=qty(line.needed, line.unit),
                incoming=qty(line.incoming, line.unit),
                gap=qty(line.gap, line.unit),
                lacking=qty(line.lacking, line.unit),
                lacking_value=line.lacking,
                short_from=line.short_from,
                points=[
                    (
                        p.date,
                        qty(p.needed, line.unit),
                        qty(p.available, line.unit),
                        qty(p.lacking, line.unit),
                        p.lacking > 0,
                    )
                    for p in line.points
                ],
                needs=list(line.needs),
                other_unit=res.unit if res is not None and not line.in_stock_unit else "",
            )
        )
    unfilled = []
    for c in gaps.unfilled(snap):
        need = snap.resource_needs[c.need]
        res = snap.resources.get(need.resource) if need.resource else None
        what = res.name if res else (_(need.category.label) if need.category else "—")
        unit = gaps.need_unit(snap, need)
        unfilled.append((c, what, qty(c.unfilled, unit) if c.unfilled is not None else "—"))
    costs = gaps.acquisition_costs(snap)
    currency = org.currency
    shown = [s for s in AcquisitionStatus if s is not AcquisitionStatus.CANCELLED]
    chart = {
        "labels": {
            "needed": _("Needed"),
            "available": _("Available"),
            "lacking": _("Lacking"),
            "unit": _("Unit"),
            "now": _("Today"),
        },
        "lines": [
            {
                "id": v.line.id,
                "name": v.name,
                "unit": v.unit,
                "points": [
                    {
                        "date": p.date.isoformat() if p.date else None,
                        "needed": str(norm_decimal(p.needed)),
                        "available": str(norm_decimal(p.available)),
                        "lacking": str(norm_decimal(p.lacking)),
                    }
                    for p in v.line.points
                ],
            }
            for v in views
        ],
    }
    return Gaps(
        snap=snap,
        today=today,
        currency=currency,
        lines=views,
        unfilled=unfilled,
        late=gaps.late_acquisitions(snap),
        costs=[(s.value, _(s.label), money(costs[s], currency)) for s in shown],
        total_cost=money(sum((costs[s] for s in shown), Decimal(0)), currency),
        chart=chart,
        first=next(
            (v.line.id for v in views if v.lacking_value), views[0].line.id if views else ""
        ),
    )


# --- the inventory -------------------------------------------------------------------------


@dataclass
class Stock:
    resource: Resource
    quantity: str
    value: str
    needed: str  # by open plan items, in the resource's unit
    lacking: str
    short: bool


@dataclass
class Inventory:
    groups: list[tuple[str, str, list[Stock], str]]  # (code, label, rows, total value)
    total_value: str
    count: int
    currency: str
    q: str
    category: str
    gap_lines: int  # lines lacking something at some time
    unfilled: int
    late: int


def inventory(membership: Membership, *, q: str = "", category: str = "") -> Inventory:
    """The resources by category, each with its value and what the plan needs of it."""
    org = membership.org
    qs = Resource.objects.filter(org=org).select_related("owner")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(key__icontains=q))
    if category:
        qs = qs.filter(category=category)
    rows = list(qs.order_by("name", "key"))
    snap = gap_snapshot(org)
    today = timezone.localdate()
    lines = gaps.lines(snap, today)
    same_unit = {line.resource: line for line in lines if line.resource and line.in_stock_unit}
    currency = org.currency
    groups = []
    for cat in ResourceCategory:
        mine = [r for r in rows if r.category == cat.value]
        if not mine:
            continue
        stocks = []
        for r in mine:
            line = same_unit.get(r.key)
            stocks.append(
                Stock(
                    resource=r,
                    quantity=qty(r.quantity, r.unit),
                    value=money(r.value, currency),
                    needed=qty(line.needed, r.unit) if line else "—",
                    lacking=qty(line.lacking, r.unit) if line and line.lacking else "—",
                    short=bool(line and line.lacking),
                )
            )
        total = sum((r.value or Decimal(0) for r in mine), Decimal(0))
        groups.append((cat.value, _(cat.label), stocks, money(total, currency)))
    total = sum((r.value or Decimal(0) for r in rows), Decimal(0))
    return Inventory(
        groups=groups,
        total_value=money(total, currency),
        count=len(rows),
        currency=currency,
        q=q,
        category=category,
        gap_lines=sum(1 for line in lines if line.lacking > 0),
        unfilled=len(gaps.unfilled(snap)),
        late=len(gaps.late_acquisitions(snap)),
    )


# --- one row's page -------------------------------------------------------------------------


@dataclass
class NeedView:
    need: ResourceNeed
    cover: gaps.Cover | None
    quantity: str
    from_stock: str
    gap: str
    filled: str
    unfilled: str
    acquisitions: list[Acquisition]


def need_views(membership: Membership, needs: list[ResourceNeed]) -> list[NeedView]:
    """Needs with how each is covered (stock, acquisitions, unfilled), units on every figure."""
    snap = gap_snapshot(membership.org)
    covers = gaps.covers(snap)
    by_need: dict[int, list[Acquisition]] = {}
    for a in (
        Acquisition.objects.filter(org=membership.org, need__in=needs)
        .select_related("owner")
        .order_by("due", "key")
    ):
        by_need.setdefault(a.need_id, []).append(a)
    out = []
    for n in needs:
        c = covers.get(n.key)
        unit = (
            gaps.need_unit(snap, snap.resource_needs[n.key])
            if n.key in snap.resource_needs
            else n.unit
        )
        out.append(
            NeedView(
                need=n,
                cover=c,
                quantity=qty(n.quantity, unit),
                from_stock=qty(c.from_stock, unit) if c and c.from_stock is not None else "—",
                gap=qty(c.gap, unit) if c and c.gap is not None else "—",
                filled=(
                    _("all of it") if c and c.filled is None else qty(c.filled, unit) if c else "—"
                ),
                unfilled=qty(c.unfilled, unit) if c and c.unfilled is not None else "—",
                acquisitions=by_need.get(n.pk, []),
            )
        )
    return out


def line_of_need(membership: Membership, need: ResourceNeed) -> LineView | None:
    """The gap line a need belongs to (None when its plan item is finished)."""
    report = gap_report(membership)
    return next((v for v in report.lines if need.key in v.needs), None)
