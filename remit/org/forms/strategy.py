from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from remit.domain.people import PositionStatus
from remit.forms import StyledForm, StyledModelForm

from .. import registers
from ..actions.strategy import MAX_IMPORT_BYTES
from ..models import Measurement, Objective


class ObjectiveForm(registers.RegisterForm):
    class Meta:
        model = Objective
        fields = [
            "title",
            "key",
            "description",
            "metric",
            "unit",
            "baseline",
            "target",
            "deadline",
            "owner",
            "serves",
            "status",
            "measure_every",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "title": _("What, by when — e.g. “€50 million annual sales in 2027”."),
            "metric": _("What is measured, e.g. “net sales, rolling 12 months”."),
            "unit": _("e.g. “EUR million”, “%”, “hours per week”."),
            "baseline": _("Where it stood when the objective was set."),
            "target": _(
                "The value to reach. Below the baseline when it must go down (claims, "
                "hours); 1 for a yes-or-no result measured 0 until done."
            ),
            "owner": _("The position accountable for the objective."),
            "serves": _("Which of the owner's values it serves."),
            "measure_every": _("How often it is measured, e.g. “monthly”, “quarterly”."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        # A new row belongs to the organisation before validation checks its references.
        self.instance.org = org
        owner = self.fields["owner"]
        current = self.instance.owner_id if self.instance else None
        owner.queryset = owner.queryset.filter(
            ~Q(status=PositionStatus.ARCHIVED) | Q(pk=current)
        ).order_by("title", "key")
        owner.label_from_instance = lambda p: f"{p.title} ({p.key})"


class MeasurementForm(StyledModelForm):
    prefix = "m"

    class Meta:
        model = Measurement
        fields = ["date", "value", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"note": _("Optional: what explains this value.")}


class MeasurementImportForm(StyledForm):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: objective (its key), date (YYYY-MM-DD), value, note (optional). "
            "A row for a day that already has a measurement replaces its value."
        ),
    )
    objective = forms.ModelChoiceField(
        label=_("Objective"),
        queryset=Objective.objects.none(),
        required=False,
        empty_label=_("Named in each row (objective column)"),
        help_text=_("Choose one when the file has no objective column."),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.filter(org=org).order_by("key")
        self.fields["objective"].to_field_name = "key"
        self.fields["objective"].label_from_instance = lambda o: f"{o.title} ({o.key})"
        self.fields["file"].widget.attrs["accept"] = ".csv,text/csv"

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return f
