"""Writes for the strategic objectives (A2) and their measurements.

Measurements come in by hand, through the API, or from a CSV file: a file is checked
row by row and written only when every row is right (one transaction); a row for a
day that already has a measurement replaces its value, so uploading the same file
twice changes nothing.
"""

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User
from remit.domain.strategy import ObjectiveStatus

from ..models import Measurement, Objective, Position
from . import common

OBJECTIVE_FIELDS = [
    "key",
    "title",
    "description",
    "metric",
    "unit",
    "baseline",
    "target",
    "deadline",
    "owner",
    "serves",
    "status",
    "measure_every",
]
MEASUREMENT_FIELDS = ["date", "value", "note"]
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
CSV_COLUMNS = ("objective", "date", "value", "note")


def _clean_text(fields: dict) -> dict:
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


# --- objectives ------------------------------------------------------------------------


def _key_from_title(title: str, limit: int = 24) -> str:
    """``OBJ-`` and the title's first words, cut between words: ``OBJ-WARRANTY-CLAIMS-AT``."""
    key = common.key_from_text(f"OBJ {title}", fallback="OBJ", limit=64)
    if len(key) > limit:
        key = key[: limit + 1].rsplit("-", 1)[0]
    return key


@transaction.atomic
def objective_create(
    *,
    org: Organization,
    actor: User | None,
    title: str,
    key: str = "",
    description: str = "",
    metric: str = "",
    unit: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    deadline: dt.date | None = None,
    owner: Position | None = None,
    serves: str | None = "",
    status: str = ObjectiveStatus.ACTIVE,
    measure_every: str | None = "",
) -> Objective:
    common.require_same_org(org, owner=owner)
    title = title.strip()
    key = key.strip() or common.free_key(Objective, org, _key_from_title(title))
    return common.create(
        Objective(
            org=org,
            key=key,
            title=title,
            description=description.strip(),
            metric=metric.strip(),
            unit=unit.strip(),
            baseline=baseline,
            target=target,
            deadline=deadline,
            owner=owner,
            serves=serves or "",
            status=status or ObjectiveStatus.ACTIVE,
            measure_every=str(measure_every or "").strip(),
        ),
        actor=actor,
    )


@transaction.atomic
def objective_update(*, objective: Objective, actor: User | None, **fields) -> Objective:
    """Change the fields given (others stay); ``None`` for serves or a cadence clears it."""
    common.require_same_org(objective.org, owner=fields.get("owner"))
    before = common.saved_state(objective, OBJECTIVE_FIELDS)
    for name, value in _clean_text(fields).items():
        if name not in OBJECTIVE_FIELDS:
            raise TypeError(f"objective_update() got an unknown field {name!r}")
        if name == "key" and not value:
            continue  # an emptied key keeps the old one
        if name in ("serves", "measure_every") and value is None:
            value = ""
        setattr(objective, name, str(value) if name == "measure_every" else value)
    return common.update(objective, actor=actor, before=before)


@transaction.atomic
def objective_delete(*, objective: Objective, actor: User | None) -> None:
    """Delete an objective nothing refers to any more (else mark it dropped)."""
    targets = objective.targets.count()
    positions = objective.purpose_positions.count()
    plan_items = objective.plan_items.count()
    if targets or positions or plan_items:
        raise ValidationError(
            _(
                "“%(title)s” is still carried by %(targets)s target(s) and %(positions)s "
                "position purpose(s) and decomposed into %(items)s plan item(s). Unlink them "
                "first, or mark the objective dropped to keep its history."
            )
            % {
                "title": objective.title,
                "targets": targets,
                "positions": positions,
                "items": plan_items,
            }
        )
    common.delete(objective, actor=actor)


# --- measurements ------------------------------------------------------------------------


def _check_measurement(date: dt.date, today: dt.date) -> None:
    if date > today:
        raise ValidationError({"date": _("The date is in the future: record what was measured.")})


