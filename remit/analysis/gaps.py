"""A4 — what the plan needs, what is there, what is lacking, and how each gap is filled.

Needs are grouped into *lines*: one resource counted in one unit (or, for a need that
names only a category, that category in that unit). Quantities are only ever added
within a line, so units are never mixed: a need counted in another unit than its
resource's stock gets a line of its own, with nothing on hand.

On a line, needs draw on the stock: from its ``needed_by`` date on, a need occupies
its quantity (a need without a date is needed now). What is *available* on a day is
the resource's quantity today plus what open acquisitions (planned or in progress)
bring by then. Done acquisitions are taken to be in the stock already — except on a
line without stock of its own (no resource, or another unit), where nothing else
would count them. What is *lacking* is what is needed beyond what is available.

For each need: the stock covers the earliest needs first; the rest is its *gap*;
the need's own acquisitions (any but cancelled) fill it; what they leave is
*unfilled*. An acquisition that states no quantity is taken to fill its whole need.
Needs of plan items that are done or cancelled need nothing any more.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from remit.domain import Organization
from remit.domain.resources import (
    Acquisition,
    AcquisitionStatus,
    ResourceCategory,
    ResourceNeed,
)

ZERO = Decimal(0)
OPEN_ACQUISITION = (AcquisitionStatus.PLANNED, AcquisitionStatus.IN_PROGRESS)


def norm_unit(unit: str) -> str:
    """Units compare without case and extra spaces: 'm²' is 'M²', 'EUR ' is 'eur'."""
    return " ".join(unit.split()).casefold()


@dataclass(frozen=True, slots=True)
class Point:
    """The state of a line on a day: needed, available, and the difference."""

    date: dt.date | None  # None: needs without a date, on a line without dates at all
    needed: Decimal
    available: Decimal

    @property
    def lacking(self) -> Decimal:
        return max(ZERO, self.needed - self.available)


@dataclass(frozen=True)
class Line:
    """One resource (or category) in one unit: its stock, needs and acquisitions over time."""

    id: str
    resource: str | None
    category: ResourceCategory | None
    unit: str
    on_hand: Decimal  # the stock today, when counted in this unit
    in_stock_unit: bool  # the resource's stock is counted in this line's unit
    needs: tuple[str, ...]
    acquisitions: tuple[str, ...]  # those that bring quantity to this line
    points: tuple[Point, ...]
    undated_incoming: Decimal  # open acquisitions without a due date (not in the points)

    @property
    def needed(self) -> Decimal:
        return self.points[-1].needed if self.points else ZERO

    @property
    def incoming(self) -> Decimal:
        """What open acquisitions bring, dated or not."""
        dated = self.points[-1].available - self.on_hand if self.points else ZERO
        return dated + self.undated_incoming

    @property
    def lacking(self) -> Decimal:
        """The most that is lacking on any day."""
        return max((p.lacking for p in self.points), default=ZERO)

    @property
    def short_from(self) -> dt.date | None:
        """The first day something is lacking."""
        return next((p.date for p in self.points if p.lacking > 0), None)

    @property
    def gap(self) -> Decimal:
        """What the stock alone cannot cover, before any acquisition."""
        return max(ZERO, self.needed - self.on_hand)


@dataclass(frozen=True, slots=True)
class Cover:
    """How one need is covered: from stock, by its acquisitions, or not at all."""

    need: str
    line: str
    quantity: Decimal | None
    from_stock: Decimal | None
    gap: Decimal | None  # what the stock leaves
    filled: Decimal | None  # by its acquisitions; None: one states no quantity (fills all)
    acquisitions: tuple[str, ...]  # every acquisition but the cancelled ones
    active: bool  # its plan item is still open

    @property
    def unfilled(self) -> Decimal | None:
        """What neither the stock nor an acquisition covers (None: unknown quantity)."""
        if self.gap is None:
            return None
        if self.filled is None:
            return ZERO
        return max(ZERO, self.gap - self.filled)


def _active(org: Organization, need: ResourceNeed) -> bool:
    item = org.plan.get(need.plan_item)
    return item is None or item.is_open


def need_unit(org: Organization, need: ResourceNeed) -> str:
    """The unit a need is counted in: its own, else its resource's."""
    if need.unit.strip():
        return need.unit.strip()
    res = org.resources.get(need.resource) if need.resource else None
    return res.unit.strip() if res else ""


def _line_id(org: Organization, need: ResourceNeed) -> tuple[str, str | None, str, bool]:
    unit = need_unit(org, need)
    res = org.resources.get(need.resource) if need.resource else None
    if res is not None:
        same = norm_unit(res.unit) == norm_unit(unit)
        return (f"{res.key}|{norm_unit(unit)}", res.key, unit, same)
    category = need.category.value if need.category else ResourceCategory.OTHER.value
    return (f"~{category}|{norm_unit(unit)}", None, unit, False)


def _by_need(org: Organization) -> dict[str, list[Acquisition]]:
    out: dict[str, list[Acquisition]] = defaultdict(list)
    for a in org.acquisitions.values():
        if a.status is not AcquisitionStatus.CANCELLED:
            out[a.need].append(a)
    return out


