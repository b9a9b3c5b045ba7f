"""Imports of positions, employees and organisation charts from tables; GSA job postings.

``table_import`` writes what ``remit.orgfile.tables.prepare`` planned from a CSV or
XLSX table: every row is checked before anything is written (one exception,
:class:`~remit.orgfile.tables.TableProblems`, carries every problem with its file,
row and field), then rows are upserted by key in one transaction, in bulk, and
every created or changed row is recorded in the change log in bulk. A dry run
reports what would change and writes nothing. Importing the same table again
changes nothing.

``gsa_postings_import`` turns job postings (the US GSA TTS postings: a title
"Team: Role", a GS grade, key objectives with duty statements under each) into
positions with their key result areas, one target per area and the
responsibilities under it.

The uploads of the web import (kept between its steps) are files under
``DATA_DIR/uploads/<org slug>/`` with random names, deleted after the import is
confirmed or after a day.
"""

import datetime as dt
import json
import re
import secrets
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from remit.accounts import audit
from remit.accounts.models import AuditAction, AuditEvent, Organization, User
from remit.domain.duties import JDStatus
from remit.orgfile import tables
from remit.orgfile.tables import UNSET, Problem, TableProblems

from ..models import (
    Assignment,
    Department,
    Employee,
    Grade,
    Position,
    Responsibility,
    ResultArea,
    Target,
)

BATCH = 2000

__all__ = ["TableProblems", "gsa_postings_import", "table_import"]


@dataclass
class ImportReport:
    kind: str
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    notes: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def entities(self) -> list[tuple[str, int, int, int]]:
        names = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        rows = [(n, self.created[n], self.updated[n], self.unchanged[n]) for n in names]
        return [r for r in rows if any(r[1:])]

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "changes": self.changes,
            "entities": {
                n: {"created": c, "updated": u, "unchanged": k} for n, c, u, k in self.entities()
            },
            "notes": [str(n) for n in self.notes],
        }


class _Log:
    """The change-log events of one import, built in memory and inserted in bulk."""

    def __init__(self, org: Organization, actor: User | None, label: str):
        self.org, self.actor, self.label = org, actor, label
        self.events: list[AuditEvent] = []

    def created(self, row, after: dict[str, Any]) -> None:
        self.events.append(self._event(AuditAction.CREATE, row, after=after))

    def updated(self, row, before: dict[str, Any], after: dict[str, Any]) -> None:
        self.events.append(self._event(AuditAction.UPDATE, row, before=before, after=after))

    def _event(self, action, row, before=None, after=None) -> AuditEvent:
        return audit.event(
            org=self.org,
            actor=self.actor,
            actor_label=self.label,
            action=action,
            instance=row,
            before={k: audit.jsonable(v) for k, v in (before or {}).items()},
            after={k: audit.jsonable(v) for k, v in (after or {}).items()},
        )

    def save(self) -> None:
        audit.record_many(self.events)


def load_existing(org: Organization) -> tables.Existing:
    """What the checks need to know of the organisation: three queries."""
    positions = {
        key: tables.ExistingPosition(title, dept, boss)
        for key, title, dept, boss in Position.objects.filter(org=org).values_list(
            "key", "title", "department__key", "reports_to__key"
        )
    }
    return tables.Existing(
        positions=positions,
        departments=dict(Department.objects.filter(org=org).values_list("key", "name")),
        grades=dict(Grade.objects.filter(org=org).values_list("key", "name")),
    )


@transaction.atomic
def table_import(
    *,
    org: Organization,
    actor: User | None,
    kind: str,
    rows: tables.Table,
    mapping: dict[str, str],
    dry_run: bool = False,
    outside_refs: frozenset[str] = frozenset(),
    actor_label: str = "",
) -> ImportReport:
    """Import a table of ``kind`` (positions, employees, orgchart) into ``org``.

    ``mapping`` is {file column: field}. Raises ``TableProblems`` listing every
    problem; then nothing was written. ``outside_refs``: post references of other
    organisations in the same published file (a post reporting to one is a top post).
    """
    if kind not in tables.KINDS:
        raise ValueError(f"unknown import kind {kind!r}: use one of {', '.join(tables.KINDS)}")
    plan = tables.prepare(kind, rows, mapping, load_existing(org), outside_refs=outside_refs)
    report = ImportReport(kind=kind, dry_run=dry_run, notes=plan.notes, rows=len(rows.rows))
    log = _Log(org, actor, actor_label or (actor.email if actor else "import"))
    if kind == "employees":
        _write_employees(org, plan, report, log, dry_run)
    else:
        _write_positions(org, plan, report, log, dry_run)
    if not dry_run:
        log.save()
    return report


