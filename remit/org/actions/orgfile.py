"""Import a whole organisation snapshot into the database: upsert by key.

Idempotent (importing the same file twice changes nothing the second time),
all-or-nothing (one transaction; every problem is reported before anything is
written), optionally pruning what the file no longer has, with a dry run that
reports what would change. Every created, changed and deleted row is recorded
in the change log, in bulk.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction

from remit.accounts import actions as account_actions
from remit.accounts import audit
from remit.accounts.models import AuditAction, AuditEvent, User
from remit.accounts.models import Organization as OrgRow
from remit.domain import Organization

from ..mapping import (
    CHILDREN,
    SPEC,
    SPECS,
    Link,
    Spec,
    columns,
    depth,
    embedded_fields,
    embedded_links,
    field_types,
    plain_fields,
    to_db,
)

BATCH = 2000
VALUES_KEY = "values"


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ImportProblems(Exception):
    """The snapshot cannot be written; nothing was."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def as_dict(self) -> dict:
        names = sorted(
            set(self.created) | set(self.updated) | set(self.deleted) | set(self.unchanged)
        )
        return {
            "dry_run": self.dry_run,
            "changes": self.changes,
            "entities": {
                n: {
                    "created": self.created[n],
                    "updated": self.updated[n],
                    "deleted": self.deleted[n],
                    "unchanged": self.unchanged[n],
                }
                for n in names
            },
        }


@dataclass
class Wanted:
    """One row as the snapshot wants it."""

    key: str
    path: str
    parent_key: str | None
    order: int
    values: dict[str, Any]  # model field name -> database value
    links: dict[str, str | None]  # link domain name -> target key
    multi: dict[str, tuple[str, ...]]  # "<link>" or "<attr>.<link>" -> target keys


# --- flattening the snapshot ----------------------------------------------------------


def _flatten(snapshot: Organization) -> dict[str, list[Wanted]]:
    out: dict[str, list[Wanted]] = defaultdict(list)

    def visit(spec: Spec, obj: Any, path: str, parent_key: str | None, order: int) -> None:
        types = field_types(spec.domain)
        key = getattr(obj, spec.key_from) if spec.key_from else getattr(obj, "key", VALUES_KEY)
        key = getattr(key, "value", key)
        values = {mf: to_db(getattr(obj, d), types[d]) for d, mf in plain_fields(spec)}
        for attr, sub, mf, cls in embedded_fields(spec):
            values[mf] = to_db(getattr(getattr(obj, attr), sub), field_types(cls)[sub])
        links = {link.domain: getattr(obj, link.domain) for link in spec.links}
        multi = {link.domain: tuple(getattr(obj, link.domain)) for link in spec.multi}
        for attr, link in embedded_links(spec):
            multi[f"{attr}.{link.domain}"] = tuple(getattr(getattr(obj, attr), link.domain))
        out[spec.name].append(Wanted(key, path, parent_key, order, values, links, multi))
        for child in CHILDREN.get(spec.name, []):
            for i, item in enumerate(getattr(obj, child.children_attr)):
                visit(child, item, f"{path}.{child.children_attr}[{i}]", key, i)

    for spec in SPECS:
        if not spec.collection:
            continue
        if spec.collection == VALUES_KEY:
            if snapshot.values is not None:
                visit(spec, snapshot.values, "values", None, 0)
            continue
        for obj in getattr(snapshot, spec.collection).values():
            visit(spec, obj, f"{spec.collection}[{obj.key}]", None, 0)
    return out


# --- validation against the database's limits ----------------------------------------


def _validate(wanted: dict[str, list[Wanted]]) -> list[Problem]:
    problems: list[Problem] = []
    for spec in SPECS:
        meta = spec.model._meta
        fields = {mf: meta.get_field(mf) for _d, mf in plain_fields(spec)}
        fields |= {mf: meta.get_field(mf) for _a, _s, mf, _c in embedded_fields(spec)}
        domain_name = {mf: d for d, mf in plain_fields(spec)}
        domain_name |= {mf: f"{a}.{s}" for a, s, mf, _c in embedded_fields(spec)}
        for w in wanted.get(spec.name, []):
            for mf, value in w.values.items():
                problem = _check_value(fields[mf], value)
                if problem:
                    problems.append(Problem(f"{w.path}.{domain_name[mf]}", problem))
    return problems


