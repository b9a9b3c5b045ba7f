"""Load the responsibility library from the O*NET database's text files.

``library_import_onet(directory=...)`` reads four tab-separated files of an O*NET
release (the 30.1 names below) and mirrors them into the library:

* ``Occupation Data.txt``  -> one LibraryOccupation per O*NET-SOC code;
* ``Task Statements.txt``  -> one LibraryTask per task id; ``core`` is True for the
  task type "Core", False for "Supplemental" and for tasks O*NET has not rated
  ("n/a");
* ``Tasks to DWAs.txt`` with ``DWA Reference.txt`` -> each task's detailed work
  activities, their titles one per line in ``activities`` (in the order of the
  DWA ids, so the text never depends on the file's row order).

Everything is read and checked before anything is written: a missing file, a
missing column or a malformed row is reported with the file and line, and the
library is left as it was. Then, in one transaction, rows are upserted by
O*NET-SOC code and task id in bulk; what the files no longer have is deleted, so
the library mirrors the release. Importing the same files again changes nothing.
The library is global reference data (no organisation): the change log gets one
summary event per import that changed something, not one per task.
"""

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from remit.accounts import audit
from remit.accounts.models import AuditAction, User

from ..models import LibraryOccupation, LibrarySource, LibraryTask

OCCUPATIONS = "Occupation Data.txt"
TASKS = "Task Statements.txt"
TASK_DWAS = "Tasks to DWAs.txt"
DWAS = "DWA Reference.txt"
FILES = (OCCUPATIONS, TASKS, TASK_DWAS, DWAS)

# The columns each file must have (others are ignored).
COLUMNS = {
    OCCUPATIONS: ("O*NET-SOC Code", "Title", "Description"),
    TASKS: ("O*NET-SOC Code", "Task ID", "Task", "Task Type"),
    TASK_DWAS: ("O*NET-SOC Code", "Task ID", "DWA ID"),
    DWAS: ("DWA ID", "DWA Title"),
}
TASK_TYPES = {"Core": True, "Supplemental": False, "n/a": False, "": False}
BATCH = 2000
MAX_LISTED = 200  # problems beyond this many are counted, not listed


class LibraryImportError(Exception):
    """The files cannot be imported; nothing was written. ``problems`` says why, with places."""

    def __init__(self, problems: list[str], *, total: int | None = None):
        self.problems = problems
        self.total = total if total is not None else len(problems)
        head = f"{self.total} problem(s) in the O*NET files; nothing was written"
        more = self.total - len(problems)
        tail = [f"… and {more} more"] if more > 0 else []
        super().__init__("\n".join([head, *problems, *tail]))


@dataclass
class _Problems:
    listed: list[str] = field(default_factory=list)
    total: int = 0

    def add(self, file: str, line: int | None, message: str) -> None:
        self.total += 1
        if len(self.listed) < MAX_LISTED:
            where = f"{file}, line {line}" if line else file
            self.listed.append(f"{where}: {message}")


