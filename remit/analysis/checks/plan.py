"""Rules for the plan (A3): owners, cycles, dates against dependencies, preparation, drift."""

from collections.abc import Iterator

from remit.analysis import schedule
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_
from remit.domain.plan import PlanItem

from .engine import Context, Ref, Rule, Severity

AREA = "plan"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _name(item: PlanItem) -> str:
    return f"“{item.title}” ({item.key})"


def _refs(org: Organization, *keys: str) -> tuple[Ref, ...]:
    """The items, then the positions that own them (so a position's health page shows them)."""
    refs = [Ref("plan_item", k) for k in keys]
    owners = dict.fromkeys(org.plan[k].owner for k in keys if org.plan[k].owner)
    refs += [Ref("position", o) for o in owners if o]
    return tuple(refs)


def unowned(org: Organization, ctx: Context) -> Out:
    for key in schedule.unowned(org.plan):
        item = org.plan[key]
        yield (
            N_("{kind} {item} has no owner position."),
            {"kind": (item.kind.label,), "item": _name(item)},
            (Ref("plan_item", key),),
        )


def cycles(org: Organization, ctx: Context) -> Out:
    for cycle in schedule.find_cycles(org.plan):
        template = (
            N_(
                "The plan items {cycle} wait for each other in a circle, through an item "
                "and its own part: none of them can start."
            )
            if cycle.through_parts
            else N_(
                "The plan items {cycle} wait for each other in a circle: none of them can start."
            )
        )
        yield template, {"cycle": cycle.text}, tuple(Ref("plan_item", k) for k in cycle.keys)


def before_dependency(org: Organization, ctx: Context) -> Out:
    for c in schedule.date_conflicts(org.plan):
        item, dep = org.plan[c.key], org.plan[c.dependency]
        yield (
            N_(
                "{item} starts on {start}, before {dependency}, which it depends on, is due on {due}."
            ),
            {
                "item": _name(item),
                "start": c.start.isoformat(),
                "dependency": _name(dep),
                "due": c.dependency_finish.isoformat(),
            },
            _refs(org, c.key, c.dependency),
        )


def preparation_late(org: Organization, ctx: Context) -> Out:
    for p in schedule.preparation_late(org.plan, ctx.today):
        item = org.plan[p.key]
        yield (
            N_(
                "Preparation of {item} should have started on {prepare_from} ({lead} days before "
                "it starts on {start}); it is {late} days late and the item is not started."
            ),
            {
                "item": _name(item),
                "prepare_from": p.prepare_from.isoformat(),
                "lead": p.lead_time_days,
                "start": p.start.isoformat(),
                "late": p.late_by(ctx.today),
            },
            _refs(org, p.key),
        )


def overdue(org: Organization, ctx: Context) -> Out:
    for key in schedule.overdue(org.plan, ctx.today):
        item = org.plan[key]
        finish = schedule.planned_finish(item)
        assert finish is not None
        yield (
            # xgettext:no-python-format
            N_("{item} was due on {due} and is not done: {status}, {progress} % complete."),
            {
                "item": _name(item),
                "due": finish.isoformat(),
                "status": (item.status.label,),
                "progress": item.progress,
            },
            _refs(org, key),
        )


def untraced(org: Organization, ctx: Context) -> Out:
    for key in schedule.untraced(org.plan):
        item = org.plan[key]
        yield (
            N_("{item} serves no objective: neither it nor anything it is part of names one."),
            {"item": _name(item)},
            _refs(org, key),
        )


RULES = (
    Rule(
        "plan-item-unowned",
        AREA,
        Severity.ERROR,
        N_("Plan item without an owner position"),
        N_("Name the position accountable for the item."),
        unowned,
    ),
    Rule(
        "plan-dependency-cycle",
        AREA,
        Severity.ERROR,
        N_("Plan items that wait for each other"),
        N_(
            "Remove one of the dependencies in the circle (an item may not depend on its own whole or part)."
        ),
        cycles,
    ),
    Rule(
        "plan-starts-before-dependency",
        AREA,
        Severity.WARNING,
        N_("Plan item starting before its dependency ends"),
        N_("Move the item's start after its dependency's due date, or bring that date forward."),
        before_dependency,
    ),
    Rule(
        "plan-preparation-late",
        AREA,
        Severity.WARNING,
        N_("Preparation should have started"),
        N_("Start preparing now (and set the item in progress), or move its start date."),
        preparation_late,
    ),
    Rule(
        "plan-item-overdue",
        AREA,
        Severity.WARNING,
        N_("Plan item overdue"),
        N_("Finish the item, or agree a new due date and record why it slipped."),
        overdue,
    ),
    Rule(
        "plan-item-untraced",
        AREA,
        Severity.WARNING,
        N_("Plan item not traced to an objective"),
        N_("Name the objective the item serves, or place it under a goal that names one."),
        untraced,
    ),
)
