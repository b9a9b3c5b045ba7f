"""A9 — technical methods: lessons learned, SOPs and their steps, training records."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import methods as m

from .base import CadenceField, Ordered, OrgModel, choices


class Lesson(OrgModel):
    date = models.DateField(_("date"))
    lesson = models.TextField(_("lesson"))
    context = models.TextField(_("context"), blank=True)
    author = models.ForeignKey(
        "org.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        verbose_name=_("author"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("lesson learned")


class Procedure(OrgModel):
    """A standard operating procedure (SOP)."""

    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose"), blank=True)
    scope = models.TextField(_("scope"), blank=True)
    owner = models.ForeignKey(
        "org.Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_procedures",
        verbose_name=_("owner position"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(m.ProcedureStatus),
        default=m.ProcedureStatus.DRAFT,
    )
    review_every = CadenceField(_("review"))
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    refresh_every = CadenceField(_("training refresher"))
    positions = models.ManyToManyField(
        "org.Position",
        blank=True,
        related_name="procedures_to_know",
        verbose_name=_("positions that must know it"),
    )
    lessons = models.ManyToManyField(
        Lesson, blank=True, related_name="procedures", verbose_name=_("distilled from")
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("procedure (SOP)")


class ProcedureStep(Ordered, OrgModel):
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField(_("step"))
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("procedure step")
        indexes = [models.Index(fields=["org", "procedure", "order"])]


class TrainingRecord(OrgModel):
    employee = models.ForeignKey(
        "org.Employee",
        on_delete=models.CASCADE,
        related_name="training",
        verbose_name=_("employee"),
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, related_name="training", verbose_name=_("procedure")
    )
    date = models.DateField(_("date"))
    score = models.PositiveSmallIntegerField(
        _("assessed score"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("training record")
        indexes = [
            models.Index(fields=["org", "employee"]),
            models.Index(fields=["org", "procedure"]),
        ]