def lines(org: Organization, today: dt.date | None = None) -> list[Line]:
    """Every line with open needs, over time; with ``today``, the past folds into today."""
    grouped: dict[str, list[ResourceNeed]] = defaultdict(list)
    meta: dict[str, tuple[str | None, str, bool, ResourceCategory | None]] = {}
    for need in org.resource_needs.values():
        if not _active(org, need):
            continue
        lid, res_key, unit, same = _line_id(org, need)
        grouped[lid].append(need)
        if lid not in meta:
            category = org.resources[res_key].category if res_key else need.category
            meta[lid] = (res_key, unit, same, category)
    acquisitions = _by_need(org)
    out = []
    for lid, needs in grouped.items():
        res_key, unit, same, category = meta[lid]
        res = org.resources.get(res_key) if res_key else None
        on_hand = (res.quantity or ZERO) if res is not None and same else ZERO
        events: list[tuple[dt.date | None, Decimal, Decimal]] = []  # (date, need, supply)
        supplying: list[str] = []
        undated = ZERO
        for need in needs:
            if need.quantity is not None:
                events.append((need.needed_by, need.quantity, ZERO))
            for a in acquisitions.get(need.key, []):
                counts = a.status in OPEN_ACQUISITION or not same
                if not counts or a.quantity is None:
                    continue
                supplying.append(a.key)
                if a.due is None:
                    undated += a.quantity
                else:
                    events.append((a.due, ZERO, a.quantity))
        out.append(
            Line(
                id=lid,
                resource=res_key,
                category=category,
                unit=unit,
                on_hand=on_hand,
                in_stock_unit=same and res is not None,
                needs=tuple(sorted(n.key for n in needs)),
                acquisitions=tuple(sorted(supplying)),
                points=_points(events, on_hand, today),
                undated_incoming=undated,
            )
        )
    return sorted(out, key=lambda line: (line.resource is None, line.resource or "", line.id))


def _points(
    events: list[tuple[dt.date | None, Decimal, Decimal]], on_hand: Decimal, today: dt.date | None
) -> tuple[Point, ...]:
    """Cumulative need and availability at each day something changes."""
    by_day: dict[dt.date | None, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for date, need, supply in events:
        day = date
        if today is not None and (date is None or date < today):
            day = today
        by_day[day][0] += need
        by_day[day][1] += supply
    if today is not None:
        by_day.setdefault(today, [ZERO, ZERO])
    days = sorted(by_day, key=lambda d: (d is not None, d or dt.date.min))
    needed, available = ZERO, on_hand
    out = []
    for day in days:
        needed += by_day[day][0]
        available += by_day[day][1]
        out.append(Point(day, needed, available))
    return tuple(out)


def covers(org: Organization) -> dict[str, Cover]:
    """How every need is covered (needs of finished plan items too, marked inactive)."""
    acquisitions = _by_need(org)
    grouped: dict[str, list[ResourceNeed]] = defaultdict(list)
    for need in org.resource_needs.values():
        grouped[_line_id(org, need)[0]].append(need)
    out: dict[str, Cover] = {}
    for lid, needs in grouped.items():
        first = needs[0]
        _lid, res_key, _unit, same = _line_id(org, first)
        res = org.resources.get(res_key) if res_key else None
        stock = (res.quantity or ZERO) if res is not None and same else ZERO
        # The stock serves the open needs in date order; finished ones need nothing more.
        ordered = sorted(needs, key=lambda n: (n.needed_by or dt.date.min, n.key))
        for need in ordered:
            active = _active(org, need)
            own = acquisitions.get(need.key, [])
            if any(a.quantity is None for a in own):
                filled: Decimal | None = None
            else:
                filled = sum((a.quantity or ZERO for a in own), ZERO)
            if need.quantity is None:
                from_stock = gap = None
            elif not active:
                from_stock, gap = need.quantity, ZERO
            else:
                from_stock = min(need.quantity, max(ZERO, stock))
                stock -= from_stock
                gap = need.quantity - from_stock
            out[need.key] = Cover(
                need=need.key,
                line=lid,
                quantity=need.quantity,
                from_stock=from_stock,
                gap=gap,
                filled=filled,
                acquisitions=tuple(a.key for a in own),
                active=active,
            )
    return out


def unfilled(org: Organization) -> list[Cover]:
    """Open needs with a gap no acquisition fills — or with nothing to fill them from at all."""
    out = []
    for c in covers(org).values():
        if not c.active:
            continue
        need = org.resource_needs[c.need]
        nothing_at_all = need.resource is None and not c.acquisitions
        if (c.unfilled is not None and c.unfilled > 0) or (c.gap is None and nothing_at_all):
            out.append(c)
    return sorted(out, key=lambda c: c.need)


@dataclass(frozen=True, slots=True)
class Late:
    """An acquisition due after the day its need must be met."""

    acquisition: str
    need: str
    due: dt.date
    needed_by: dt.date

    @property
    def days(self) -> int:
        return (self.due - self.needed_by).days


def late_acquisitions(org: Organization) -> list[Late]:
    """Open acquisitions due after their need's date (needs of open plan items only)."""
    out = []
    for a in org.acquisitions.values():
        need = org.resource_needs.get(a.need)
        if need is None or a.status not in OPEN_ACQUISITION or not _active(org, need):
            continue
        if a.due is not None and need.needed_by is not None and a.due > need.needed_by:
            out.append(Late(a.key, need.key, a.due, need.needed_by))
    return sorted(out, key=lambda x: x.acquisition)


def acquisition_costs(org: Organization) -> dict[AcquisitionStatus, Decimal]:
    """What the acquisitions cost, by status, in the organisation's currency."""
    out = dict.fromkeys(AcquisitionStatus, ZERO)
    for a in org.acquisitions.values():
        if a.cost is not None:
            out[a.status] += a.cost
    return out
