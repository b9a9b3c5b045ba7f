"""A1 — the owner's value orientation. One per organisation; private to owners unless shared."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import values as v

from .base import Ordered, OrgModel, choices


class ValueOrientation(OrgModel):
    statement = models.TextField(_("what the owner really wants, in their own words"), blank=True)
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=choices(v.Visibility),
        default=v.Visibility.OWNERS,
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("value orientation")
        constraints = [
            *OrgModel.Meta.constraints,
            models.UniqueConstraint(fields=["org"], name="one_value_orientation_per_org"),
        ]


class ValueChoice(Ordered, OrgModel):
    """One ranked value; its key is the value's code (wealth, family …)."""

    orientation = models.ForeignKey(
        ValueOrientation, on_delete=models.CASCADE, related_name="choices"
    )
    value = models.CharField(_("value"), max_length=30, choices=choices(v.Value))
    rank = models.PositiveSmallIntegerField(_("rank"))
    words = models.TextField(_("in the owner's words"), blank=True)
    label = models.CharField(_("name (for 'other')"), max_length=100, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("value")
