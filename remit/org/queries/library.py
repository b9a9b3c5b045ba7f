"""Reads of the responsibility library (global reference data: no organisation).

Search by words: every word must appear in the task statement (case-insensitive);
the matches are ranked by how well the statement matches (whole words before parts
of words, the words together as a phrase, statements about little else first) and
paginated. Filter by occupation: an exact O*NET-SOC code, or words that must all
appear in the occupation's title.
"""

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from ..models import LibraryOccupation, LibraryTask

PER_PAGE = 25
MAX_WORDS = 12
CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


def words_of(text: str) -> list[str]:
    """The search words of a query: split on spaces, duplicates dropped, at most 12."""
    return list(dict.fromkeys(w.lower() for w in text.split() if w.strip()))[:MAX_WORDS]


def is_loaded() -> bool:
    return LibraryTask.objects.exists()


def occupations_matching(occupation: str) -> QuerySet[LibraryOccupation]:
    """Occupations with this exact code, or whose title contains every word."""
    occupation = occupation.strip()
    if CODE.match(occupation):
        return LibraryOccupation.objects.filter(code=occupation)
    cond = Q()
    for w in words_of(occupation):
        cond &= Q(title__icontains=w)
    return LibraryOccupation.objects.filter(cond)


def score(statement: str, words: list[str]) -> float:
    """How well a statement matches the words (every word is known to be in it).

    A whole word counts more than part of one, and more again when it recurs; a
    statement starting with a word, or holding the words as a phrase, comes first.
    """
    text = statement.lower()
    s = 0.0
    for w in words:
        whole = len(re.findall(rf"\b{re.escape(w)}\b", text))
        s += 2.0 + 0.5 * min(whole - 1, 2) if whole else 1.0
        if text.startswith(w):
            s += 0.5
    if len(words) > 1 and " ".join(words) in text:
        s += 3.0
    # Of two statements that match alike, the one that says less besides comes first.
    return s + sum(len(w) for w in words) / max(len(text), 1)


@dataclass(frozen=True)
class Search:
    words: list[str]
    occupation: str
    occupations: list[LibraryOccupation]  # matching the occupation filter (a few, for links)
    occupation_count: int
    page: Page  # of LibraryTask, with their occupation


def search(
    q: str = "", *, occupation: str = "", page: int | str | None = 1, per_page: int = PER_PAGE
) -> Search:
    """Tasks matching every word of ``q`` (ranked), within the occupations ``occupation`` names.

    Costs a fixed number of queries: the ids and statements of the matches (for the
    ranking), then the page's rows with their occupations.
    """
    words = words_of(q)
    qs = LibraryTask.objects.all()
    occupations: list[LibraryOccupation] = []
    occupation_count = 0
    if occupation.strip():
        occ_qs = occupations_matching(occupation)
        qs = qs.filter(occupation__in=occ_qs)
        occ_list = list(occ_qs.annotate(n_tasks=Count("tasks")).order_by("title")[:21])
        occupation_count = len(occ_list)
        occupations = occ_list[:20]
    for w in words:
        qs = qs.filter(statement__icontains=w)
    if not words and not occupation.strip():
        qs = qs.none()
    if words:
        rows = list(qs.values_list("pk", "statement", "occupation__code", "source_id"))
        rows.sort(key=lambda r: (-score(r[1], words), r[2], r[3]))
        ordered: list[int] | QuerySet = [r[0] for r in rows]
    else:
        ordered = qs.order_by("occupation__title", "-core", "pk").values_list("pk", flat=True)
    pages = Paginator(ordered, per_page).get_page(page)
    ids = list(pages.object_list)
    found = LibraryTask.objects.filter(pk__in=ids).select_related("occupation").in_bulk()
    pages.object_list = [found[pk] for pk in ids if pk in found]
    return Search(words, occupation.strip(), occupations, occupation_count, pages)


def get_occupation(code: str) -> LibraryOccupation:
    occupation = LibraryOccupation.objects.filter(code=code).first()
    if occupation is None:
        raise Http404
    return occupation


def occupation_tasks(occupation: LibraryOccupation) -> list[LibraryTask]:
    """An occupation's tasks: core tasks first, then in the source's order."""
    return list(occupation.tasks.order_by("-core", "pk"))


def counts() -> dict[str, int]:
    return {
        "occupations": LibraryOccupation.objects.count(),
        "tasks": LibraryTask.objects.count(),
    }
