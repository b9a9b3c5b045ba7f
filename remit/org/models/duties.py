"""B2–B4 — key result areas, responsibility targets, job responsibilities; and the
frozen versions of approved job descriptions. (B1, the purpose, lives on Position.)"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from remit.domain import duties as d

from .base import Ordered, OrgModel, choices


class ResultArea(Ordered, OrgModel):
    position = models.ForeignKey(
        "org.Position", on_delete=models.CASCADE, related_name="result_areas"
    )
    title = models.CharField(_("title"), max_length=300)
    weight = models.DecimalField(
        _("weight (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("key result area")
        indexes = [models.Index(fields=["org", "position", "order"])]


class Target(Ordered, OrgModel):
    result_area = models.ForeignKey(ResultArea, on_delete=models.CASCADE, related_name="targets")
    statement = models.TextField(_("result to achieve"))
    metric = models.CharField(_("metric"), max_length=300, blank=True)
    target = models.CharField(_("target value"), max_length=200, blank=True)
    period = models.CharField(
        _("period"), max_length=20, choices=choices(d.Period), blank=True, default=""
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    objective = models.ForeignKey(
        "org.Objective",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
        verbose_name=_("objective served"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("responsibility target")
        indexes = [models.Index(fields=["org", "result_area", "order"])]


class Responsibility(Ordered, OrgModel):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="responsibilities")
    statement = models.TextField(_("responsibility"))
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=choices(d.Frequency), blank=True, default=""
    )
    time_share = models.DecimalField(
        _("share of time (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    authority = models.CharField(
        _("authority"), max_length=20, choices=choices(d.Authority), default=d.Authority.EXECUTES
    )
    procedures = models.ManyToManyField(
        "org.Procedure",
        blank=True,
        related_name="responsibilities",
        verbose_name=_("procedures that say how"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("job responsibility")
        verbose_name_plural = _("job responsibilities")
        indexes = [models.Index(fields=["org", "target", "order"])]


class JobDescriptionVersion(OrgModel):
    """An approved job description, frozen as data: versions can be compared."""

    position = models.ForeignKey(
        "org.Position", on_delete=models.CASCADE, related_name="jd_versions"
    )
    version = models.PositiveIntegerField(_("version"))
    approved_on = models.DateField(_("approved on"), default=timezone.localdate)
    approved_by = models.CharField(_("approved by"), max_length=254, blank=True)
    approved_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    content = models.JSONField(_("content"), default=dict)

    class Meta(OrgModel.Meta):
        verbose_name = _("job description version")
        constraints = [
            *OrgModel.Meta.constraints,
            models.UniqueConstraint(fields=["position", "version"], name="jd_position_version"),
        ]


class JobDescriptionExport(models.Model):
    """A background export of every position's job description as one ZIP file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    org = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    format = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["org", "created_at"])]

    def __str__(self) -> str:
        return f"{self.org_id} {self.format} {self.status}"

    @property
    def percent(self) -> int:
        return (
            round(100 * self.done / self.total)
            if self.total
            else (100 if self.status == "done" else 0)
        )
