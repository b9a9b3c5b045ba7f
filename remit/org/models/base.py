"""What every business row shares: its organisation (the tenant) and a stable key."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain.cadence import Cadence
from remit.domain.common import KEY_PATTERN, Labelled

key_validator = RegexValidator(
    KEY_PATTERN,
    _("Use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit."),
)


def choices(enum: type[Labelled]) -> list[tuple[str, object]]:
    """Django choices from a domain enum; labels are translated when shown."""
    # The labels are marked for translation in the domain (gettext_noop).
    return [(m.value, _(m.label)) for m in enum]


class OrgModel(models.Model):
    """A business row: it belongs to one organisation and has a key unique there."""

    org = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+", editable=False
    )
    key = models.CharField(_("key"), max_length=64, validators=[key_validator])

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["org", "key"], name="%(app_label)s_%(class)s_org_key")
        ]

    def __str__(self) -> str:
        label = getattr(self, "title", None) or getattr(self, "name", None) or ""
        return f"{self.key} {label}".strip()

    def clean(self) -> None:
        super().clean()
        self.check_same_org()

    def check_same_org(self) -> None:
        """Reject a reference to another organisation's row (foreign keys only)."""
        errors = {}
        for f in self._meta.concrete_fields:
            if not isinstance(f, models.ForeignKey) or f.name == "org":
                continue
            if not issubclass(f.related_model, OrgModel):
                continue
            related_id = getattr(self, f.attname)
            if related_id is None:
                continue
            cached = self._state.fields_cache.get(f.name)
            other_org = (
                cached.org_id
                if cached is not None
                else f.related_model.objects.filter(pk=related_id)
                .values_list("org_id", flat=True)
                .first()
            )
            if other_org != self.org_id:
                errors[f.name] = _("This refers to a row of another organisation.")
        if errors:
            raise ValidationError(errors)


class Ordered(models.Model):
    """Children shown in an order people choose (result areas, steps …)."""

    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True


class CadenceField(models.CharField):
    """A Cadence stored as its text form (``quarterly``, ``every 2 weeks from 2026-01-05``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value:
            try:
                Cadence.parse(value)
            except ValueError as exc:
                raise ValidationError(str(exc)) from None

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "remit.org.models.base.CadenceField", args, kwargs


def money(verbose_name, **kwargs) -> models.DecimalField:
    kwargs.setdefault("null", True)
    kwargs.setdefault("blank", True)
    return models.DecimalField(verbose_name, max_digits=18, decimal_places=2, **kwargs)


def quantity(verbose_name, **kwargs) -> models.DecimalField:
    kwargs.setdefault("null", True)
    kwargs.setdefault("blank", True)
    return models.DecimalField(verbose_name, max_digits=20, decimal_places=4, **kwargs)


def level_field(verbose_name, default=3) -> models.PositiveSmallIntegerField:
    from django.core.validators import MaxValueValidator, MinValueValidator

    return models.PositiveSmallIntegerField(
        verbose_name, default=default, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


def percent_field(verbose_name, default=0) -> models.PositiveSmallIntegerField:
    from django.core.validators import MaxValueValidator

    return models.PositiveSmallIntegerField(
        verbose_name, default=default, validators=[MaxValueValidator(100)]
    )
