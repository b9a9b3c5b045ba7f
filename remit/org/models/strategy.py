"""A2 — strategic objectives ("what, by when") and their measurements."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import strategy as s
from remit.domain import values as v

from .base import CadenceField, Ordered, OrgModel, choices, quantity


class Objective(OrgModel):
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    metric = models.CharField(_("metric"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = quantity(_("baseline"))
    target = quantity(_("target"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_objectives",
        verbose_name=_("owner position"),
    )
    serves = models.CharField(
        _("value it serves"), max_length=30, choices=choices(v.Value), blank=True, default=""
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(s.ObjectiveStatus),
        default=s.ObjectiveStatus.ACTIVE,
    )
    measure_every = CadenceField(_("measured"))

    class Meta(OrgModel.Meta):
        verbose_name = _("objective")
        indexes = [models.Index(fields=["org", "owner"])]


class Measurement(Ordered, OrgModel):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("measurement")
        indexes = [models.Index(fields=["org", "objective", "date"])]