def _check_value(f: models.Field, value: Any) -> str | None:
    if value is None:
        return None if f.null else "required"
    if isinstance(f, models.CharField) and isinstance(value, str) and len(value) > f.max_length:
        return f"at most {f.max_length} characters (this has {len(value)})"
    if isinstance(f, models.DecimalField) and isinstance(value, Decimal):
        limit = Decimal(10) ** (f.max_digits - f.decimal_places)
        if abs(value) >= limit:
            return f"too large: at most {f.max_digits - f.decimal_places} digits before the point"
        if -value.as_tuple().exponent > f.decimal_places:
            return f"at most {f.decimal_places} decimal places"
    if isinstance(f, models.PositiveIntegerField | models.PositiveSmallIntegerField) and value < 0:
        return "must not be negative"
    for v in f.validators:
        limit = getattr(v, "limit_value", None)
        if limit is None or not isinstance(value, int | Decimal):
            continue
        if v.code == "max_value" and value > limit:
            return f"at most {limit}"
        if v.code == "min_value" and value < limit:
            return f"at least {limit}"
    return None


# --- writing ------------------------------------------------------------------------------


class _Writer:
    """Keeps ids by key, what happened to each row, and the changes for the log."""

    def __init__(self, org: OrgRow, actor: User | None, label: str, dry_run: bool):
        self.org = org
        self.actor = actor
        self.label = label
        self.dry_run = dry_run
        self.ids: dict[str, dict[str, int]] = {}  # spec -> key -> id
        self.keys: dict[str, dict[int, str]] = {}  # spec -> id -> key
        self.status: dict[tuple[str, str], str] = {}  # (spec, key) -> created/updated/unchanged
        self.before: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
        self.after: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
        self.deleted: list[tuple[Spec, str, int]] = []
        self.org_event: AuditEvent | None = None

    def changed(self, spec: Spec, key: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        self.before[(spec.name, key)].update(before)
        self.after[(spec.name, key)].update(after)
        if self.status.get((spec.name, key)) == "unchanged":
            self.status[(spec.name, key)] = "updated"

    def shown(self, spec: Spec, att: str, value: Any) -> tuple[str, Any]:
        """A column value as the change log shows it: links by the target row's key."""
        link = _link_by_att(spec).get(att)
        if link is None:
            return att, audit.jsonable(value)
        return link.domain, (self.keys[link.target].get(value) if value is not None else None)

    def report_and_events(self, wanted: dict[str, list[Wanted]]) -> tuple[ImportReport, list]:
        report = ImportReport(dry_run=self.dry_run)
        events = [self.org_event] if self.org_event else []
        for spec in SPECS:
            model_name = spec.model._meta.model_name
            for want in wanted.get(spec.name, []):
                state = self.status[(spec.name, want.key)]
                getattr(report, state)[spec.name] += 1
                pk = self.ids[spec.name][want.key]
                if state == "created":
                    after = {mf: audit.jsonable(v) for mf, v in want.values.items()}
                    after |= {k: v for k, v in want.links.items() if v is not None}
                    after |= {k: list(v) for k, v in want.multi.items() if v}
                    events.append(
                        self._event(AuditAction.CREATE, model_name, pk, want.key, after=after)
                    )
                elif state == "updated":
                    k = (spec.name, want.key)
                    events.append(
                        self._event(
                            AuditAction.UPDATE,
                            model_name,
                            pk,
                            want.key,
                            before=self.before[k],
                            after=self.after[k],
                        )
                    )
        for spec, key, pk in self.deleted:
            report.deleted[spec.name] += 1
            events.append(self._event(AuditAction.DELETE, spec.model._meta.model_name, pk, key))
        return report, events

    def _event(self, action, entity_type, pk, key, before=None, after=None) -> AuditEvent:
        return audit.event(
            org=self.org,
            actor=self.actor,
            actor_label=self.label,
            action=action,
            entity_type=entity_type,
            entity_id=pk,
            entity_key=key,
            before=before,
            after=after,
        )


def _link_by_att(spec: Spec) -> dict[str, Link]:
    return {spec.model._meta.get_field(link.model).attname: link for link in spec.links}


def _existing(spec: Spec, org: OrgRow) -> dict[str, dict[str, Any]]:
    cols = columns(spec) + (["order"] if spec.ordered else [])
    return {
        row[1]: dict(zip(cols, row, strict=True))
        for row in spec.model.objects.filter(org=org).values_list(*cols)
    }


def org_create_for(snapshot: Organization, *, slug: str) -> OrgRow:
    """A new, empty organisation with the file's name, language, currency and fiscal year,
    for an import to fill (no owner: the caller adds members)."""
    return account_actions.org_create(
        name=snapshot.name,
        slug=slug,
        owner=None,
        language=snapshot.language,
        currency=snapshot.currency,
        fiscal_year_start=snapshot.fiscal_year_start,
    )


@transaction.atomic
def orgfile_import(
    *,
    org: OrgRow,
    snapshot: Organization,
    actor: User | None,
    prune: bool = False,
    dry_run: bool = False,
    actor_label: str = "",
) -> ImportReport:
    """Write the snapshot into ``org`` (upsert by key). Raises ImportProblems, writing nothing."""
    wanted = _flatten(snapshot)
    problems = _validate(wanted)
    if problems:
        raise ImportProblems(problems)

    w = _Writer(org, actor, actor_label or (actor.email if actor else "import"), dry_run)
    _update_org_row(w, snapshot)
    deferred: dict[str, list[tuple[Wanted, dict[str, str | None]]]] = defaultdict(list)
    for spec in sorted(SPECS, key=depth):
        _upsert(w, spec, wanted.get(spec.name, []), deferred)
    for name, items in deferred.items():
        _set_deferred_links(w, SPEC[name], items)
    for spec in SPECS:
        _sync_multi(w, spec, wanted.get(spec.name, []))
    if prune:
        for spec in sorted(SPECS, key=depth, reverse=True):
            _prune(w, spec, {x.key for x in wanted.get(spec.name, [])})

    report, events = w.report_and_events(wanted)
    audit.record_many(events)
    if dry_run:
        transaction.set_rollback(True)
    elif report.changes >= STATISTICS_AFTER:
        tables = _tables_of(set(report.created) | set(report.updated) | set(report.deleted))
        transaction.on_commit(lambda: refresh_statistics(tables))
    return report


# A bulk import changes tables faster than the database's own statistics follow: until
# they do, PostgreSQL plans the pages' queries for the tables as they were (at a
# generated L, the positions list took 1.0 s instead of 0.09 s). So after an import of
# this many rows, the statistics of the tables it wrote are refreshed at once.
STATISTICS_AFTER = 1000


def _tables_of(spec_names: set[str]) -> list[str]:
    tables: set[str] = set()
    for name in spec_names:
        model = SPEC[name].model
        tables.add(model._meta.db_table)
        tables.update(f.remote_field.through._meta.db_table for f in model._meta.many_to_many)
    return sorted(tables)


def refresh_statistics(tables: list[str]) -> None:
    """ANALYZE the tables (PostgreSQL and SQLite alike) so plans fit what they now hold."""
    if not tables:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(t) for t in tables)
            cursor.execute(f"ANALYZE {quoted}")
        else:
            for t in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(t)}")


