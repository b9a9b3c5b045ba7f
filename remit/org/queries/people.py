"""Reads for personnel (A7): the organisation chart."""

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from remit.accounts.models import Membership
from remit.render.orgchart import orgchart_layout, orgchart_stats

from .. import snapshot
from ..models import Assignment, Position

NOTHING = Q(pk__in=[])


@dataclass
class Chart:
    snap: object
    root: str | None
    depth: int
    stage: str | None
    highlight: str | None
    matches: list[Position]
    shown: int
    total: int
    on: dt.date


def chart(
    membership: Membership,
    *,
    root: str = "",
    depth: int = 3,
    stage: str = "",
    q: str = "",
    max_boxes: int = 150,
) -> Chart:
    """What the organisation chart draws, loaded in two fixed-size steps: the structure
    first, then the holders of only the positions that will be drawn."""
    org = membership.org
    today = timezone.localdate()
    matches: list[Position] = []
    highlight = None
    if q:
        matches = list(
            Position.objects.filter(org=org)
            .exclude(status="archived")
            .filter(Q(title__icontains=q) | Q(key__icontains=q))
            .select_related("reports_to")
            .order_by("title")[:20]
        )
        if matches and not root:
            highlight = matches[0].key
            root = matches[0].reports_to.key if matches[0].reports_to else matches[0].key
    structure = snapshot.load(
        org,
        scope={
            "position": ~Q(status="archived"),
            # The chart draws boxes, not duties: leave the positions' children out.
            "result_area": NOTHING,
            "position_skill": NOTHING,
            "department": Q(),
            "stage": Q(key=stage) if stage else NOTHING,
        },
    )
    root_key = root if root in structure.positions else None
    stage_key = stage if stage in structure.stages else None
    layout = orgchart_layout(
        structure, root=root_key, depth=depth, max_boxes=max_boxes, on=today, stage=stage_key
    )
    visible = [b.key for b in layout.boxes]
    holder_ids = (
        Assignment.objects.filter(org=org, position__key__in=visible, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .values("employee_id")
    )
    holders = snapshot.load(
        org,
        scope={
            "employee": Q(pk__in=holder_ids),
            "employee_skill": NOTHING,
            "personnel_event": NOTHING,
        },
    )
    snap = dataclasses.replace(structure, employees=holders.employees)
    stats = orgchart_stats(structure, root_key, depth, max_boxes, stage=stage_key)
    return Chart(
        snap, root_key, depth, stage_key, highlight, matches, stats["shown"], stats["total"], today
    )
