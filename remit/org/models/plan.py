"""A3 — the plan: a tree of goals, stages, projects and tasks, with dependencies."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import plan as pl

from .base import Ordered, OrgModel, choices, level_field, percent_field


class PlanItem(Ordered, OrgModel):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=choices(pl.PlanKind), default=pl.PlanKind.TASK
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("part of"),
    )
    objective = models.ForeignKey(
        "org.Objective",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_items",
        verbose_name=_("objective"),
    )
    description = models.TextField(_("description"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    duration_days = models.PositiveIntegerField(_("duration (days)"), null=True, blank=True)
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_plan_items",
        verbose_name=_("owner position"),
    )
    assignee = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_plan_items",
        verbose_name=_("assignee"),
    )
    importance = level_field(_("importance"))
    urgency = level_field(_("urgency"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(pl.PlanStatus),
        default=pl.PlanStatus.NOT_STARTED,
    )
    progress = percent_field(_("progress (%)"))
    advance = models.TextField(_("how to advance it"), blank=True)
    lead_time_days = models.PositiveIntegerField(_("preparation lead time (days)"), default=0)
    depends_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        through="PlanDependency",
        through_fields=("successor", "predecessor"),
        related_name="dependents",
        verbose_name=_("depends on"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("plan item")
        indexes = [
            models.Index(fields=["org", "parent", "order"]),
            models.Index(fields=["org", "owner"]),
            models.Index(fields=["org", "objective"]),
        ]


class PlanDependency(models.Model):
    """``successor`` cannot finish before ``predecessor`` is done (finish-to-start)."""

    org = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="+")
    predecessor = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["successor", "predecessor"], name="plan_dependency_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("predecessor")),
                name="plan_dependency_not_self",
            ),
        ]
        indexes = [models.Index(fields=["org"])]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"