# --- positions (and departments, grades) ------------------------------------------------


def _create_named(model, org, items, report, log, dry_run) -> dict[str, int]:
    """Create the departments or grades the file names and the organisation lacks."""
    name = model._meta.model_name
    report.created[name] += len(items)
    ids = dict(model.objects.filter(org=org).values_list("key", "pk"))
    if dry_run or not items:
        return ids
    rows = [model(org=org, key=i.key, name=i.name) for i in items]
    model.objects.bulk_create(rows, batch_size=BATCH)
    for row in rows:
        ids[row.key] = row.pk
        log.created(row, {"key": row.key, "name": row.name})
    return ids


POSITION_COLUMNS = ("title", "department", "grade", "headcount", "purpose_content")


def _write_positions(org, plan: tables.Plan, report: ImportReport, log: _Log, dry_run: bool):
    dept_ids = _create_named(Department, org, plan.departments, report, log, dry_run)
    grade_ids = _create_named(Grade, org, plan.grades, report, log, dry_run)
    columns = ["key", "pk", "title", "department__key", "grade__key", "headcount"]
    columns += ["purpose_content", "jd_status", "reports_to__key"]
    names = [c.removesuffix("__key") for c in columns]
    current = {
        row[0]: dict(zip(names, row, strict=True))
        for row in Position.objects.filter(org=org).values_list(*columns)
    }
    to_create: list[tuple[Position, dict]] = []
    to_update: list[tuple[Position, dict, dict]] = []
    changed_columns: set[str] = set()
    for p in plan.positions:
        wanted = {"title": p.title}
        for name in POSITION_COLUMNS[1:]:
            value = getattr(p, name)
            if value is not UNSET:
                wanted[name] = value
        old = current.get(p.key)
        if old is None:
            row = Position(
                org=org,
                key=p.key,
                title=p.title,
                department_id=dept_ids.get(wanted.get("department")),
                grade_id=grade_ids.get(wanted.get("grade")),
                headcount=wanted.get("headcount") or 1,
                purpose_content=wanted.get("purpose_content") or "",
            )
            after = {k: v for k, v in wanted.items() if v not in (None, "")}
            after.setdefault("headcount", row.headcount)
            to_create.append((row, after))
            continue
        diff = {k: v for k, v in wanted.items() if old[k] != v}
        if "purpose_content" in diff and old["jd_status"] != JDStatus.DRAFT:
            diff["jd_status"] = JDStatus.DRAFT.value  # a changed purpose needs a new approval
        if not diff:
            continue
        row = Position(pk=old["pk"], key=p.key)
        for k, v in diff.items():
            if k == "department":
                row.department_id = dept_ids.get(v)
            elif k == "grade":
                row.grade_id = grade_ids.get(v)
            else:
                setattr(row, k, v)
        changed_columns |= {
            "department_id" if k == "department" else "grade_id" if k == "grade" else k
            for k in diff
        }
        to_update.append((row, {k: old[k] for k in diff}, diff))

    # Reports-to: every target exists once the new rows are written.
    moves: dict[str, tuple[str | None, str | None]] = {}
    for p in plan.positions:
        if p.reports_to is UNSET:
            continue
        old = current.get(p.key)
        before = old["reports_to"] if old else None
        if before != p.reports_to:
            moves[p.key] = (before, p.reports_to)

    created_keys = {row.key for row, _a in to_create}
    updated_keys = {row.key for row, _b, _a in to_update} | (set(moves) - created_keys)
    report.created["position"] += len(to_create)
    report.updated["position"] += len(updated_keys)
    report.unchanged["position"] += len(plan.positions) - len(created_keys) - len(updated_keys)
    if dry_run:
        return

    Position.objects.bulk_create([r for r, _a in to_create], batch_size=BATCH)
    if to_update:
        Position.objects.bulk_update(
            [r for r, _b, _a in to_update], sorted(changed_columns), batch_size=BATCH
        )
    ids = {k: v["pk"] for k, v in current.items()} | {r.key: r.pk for r, _a in to_create}
    if moves:
        Position.objects.bulk_update(
            [
                Position(pk=ids[key], reports_to_id=ids[new] if new else None)
                for key, (_old, new) in moves.items()
            ],
            ["reports_to_id"],
            batch_size=BATCH,
        )
    for row, after in to_create:
        if moves.get(row.key, (None, None))[1]:
            after["reports_to"] = moves[row.key][1]
        log.created(row, after)
    updates = {row.key: (row, before, after) for row, before, after in to_update}
    for key in sorted(updated_keys):
        row, before, after = updates.get(key, (Position(pk=ids[key], key=key), {}, {}))
        if key in moves:
            before = {**before, "reports_to": moves[key][0]}
            after = {**after, "reports_to": moves[key][1]}
        log.updated(row, before, after)