def _rows(directory: Path, name: str, problems: _Problems) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) for every data row of one file; problems go to the list."""
    path = directory / name
    if not path.is_file():
        problems.add(name, None, f"file not found in {directory}")
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(name, None, f"not UTF-8 text (byte {exc.start})")
        return []
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        problems.add(name, 1, "the file is empty (no header line)")
        return []
    header = [h.strip() for h in header]
    missing = [c for c in COLUMNS[name] if c not in header]
    if missing:
        for column in missing:
            problems.add(
                name, 1, f"missing column '{column}' (the header has: {', '.join(header)})"
            )
        return []
    index = {c: header.index(c) for c in COLUMNS[name]}
    out = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.add(name, line, f"{len(row)} fields, but the header has {len(header)}")
            continue
        out.append((line, {c: row[i].strip() for c, i in index.items()}))
    return out


@dataclass
class _Wanted:
    occupations: dict[str, tuple[str, str]]  # code -> (title, description)
    tasks: dict[tuple[str, str], tuple[str, bool, str]]  # (code, task id) -> (text, core, dwas)
    links: int


def _read(directory: Path) -> _Wanted:
    problems = _Problems()
    if not directory.is_dir():
        raise LibraryImportError([f"{directory}: not a directory"])
    rows = {name: _rows(directory, name, problems) for name in FILES}

    occupations: dict[str, tuple[str, str]] = {}
    for line, r in rows[OCCUPATIONS]:
        code, title = r["O*NET-SOC Code"], r["Title"]
        if not code or not title:
            problems.add(OCCUPATIONS, line, "the code and the title must not be empty")
        elif code in occupations:
            problems.add(OCCUPATIONS, line, f"occupation {code} appears twice")
        elif len(code) > 20 or len(title) > 200:
            problems.add(OCCUPATIONS, line, "code (20) or title (200 characters) too long")
        else:
            occupations[code] = (title, r["Description"])

    dwa_titles: dict[str, str] = {}
    for line, r in rows[DWAS]:
        if not r["DWA ID"] or not r["DWA Title"]:
            problems.add(DWAS, line, "the DWA id and title must not be empty")
        else:
            dwa_titles[r["DWA ID"]] = r["DWA Title"]

    tasks: dict[tuple[str, str], tuple[str, bool]] = {}
    for line, r in rows[TASKS]:
        code, task_id, text, kind = r["O*NET-SOC Code"], r["Task ID"], r["Task"], r["Task Type"]
        if code not in occupations:
            if rows[OCCUPATIONS]:
                problems.add(TASKS, line, f"occupation {code or '(empty)'} is not in {OCCUPATIONS}")
        elif not task_id or not text:
            problems.add(TASKS, line, "the task id and the task must not be empty")
        elif len(task_id) > 20:
            problems.add(TASKS, line, "the task id is longer than 20 characters")
        elif kind not in TASK_TYPES:
            problems.add(TASKS, line, f"unknown task type '{kind}' (Core, Supplemental or n/a)")
        elif (code, task_id) in tasks:
            problems.add(TASKS, line, f"task {task_id} of {code} appears twice")
        else:
            tasks[(code, task_id)] = (text, TASK_TYPES[kind])

    activities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line, r in rows[TASK_DWAS]:
        key = (r["O*NET-SOC Code"], r["Task ID"])
        if key not in tasks:
            if rows[TASKS]:
                problems.add(TASK_DWAS, line, f"task {key[1]} of {key[0]} is not in {TASKS}")
        elif r["DWA ID"] not in dwa_titles:
            if rows[DWAS]:
                problems.add(TASK_DWAS, line, f"DWA {r['DWA ID'] or '(empty)'} is not in {DWAS}")
        else:
            activities[key].add(r["DWA ID"])

    if problems.total:
        raise LibraryImportError(problems.listed, total=problems.total)
    return _Wanted(
        occupations=occupations,
        tasks={
            key: (text, core, "\n".join(dwa_titles[d] for d in sorted(activities.get(key, ()))))
            for key, (text, core) in tasks.items()
        },
        links=sum(len(v) for v in activities.values()),
    )


@transaction.atomic
def library_import_onet(
    *, directory: Path, actor: User | None = None, actor_label: str = ""
) -> dict:
    """Mirror the O*NET files of ``directory`` into the library; returns the counts.

    Raises :class:`LibraryImportError` (listing every problem, writing nothing) when a
    file is missing or malformed.
    """
    wanted = _read(Path(directory))
    occ = Counter()
    tsk = Counter()

    # Occupations, by code.
    existing = {
        code: (pk, title, description)
        for pk, code, title, description in LibraryOccupation.objects.filter(
            source=LibrarySource.ONET
        ).values_list("pk", "code", "title", "description")
    }
    new_occ, changed_occ = [], []
    for code, (title, description) in wanted.occupations.items():
        old = existing.get(code)
        if old is None:
            new_occ.append(
                LibraryOccupation(
                    source=LibrarySource.ONET, code=code, title=title, description=description
                )
            )
        elif (old[1], old[2]) != (title, description):
            changed_occ.append(LibraryOccupation(pk=old[0], title=title, description=description))
        else:
            occ["unchanged"] += 1
    LibraryOccupation.objects.bulk_create(new_occ, batch_size=BATCH)
    LibraryOccupation.objects.bulk_update(changed_occ, ["title", "description"], batch_size=BATCH)
    gone_occ = [pk for code, (pk, _t, _d) in existing.items() if code not in wanted.occupations]
    occ.update(created=len(new_occ), updated=len(changed_occ), deleted=len(gone_occ))
    ids = {code: pk for code, (pk, _t, _d) in existing.items()}
    ids |= {o.code: o.pk for o in new_occ}

    # Tasks, by occupation and task id.
    current = {
        (code, source_id): (pk, statement, core, activities)
        for pk, code, source_id, statement, core, activities in LibraryTask.objects.filter(
            occupation__source=LibrarySource.ONET
        ).values_list("pk", "occupation__code", "source_id", "statement", "core", "activities")
    }
    new_tasks, changed_tasks = [], []
    for (code, task_id), (statement, core, activities) in wanted.tasks.items():
        old = current.get((code, task_id))
        if old is None:
            new_tasks.append(
                LibraryTask(
                    occupation_id=ids[code],
                    source_id=task_id,
                    statement=statement,
                    core=core,
                    activities=activities,
                )
            )
        elif old[1:] != (statement, core, activities):
            changed_tasks.append(
                LibraryTask(pk=old[0], statement=statement, core=core, activities=activities)
            )
        else:
            tsk["unchanged"] += 1
    gone_tasks = [v[0] for k, v in current.items() if k not in wanted.tasks]
    for i in range(0, len(gone_tasks), BATCH):
        LibraryTask.objects.filter(pk__in=gone_tasks[i : i + BATCH]).delete()
    for i in range(0, len(gone_occ), BATCH):
        LibraryOccupation.objects.filter(pk__in=gone_occ[i : i + BATCH]).delete()
    LibraryTask.objects.bulk_create(new_tasks, batch_size=BATCH)
    LibraryTask.objects.bulk_update(
        changed_tasks, ["statement", "core", "activities"], batch_size=BATCH
    )
    tsk.update(created=len(new_tasks), updated=len(changed_tasks), deleted=len(gone_tasks))

    report = {
        "occupations": {k: occ[k] for k in ("created", "updated", "deleted", "unchanged")},
        "tasks": {k: tsk[k] for k in ("created", "updated", "deleted", "unchanged")},
        "occupations_total": len(wanted.occupations),
        "tasks_total": len(wanted.tasks),
        "core_tasks": sum(1 for _s, core, _a in wanted.tasks.values() if core),
        "activity_links": wanted.links,
    }
    changes = sum(v for k, v in occ.items() if k != "unchanged")
    changes += sum(v for k, v in tsk.items() if k != "unchanged")
    report["changes"] = changes
    if changes:
        audit.record(
            org=None,
            actor=actor,
            actor_label=actor_label or None,
            action=AuditAction.IMPORT,
            entity_type="librarytask",
            entity_key="O*NET",
            summary=(
                f"O*NET library: occupations +{occ['created']} ~{occ['updated']} "
                f"-{occ['deleted']}; tasks +{tsk['created']} ~{tsk['updated']} -{tsk['deleted']}"
            ),
        )
    return report
