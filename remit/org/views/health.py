"""The health pages: what the checks found, each finding linked to where it is fixed."""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from remit.accounts.access import org_member_required
from remit.analysis import checks

from ..areas import AREA_BY_CODE
from ..queries import duties as duty_queries
from ..queries import health as queries


@dataclass
class Shown:
    finding: checks.Finding
    message: str
    fix: str
    links: list[tuple[str, str]]  # (label, url)


FINDINGS_PER_PAGE = 100


def _link(slug: str, ref: checks.Ref, position_of: dict[str, str]) -> tuple[str, str] | None:
    """Where a referenced entity is fixed, by kind (an explicit table, no magic)."""
    if ref.kind == "position":
        return ref.key, reverse("org:position", args=[slug, ref.key]) + "#step-purpose"
    if ref.kind in {"result_area", "target", "responsibility"} and ref.key in position_of:
        step = {"result_area": "areas", "target": "targets", "responsibility": "responsibilities"}
        url = reverse("org:position", args=[slug, position_of[ref.key]])
        return ref.key, f"{url}?edit={ref.key}#step-{step[ref.kind]}"
    # A1/A2: an objective's page; a value's on the (private) values page.
    if ref.kind == "objective":
        return ref.key, reverse("org:objective_detail", args=[slug, ref.key])
    if ref.kind == "value":
        return _("The owner's values"), reverse("org:values", args=[slug])
    # Personnel part A: employees and handovers (remit/org/views/people_employees.py).
    if ref.kind in {"employee", "handover"}:
        return ref.key, reverse(f"org:{ref.kind}", args=[slug, ref.key])
    # Personnel part B: stages, staffing lines (on their stage's page) and skills.
    if ref.kind == "stage":
        return ref.key, reverse("org:stage_detail", args=[slug, ref.key])
    if ref.kind == "staffing_line" and "-" in ref.key:
        stage, _n = ref.key.rsplit("-", 1)
        return ref.key, reverse("org:stage_detail", args=[slug, stage]) + "#plan"
    if ref.kind == "skill":
        return ref.key, reverse("org:skill_detail", args=[slug, ref.key])
    # A3 plan and A4 resources: each row's own page.
    plan_pages = {
        "plan_item": "org:plan_item",
        "resource": "org:resource_detail",
        "resource_need": "org:resource_need_detail",
        "acquisition": "org:acquisition_detail",
    }
    if ref.kind in plan_pages:
        return ref.key, reverse(plan_pages[ref.kind], args=[slug, ref.key])
    return None


def _shown(request, found: list[checks.Finding]) -> list[Shown]:
    position_of = {}
    for f in found:
        pos = next((r.key for r in f.refs if r.kind == "position"), None)
        for r in f.refs:
            if pos and r.kind != "position":
                position_of[r.key] = pos
    out = []
    for f in found:
        links = [link for r in f.refs if (link := _link(request.org.slug, r, position_of))]
        out.append(Shown(f, f.render(_), _(f.fix), links))
    return out


@org_member_required
def org_health(request: HttpRequest) -> HttpResponse:
    request.area = "health"
    found = queries.findings(request.org)
    severity = request.GET.get("severity", "")
    area = request.GET.get("area", "")
    shown = [
        f
        for f in found
        if (not severity or f.severity == severity) and (not area or f.area == area)
    ]
    counts = Counter(f.severity.value for f in found)
    areas = sorted({f.area for f in found})
    # A large organisation can have thousands of findings: a page at a time.
    page = Paginator(shown, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "org/health.html",
        {
            "shown": _shown(request, list(page.object_list)),
            "page": page,
            "counts": counts,
            "total": len(found),
            "severity": severity,
            "area": area,
            "area_choices": [(a, AREA_BY_CODE[a].label if a in AREA_BY_CODE else a) for a in areas],
            "rules": checks.RULES.values(),
            "position": None,
        },
    )


@org_member_required
def position_health(request: HttpRequest, key: str) -> HttpResponse:
    request.area = "duties"
    position = duty_queries.get_position(request.membership, key)
    found = queries.findings_for_position(request.org, position.key)
    counts = Counter(f.severity.value for f in found)
    return render(
        request,
        "org/health.html",
        {
            "shown": _shown(request, found),
            "counts": counts,
            "total": len(found),
            "position": position,
            "rules": checks.RULES.values(),
        },
    )