# --- employees and their assignments ---------------------------------------------------------


def _write_employees(org, plan: tables.Plan, report: ImportReport, log: _Log, dry_run: bool):
    today = timezone.localdate()
    current = {
        key: {"pk": pk, "name": name, "email": email, "hired_on": hired_on}
        for key, pk, name, email, hired_on in Employee.objects.filter(org=org).values_list(
            "key", "pk", "name", "email", "hired_on"
        )
    }
    position_ids = dict(Position.objects.filter(org=org).values_list("key", "pk"))
    open_assignments: dict[str, list[dict]] = defaultdict(list)
    for pk, key, emp_key, pos_key, start, primary in (
        Assignment.objects.filter(org=org, end__isnull=True)
        .values_list("pk", "key", "employee__key", "position__key", "start", "primary")
        .order_by("start", "pk")
    ):
        open_assignments[emp_key].append(
            {"pk": pk, "key": key, "position": pos_key, "start": start, "primary": primary}
        )
    assignment_keys = set(Assignment.objects.filter(org=org).values_list("key", flat=True))

    new_people: list[tuple[Employee, dict]] = []
    changed_people: list[tuple[Employee, dict, dict]] = []
    people_columns: set[str] = set()
    new_jobs: list[tuple[str, Assignment, dict]] = []  # (employee key, row, after)
    changed_jobs: list[tuple[Assignment, dict, dict]] = []
    job_columns: set[str] = set()
    for e in plan.employees:
        start = e.start if e.start is not UNSET else None
        wanted: dict[str, Any] = {}
        if e.name is not UNSET:
            wanted["name"] = e.name
        if e.email is not UNSET:
            wanted["email"] = e.email
        if start is not None:
            wanted["hired_on"] = start
        old = current.get(e.key)
        if old is None:
            row = Employee(
                org=org,
                key=e.key,
                name=wanted.get("name") or e.key,
                email=wanted.get("email") or "",
                hired_on=start,
            )
            new_people.append((row, {"name": row.name, **wanted}))
        else:
            diff = {k: v for k, v in wanted.items() if old[k] != v}
            if diff:
                row = Employee(pk=old["pk"], key=e.key, **diff)
                people_columns |= set(diff)
                changed_people.append((row, {k: old[k] for k in diff}, diff))
        if e.position in (UNSET, None):
            continue
        jobs = open_assignments.get(e.key, [])
        same = next((j for j in jobs if j["position"] == e.position), None)
        if same is not None:
            if start is not None and same["start"] != start:
                changed_jobs.append(
                    (
                        Assignment(pk=same["pk"], key=same["key"], start=start),
                        {"start": same["start"]},
                        {"start": start},
                    )
                )
                job_columns.add("start")
            continue
        begins = start or today
        for j in jobs:  # the employee moves: the previous primary post ends the day before
            if j["primary"]:
                ends = max(j["start"], begins - dt.timedelta(days=1))
                changed_jobs.append(
                    (Assignment(pk=j["pk"], key=j["key"], end=ends), {"end": None}, {"end": ends})
                )
                job_columns.add("end")
        n, base = 1, e.key[:58]
        while f"{base}-{n}" in assignment_keys:
            n += 1
        key = f"{base}-{n}"
        assignment_keys.add(key)
        row = Assignment(
            org=org, key=key, position_id=position_ids[e.position], start=begins, primary=True
        )
        new_jobs.append((e.key, row, {"employee": e.key, "position": e.position, "start": begins}))

    report.created["employee"] += len(new_people)
    report.updated["employee"] += len(changed_people)
    report.unchanged["employee"] += len(plan.employees) - len(new_people) - len(changed_people)
    report.created["assignment"] += len(new_jobs)
    report.updated["assignment"] += len({row.pk for row, _b, _a in changed_jobs})
    if dry_run:
        return

    Employee.objects.bulk_create([r for r, _a in new_people], batch_size=BATCH)
    if changed_people:
        Employee.objects.bulk_update(
            [r for r, _b, _a in changed_people], sorted(people_columns), batch_size=BATCH
        )
    employee_ids = {k: v["pk"] for k, v in current.items()} | {r.key: r.pk for r, _a in new_people}
    for emp_key, row, _after in new_jobs:
        row.employee_id = employee_ids[emp_key]
    Assignment.objects.bulk_create([r for _k, r, _a in new_jobs], batch_size=BATCH)
    if changed_jobs:
        Assignment.objects.bulk_update(
            [r for r, _b, _a in changed_jobs], sorted(job_columns), batch_size=BATCH
        )
    for row, after in new_people:
        log.created(row, after)
    for row, before, after in changed_people:
        log.updated(row, before, after)
    for _k, row, after in new_jobs:
        log.created(row, after)
    for row, before, after in changed_jobs:
        log.updated(row, before, after)


