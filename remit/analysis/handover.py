"""Handover: what an employee who leaves a position hands over, generated from the graph.

Everything that needs doing has an owner position, so what a leaver hands over is
what their position owns — plus the responsibilities only they carry and the work
assigned to them by name. :func:`generate` lists it; :func:`progress` says how far
the handover has come and what is still at risk.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from remit.domain import Organization
from remit.domain.control import Control
from remit.domain.methods import ProcedureStatus
from remit.domain.people import (
    Employee,
    EmployeeStatus,
    EventKind,
    Handover,
    HandoverItem,
    HandoverItemKind,
)
from remit.domain.relations import RelationStatus
from remit.domain.resources import AcquisitionStatus
from remit.domain.strategy import ObjectiveStatus
from remit.domain.transparency import ProblemStatus

LEAVING = (EventKind.RESIGNATION, EventKind.TERMINATION)

K = HandoverItemKind


def other_holders(org: Organization, position: str, employee: str, on: dt.date) -> list[Employee]:
    """Who else holds the position on the day (primary or acting), leavers excluded."""
    return sorted(
        (
            e
            for e in org.holders(position, on)
            if e.key != employee and e.status != EmployeeStatus.LEFT
        ),
        key=lambda e: e.key,
    )


def _owned(org: Organization, position: str, employee: str, assigned: bool) -> Iterator[tuple]:
    """(kind, key, description) of everything the position owns that is still live."""
    for o in org.objectives.values():
        if o.owner == position and o.status == ObjectiveStatus.ACTIVE:
            yield K.OBJECTIVE, o.key, o.title
    for r in org.relations.values():
        if r.owner == position and r.status != RelationStatus.ENDED:
            yield K.RELATION, r.key, r.name
    for res in org.resources.values():
        if res.owner == position:
            yield K.RESOURCE, res.key, res.name
    for c in org.controls.values():
        if c.owner == position:
            yield K.CONTROL, c.key, _control_text(c)
    for p in org.procedures.values():
        if p.owner == position and p.status != ProcedureStatus.RETIRED:
            yield K.PROCEDURE, p.key, p.title
    for item in org.plan.values():
        mine = item.owner == position or (assigned and item.assignee == employee)
        if mine and item.is_open:
            yield K.PLAN_ITEM, item.key, item.title
    for pb in org.problems.values():
        if pb.owner == position and pb.status != ProblemStatus.RESOLVED:
            yield K.PROBLEM, pb.key, pb.title
    for a in org.acquisitions.values():
        if a.owner == position and a.status not in (
            AcquisitionStatus.DONE,
            AcquisitionStatus.CANCELLED,
        ):
            yield K.ACQUISITION, a.key, a.note or _need_text(org, a.need) or a.key


def _need_text(org: Organization, need_key: str) -> str:
    need = org.resource_needs.get(need_key)
    if need is None:
        return ""
    resource = org.resources.get(need.resource or "")
    return resource.name if resource else need.note


def _control_text(c: Control) -> str:
    return f"{c.title} — {c.activity}" if c.activity else c.title


def generate(
    org: Organization,
    *,
    employee: str,
    position: str,
    on: dt.date,
    key: str,
    reason: EventKind,
    created_on: dt.date | None = None,
    due_on: dt.date | None = None,
    assigned: bool = True,
) -> Handover:
    """The handover of ``position`` by ``employee``, whose last day in it is ``on``.

    Items: the position's responsibilities when no one else holds the position on
    that day; the objectives, relations, resources, controls, SOPs, open plan items,
    open problems and open acquisitions the position owns; with ``assigned``, the open
    plan items assigned to the employee by name as well. Another holder of the same
    position, if there is one, is proposed as everyone's successor.
    """
    others = other_holders(org, position, employee, on)
    successor = others[0].key if others else None
    rows: list[tuple] = []
    pos = org.positions.get(position)
    if pos is not None and not others:
        rows.extend(
            (K.RESPONSIBILITY, r.key, r.statement) for _a, _t, r in org.iter_responsibilities(pos)
        )
    seen: set[tuple[str, str]] = set()
    for kind, ref, text in _owned(org, position, employee, assigned):
        if (kind, ref) not in seen:
            seen.add((kind, ref))
            rows.append((kind, ref, text))
    items = tuple(
        HandoverItem(f"{key}-{i}", kind, ref, text, successor)
        for i, (kind, ref, text) in enumerate(rows, start=1)
    )
    return Handover(
        key=key,
        employee=employee,
        position=position,
        reason=reason,
        created_on=created_on or on,
        due_on=due_on,
        items=items,
    )


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a handover has come on a day, and what is still at risk."""

    total: int
    done: int
    open_items: tuple[HandoverItem, ...]
    without_successor: tuple[HandoverItem, ...]  # open items no one takes over yet
    overdue: bool  # the due date has passed with items still open
    days_left: int | None  # until the due date (negative: late); None without one

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def at_risk(self) -> tuple[HandoverItem, ...]:
        """Open items without a successor, or every open item once the handover is late."""
        return self.open_items if self.overdue else self.without_successor

    @property
    def days_late(self) -> int:
        return max(0, -(self.days_left or 0))

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(handover: Handover, today: dt.date) -> Progress:
    """The state of a handover on ``today``."""
    open_items = tuple(i for i in handover.items if not i.done)
    days_left = (handover.due_on - today).days if handover.due_on else None
    return Progress(
        total=len(handover.items),
        done=len(handover.items) - len(open_items),
        open_items=open_items,
        without_successor=tuple(i for i in open_items if not i.successor),
        overdue=bool(open_items) and days_left is not None and days_left < 0,
        days_left=days_left,
    )


def leaving_on(employee: Employee) -> dt.date | None:
    """The employee's last day, if they have left or are leaving (else None)."""
    if employee.left_on:
        return employee.left_on
    if employee.status == EmployeeStatus.LEFT:
        return max((a.end for a in employee.assignments if a.end), default=None)
    return None


def is_leaver(employee: Employee) -> bool:
    """Left, leaving on a known day, or has handed in a resignation or been terminated."""
    return (
        employee.status == EmployeeStatus.LEFT
        or employee.left_on is not None
        or any(ev.kind in LEAVING for ev in employee.events)
    )
