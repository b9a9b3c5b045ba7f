"""Forms of A7 planning: staffing lines, required and assessed skills, the skills import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from remit.domain.people import PositionStatus
from remit.forms import StyledForm, StyledModelForm

from ..models import Position, Skill, StaffingLine

LEVELS = [
    (1, _("1 — basic")),
    (2, _("2 — working")),
    (3, _("3 — proficient")),
    (4, _("4 — advanced")),
    (5, _("5 — expert")),
]


class StaffingLineForm(StyledModelForm):
    class Meta:
        model = StaffingLine
        fields = ["position", "headcount", "needed_by"]
        widgets = {"needed_by": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "headcount": _(
                "How many posts of this position the stage needs in all (0 ends an earlier "
                "stage's need)."
            ),
            "needed_by": _("Left empty, the stage's target date."),
        }

    def __init__(self, *args, org, departments: set[int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.org = org  # the model's own checks compare references with it
        qs = (
            Position.objects.filter(org=org)
            .exclude(status=PositionStatus.ARCHIVED)
            .select_related("department")
            .order_by("department__name", "title")
        )
        if departments is not None:  # a manager plans only their departments' positions
            qs = qs.filter(department_id__in=departments)
        self.fields["position"].queryset = qs
        self.fields["position"].label_from_instance = lambda p: (
            f"{p.title} ({p.key})" + (f" — {p.department.name}" if p.department else "")
        )
        self.fields["headcount"].min_value = 0
        self.fields["headcount"].widget.attrs["min"] = 0
        if not self.instance.pk:
            self.fields["headcount"].initial = 1


class SkillChoiceMixin:
    def _skills(self, org, exclude=()):
        field = self.fields["skill"]
        field.queryset = (
            Skill.objects.filter(org=org).exclude(pk__in=exclude).order_by("category", "name")
        )
        field.label_from_instance = lambda s: f"{s.name} ({s.category})" if s.category else s.name


class PositionSkillForm(SkillChoiceMixin, StyledForm):
    skill = forms.ModelChoiceField(queryset=Skill.objects.none(), label=_("Skill"))
    level = forms.TypedChoiceField(choices=LEVELS, coerce=int, initial=3, label=_("Required level"))

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self._skills(org)


class EmployeeSkillForm(SkillChoiceMixin, StyledForm):
    skill = forms.ModelChoiceField(queryset=Skill.objects.none(), label=_("Skill"))
    level = forms.TypedChoiceField(choices=LEVELS, coerce=int, initial=3, label=_("Assessed level"))
    assessed_on = forms.DateField(
        label=_("Assessed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self._skills(org)


class SkillsImportForm(StyledForm):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "One row per skill with a header row: name (required), key, category, description. "
            "Rows with a key update that skill; rows without one update the skill of the same "
            "name or add a new one."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file: write nothing"), required=False, initial=False
    )
