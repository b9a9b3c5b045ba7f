"""Rules for resources (A4): gaps nothing fills, and acquisitions that come too late."""

from collections.abc import Iterator
from decimal import Decimal

from remit.analysis import gaps
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_
from remit.domain.common import norm_decimal

from .engine import Context, Ref, Rule, Severity

AREA = "resources"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _qty(value: Decimal, unit: str) -> str:
    text = f"{norm_decimal(value):,f}"
    return f"{text} {unit}".strip()


def _what(org: Organization, need_key: str) -> tuple[str, tuple[str, ...] | str]:
    """What a need asks for: its resource's name, or its category's label (translated)."""
    need = org.resource_needs[need_key]
    res = org.resources.get(need.resource) if need.resource else None
    if res is not None:
        return "resource", f"{res.name} ({res.key})"
    label = need.category.label if need.category else N_("Other")
    return "category", (label,)


def _item(org: Organization, key: str) -> str:
    item = org.plan.get(key)
    return f"“{item.title}” ({key})" if item else key


def gap_unfilled(org: Organization, ctx: Context) -> Out:
    for c in gaps.unfilled(org):
        need = org.resource_needs[c.need]
        unit = gaps.need_unit(org, need)
        _kind, what = _what(org, c.need)
        params = {
            "need": need.key,
            "what": what,
            "item": _item(org, need.plan_item),
            "date": need.needed_by.isoformat() if need.needed_by else "—",
        }
        refs = [Ref("resource_need", need.key), Ref("plan_item", need.plan_item)]
        if need.resource:
            refs.append(Ref("resource", need.resource))
        refs += [Ref("acquisition", a) for a in c.acquisitions]
        if c.gap is None:
            template = N_(
                "{need}: {item} needs {what} by {date}, says neither how much nor how it "
                "will be obtained."
            )
        elif not c.acquisitions:
            template = N_(
                "{need}: {item} needs {quantity} of {what} by {date}; {lacking} are lacking "
                "and no acquisition fills the gap."
            )
            params |= {"quantity": _qty(need.quantity, unit), "lacking": _qty(c.gap, unit)}
        else:
            template = N_(
                "{need}: {item} needs {quantity} of {what} by {date}; {lacking} are lacking and "
                "its acquisitions bring only {filled}."
            )
            params |= {
                "quantity": _qty(need.quantity, unit),
                "lacking": _qty(c.gap, unit),
                "filled": _qty(c.filled or Decimal(0), unit),
            }
        yield template, params, tuple(refs)


def acquisition_after_need(org: Organization, ctx: Context) -> Out:
    for late in gaps.late_acquisitions(org):
        a = org.acquisitions[late.acquisition]
        need = org.resource_needs[late.need]
        refs = [Ref("acquisition", a.key), Ref("resource_need", need.key)]
        if a.owner:
            refs.append(Ref("position", a.owner))
        yield (
            N_(
                "Acquisition {acquisition} ({method}) is due on {due}, {days} days after "
                "{needed_by}, when {need} must be met for {item}."
            ),
            {
                "acquisition": a.key,
                "method": (a.method.label,),
                "due": late.due.isoformat(),
                "days": late.days,
                "need": need.key,
                "item": _item(org, need.plan_item),
                "needed_by": late.needed_by.isoformat(),
            },
            tuple(refs),
        )


RULES = (
    Rule(
        "resource-gap-unfilled",
        AREA,
        Severity.WARNING,
        N_("Resource gap without an acquisition"),
        N_(
            "Plan how the gap is filled — exchange, accumulate, purchase, borrow, cultivate "
            "early or compete — with an owner and a due date; or reduce the need."
        ),
        gap_unfilled,
    ),
    Rule(
        "acquisition-after-need",
        AREA,
        Severity.WARNING,
        N_("Acquisition due after the need"),
        N_(
            "Bring the acquisition forward, add a faster one, or move the need's date and its plan item."
        ),
        acquisition_after_need,
    ),
)