# --- GSA job postings -----------------------------------------------------------------------

_OBJECTIVE_LABEL = re.compile(r"^\s*(?:objective\s*#?\s*\d+\s*[:.\-–]\s*)", re.I)


def _clean(text: str) -> str:
    """Markdown emphasis and the "Objective #1:" numbering off a heading; spaces tidied."""
    text = re.sub(r"[*_`]{2,}", "", str(text or ""))
    text = _OBJECTIVE_LABEL.sub("", text.strip())
    return " ".join(text.split()).rstrip(":").strip()


def equal_weights(n: int) -> list[Decimal]:
    """``n`` equal weights of two decimals summing to 100; the last takes the remainder."""
    if n <= 0:
        return []
    share = (Decimal(100) / n).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [share] * (n - 1) + [Decimal(100) - share * (n - 1)]


@dataclass
class _Posting:
    key: str
    title: str
    department: str
    grade: str
    areas: list[tuple[str, str, list[str]]]  # (area title, target statement, statements)


def _read_postings(postings, source: str) -> list[_Posting]:
    if isinstance(postings, dict):
        postings = postings.get("postings")
    problems: list[Problem] = []

    def problem(path: str, template: str, **params) -> None:
        problems.append(Problem(source, None, path, template, params))

    if not isinstance(postings, list):
        raise TableProblems(
            [Problem(source, None, "postings", tables.gettext_noop("expected a list of postings"))]
        )
    out: list[_Posting] = []
    keys: dict[str, int] = {}
    for i, p in enumerate(postings):
        where = f"postings[{i}]"
        if not isinstance(p, dict):
            problem(where, tables.gettext_noop("expected a posting (an object)"))
            continue
        full_title = " ".join(str(p.get("title") or "").split())
        if not full_title:
            problem(f"{where}.title", tables.gettext_noop("empty: every posting needs a title"))
            continue
        team, sep, role = full_title.partition(": ")
        department, title = (
            (team.strip(), role.strip()) if sep and role.strip() else ("", full_title)
        )
        if len(title) > 200 or len(department) > 200:
            problem(f"{where}.title", tables.gettext_noop("at most 200 characters"))
        stem = PurePath(str(p.get("file") or "")).stem
        base = tables.key_from_text(stem or title, limit=40)
        n = keys.get(base, 0) + 1
        keys[base] = n
        key = base if n == 1 else f"{base}-{n}"
        grade = str(p.get("gs_grade") or "").strip()
        if grade and not grade.isdigit():
            problem(f"{where}.gs_grade", tables.gettext_noop("expected a number such as 14"))
            grade = ""
        objectives = p.get("key_objectives") or []
        if not isinstance(objectives, list):
            problem(f"{where}.key_objectives", tables.gettext_noop("expected a list"))
            continue
        areas = []
        for j, o in enumerate(objectives):
            if not isinstance(o, dict) or not _clean(o.get("objective", "")):
                problem(
                    f"{where}.key_objectives[{j}].objective",
                    tables.gettext_noop("empty: every key objective needs a heading"),
                )
                continue
            heading = _clean(o["objective"])
            statements = o.get("statements") or []
            if not isinstance(statements, list):
                problem(
                    f"{where}.key_objectives[{j}].statements",
                    tables.gettext_noop("expected a list"),
                )
                continue
            lines = [" ".join(str(s).split()) for s in statements if str(s).strip()]
            title_300 = heading if len(heading) <= 300 else heading[:299].rstrip() + "…"
            areas.append((title_300, heading, lines))
        out.append(_Posting(key, title, department, f"GS-{grade}" if grade else "", areas))
    if problems:
        raise TableProblems(problems)
    return out


