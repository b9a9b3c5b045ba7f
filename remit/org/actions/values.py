"""Writes for the owner's values (A1): one orientation per organisation, its ranked values.

The whole orientation is saved at once and recorded as one change of the
orientation (never as changes of its value rows): the change log shows the values'
history only to those who may read them.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from remit.accounts import audit
from remit.accounts.models import AuditAction, Organization, User
from remit.domain.values import Value, Visibility

from ..models import ValueChoice, ValueOrientation

ORIENTATION_KEY = "values"  # the single orientation's key (as in organisation files)


@dataclass(frozen=True)
class ChoiceIn:
    value: str
    rank: int
    words: str = ""
    label: str = ""


def _state(row: ValueOrientation | None, choices: list[ValueChoice]) -> dict:
    if row is None:
        return {}
    return {
        "statement": row.statement,
        "visibility": row.visibility,
        "choices": [
            {"value": c.value, "rank": c.rank, "words": c.words, "label": c.label}
            for c in sorted(choices, key=lambda c: c.rank)
        ],
    }


def _validate(statement: str, visibility: str, choices: list[ChoiceIn]) -> None:
    errors: dict[str, list[str]] = {}
    if visibility not in Visibility:
        errors.setdefault("visibility", []).append(
            _("Choose who may read the values: owners, admins or managers.")
        )
    seen_values: set[str] = set()
    seen_ranks: set[int] = set()
    for c in choices:
        if c.value not in Value:
            errors.setdefault("choices", []).append(
                _("“%(value)s” is not one of the values.") % {"value": c.value}
            )
            continue
        name = Value(c.value).label
        if c.value in seen_values:
            errors.setdefault("choices", []).append(
                _("%(value)s is listed twice.") % {"value": _(name)}
            )
        seen_values.add(c.value)
        if c.rank < 1:
            errors.setdefault("choices", []).append(
                _("The rank of %(value)s must be 1 or more.") % {"value": _(name)}
            )
        elif c.rank in seen_ranks:
            errors.setdefault("choices", []).append(
                _("Two values share rank %(rank)s: give each its own rank.") % {"rank": c.rank}
            )
        seen_ranks.add(c.rank)
        if c.value == Value.OTHER and not c.label.strip():
            errors.setdefault("choices", []).append(_("Name the “other” value in a few words."))
        if len(c.label) > 100:
            errors.setdefault("choices", []).append(
                _("The name of the “other” value is longer than 100 characters.")
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def values_update(
    *,
    org: Organization,
    actor: User | None,
    statement: str,
    visibility: str,
    choices: list[ChoiceIn],
) -> ValueOrientation:
    """Save the owner's words, who may read them, and the ranked values (replacing the old).

    Ranks are kept in the order given but renumbered 1, 2, 3 … without gaps.
    """
    statement = statement.strip()
    _validate(statement, visibility, choices)
    row = ValueOrientation.objects.select_for_update().filter(org=org).first()
    old = list(ValueChoice.objects.filter(orientation=row)) if row is not None else []
    before = _state(row, old)
    created = row is None
    if row is None:
        row = ValueOrientation(org=org, key=ORIENTATION_KEY)
    row.statement = statement
    row.visibility = visibility
    row.full_clean(validate_unique=False, validate_constraints=False)
    row.save()

    by_value = {c.value: c for c in old}
    keep: list[ValueChoice] = []
    for rank, c in enumerate(sorted(choices, key=lambda c: c.rank), start=1):
        choice = by_value.pop(c.value, None) or ValueChoice(
            org=org, orientation=row, key=c.value, value=c.value
        )
        choice.orientation = row  # (spares full_clean a query per row)
        choice.rank = rank
        choice.order = rank - 1
        choice.words = c.words.strip()
        choice.label = c.label.strip() if c.value == Value.OTHER else ""
        choice.full_clean(validate_unique=False, validate_constraints=False)
        keep.append(choice)
    if by_value:
        ValueChoice.objects.filter(pk__in=[c.pk for c in by_value.values()]).delete()
    ValueChoice.objects.bulk_update([c for c in keep if c.pk], ["rank", "order", "words", "label"])
    ValueChoice.objects.bulk_create([c for c in keep if not c.pk])

    audit.record(
        org=org,
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        instance=row,
        before=before or None,
        after=_state(row, keep),
        summary="Values",
    )
    return row
