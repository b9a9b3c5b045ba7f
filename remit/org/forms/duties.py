from django import forms
from django.utils.translation import gettext_lazy as _

from remit.forms import StyledForm, StyledModelForm

from ..models import Objective, Procedure, Responsibility, ResultArea, Target


class PurposeForm(StyledForm):
    prefix = "purpose"
    basis = forms.CharField(
        label=_("Work basis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "On what basis or under whose guidance the post works. "
            "Example: “Under the guidance of national policy and the company's work plan”."
        ),
    )
    content = forms.CharField(
        label=_("Work content"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The core responsibilities, in one sentence. Example: “organise the company's "
            "financial policies, plans and programmes, lead the department's staff and "
            "provide complete financial services — cost, sales, budget and tax accounting”."
        ),
    )
    performance = forms.CharField(
        label=_("Work performance"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "The result the work achieves. Example: “so that the financial function "
            "effectively supports the company's operations”."
        ),
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives it derives from"),
        required=False,
        queryset=Objective.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = Objective.objects.filter(org=org).order_by("key")
        for name in ("basis", "content", "performance"):
            self.fields[name].widget.attrs["data-purpose-part"] = name


class ResultAreaForm(StyledModelForm):
    prefix = "area"

    class Meta:
        model = ResultArea
        fields = ["title", "weight", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"weight": _("Share of the post's purpose, in %. All areas add up to 100 %.")}


class TargetForm(StyledModelForm):
    prefix = "target"

    class Meta:
        model = Target
        fields = ["statement", "metric", "target", "period", "deadline", "objective"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "statement": _("The result to achieve, e.g. “Monthly accounts closed on time”."),
            "metric": _("How it is measured, e.g. “working days after month end”."),
            "target": _("The value to reach, e.g. “≤ 5”."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.filter(org=org).order_by("key")


class ResponsibilityForm(StyledModelForm):
    prefix = "resp"
    procedures = forms.ModelMultipleChoiceField(
        label=_("Procedures that say how"),
        required=False,
        queryset=Procedure.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 3}),
    )

    class Meta:
        model = Responsibility
        fields = ["statement", "frequency", "time_share", "authority"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "statement": _(
                "Action verb + object + standard, e.g. “Reconcile supplier statements "
                "monthly and clear differences within 5 working days”."
            ),
            "time_share": _("Share of working time, in %."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedures"].queryset = Procedure.objects.filter(org=org).order_by("key")
        if self.instance.pk:
            self.fields["procedures"].initial = list(self.instance.procedures.all())