def _update_org_row(w: _Writer, snapshot: Organization) -> None:
    fields = ["name", "language", "currency", "fiscal_year_start"]
    before = audit.state(w.org, fields)
    for name in fields:
        setattr(w.org, name, getattr(snapshot, name))
    after = audit.state(w.org, fields)
    if before != after:
        w.org.save(update_fields=fields)
        w.org_event = audit.event(
            org=w.org,
            actor=w.actor,
            actor_label=w.label,
            action=AuditAction.UPDATE,
            instance=w.org,
            entity_key=w.org.slug,
            before=before,
            after=after,
        )


def _upsert(w: _Writer, spec: Spec, rows: list[Wanted], deferred: dict) -> None:
    """Create missing rows and update changed ones; links to rows not yet written wait."""
    existing = _existing(spec, w.org)
    w.ids[spec.name] = {k: v["id"] for k, v in existing.items()}
    w.keys[spec.name] = {v["id"]: k for k, v in existing.items()}
    parent_att = spec.model._meta.get_field(spec.parent_field).attname if spec.parent else None
    to_create: list[tuple[models.Model, Wanted]] = []
    to_update: list[models.Model] = []
    changed_atts: set[str] = set()
    for want in rows:
        values = dict(want.values)
        if parent_att:
            values[parent_att] = w.ids[spec.parent][want.parent_key]
        if spec.ordered:
            values["order"] = want.order
        later: dict[str, str | None] = {}
        for att, link in _link_by_att(spec).items():
            target_key = want.links[link.domain]
            if link.target == spec.name or link.target not in w.ids:
                later[att] = target_key  # its target may not exist yet
            else:
                values[att] = None if target_key is None else w.ids[link.target][target_key]
        if later:
            deferred[spec.name].append((want, later))
        old = existing.get(want.key)
        if old is None:
            to_create.append((spec.model(org=w.org, key=want.key, **values), want))
            w.status[(spec.name, want.key)] = "created"
            continue
        w.status[(spec.name, want.key)] = "unchanged"
        diff = {k: v for k, v in values.items() if not _same(old.get(k), v)}
        if diff:
            to_update.append(spec.model(pk=old["id"], **values))
            changed_atts |= set(diff)
            w.changed(
                spec,
                want.key,
                dict(w.shown(spec, k, old.get(k)) for k in diff),
                dict(w.shown(spec, k, v) for k, v in diff.items()),
            )
    if to_create:
        spec.model.objects.bulk_create([o for o, _w in to_create], batch_size=BATCH)
        for obj, want in to_create:
            w.ids[spec.name][want.key] = obj.pk
            w.keys[spec.name][obj.pk] = want.key
    if to_update:
        # Every object carries all values, so listing only the changed columns is safe.
        spec.model.objects.bulk_update(to_update, sorted(changed_atts), batch_size=BATCH)


