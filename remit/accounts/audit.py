"""Record every change: who, when, what, with values before and after.

Actions call these functions explicitly after they write; imports build events
in memory and insert them with one bulk statement. Nothing here runs on signals.
"""

import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from .models import AuditAction, AuditEvent, Organization, User


def jsonable(value: Any) -> Any:
    """A JSON-safe form of a field value for the change log."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return getattr(value, "key", None) or value.pk
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [jsonable(v) for v in value]
    return str(value)


def state(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The recordable state of a model instance: its concrete fields, FKs by key or id."""
    names = (
        list(fields)
        if fields is not None
        else [f.name for f in instance._meta.concrete_fields if f.name not in {"id", "org"}]
    )
    out: dict[str, Any] = {}
    for name in names:
        field = instance._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            # Store the related row's id without loading it (no extra query).
            out[name] = getattr(instance, field.attname)
        else:
            out[name] = jsonable(getattr(instance, name))
    return out


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, list]:
    """``{field: [before, after]}`` for every field whose value differs."""
    before = before or {}
    after = after or {}
    keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _label(actor: User | None, label: str | None) -> str:
    if label:
        return label
    return actor.email if actor is not None else "system"


def event(
    *,
    org: Organization | None,
    actor: User | None,
    action: AuditAction | str,
    instance: models.Model | None = None,
    entity_type: str | None = None,
    entity_id: int | None = None,
    entity_key: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    summary: str = "",
    actor_label: str | None = None,
) -> AuditEvent:
    """An unsaved audit event (for bulk insertion by importers)."""
    if instance is not None:
        entity_type = entity_type or instance._meta.model_name
        entity_id = entity_id if entity_id is not None else instance.pk
        entity_key = entity_key or str(getattr(instance, "key", "") or "")
    return AuditEvent(
        org=org,
        actor=actor,
        actor_label=_label(actor, actor_label),
        action=action,
        entity_type=entity_type or "",
        entity_id=entity_id,
        entity_key=entity_key[:200],
        summary=summary[:300],
        changes=diff(before, after),
    )


def record(**kwargs) -> AuditEvent | None:
    """Save one event. An update that changed nothing records nothing."""
    ev = event(**kwargs)
    if ev.action == AuditAction.UPDATE and not ev.changes:
        return None
    ev.save()
    return ev


def record_many(events: Iterable[AuditEvent], *, batch_size: int = 2000) -> int:
    """Insert many events at once (imports): one statement per batch."""
    batch = [e for e in events if not (e.action == AuditAction.UPDATE and not e.changes)]
    AuditEvent.objects.bulk_create(batch, batch_size=batch_size)
    return len(batch)
