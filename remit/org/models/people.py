"""A7 — personnel: departments, grades, positions, skills, stages and staffing,
employees, assignments, lifecycle events, openings, handovers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from remit.domain import duties as d
from remit.domain import people as p

from .base import Ordered, OrgModel, choices, level_field, money


class Department(OrgModel):
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent department"),
    )
    function = models.TextField(
        _("function"), blank=True, help_text=_("What the department is for.")
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("department")
        indexes = [models.Index(fields=["org", "parent"])]


class Grade(OrgModel):
    name = models.CharField(_("name"), max_length=100)
    monthly_cost = money(_("monthly cost of one holder"))

    class Meta(OrgModel.Meta):
        verbose_name = _("grade")


class Skill(OrgModel):
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("skill")


class Position(OrgModel):
    """A post in the organisation. Holds B1 (purpose) directly; B2–B4 hang below it."""

    title = models.CharField(_("title"), max_length=200)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
        verbose_name=_("department"),
    )
    reports_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
        verbose_name=_("reports to"),
    )
    grade = models.ForeignKey(
        Grade,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
        verbose_name=_("grade"),
    )
    headcount = models.PositiveIntegerField(_("headcount"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(p.PositionStatus),
        default=p.PositionStatus.ACTIVE,
    )
    confidentiality_required = models.BooleanField(
        _("requires a confidentiality agreement"), default=False
    )
    # B1: the purpose in three parts, and the objectives it derives from.
    purpose_basis = models.TextField(_("work basis"), blank=True)
    purpose_content = models.TextField(_("work content"), blank=True)
    purpose_performance = models.TextField(_("work performance"), blank=True)
    purpose_objectives = models.ManyToManyField(
        "org.Objective",
        blank=True,
        related_name="purpose_positions",
        verbose_name=_("objectives it derives from"),
    )
    jd_status = models.CharField(
        _("job description status"),
        max_length=20,
        choices=choices(d.JDStatus),
        default=d.JDStatus.DRAFT,
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("position")
        indexes = [
            models.Index(fields=["org", "department"]),
            models.Index(fields=["org", "reports_to"]),
            models.Index(fields=["org", "title"]),
        ]


class PositionSkill(Ordered, OrgModel):
    position = models.ForeignKey(
        Position, on_delete=models.CASCADE, related_name="skill_requirements"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = level_field(_("required level"))

    class Meta(OrgModel.Meta):
        verbose_name = _("required skill")
        indexes = [models.Index(fields=["org", "position"])]


class Stage(OrgModel):
    """A development stage of the company (start-up, growth, expansion …)."""

    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("development stage")


class StaffingLine(Ordered, OrgModel):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="staffing")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="staffing")
    headcount = models.PositiveIntegerField(_("headcount"))
    needed_by = models.DateField(_("needed by"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("staffing plan line")
        indexes = [models.Index(fields=["org", "stage"])]


class Employee(OrgModel):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    # The employee's Remit login, matched by e-mail (no foreign key, so organisation
    # files round-trip even where that user does not exist in this installation).
    user_email = models.EmailField(_("Remit login e-mail"), blank=True)
    hired_on = models.DateField(_("hired on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=choices(p.EmployeeStatus),
        default=p.EmployeeStatus.ACTIVE,
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("employee")
        indexes = [models.Index(fields=["org", "name"]), models.Index(fields=["org", "user_email"])]


class Assignment(Ordered, OrgModel):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="assignments")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="assignments")
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    primary = models.BooleanField(_("primary position"), default=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("assignment")
        indexes = [
            models.Index(fields=["org", "position", "end"]),
            models.Index(fields=["org", "employee"]),
        ]


class EmployeeSkill(Ordered, OrgModel):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = level_field(_("assessed level"))
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("employee skill")
        indexes = [models.Index(fields=["org", "employee"])]


class PersonnelEvent(Ordered, OrgModel):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=choices(p.EventKind))
    date = models.DateField(_("date"))
    position = models.ForeignKey(
        Position,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("position"),
    )
    to_position = models.ForeignKey(
        Position,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("new position"),
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    procedure = models.ForeignKey(
        "org.Procedure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("procedure"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("personnel event")
        indexes = [
            models.Index(fields=["org", "employee", "date"]),
            models.Index(fields=["org", "kind"]),
        ]


class Opening(OrgModel):
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="openings")
    opened_on = models.DateField(_("opened on"))
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=choices(p.OpeningStatus), default=p.OpeningStatus.OPEN
    )
    hired = models.ForeignKey(
        Employee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hired"),
    )

    class Meta(OrgModel.Meta):
        verbose_name = _("opening")


class Candidate(Ordered, OrgModel):
    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("name"), max_length=200)
    stage = models.CharField(
        _("stage"),
        max_length=20,
        choices=choices(p.CandidateStage),
        default=p.CandidateStage.APPLIED,
    )
    email = models.EmailField(_("e-mail"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("candidate")


class Handover(OrgModel):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="handovers")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="handovers")
    reason = models.CharField(_("reason"), max_length=20, choices=choices(p.EventKind))
    created_on = models.DateField(_("created on"))
    due_on = models.DateField(_("due on"), null=True, blank=True)

    class Meta(OrgModel.Meta):
        verbose_name = _("handover")


class HandoverItem(Ordered, OrgModel):
    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=choices(p.HandoverItemKind))
    ref = models.CharField(_("what"), max_length=64, help_text=_("The key of what is handed over."))
    description = models.TextField(_("description"))
    successor = models.ForeignKey(
        Employee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("successor"),
    )
    done = models.BooleanField(_("done"), default=False)

    class Meta(OrgModel.Meta):
        verbose_name = _("handover item")
        indexes = [models.Index(fields=["org", "handover"])]
