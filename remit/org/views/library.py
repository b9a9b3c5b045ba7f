"""The responsibility library: search O*NET task statements, browse an occupation's tasks.

The library is global reference data, readable by every member of every
organisation; it is loaded with ``remit library import-onet DIR``.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from remit.accounts.access import org_member_required

from ..queries import library as queries


def _area(request: HttpRequest) -> None:
    request.area = "duties"


@org_member_required
def library(request: HttpRequest) -> HttpResponse:
    _area(request)
    q = request.GET.get("q", "").strip()[:200]
    occupation = request.GET.get("occupation", "").strip()[:200]
    loaded = queries.is_loaded()
    found = (
        queries.search(q, occupation=occupation, page=request.GET.get("page")) if loaded else None
    )
    return render(
        request,
        "org/library/search.html",
        {
            "loaded": loaded,
            "found": found,
            "q": q,
            "occupation": occupation,
            "counts": queries.counts() if loaded and not (q or occupation) else None,
        },
    )


@org_member_required
def occupation(request: HttpRequest, occupation_code: str) -> HttpResponse:
    _area(request)
    occ = queries.get_occupation(occupation_code)
    tasks = queries.occupation_tasks(occ)
    return render(
        request,
        "org/library/occupation.html",
        {
            "occupation": occ,
            "core": [t for t in tasks if t.core],
            "other": [t for t in tasks if not t.core],
        },
    )
