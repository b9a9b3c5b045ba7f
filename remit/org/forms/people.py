from django import forms
from django.utils.translation import gettext_lazy as _

from remit.forms import StyledModelForm

from ..models import Department, Grade, Position


class DepartmentForm(StyledModelForm):
    class Meta:
        model = Department
        fields = ["name", "key", "parent", "function"]
        widgets = {"function": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "key": _(
                "A short code used in files and the API, e.g. FIN. Left empty, it is made from the name."
            ),
            "function": _("What the department is for, in one or two sentences."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        qs = Department.objects.filter(org=org).order_by("name")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = qs


class PositionForm(StyledModelForm):
    class Meta:
        model = Position
        fields = [
            "title",
            "key",
            "department",
            "reports_to",
            "grade",
            "headcount",
            "status",
            "confidentiality_required",
        ]
        help_texts = {
            "key": _(
                "A short code used in files and the API, e.g. FIN-MGR. Left empty, it is made from the title."
            ),
            "reports_to": _("A position, never a person."),
            "headcount": _("How many people this post needs."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["department"].queryset = Department.objects.filter(org=org).order_by("name")
        positions = Position.objects.filter(org=org).exclude(status="archived").order_by("title")
        if self.instance.pk:
            positions = positions.exclude(pk=self.instance.pk)
        self.fields["reports_to"].queryset = positions
        self.fields["grade"].queryset = Grade.objects.filter(org=org).order_by("key")