@transaction.atomic
def measurement_add(
    *,
    objective: Objective,
    actor: User | None,
    date: dt.date,
    value: Decimal,
    note: str = "",
) -> Measurement:
    org = objective.org
    _check_measurement(date, timezone.localdate())
    if Measurement.objects.filter(objective=objective, date=date).exists():
        raise ValidationError(
            {
                "date": _(
                    "There is already a measurement on %(date)s: delete it first to replace it."
                )
                % {"date": date.isoformat()}
            }
        )
    top = Measurement.objects.filter(objective=objective).aggregate(m=Max("order"))["m"]
    return common.create(
        Measurement(
            org=org,
            objective=objective,
            key=common.next_child_key(Measurement, org, objective.key),
            date=date,
            value=value,
            note=note.strip(),
            order=0 if top is None else top + 1,
        ),
        actor=actor,
    )


@transaction.atomic
def measurement_delete(*, measurement: Measurement, actor: User | None) -> None:
    common.delete(measurement, actor=actor)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    objectives: list[str]  # keys of the objectives that got measurements


def _problem(row: int, column: str, message: str) -> ValidationError:
    return ValidationError(
        _("Row %(row)s, %(column)s: %(message)s"),
        params={"row": row, "column": column, "message": message},
    )


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from None


def _parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _parse_value(text: str) -> Decimal:
    value = Decimal(text.replace(" ", "").replace("\u00a0", ""))
    if not value.is_finite():
        raise InvalidOperation
    return value


@transaction.atomic
def measurements_import(
    *,
    org: Organization,
    actor: User | None,
    content: bytes,
    objective: Objective | None = None,
    may_edit: Callable[[Objective], bool] | None = None,
) -> ImportResult:
    """Record the measurements of a CSV file (columns: objective, date, value, note).

    Without an ``objective`` column every row belongs to ``objective``. Every problem
    is reported with its row and column; nothing is written unless all rows are right.
    """
    if len(content) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    text = _decode(content)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    if not any(header):
        raise ValidationError(
            _("The file is empty: it needs a header row and one row per measurement.")
        )
    problems: list[ValidationError] = []
    unknown = [h for h in header if h not in CSV_COLUMNS]
    for h in unknown:
        problems.append(
            _problem(1, h or "?", _("unknown column; use objective, date, value and note."))
        )
    for needed in ("date", "value"):
        if needed not in header:
            problems.append(_problem(1, needed, _("this column is missing.")))
    if "objective" not in header and objective is None:
        problems.append(
            _problem(1, "objective", _("this column is missing (or choose the objective)."))
        )
    if problems:
        raise ValidationError(problems)

    col = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    objectives = {o.key: o for o in Objective.objects.filter(org=org)}
    today = timezone.localdate()
    wanted: dict[tuple[int, dt.date], tuple[int, Decimal, str]] = {}
    refused: set[str] = set()
    rows = 0
    for n, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        rows += 1
        if rows > MAX_IMPORT_ROWS:
            problems.append(
                _problem(
                    n, "-", _("more than %(max)s rows: split the file.") % {"max": MAX_IMPORT_ROWS}
                )
            )
            break

        def cell(name: str, record=record) -> str:
            i = col.get(name)
            return record[i].strip() if i is not None and i < len(record) else ""

        target = objective
        if "objective" in col and (cell("objective") or objective is None):
            target = objectives.get(cell("objective"))
            if target is None:
                problems.append(
                    _problem(
                        n,
                        "objective",
                        _("no objective has the key “%(key)s”.") % {"key": cell("objective")}
                        if cell("objective")
                        else _("the objective's key is missing."),
                    )
                )
            elif objective is not None and target.pk != objective.pk:
                problems.append(
                    _problem(
                        n,
                        "objective",
                        _("“%(key)s” is not the objective being imported into (%(chosen)s).")
                        % {"key": target.key, "chosen": objective.key},
                    )
                )
                target = None
            elif may_edit is not None and not may_edit(target):
                if target.key not in refused:
                    problems.append(
                        _problem(
                            n,
                            "objective",
                            _("your role does not allow recording measurements of “%(key)s”.")
                            % {"key": target.key},
                        )
                    )
                refused.add(target.key)
                target = None
        try:
            date = _parse_date(cell("date"))
        except ValueError:
            problems.append(
                _problem(
                    n,
                    "date",
                    _("“%(text)s” is not a date; write it as YYYY-MM-DD.") % {"text": cell("date")},
                )
            )
            date = None
        else:
            if date > today:
                problems.append(
                    _problem(n, "date", _("%(date)s is in the future.") % {"date": date})
                )
        try:
            value = _parse_value(cell("value"))
        except (InvalidOperation, ValueError):
            problems.append(
                _problem(
                    n,
                    "value",
                    _("“%(text)s” is not a number (use a point for decimals, e.g. 31.4).")
                    % {"text": cell("value")},
                )
            )
            value = None
        else:
            try:
                Measurement._meta.get_field("value").clean(value, None)
            except ValidationError as exc:
                problems.append(_problem(n, "value", " ".join(exc.messages)))
                value = None
        if target is None or date is None or value is None:
            continue
        if (target.pk, date) in wanted:
            problems.append(
                _problem(
                    n,
                    "date",
                    _("row %(other)s already gives %(key)s a value on %(date)s.")
                    % {"other": wanted[(target.pk, date)][0], "key": target.key, "date": date},
                )
            )
            continue
        wanted[(target.pk, date)] = (n, value, cell("note"))
    if problems:
        raise ValidationError(problems)
    if not wanted:
        raise ValidationError(
            _("The file has no measurements: one row per measurement below the header.")
        )
    return _write_measurements(org, actor, objectives, wanted)


