"""A5 — transparency: check-ins on plan items, problems, and monthly finance lines."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import transparency as t

from .base import OrgModel, choices, money, percent_field


class CheckIn(OrgModel):
    plan_item = models.ForeignKey(
        "org.PlanItem",
        on_delete=models.CASCADE,
        related_name="checkins",
        verbose_name=_("plan item"),
    )
    date = models.DateField(_("date"))
    progress = percent_field(_("progress (%)"))
    author = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkins",
        verbose_name=_("author"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("check-in")
        indexes = [
            models.Index(fields=["org", "plan_item", "date"]),
            models.Index(fields=["org", "date"]),
        ]


class Problem(OrgModel):
    title = models.CharField(_("title"), max_length=300)
    raised_on = models.DateField(_("raised on"))
    description = models.TextField(_("description"), blank=True)
    plan_item = models.ForeignKey(
        "org.PlanItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problems",
        verbose_name=_("plan item"),
    )
    raised_by = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("raised by"),
    )
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_problems",
        verbose_name=_("owner position"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=choices(t.ProblemStatus), default=t.ProblemStatus.OPEN
    )
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("problem")
        indexes = [models.Index(fields=["org", "status"])]


class FinanceLine(OrgModel):
    period = models.DateField(_("month"), help_text=_("The first day of the month."))
    category = models.CharField(_("category"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=10, choices=choices(t.FinanceKind), default=t.FinanceKind.EXPENSE
    )
    budget = models.DecimalField(_("budget"), max_digits=18, decimal_places=2, default=0)
    actual = money(_("actual"))
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("finance line")
        indexes = [models.Index(fields=["org", "period"])]