@transaction.atomic
def gsa_postings_import(
    *,
    org: Organization,
    actor: User | None,
    postings: list[dict] | dict,
    dry_run: bool = False,
    source: str = "postings.json",
    actor_label: str = "",
) -> ImportReport:
    """Each posting becomes a position; its key objectives its key result areas.

    * the position: key from the posting's file name, title and department from
      "Team: Role" (no colon: the whole title, no department), grade "GS-<n>";
    * each key objective: a key result area (the heading, without its "Objective
      #1:" numbering) with equal weights summing to 100, the last taking the
      remainder; one target under it whose statement is the heading, with no
      metric and no target value (the postings state none: Remit's checks flag
      them as not measurable, which is the truth);
    * each statement under an objective: a responsibility of that target.

    Upsert by key (rows are keyed ``POSITION-1``, ``POSITION-1-1``,
    ``POSITION-1-1-3``), all or nothing; rows the posting no longer has are kept.
    """
    items = _read_postings(postings, source)
    report = ImportReport(kind="gsa-postings", dry_run=dry_run, rows=len(items))
    log = _Log(org, actor, actor_label or (actor.email if actor else "import"))
    existing = tables.Existing(
        departments=dict(Department.objects.filter(org=org).values_list("key", "name")),
        grades=dict(Grade.objects.filter(org=org).values_list("key", "name")),
    )
    departments = tables.Names(existing.departments, "DEPT", keep_keys=False)
    grades = tables.Names(existing.grades, "GRADE", keep_keys=True)
    plan = tables.Plan(kind="positions")
    for p in items:
        post = tables.PositionPlan(key=p.key, title=p.title, rows=[])
        post.department = (
            departments.resolve(p.department, tables.NewDepartment) if p.department else None
        )
        post.grade = grades.resolve(p.grade, tables.NewGrade) if p.grade else None
        plan.positions.append(post)
    plan.departments = departments.new  # type: ignore[assignment]
    plan.grades = grades.new  # type: ignore[assignment]
    _write_positions(org, plan, report, log, dry_run)

    # Key result areas, targets, responsibilities: upsert by key.
    positions = dict(
        Position.objects.filter(org=org, key__in=[p.key for p in items]).values_list("key", "pk")
    )
    specs = [
        (ResultArea, ["title", "weight", "order"], "position"),
        (Target, ["statement", "metric", "target", "order"], "result_area"),
        (Responsibility, ["statement", "order"], "target"),
    ]
    wanted: dict[type, dict[str, tuple[str, dict]]] = {
        ResultArea: {},
        Target: {},
        Responsibility: {},
    }
    for p in items:
        weights = equal_weights(len(p.areas))
        for i, (title, heading, statements) in enumerate(p.areas):
            area_key = f"{p.key}-{i + 1}"
            wanted[ResultArea][area_key] = (
                p.key,
                {"title": title, "weight": weights[i], "order": i},
            )
            target_key = f"{area_key}-1"
            wanted[Target][target_key] = (
                area_key,
                {"statement": heading, "metric": "", "target": "", "order": 0},
            )
            for j, statement in enumerate(statements):
                wanted[Responsibility][f"{target_key}-{j + 1}"] = (
                    target_key,
                    {"statement": statement, "order": j},
                )
    parent_ids = {"position": positions}
    touched: set[str] = set()  # positions whose four steps changed
    for model, columns, parent in specs:
        name = model._meta.model_name
        current = {
            row[0]: row
            for row in model.objects.filter(org=org, key__in=list(wanted[model])).values_list(
                "key", "pk", f"{parent}__key", *columns
            )
        }
        to_create, to_update, before_after = [], [], []
        for key, (parent_key, values) in wanted[model].items():
            old = current.get(key)
            if old is None:
                to_create.append(
                    model(
                        org=org,
                        key=key,
                        **{f"{parent}_id": parent_ids[parent].get(parent_key)},
                        **values,
                    )
                )
                touched.add(_position_of(key, positions))
                continue
            before = dict(zip(columns, old[3:], strict=True))
            diff = {c: v for c, v in values.items() if before[c] != v}
            if diff:
                to_update.append(model(pk=old[1], key=key, **values))
                before_after.append((to_update[-1], {c: before[c] for c in diff}, diff))
                touched.add(_position_of(key, positions))
        report.created[name] += len(to_create)
        report.updated[name] += len(to_update)
        report.unchanged[name] += len(wanted[model]) - len(to_create) - len(to_update)
        child_link = {ResultArea: "result_area", Target: "target"}.get(model)
        if dry_run:
            continue
        model.objects.bulk_create(to_create, batch_size=BATCH)
        if to_update:
            model.objects.bulk_update(to_update, columns, batch_size=BATCH)
        for row in to_create:
            log.created(row, {parent: wanted[model][row.key][0], **wanted[model][row.key][1]})
        for row, before, after in before_after:
            log.updated(row, before, after)
        if child_link:
            parent_ids[child_link] = dict(
                model.objects.filter(org=org, key__in=list(wanted[model])).values_list("key", "pk")
            )
    if not dry_run:
        _back_to_draft(org, touched, log)
        log.save()
    return report


