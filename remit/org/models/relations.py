"""A6 — business relations: parties, their contacts, and the archive of interactions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import relations as rel

from .base import CadenceField, Ordered, OrgModel, choices, money


class Relation(OrgModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of party"), max_length=30, choices=choices(rel.PartyKind))
    level = models.CharField(
        _("maintenance level"), max_length=1, choices=choices(rel.Level), default=rel.Level.B
    )
    contact_every = CadenceField(_("keep in touch"))
    annual_budget = money(_("annual budget"))
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_relations",
        verbose_name=_("owner position"),
    )
    mechanism = models.TextField(_("service mechanism"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(rel.RelationStatus),
        default=rel.RelationStatus.ACTIVE,
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("relation")
        indexes = [models.Index(fields=["org", "kind"]), models.Index(fields=["org", "owner"])]


class Contact(Ordered, OrgModel):
    relation = models.ForeignKey(Relation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("contact")


class Interaction(Ordered, OrgModel):
    relation = models.ForeignKey(Relation, on_delete=models.CASCADE, related_name="interactions")
    date = models.DateField(_("date"))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=choices(rel.InteractionKind),
        default=rel.InteractionKind.MEETING,
    )
    summary = models.TextField(_("summary"), blank=True)
    cost = money(_("cost"))
    by = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("interaction")
        indexes = [models.Index(fields=["org", "relation", "date"])]
