"""Rules for the owner's values (A1) and the strategic objectives (A2).

Only objectives still pursued (status *active*) are held to the rules: an achieved or
dropped objective needs no carriers, plan or forecast any more.
"""

from collections.abc import Iterator

from remit.analysis.forecast import Outlook, forecast
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_
from remit.domain.people import PositionStatus
from remit.domain.plan import PlanStatus
from remit.domain.strategy import Objective, ObjectiveStatus
from remit.domain.values import Value, ValueChoice

from .engine import Context, Ref, Rule, Severity

AREA = "strategy"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _active(org: Organization) -> list[Objective]:
    return [o for o in org.objectives.values() if o.status == ObjectiveStatus.ACTIVE]


def _name(o: Objective) -> str:
    return f"“{o.title}” ({o.key})"


def _value_label(choice: ValueChoice) -> str:
    return choice.label if choice.value == Value.OTHER and choice.label else choice.value.label


def not_measurable(org: Organization, ctx: Context) -> Out:
    for o in _active(org):
        missing = []
        if not (o.metric.strip() or o.unit.strip()):
            missing.append(N_("a metric"))
        if o.target is None:
            missing.append(N_("a target value"))
        if o.deadline is None:
            missing.append(N_("a deadline"))
        if missing:
            yield (
                N_("The objective {objective} is not measurable: it lacks {what}."),
                {"objective": _name(o), "what": tuple(missing)},
                (Ref("objective", o.key),),
            )


def overdue(org: Organization, ctx: Context) -> Out:
    for o in _active(org):
        if o.deadline is None or o.target is None or ctx.today <= o.deadline:
            continue
        f = forecast(o, ctx.today, ctx.at_risk_margin)
        if f.outlook != Outlook.MET:
            yield (
                N_(
                    "The deadline of {objective} ({deadline}) has passed and its target is not met."
                ),
                {"objective": _name(o), "deadline": o.deadline.isoformat()},
                (Ref("objective", o.key),),
            )


def off_track(org: Organization, ctx: Context) -> Out:
    for o in _active(org):
        if o.deadline is None or ctx.today > o.deadline:
            continue  # no forecast, or reported by objective-overdue
        f = forecast(o, ctx.today, ctx.at_risk_margin)
        if f.outlook == Outlook.OFF_TRACK and f.forecast is not None:
            yield (
                N_(
                    "{objective} is off track: at the trend of {rate} per month, {expected} "
                    "is expected by {deadline} against a target of {target}."
                ),
                {"objective": _name(o), **f.params},
                (Ref("objective", o.key),),
            )


def without_carriers(org: Organization, ctx: Context) -> Out:
    live = {k for k, p in org.positions.items() if p.status != PositionStatus.ARCHIVED}
    carriers = org.objective_carriers
    for o in _active(org):
        if not any(p in live for p in carriers.get(o.key, ())):
            yield (
                N_("No position's purpose or targets carry the objective {objective}."),
                {"objective": _name(o)},
                (Ref("objective", o.key),),
            )


def not_planned(org: Organization, ctx: Context) -> Out:
    planned = {
        i.objective for i in org.plan.values() if i.objective and i.status != PlanStatus.CANCELLED
    }
    for o in _active(org):
        if o.key not in planned:
            yield (
                N_("The objective {objective} is not decomposed into any plan item."),
                {"objective": _name(o)},
                (Ref("objective", o.key),),
            )


def serves_no_value(org: Organization, ctx: Context) -> Out:
    for o in _active(org):
        if o.serves is None:
            yield (
                N_("The objective {objective} does not say which of the owner's values it serves."),
                {"objective": _name(o)},
                (Ref("objective", o.key),),
            )


def value_unserved(org: Organization, ctx: Context) -> Out:
    if org.values is None:
        return
    served = {o.serves for o in _active(org) if o.serves is not None}
    for choice in sorted(org.values.choices, key=lambda c: c.rank):
        if choice.value not in served:
            yield (
                N_("The owner's value “{value}” (rank {rank}) is served by no objective."),
                {"value": (_value_label(choice),), "rank": choice.rank},
                (Ref("value", choice.value.value),),
            )


def not_measured(org: Organization, ctx: Context) -> Out:
    for o in _active(org):
        if o.target is None:
            continue  # nothing numeric to measure
        last = max((m.date for m in o.measurements), default=None)
        if last is None:
            yield (
                N_("The objective {objective} has no measurements yet."),
                {"objective": _name(o)},
                (Ref("objective", o.key),),
            )
        elif (ctx.today - last).days > ctx.stale_measurement_days:
            yield (
                N_("The objective {objective} was last measured on {date}, {days} days ago."),
                {"objective": _name(o), "date": last.isoformat(), "days": (ctx.today - last).days},
                (Ref("objective", o.key),),
            )


RULES = (
    Rule(
        "objective-not-measurable",
        AREA,
        Severity.ERROR,
        N_("Objective without a measurable target or a deadline"),
        N_(
            "Say what is measured, the value to reach and by when. For a yes-or-no result "
            "(a listing, a licence) measure 0 until it is done and 1 when it is."
        ),
        not_measurable,
    ),
    Rule(
        "objective-overdue",
        AREA,
        Severity.ERROR,
        N_("Objective past its deadline and not met"),
        N_(
            "Record the latest measurement if the target was met; otherwise set a new "
            "deadline with a plan to reach it, or mark the objective dropped."
        ),
        overdue,
    ),
    Rule(
        "objective-off-track",
        AREA,
        Severity.WARNING,
        N_("Objective off track"),
        N_(
            "Decide what changes: more resources or plan items that speed it up, a later "
            "deadline, or a lower target — and record why."
        ),
        off_track,
    ),
    Rule(
        "objective-without-carriers",
        AREA,
        Severity.WARNING,
        N_("Objective carried by no position"),
        N_(
            "Give a position a responsibility target that serves the objective, or name "
            "the objective in a position's purpose."
        ),
        without_carriers,
    ),
    Rule(
        "objective-not-planned",
        AREA,
        Severity.WARNING,
        N_("Objective not decomposed into the plan"),
        N_(
            "Add a goal to the plan for the objective and break it into stages, projects and tasks."
        ),
        not_planned,
    ),
    Rule(
        "objective-serves-no-value",
        AREA,
        Severity.WARNING,
        N_("Objective serving none of the owner's values"),
        N_("Say which of the owner's values the objective serves, or drop it."),
        serves_no_value,
    ),
    Rule(
        "value-unserved",
        "values",
        Severity.WARNING,
        N_("Owner's value served by no objective"),
        N_(
            "Set an objective that serves the value, or let the owner rank it lower or "
            "remove it if it is not really wanted."
        ),
        value_unserved,
    ),
    Rule(
        "objective-not-measured",
        AREA,
        Severity.INFO,
        N_("Objective not measured recently"),
        N_("Record a measurement: by hand, from a CSV file or through the API."),
        not_measured,
    ),
)