def _set_deferred_links(
    w: _Writer, spec: Spec, items: list[tuple[Wanted, dict[str, str | None]]]
) -> None:
    """Set the links whose targets did not exist when the rows were written.

    For one spec the waiting links are always the same columns (self-references
    and references to entities written later), so one query reads their values.
    """
    atts = sorted(items[0][1])
    links = _link_by_att(spec)
    current = {
        row[0]: dict(zip(atts, row[1:], strict=True))
        for row in spec.model.objects.filter(org=w.org).values_list("key", *atts)
    }
    to_update = []
    for want, later in items:
        new = {
            att: None if key is None else w.ids[links[att].target][key]
            for att, key in later.items()
        }
        old = current[want.key]
        if all(old[a] == new[a] for a in atts):
            continue
        to_update.append(spec.model(pk=w.ids[spec.name][want.key], **new))
        if w.status[(spec.name, want.key)] != "created":
            diff = [a for a in atts if old[a] != new[a]]
            w.changed(
                spec,
                want.key,
                dict(w.shown(spec, a, old[a]) for a in diff),
                dict(w.shown(spec, a, new[a]) for a in diff),
            )
    if to_update:
        spec.model.objects.bulk_update(to_update, atts, batch_size=BATCH)


def _sync_multi(w: _Writer, spec: Spec, rows: list[Wanted]) -> None:
    """Make each row's many-to-many keys exactly the file's (rows the file names only)."""
    links = [(link.domain, link) for link in spec.multi]
    links += [(f"{attr}.{link.domain}", link) for attr, link in embedded_links(spec)]
    for name, link in links:
        f = spec.model._meta.get_field(link.model)
        through = f.remote_field.through
        src = through._meta.get_field(f.m2m_field_name()).attname
        tgt = through._meta.get_field(f.m2m_reverse_field_name()).attname
        has_org = any(x.name == "org" for x in through._meta.fields)
        current: dict[int, list[int]] = defaultdict(list)
        for s, t in (
            through.objects.filter(**{f"{f.m2m_field_name()}__org": w.org})
            .order_by("pk")
            .values_list(src, tgt)
        ):
            current[s].append(t)
        add, remove = [], []
        for want in rows:
            sid = w.ids[spec.name][want.key]
            targets = [w.ids[link.target][k] for k in want.multi[name]]
            have = current.get(sid, [])
            new = [t for t in targets if t not in have]
            gone = [t for t in have if t not in targets]
            add += [
                through(**{src: sid, tgt: t}, **({"org": w.org} if has_org else {})) for t in new
            ]
            remove += [(sid, t) for t in gone]
            if (new or gone) and w.status[(spec.name, want.key)] != "created":
                w.changed(
                    spec,
                    want.key,
                    {name: [w.keys[link.target][t] for t in have]},
                    {name: list(want.multi[name])},
                )
        if add:
            through.objects.bulk_create(add, batch_size=BATCH)
        for sid, t in remove:
            through.objects.filter(**{src: sid, tgt: t}).delete()


def _prune(w: _Writer, spec: Spec, keep: set[str]) -> None:
    """Delete the rows the file no longer has (children first; cascades do the rest)."""
    gone = [(k, pk) for k, pk in w.ids[spec.name].items() if k not in keep]
    pks = [pk for _k, pk in gone]
    for i in range(0, len(pks), BATCH):
        spec.model.objects.filter(org=w.org, pk__in=pks[i : i + BATCH]).delete()
    w.deleted += [(spec, k, pk) for k, pk in gone]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return (a == b and type(a) is type(b)) or (a == b and not isinstance(a, bool | Decimal))
