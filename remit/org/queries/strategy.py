"""Reads for the strategic objectives (A2): progress, forecast, carriers and plan items.

The pages read the objectives through the snapshot (``snapshot.load`` with a scope),
so they show exactly what the checks judge: the same forecast, the same carriers
(``Organization.objective_carriers``). The scope loads only the objectives, their
measurements, the positions that own or carry them (with only the targets that
name an objective) and the plan items under them — a fixed number of queries.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, Grant, grant
from remit.analysis import forecast as fc
from remit.analysis.checks import Context
from remit.domain import Organization as Snapshot
from remit.domain import people as dp
from remit.domain import plan as dpl
from remit.domain import strategy as ds
from remit.domain.people import PositionStatus

from .. import snapshot
from ..models import Measurement, Objective, Position, Target
from .access import managed_department_ids


def _scope(objectives: Q) -> dict[str, Q]:
    """What the objective pages need of the snapshot, for the objectives ``objectives`` selects."""
    chosen = Objective.objects.filter(objectives).values("pk")
    targets = Target.objects.filter(objective__in=chosen)
    positions = Position.objects.filter(
        Q(pk__in=targets.values("result_area__position"))
        | Q(
            pk__in=Position.purpose_objectives.through.objects.filter(objective__in=chosen).values(
                "position"
            )
        )
        | Q(pk__in=Objective.objects.filter(objectives).values("owner"))
    )
    return {
        "objective": objectives,
        "position": Q(pk__in=positions.values("pk")),
        "result_area": Q(pk__in=targets.values("result_area")),
        "target": Q(objective__in=chosen),
        "responsibility": Q(pk__in=[]),
        "position_skill": Q(pk__in=[]),
        "plan_item": Q(objective__in=chosen),
    }


def _context() -> Context:
    return Context(today=timezone.localdate())


@dataclass
class Carrier:
    position: dp.Position
    targets: list[str]  # the statements of its targets that serve the objective
    in_purpose: bool


@dataclass
class ObjectiveView:
    """One objective as the pages show it."""

    objective: ds.Objective
    forecast: fc.Forecast
    owner: dp.Position | None
    carriers: list[Carrier]
    plan_items: list[dpl.PlanItem]
    reason: str = ""

    @property
    def key(self) -> str:
        return self.objective.key

    @property
    def carried(self) -> bool:
        return bool(self.carriers)

    @property
    def active(self) -> bool:
        return self.objective.status == ds.ObjectiveStatus.ACTIVE

    @property
    def current_text(self) -> str:
        return fc.number(self.forecast.current) if self.forecast.current is not None else ""

    @property
    def target_text(self) -> str:
        return fc.number(self.objective.target) if self.objective.target is not None else "—"

    @property
    def baseline_text(self) -> str:
        return fc.number(self.objective.baseline) if self.objective.baseline is not None else "—"

    @property
    def trend_text(self) -> str:
        """The trend per month, signed, with the unit: "+0.3 EUR million"."""
        return self._rate(self.forecast.per_month)

    @property
    def needed_text(self) -> str:
        return self._rate(self.forecast.needed_per_month)

    def _rate(self, value: float | None) -> str:
        if value is None:
            return ""
        sign = "+" if value > 0 else ""
        unit = f" {self.objective.unit}" if self.objective.unit else ""
        return f"{sign}{fc.number(value)}{unit}"

    @property
    def measurements(self) -> list[ds.Measurement]:
        """Newest first."""
        return sorted(self.objective.measurements, key=lambda m: m.date, reverse=True)


def _view(snap: Snapshot, o: ds.Objective, ctx: Context) -> ObjectiveView:
    f = fc.forecast(o, ctx.today, ctx.at_risk_margin)
    carriers = []
    for key in snap.objective_carriers.get(o.key, []):
        p = snap.positions[key]
        if p.status == PositionStatus.ARCHIVED:
            continue
        targets = [t.statement for a in p.result_areas for t in a.targets if t.objective == o.key]
        carriers.append(Carrier(p, targets, o.key in p.purpose.objectives))
    carriers.sort(key=lambda c: c.position.title)
    items = sorted(
        (i for i in snap.plan.values() if i.objective == o.key),
        key=lambda i: (list(dpl.PlanKind).index(i.kind), i.start or dt.date.max, i.key),
    )
    return ObjectiveView(
        objective=o,
        forecast=f,
        owner=snap.positions.get(o.owner) if o.owner else None,
        carriers=carriers,
        plan_items=items,
        reason=f.render(_),
    )


@dataclass
class Overview:
    objectives: list[ObjectiveView]
    counts: Counter = field(default_factory=Counter)

    @property
    def active(self) -> list[ObjectiveView]:
        return [v for v in self.objectives if v.active]

    @property
    def closed(self) -> list[ObjectiveView]:
        return [v for v in self.objectives if not v.active]

    @property
    def uncarried(self) -> list[ObjectiveView]:
        return [v for v in self.active if not v.carried]

    @property
    def serving_none(self) -> list[ObjectiveView]:
        return [v for v in self.active if v.objective.serves is None]

    @property
    def unplanned(self) -> list[ObjectiveView]:
        return [v for v in self.active if not v.plan_items]


OUTLOOK_ORDER = [
    fc.Outlook.OFF_TRACK,
    fc.Outlook.AT_RISK,
    fc.Outlook.ON_TRACK,
    fc.Outlook.MET,
    fc.Outlook.UNKNOWN,
]


def overview(membership: Membership) -> Overview:
    """Every objective with its forecast, owner, carriers and plan items."""
    ctx = _context()
    snap = snapshot.load(membership.org, scope=_scope(Q(org=membership.org)))
    views = [_view(snap, o, ctx) for o in snap.objectives.values()]
    # What needs attention first: off track, at risk, on track, met; then by deadline.
    views.sort(
        key=lambda v: (
            not v.active,
            OUTLOOK_ORDER.index(v.forecast.outlook),
            v.objective.deadline or dt.date.max,
            v.objective.key,
        )
    )
    counts = Counter(v.forecast.outlook.value for v in views if v.active)
    return Overview(views, counts)


def get_objective(membership: Membership, key: str) -> Objective:
    row = Objective.objects.filter(org=membership.org, key=key).select_related("owner").first()
    if row is None:
        raise Http404
    row.org = membership.org  # already loaded with the membership
    return row


def objective_view(row: Objective) -> ObjectiveView:
    """One objective with its forecast, carriers and plan items."""
    snap = snapshot.load(row.org, scope=_scope(Q(pk=row.pk)))
    return _view(snap, snap.objectives[row.key], _context())


def can_edit_objective(membership: Membership, row: Objective | None) -> bool:
    """Owners and admins: every objective; managers: those their departments' positions own
    (and, for a new one, only when they manage a department)."""
    g = grant(membership, Capability.EDIT)
    if g is Grant.YES:
        return True
    if g is not Grant.SCOPED:
        return False
    managed = managed_department_ids(membership)
    if row is None:
        return bool(managed)
    return row.owner is not None and row.owner.department_id in managed


def require_edit_objective(membership: Membership, row: Objective | None) -> None:
    if not can_edit_objective(membership, row):
        raise PermissionDenied


def objective_editor(membership: Membership) -> Callable[[Objective], bool]:
    """A test of many objectives at once (imports): may the member change each one?"""
    g = grant(membership, Capability.EDIT)
    if g is Grant.YES:
        return lambda o: True
    if g is not Grant.SCOPED:
        return lambda o: False
    positions = set(
        Position.objects.filter(
            org=membership.org, department_id__in=managed_department_ids(membership)
        ).values_list("pk", flat=True)
    )
    return lambda o: o.owner_id in positions


def get_measurement(row: Objective, key: str) -> Measurement:
    measurement = Measurement.objects.filter(objective=row, key=key).first()
    if measurement is None:
        raise Http404
    return measurement


def method_explained() -> str:
    """How the forecast works, in words, with the margin the checks use."""
    return _(fc.METHOD_EXPLAINED).format(margin=round(_context().at_risk_margin * 100))


def position_in_scope(membership: Membership, position: Position | None) -> bool:
    """Whether a manager may make ``position`` an objective's owner (their subtree)."""
    if grant(membership, Capability.EDIT) is Grant.YES:
        return True
    return position is not None and position.department_id in managed_department_ids(membership)


