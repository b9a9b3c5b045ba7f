"""What every area's actions share: keys, same-organisation checks, saving with a record."""

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User

from ..models.base import OrgModel


def key_from_text(text: str, *, fallback: str = "ITEM", limit: int = 24) -> str:
    """A readable key from a title: 'Finance manager' -> 'FINANCE-MANAGER'."""
    base = slugify(text).upper()[:limit].strip("-")
    return base or fallback


def free_key(model: type[OrgModel], org: Organization, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is free in the organisation."""
    taken = set(model.objects.filter(org=org, key__startswith=base).values_list("key", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def next_child_key(model: type[OrgModel], org: Organization, parent_key: str) -> str:
    """The next default key of a nested child: ``FIN-MGR-4`` after ``FIN-MGR-3``."""
    pattern = re.compile(rf"^{re.escape(parent_key)}-(\d+)$")
    numbers = [
        int(m.group(1))
        for k in model.objects.filter(org=org, key__startswith=f"{parent_key}-").values_list(
            "key", flat=True
        )
        if (m := pattern.match(k))
    ]
    return f"{parent_key}-{max(numbers, default=0) + 1}"


def require_same_org(org: Organization, **rows: OrgModel | Iterable[OrgModel] | None) -> None:
    """Refuse rows of another organisation (the views never offer them; the API might)."""
    errors = {}
    for name, value in rows.items():
        items = [value] if isinstance(value, models.Model) or value is None else list(value)
        if any(item is not None and item.org_id != org.pk for item in items):
            errors[name] = _("This refers to something outside this organisation.")
    if errors:
        raise ValidationError(errors)


def require_key_free(
    model: type[OrgModel], org: Organization, key: str, *, exclude: int | None = None
):
    qs = model.objects.filter(org=org, key=key)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    if qs.exists():
        raise ValidationError({"key": _("The key “%(key)s” is already used.") % {"key": key}})


def saved_state(instance: OrgModel, fields: list[str] | None = None) -> dict[str, Any]:
    """The row's recorded state as stored, not as the instance in hand may already be
    (a bound ModelForm writes the new values into its instance while validating)."""
    return audit.state(type(instance).objects.get(pk=instance.pk), fields)


def create[M: OrgModel](instance: M, *, actor: User | None, exclude: list[str] | None = None) -> M:
    """Validate, save and record a new row."""
    # The key's uniqueness is checked below with a message people can act on.
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    require_key_free(type(instance), instance.org, instance.key)
    instance.save()
    audit.record(
        org=instance.org,
        actor=actor,
        action=AuditAction.CREATE,
        instance=instance,
        after=audit.state(instance),
    )
    return instance


def update[M: OrgModel](
    instance: M, *, actor: User | None, before: dict[str, Any], exclude: list[str] | None = None
) -> M:
    """Validate, save and record a changed row (``before`` from :func:`audit.state`)."""
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    require_key_free(type(instance), instance.org, instance.key, exclude=instance.pk)
    instance.save()
    audit.record(
        org=instance.org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=instance,
        before=before,
        after=audit.state(instance),
    )
    return instance


def delete(instance: OrgModel, *, actor: User | None) -> None:
    """Delete a row and record what it was."""
    before = audit.state(instance)
    pk, org = instance.pk, instance.org
    key = instance.key
    instance.delete()
    audit.record(
        org=org,
        actor=actor,
        action=AuditAction.DELETE,
        entity_type=instance._meta.model_name,
        entity_id=pk,
        entity_key=key,
        before=before,
    )


def reorder(rows: list[OrgModel], keys: list[str], *, actor: User | None) -> None:
    """Put sibling rows in the order of ``keys`` (all siblings, each once)."""
    by_key = {r.key: r for r in rows}
    if sorted(keys) != sorted(by_key):
        raise ValidationError(_("The new order must list every item exactly once."))
    changed = []
    for i, key in enumerate(keys):
        row = by_key[key]
        if row.order != i:
            before = {"order": row.order}
            row.order = i
            changed.append(row)
            audit.record(
                org=row.org,
                actor=actor,
                action=AuditAction.UPDATE,
                instance=row,
                before=before,
                after={"order": i},
            )
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["order"])
