"""Reads for the job responsibilities area: positions, the four steps, job descriptions.

Every function costs a fixed number of queries, whatever the organisation's size.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone, translation

from remit.accounts.models import Membership
from remit.analysis.overlap import most_similar, rank, tokens
from remit.domain import Organization as Snapshot
from remit.domain.people import PositionStatus
from remit.render.fishbone import fishbone_svg
from remit.render.formats import FORMATS, as_bytes, position_for_fishbone
from remit.render.jobdesc import JobDescription, assemble

from .. import snapshot
from ..models import (
    Assignment,
    Department,
    Employee,
    JobDescriptionVersion,
    LibraryTask,
    Objective,
    Position,
    PositionSkill,
    Procedure,
    Responsibility,
    ResultArea,
    Target,
)
from . import health


def _count(source, path: str):
    """A correlated count of ``source`` rows whose ``path`` is the outer row."""
    qs = source.objects.all() if isinstance(source, type) else source
    return Coalesce(
        Subquery(
            qs.filter(**{path: OuterRef("pk")})
            .order_by()
            .values(path)
            .annotate(c=Count("pk"))
            .values("c"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _holders_now():
    today = timezone.localdate()
    return _count(
        Assignment.objects.filter(start__lte=today).filter(Q(end__isnull=True) | Q(end__gte=today)),
        "position",
    )


def positions_page(
    membership: Membership,
    *,
    q: str = "",
    department: str = "",
    status: str = "",
    page: int | str | None = 1,
    per_page: int = 50,
) -> Page:
    """One page of positions with their four-step progress, searchable and filterable."""
    qs = Position.objects.filter(org=membership.org).select_related("department", "reports_to")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(key__icontains=q))
    if department:
        qs = qs.filter(department__key=department)
    qs = (
        qs.exclude(status=PositionStatus.ARCHIVED)
        if status != "archived"
        else qs.filter(status=PositionStatus.ARCHIVED)
    )
    page_ = Paginator(qs.order_by("department__name", "title", "key"), per_page).get_page(page)
    # The four steps' counts for this page's positions only: annotated on the whole
    # list, the database may count them for every position before it sorts and cuts.
    ids = [p.pk for p in page_.object_list]
    counted = Position.objects.filter(pk__in=ids).annotate(
        n_areas=_count(ResultArea, "position"),
        n_targets=_count(Target, "result_area__position"),
        n_responsibilities=_count(Responsibility, "target__result_area__position"),
        weight_total=Subquery(
            ResultArea.objects.filter(position=OuterRef("pk"))
            .order_by()
            .values("position")
            .annotate(s=Sum("weight"))
            .values("s")
        ),
        n_holders=_holders_now(),
    )
    figures = {p.pk: p for p in counted.only("pk").order_by()}
    for p in page_.object_list:
        c = figures[p.pk]
        for name in ("n_areas", "n_targets", "n_responsibilities", "weight_total", "n_holders"):
            setattr(p, name, getattr(c, name))
    return page_


def departments(membership: Membership) -> list[Department]:
    return list(Department.objects.filter(org=membership.org).order_by("name"))


def department_tree(membership: Membership) -> list[tuple[Department, int, int]]:
    """(department, depth, number of positions), in tree order."""
    rows = list(
        Department.objects.filter(org=membership.org)
        .annotate(
            n_positions=Count("positions", filter=~Q(positions__status=PositionStatus.ARCHIVED))
        )
        .order_by("name")
    )
    children: dict[int | None, list[Department]] = {}
    for d in rows:
        children.setdefault(d.parent_id, []).append(d)
    out: list[tuple[Department, int, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for d in children.get(parent, []):
            if d.pk in seen:
                continue
            seen.add(d.pk)
            out.append((d, depth, d.n_positions))
            walk(d.pk, depth + 1)

    walk(None, 0)
    # Departments whose parent chain is broken still appear, at the top.
    for d in rows:
        if d.pk not in seen:
            out.append((d, 0, d.n_positions))
    return out


def get_position(membership: Membership, key: str) -> Position:
    position = (
        Position.objects.filter(org=membership.org, key=key)
        .select_related("department", "reports_to", "grade")
        .first()
    )
    if position is None:
        raise Http404
    return position


def get_department(membership: Membership, key: str) -> Department:
    department = (
        Department.objects.filter(org=membership.org, key=key).select_related("parent").first()
    )
    if department is None:
        raise Http404
    return department


@dataclass
class Builder:
    """Everything the four-step page shows for one position."""

    position: Position
    areas: list[ResultArea]
    objectives: list[Objective]
    procedures: list[Procedure]
    purpose_objectives: list[Objective]
    subordinates: list[Position]
    weight_total: float
    time_total: float

    @property
    def targets_done(self) -> bool:
        return bool(self.areas) and all(a.targets.all() for a in self.areas)

    @property
    def responsibilities_done(self) -> bool:
        targets = [t for a in self.areas for t in a.targets.all()]
        return bool(targets) and all(t.responsibilities.all() for t in targets)


def builder(position: Position) -> Builder:
    """The position's areas, targets and responsibilities, with what the forms offer."""
    org = position.org
    areas = list(
        ResultArea.objects.filter(position=position)
        .order_by("order", "id")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=Target.objects.select_related("objective").order_by("order", "id"),
            ),
            Prefetch(
                "targets__responsibilities",
                queryset=Responsibility.objects.order_by("order", "id").prefetch_related(
                    Prefetch("procedures", queryset=Procedure.objects.order_by("key"))
                ),
            ),
        )
    )
    weight_total = sum(float(a.weight or 0) for a in areas)
    time_total = sum(
        float(r.time_share or 0)
        for a in areas
        for t in a.targets.all()
        for r in t.responsibilities.all()
    )
    return Builder(
        position=position,
        areas=areas,
        objectives=list(Objective.objects.filter(org=org).order_by("key")),
        procedures=list(Procedure.objects.filter(org=org).order_by("key")),
        purpose_objectives=list(position.purpose_objectives.order_by("key")),
        subordinates=list(
            Position.objects.filter(org=org, reports_to=position)
            .exclude(status=PositionStatus.ARCHIVED)
            .order_by("title")
        ),
        weight_total=weight_total,
        time_total=time_total,
    )


