"""A8 — control: risks, controls and their runs, contingency plans."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import control as c

from .base import CadenceField, Ordered, OrgModel, choices, level_field


class Risk(OrgModel):
    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(
        _("source"), max_length=20, choices=choices(c.RiskSource), default=c.RiskSource.INTERNAL
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=choices(c.RiskCategory),
        default=c.RiskCategory.OPERATIONAL,
    )
    likelihood = level_field(_("likelihood"))
    impact = level_field(_("impact"))
    response = models.CharField(
        _("response"),
        max_length=20,
        choices=choices(c.RiskResponse),
        default=c.RiskResponse.PREVENT,
    )
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_risks",
        verbose_name=_("owner position"),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("risk")


class Control(OrgModel):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=choices(c.ControlKind), default=c.ControlKind.OTHER
    )
    activity = models.TextField(_("activity"), blank=True)
    every = CadenceField(_("how often"))
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_controls",
        verbose_name=_("owner position"),
    )
    risks = models.ManyToManyField(
        Risk, blank=True, related_name="controls", verbose_name=_("risks covered")
    )
    renewal_on = models.DateField(_("renewal date"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("control")


class ControlRun(Ordered, OrgModel):
    control = models.ForeignKey(Control, on_delete=models.CASCADE, related_name="runs")
    date = models.DateField(_("date"))
    result = models.CharField(
        _("result"), max_length=20, choices=choices(c.RunResult), default=c.RunResult.PASS
    )
    by = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    findings = models.TextField(_("findings"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("control run")
        indexes = [models.Index(fields=["org", "control", "date"])]


class ContingencyPlan(OrgModel):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="contingency_plans")
    title = models.CharField(_("title"), max_length=300)
    trigger = models.TextField(_("trigger"), blank=True)
    steps = models.JSONField(_("steps"), default=list, blank=True)
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_contingency_plans",
        verbose_name=_("owner position"),
    )
    last_drill = models.DateField(_("last drill"), null=True, blank=True)
    drill_every = CadenceField(_("drill"))

    class Meta(OrgModel.Meta):
        verbose_name = _("contingency plan")

    @property
    def steps_list(self) -> str:
        return "\n".join(f"{i}. {step}" for i, step in enumerate(self.steps or [], start=1))