def _position_of(key: str, positions: dict[str, int]) -> str:
    """The position a child key belongs to: the longest position key it starts with."""
    return max((p for p in positions if key.startswith(p + "-")), key=len, default="")


def _back_to_draft(org, keys: set[str], log: _Log) -> None:
    """Changed responsibilities need a new approval: approved job descriptions go to draft."""
    rows = list(
        Position.objects.filter(org=org, key__in=[k for k in keys if k]).exclude(
            jd_status=JDStatus.DRAFT
        )
    )
    for row in rows:
        log.updated(row, {"jd_status": row.jd_status}, {"jd_status": JDStatus.DRAFT.value})
    Position.objects.filter(pk__in=[r.pk for r in rows]).update(jd_status=JDStatus.DRAFT)


# --- the web import's uploads ------------------------------------------------------------

UPLOAD_TTL = dt.timedelta(days=1)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


@dataclass
class Upload:
    token: str
    kind: str
    name: str  # the file's name as uploaded (shown, never used as a path)
    data: bytes
    mapping: dict[str, str] | None
    created: float


def _uploads(org: Organization) -> Path:
    return Path(settings.DATA_DIR) / "uploads" / org.slug


def upload_save(*, org: Organization, actor: User | None, kind: str, name: str, chunks) -> str:
    """Keep an uploaded file for the next steps; returns its random token."""
    uploads_purge()
    folder = _uploads(org)
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    with (folder / f"{token}.data").open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
    meta = {
        "kind": kind,
        "name": PurePath(name.replace("\\", "/")).name[:200],
        "user": actor.pk if actor else None,
        "created": time.time(),
        "mapping": None,
    }
    (folder / f"{token}.json").write_text(json.dumps(meta), encoding="utf-8")
    return token


def upload_get(org: Organization, token: str) -> Upload | None:
    """The organisation's upload with this token; None if there is none (or it expired)."""
    if not TOKEN.match(token):
        return None
    folder = _uploads(org)
    try:
        meta = json.loads((folder / f"{token}.json").read_text(encoding="utf-8"))
        data = (folder / f"{token}.data").read_bytes()
    except (OSError, ValueError):
        return None
    if time.time() - meta.get("created", 0) > UPLOAD_TTL.total_seconds():
        upload_delete(org, token)
        return None
    return Upload(token, meta["kind"], meta["name"], data, meta.get("mapping"), meta["created"])


def upload_set_mapping(org: Organization, token: str, mapping: dict[str, str]) -> None:
    path = _uploads(org) / f"{token}.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["mapping"] = mapping
    path.write_text(json.dumps(meta), encoding="utf-8")


def upload_delete(org: Organization, token: str) -> None:
    if not TOKEN.match(token):
        return
    for suffix in (".data", ".json"):
        (_uploads(org) / f"{token}{suffix}").unlink(missing_ok=True)


def uploads_purge(*, now: float | None = None) -> int:
    """Delete every organisation's uploads older than a day; returns how many files went."""
    root = Path(settings.DATA_DIR) / "uploads"
    if not root.is_dir():
        return 0
    limit = (now if now is not None else time.time()) - UPLOAD_TTL.total_seconds()
    gone = 0
    for path in root.glob("*/*"):
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                gone += 1
        except OSError:
            continue
    return gone