def similar_purposes(
    position: Position, text: str, *, limit: int = 5
) -> list[tuple[Position, float]]:
    """The other positions whose purpose (content and performance) is most like ``text``."""
    corpus = (kv for kv in purpose_tokens(position.org) if kv[0] != position.key)
    ranked = rank(tokens(text), corpus, limit=limit)
    found = {
        p.key: p for p in Position.objects.filter(org=position.org, key__in=[k for k, _ in ranked])
    }
    return [(found[k], s) for k, s in ranked]


def purpose_tokens(org) -> list[tuple[str, frozenset[str]]]:
    """Every active position's purpose as a token set, kept until the next change.

    Comparing a purpose with every other is linear in the organisation's size; making
    the token sets is most of that work, so they are cached under the organisation's
    latest recorded change (like the health check's findings)."""
    key = f"remit:purpose-tokens:{org.pk}:{health.change_version(org)}"
    found = cache.get(key)
    if found is None:
        rows = (
            Position.objects.filter(org=org)
            .exclude(status=PositionStatus.ARCHIVED)
            .exclude(purpose_content="", purpose_performance="")
            .values_list("key", "purpose_content", "purpose_performance")
        )
        found = [(k, tokens(f"{c} {p}")) for k, c, p in rows.iterator()]
        cache.set(key, found, timeout=24 * 3600)
    return found


def similar_responsibilities(
    org, text: str, *, exclude_position: Position | None = None, limit: int = 5, floor: float = 0.35
) -> list[tuple[Responsibility, float]]:
    """Responsibilities of other positions that say nearly the same as ``text``.

    Candidates come from the database by the statement's two rarest-looking (longest)
    words, so the cost stays bounded in a large organisation; similarity is then
    computed on the candidates only.
    """
    words = sorted((w for w in tokens(text) if len(w) > 2), key=lambda w: (-len(w), w))[:2]
    if not words:
        return []
    cond = Q()
    for w in words:
        cond |= Q(statement__icontains=w)
    qs = (
        Responsibility.objects.filter(org=org)
        .filter(cond)
        .select_related("target__result_area__position")
    )
    if exclude_position is not None:
        qs = qs.exclude(target__result_area__position=exclude_position)
    candidates = list(qs[:300])
    ranked = most_similar(
        text, [(str(r.pk), r.statement) for r in candidates], limit=limit, floor=floor
    )
    by_pk = {str(r.pk): r for r in candidates}
    return [(by_pk[k], s) for k, s in ranked]


