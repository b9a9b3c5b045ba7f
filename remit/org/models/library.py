"""The responsibility library: task statements from public occupational data (O*NET).

Reference data shared by every organisation (it has no tenant): read-only for
users, loaded with `remit library import-onet DIR`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LibrarySource(models.TextChoices):
    ONET = "onet", "O*NET"


class LibraryOccupation(models.Model):
    source = models.CharField(
        max_length=10, choices=LibrarySource.choices, default=LibrarySource.ONET
    )
    code = models.CharField(_("code"), max_length=20)  # e.g. O*NET-SOC 13-2011.00
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("library occupation")
        constraints = [
            models.UniqueConstraint(fields=["source", "code"], name="library_occupation_code")
        ]
        indexes = [models.Index(fields=["title"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class LibraryTask(models.Model):
    occupation = models.ForeignKey(
        LibraryOccupation, on_delete=models.CASCADE, related_name="tasks"
    )
    source_id = models.CharField(max_length=20)  # the source's task id
    statement = models.TextField(_("statement"))
    core = models.BooleanField(_("core task"), default=True)
    activities = models.TextField(
        _("work activities"),
        blank=True,
        help_text=_("The detailed work activities the task belongs to (O*NET DWAs), one per line."),
    )

    class Meta:
        verbose_name = _("library task")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "source_id"], name="library_task_source_id"
            )
        ]

    def __str__(self) -> str:
        return self.statement[:80]