def _write_measurements(org, actor, objectives, wanted) -> ImportResult:
    by_pk = {o.pk: o for o in objectives.values()}
    ids = {pk for pk, _d in wanted}
    existing = {
        (m.objective_id, m.date): m
        for m in Measurement.objects.filter(org=org, objective_id__in=ids)
    }
    # New keys continue each objective's numbering: OBJ-SALES-13 after OBJ-SALES-12.
    taken = set(Measurement.objects.filter(org=org).values_list("key", flat=True))
    next_no: dict[int, int] = {}
    for pk in ids:
        prefix = f"{by_pk[pk].key}-"
        numbers = [
            int(k[len(prefix) :])
            for k in taken
            if k.startswith(prefix) and k[len(prefix) :].isdigit()
        ]
        next_no[pk] = max(numbers, default=0)
    next_order: dict[int, int] = {}
    for m in existing.values():
        next_order[m.objective_id] = max(next_order.get(m.objective_id, -1), m.order)
    to_create, to_update, events = [], [], []
    for (pk, date), (_n, value, note) in sorted(wanted.items(), key=lambda kv: kv[0][1]):
        objective = by_pk[pk]
        old = existing.get((pk, date))
        if old is not None:
            if old.value == value and (not note or old.note == note):
                continue
            before = audit.state(old, MEASUREMENT_FIELDS)
            old.value = value
            old.note = note or old.note
            to_update.append(old)
            events.append(
                audit.event(
                    org=org,
                    actor=actor,
                    action=AuditAction.UPDATE,
                    instance=old,
                    before=before,
                    after=audit.state(old, MEASUREMENT_FIELDS),
                    summary="CSV import",
                )
            )
            continue
        no = next_no.get(pk, 0) + 1
        while f"{objective.key}-{no}" in taken:
            no += 1
        next_no[pk] = no
        key = f"{objective.key}-{no}"
        taken.add(key)
        next_order[pk] = next_order.get(pk, -1) + 1
        to_create.append(
            Measurement(
                org=org,
                objective=objective,
                key=key,
                date=date,
                value=value,
                note=note,
                order=next_order[pk],
            )
        )
    Measurement.objects.bulk_create(to_create)
    Measurement.objects.bulk_update(to_update, ["value", "note"])
    events += [
        audit.event(
            org=org,
            actor=actor,
            action=AuditAction.CREATE,
            instance=m,
            after=audit.state(m),
            summary="CSV import",
        )
        for m in to_create
    ]
    audit.record_many(events)
    return ImportResult(
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(wanted) - len(to_create) - len(to_update),
        objectives=sorted({by_pk[pk].key for pk, _d in wanted}),
    )