def chart(view: ObjectiveView) -> dict:
    """The data of the objective's chart (a JSON island the browser draws with ECharts)."""
    o, f = view.objective, view.forecast
    points = fc.points_of(o.measurements)
    trend = None
    if f.trend is not None and o.deadline is not None and points:
        first = points[0][0]
        trend = [[first.isoformat(), round(f.trend.at(first), 4)]]
        trend.append([o.deadline.isoformat(), round(f.trend.at(o.deadline), 4)])
    return {
        "unit": o.unit,
        "metric": o.metric or o.title,
        "measurements": [[d.isoformat(), v] for d, v in points],
        "notes": {m.date.isoformat(): m.note for m in o.measurements if m.note},
        "trend": trend,
        "range": [round(f.forecast_low, 4), round(f.forecast_high, 4)]
        if f.forecast_low is not None
        else None,
        "baseline": float(o.baseline) if o.baseline is not None else None,
        "target": float(o.target) if o.target is not None else None,
        "deadline": o.deadline.isoformat() if o.deadline else None,
        "increasing": o.increasing,
        "labels": {
            "measured": _("Measured"),
            "trend": _("Trend"),
            "target": _("Target"),
            "baseline": _("Baseline"),
            "deadline": _("Deadline"),
            "range": _("Forecast range"),
            "note": _("Note"),
        },
    }


def chart_summary(view: ObjectiveView) -> str:
    """The chart in words: its text alternative."""
    o, f = view.objective, view.forecast
    points = fc.points_of(o.measurements)
    unit = f" {o.unit}" if o.unit else ""
    parts = []
    if points:
        parts.append(
            _("%(n)s measurements of %(metric)s from %(first)s (%(v1)s) to %(last)s (%(v2)s).")
            % {
                "n": len(points),
                "metric": o.metric or o.title,
                "first": points[0][0].isoformat(),
                "v1": fc.number(points[0][1]) + unit,
                "last": points[-1][0].isoformat(),
                "v2": fc.number(points[-1][1]) + unit,
            }
        )
    else:
        parts.append(_("No measurements yet."))
    if o.target is not None:
        parts.append(
            _("Target: %(target)s by %(deadline)s.")
            % {
                "target": fc.number(o.target) + unit,
                "deadline": o.deadline.isoformat() if o.deadline else _("no deadline"),
            }
        )
    if f.forecast is not None:
        parts.append(
            _("The trend reaches %(value)s by the deadline (%(outlook)s).")
            % {"value": fc.number(f.forecast) + unit, "outlook": _(f.outlook.label).lower()}
        )
    return " ".join(parts)
