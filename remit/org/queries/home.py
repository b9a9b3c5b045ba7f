"""The organisation home: a few numbers per area, each one cheap to count."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from remit.accounts.models import Membership
from remit.accounts.permissions import Capability, has

from ..models import (
    Control,
    Employee,
    Objective,
    PlanItem,
    Position,
    Problem,
    Procedure,
    Relation,
    Resource,
    Risk,
    ValueChoice,
)
from . import health


@dataclass(frozen=True)
class Figure:
    label: object
    value: int


def summary(membership: Membership) -> dict[str, list[Figure]]:
    """Per area code, the figures its card shows (a fixed number of queries)."""
    org = membership.org
    today = timezone.localdate()
    positions = (
        Position.objects.filter(org=org)
        .exclude(status="archived")
        .aggregate(n=Count("pk"), approved=Count("pk", filter=Q(jd_status="approved")))
    )
    plan = PlanItem.objects.filter(org=org).aggregate(
        open=Count("pk", filter=~Q(status__in=["done", "cancelled"])),
        overdue=Count("pk", filter=~Q(status__in=["done", "cancelled"]) & Q(due__lt=today)),
    )
    risks = Risk.objects.filter(org=org).aggregate(
        n=Count("pk"), high=Count("pk", filter=Q(likelihood__gte=4, impact__gte=4))
    )
    out = {
        "duties": [
            Figure(_("positions"), positions["n"]),
            Figure(_("job descriptions approved"), positions["approved"]),
        ],
        "strategy": [
            Figure(_("objectives"), Objective.objects.filter(org=org, status="active").count())
        ],
        "plan": [Figure(_("open items"), plan["open"]), Figure(_("overdue"), plan["overdue"])],
        "resources": [Figure(_("resources"), Resource.objects.filter(org=org).count())],
        "transparency": [
            Figure(
                _("open problems"),
                Problem.objects.filter(org=org).exclude(status="resolved").count(),
            )
        ],
        "relations": [
            Figure(_("relations"), Relation.objects.filter(org=org, status="active").count())
        ],
        "people": [
            Figure(_("employees"), Employee.objects.filter(org=org, status="active").count())
        ],
        "control": [
            Figure(_("risks"), risks["n"]),
            Figure(_("high risks"), risks["high"]),
            Figure(_("controls"), Control.objects.filter(org=org).count()),
        ],
        "methods": [
            Figure(_("SOPs in force"), Procedure.objects.filter(org=org, status="active").count())
        ],
    }
    if has(membership, Capability.VALUES_READ, opened=True):
        out["values"] = [Figure(_("values ranked"), ValueChoice.objects.filter(org=org).count())]
    return out


def findings_by_area(membership: Membership) -> dict[str, int] | None:
    """Open findings per area if a health check has run since the last change, else None."""
    found = health.cached_findings(membership.org)
    if found is None:
        return None
    counts: dict[str, int] = {}
    for f in found:
        counts[f.area] = counts.get(f.area, 0) + 1
    return counts
