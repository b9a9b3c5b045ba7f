"""The organisation's home: the areas at a glance."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from remit.accounts.access import org_member_required, remember_org

from ..areas import AREA_BY_CODE, AREAS
from ..queries import home as home_queries


@org_member_required
def home(request: HttpRequest) -> HttpResponse:
    remember_org(request.user, request.org)
    figures = home_queries.summary(request.membership)
    findings = home_queries.findings_by_area(request.membership)
    cards = [
        (a, figures.get(a.code, []), (findings or {}).get(a.code, 0))
        for a in AREAS
        if a.code != "values" or "values" in figures
    ]
    return render(
        request,
        "org/home.html",
        {
            "cards": cards,
            "findings_known": findings is not None,
            "findings_total": sum((findings or {}).values()),
        },
    )


@org_member_required
def area(request: HttpRequest, area_code: str) -> HttpResponse:
    """An area's landing page, until the area has screens of its own."""
    request.area = area_code
    return render(request, "org/area.html", {"area": AREA_BY_CODE[area_code]})


def area_urlpatterns() -> list:
    return [path(f"{a.code}/", area, {"area_code": a.code}, name=a.code) for a in AREAS]
