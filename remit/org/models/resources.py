"""A4 — resources: the inventory, needs from plan items, and acquisitions filling the gaps."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import resources as r

from .base import OrgModel, choices, money, quantity


class Resource(OrgModel):
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(
        _("category"),
        max_length=30,
        choices=choices(r.ResourceCategory),
        default=r.ResourceCategory.OTHER,
    )
    quantity = quantity(_("quantity available"))
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    value = money(_("value"))
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_resources",
        verbose_name=_("owner position"),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("resource")
        indexes = [models.Index(fields=["org", "category"])]


class ResourceNeed(OrgModel):
    plan_item = models.ForeignKey(
        "org.PlanItem",
        on_delete=models.CASCADE,
        related_name="resource_needs",
        verbose_name=_("plan item"),
    )
    resource = models.ForeignKey(
        Resource,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
        verbose_name=_("resource"),
    )
    category = models.CharField(
        _("category"), max_length=30, choices=choices(r.ResourceCategory), blank=True, default=""
    )
    quantity = quantity(_("quantity needed"))
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("resource need")
        indexes = [
            models.Index(fields=["org", "plan_item"]),
            models.Index(fields=["org", "resource"]),
        ]


class Acquisition(OrgModel):
    need = models.ForeignKey(ResourceNeed, on_delete=models.CASCADE, related_name="acquisitions")
    method = models.CharField(
        _("how"),
        max_length=20,
        choices=choices(r.AcquisitionMethod),
        default=r.AcquisitionMethod.PURCHASE,
    )
    quantity = quantity(_("quantity"))
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_acquisitions",
        verbose_name=_("owner position"),
    )
    due = models.DateField(_("due"), null=True, blank=True)
    cost = money(_("cost"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(r.AcquisitionStatus),
        default=r.AcquisitionStatus.PLANNED,
    )
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("acquisition")
        indexes = [models.Index(fields=["org", "need"])]
