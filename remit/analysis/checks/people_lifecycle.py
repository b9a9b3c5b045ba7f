"""Rules for employees and their lifecycle (A7): handovers, confidentiality, assignments.

The stage, staffing and skill rules of the same area live in ``people.py``.
"""

from collections.abc import Iterator

from remit.analysis.handover import is_leaver, leaving_on, progress
from remit.domain import Organization
from remit.domain.common import gettext_noop as N_
from remit.domain.people import Employee, EmployeeStatus, EventKind

from .engine import Context, Ref, Rule, Severity

AREA = "people"
Out = Iterator[tuple[str, dict, tuple[Ref, ...]]]


def _name(e: Employee) -> str:
    return f"{e.name} ({e.key})"


def _present(e: Employee, ctx: Context) -> bool:
    """Still with the company today (leaving later counts as present)."""
    if e.left_on is not None:
        return e.left_on >= ctx.today
    return e.status != EmployeeStatus.LEFT


def handover_unfinished(org: Organization, ctx: Context) -> Out:
    handed: set[str] = set()
    for h in org.handovers.values():
        handed.add(h.employee)
        state = progress(h, ctx.today)
        if state.complete:
            continue
        e = org.employees.get(h.employee)
        who = _name(e) if e else h.employee
        pos = org.positions.get(h.position)
        what = f"{pos.title} ({pos.key})" if pos else h.position
        refs = (Ref("handover", h.key), Ref("employee", h.employee), Ref("position", h.position))
        if not h.items:
            yield (
                N_("The handover of {position} by {employee} lists nothing to hand over yet."),
                {"position": what, "employee": who},
                refs,
            )
        elif state.overdue:
            yield (
                N_(
                    "The handover of {position} by {employee} was due on {due}: {open} of "
                    "{total} items are still open, {unassigned} without a successor."
                ),
                {
                    "position": what,
                    "employee": who,
                    "due": h.due_on.isoformat() if h.due_on else "",
                    "open": len(state.open_items),
                    "total": state.total,
                    "unassigned": len(state.without_successor),
                },
                refs,
            )
        else:
            yield (
                N_(
                    "The handover of {position} by {employee} is unfinished: {open} of {total} "
                    "items are still open, {unassigned} without a successor."
                ),
                {
                    "position": what,
                    "employee": who,
                    "open": len(state.open_items),
                    "total": state.total,
                    "unassigned": len(state.without_successor),
                },
                refs,
            )
    # Someone still to leave, whose handover has not even been started.
    for e in org.employees.values():
        last = leaving_on(e)
        if e.key in handed or last is None or last < ctx.today or not is_leaver(e):
            continue
        held = [a.position for a in e.assignments if a.active_on(ctx.today)]
        if held:
            yield (
                N_("{employee} leaves on {date} and has no handover."),
                {"employee": _name(e), "date": last.isoformat()},
                (Ref("employee", e.key), *(Ref("position", p) for p in held)),
            )


def confidentiality(org: Organization, ctx: Context) -> Out:
    requiring = {k for k, p in org.positions.items() if p.confidentiality_required}
    if not requiring:
        return
    for e in org.employees.values():
        if not _present(e, ctx):
            continue
        held = sorted({a.position for a in e.assignments if a.active_on(ctx.today)} & requiring)
        if not held:
            continue
        agreements = [ev for ev in e.events if ev.kind == EventKind.CONFIDENTIALITY]
        latest = max(agreements, key=lambda ev: (ev.date, ev.expires_on or ev.date), default=None)
        positions = ", ".join(f"{org.positions[k].title} ({k})" for k in held)
        refs = (Ref("employee", e.key), *(Ref("position", k) for k in held))
        if latest is None:
            yield (
                N_(
                    "{employee} holds {positions}, which requires a confidentiality agreement, "
                    "and has signed none."
                ),
                {"employee": _name(e), "positions": positions},
                refs,
            )
        elif latest.expires_on is not None and latest.expires_on < ctx.today:
            yield (
                N_(
                    "{employee} holds {positions}, which requires a confidentiality agreement; "
                    "theirs expired on {date}."
                ),
                {
                    "employee": _name(e),
                    "positions": positions,
                    "date": latest.expires_on.isoformat(),
                },
                refs,
            )


def without_position(org: Organization, ctx: Context) -> Out:
    for e in org.employees.values():
        if not _present(e, ctx):
            continue
        if any(a.active_on(ctx.today) or a.start > ctx.today for a in e.assignments):
            continue  # holds a post today, or starts in one later
        yield (
            N_("{employee} holds no position."),
            {"employee": _name(e)},
            (Ref("employee", e.key),),
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "handover-unfinished",
        AREA,
        Severity.WARNING,
        N_("Leaver or mover with an unfinished handover"),
        N_(
            "Give every item of the handover a successor and mark it done once it is handed "
            "over; generate the handover if there is none."
        ),
        handover_unfinished,
    ),
    Rule(
        "confidentiality-agreement",
        AREA,
        Severity.ERROR,
        N_("Confidentiality agreement missing or expired"),
        N_("Have the employee sign (or renew) the agreement and record it with its renewal date."),
        confidentiality,
    ),
    Rule(
        "employee-without-position",
        AREA,
        Severity.WARNING,
        N_("Employee with no position"),
        N_("Assign the employee to a position, or record that they left."),
        without_position,
    ),
)