def library_suggestions(text: str, *, limit: int = 5) -> list[tuple[LibraryTask, float]]:
    """Library task statements most like ``text`` (candidates by its longest words)."""
    words = sorted((w for w in tokens(text) if len(w) > 3), key=lambda w: (-len(w), w))[:2]
    if not words:
        return []
    cond = Q()
    for w in words:
        cond |= Q(statement__icontains=w)
    candidates = list(LibraryTask.objects.filter(cond).select_related("occupation")[:300])
    ranked = most_similar(
        text, [(str(t.pk), t.statement) for t in candidates], limit=limit, floor=0.15
    )
    by_pk = {str(t.pk): t for t in candidates}
    return [(by_pk[k], s) for k, s in ranked]


def position_scope(position: Position) -> dict[str, Q]:
    """The snapshot scope that holds everything a job description of ``position`` shows."""
    pk = position.pk
    related_positions = Q(pk=pk) | Q(reports_to_id=pk)
    if position.reports_to_id:
        related_positions |= Q(pk=position.reports_to_id)
    today = timezone.localdate()
    holders = (
        Employee.objects.filter(assignments__position_id=pk, assignments__start__lte=today)
        .filter(Q(assignments__end__isnull=True) | Q(assignments__end__gte=today))
        .values("pk")
    )
    # Each "or" is a union of two indexed subqueries: one query joining both paths with
    # an OR would scan every procedure's (or objective's) links in a large organisation.
    procedures = Q(
        pk__in=Procedure.positions.through.objects.filter(position_id=pk).values("procedure_id")
    ) | Q(
        pk__in=Responsibility.procedures.through.objects.filter(
            responsibility__target__result_area__position_id=pk
        ).values("procedure_id")
    )
    objectives = Q(
        pk__in=Position.purpose_objectives.through.objects.filter(position_id=pk).values(
            "objective_id"
        )
    ) | Q(
        pk__in=Target.objects.filter(result_area__position_id=pk, objective__isnull=False).values(
            "objective_id"
        )
    )
    return {
        "position": related_positions,
        "department": Q(pk=position.department_id) if position.department_id else Q(pk__in=[]),
        "grade": Q(pk=position.grade_id) if position.grade_id else Q(pk__in=[]),
        "objective": objectives,
        "procedure": procedures,
        "relation": Q(owner_id=pk),
        "control": Q(owner_id=pk),
        "skill": Q(pk__in=PositionSkill.objects.filter(position_id=pk).values("skill_id")),
        "employee": Q(pk__in=holders),
        "stage": Q(staffing__position_id=pk),
        "staffing_line": Q(position_id=pk),
    }


def position_snapshot(position: Position) -> Snapshot:
    """A snapshot holding one position's job description, in a fixed number of queries."""
    return snapshot.load(position.org, scope=position_scope(position))


# --- job descriptions ---------------------------------------------------------------------


def job_description(position: Position, *, on=None) -> JobDescription:
    """The position's job description as the graph has it today (the current draft)."""
    return assemble(position_snapshot(position), position.key, on=on or timezone.localdate())


def get_version(position: Position, version: int) -> JobDescriptionVersion:
    row = JobDescriptionVersion.objects.filter(position=position, version=version).first()
    if row is None:
        raise Http404
    return row


def versions(position: Position) -> list[JobDescriptionVersion]:
    return list(position.jd_versions.order_by("-version"))


def jd_document(
    jd: JobDescription, fmt: str, *, org_name: str, lang: str, version_label: str = ""
) -> bytes:
    """One job description rendered in a format, in a language (labels translated)."""
    f = FORMATS[fmt]
    with translation.override(lang):
        fishbone = (
            fishbone_svg(position_for_fishbone(jd), t=translation.gettext)
            if f.uses_fishbone
            else None
        )
        return as_bytes(
            f.render(
                jd,
                t=translation.gettext,
                lang=lang,
                fishbone_svg=fishbone,
                org_name=org_name,
                generated_on=timezone.localdate(),
                version_label=version_label,
            )
        )


def jd_filename(jd: JobDescription, fmt: str, version_label: str = "") -> str:
    suffix = f"-{version_label}" if version_label else ""
    return f"{jd.identity.key}{suffix}.{FORMATS[fmt].extension}"
