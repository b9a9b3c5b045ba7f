"""Forms of the plan (A3): an item, its quick inline edit, moving it, and a dependency."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from remit.domain import plan as pl
from remit.forms import StyledForm, StyledModelForm

from ..models import Employee, Objective, PlanItem, Position

# Above this many choices a select is too heavy for a page: the field takes a key instead.
SELECT_LIMIT = 1000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _by_key(field: forms.ModelChoiceField, qs, *, label_attr: str, datalist: str) -> None:
    """Offer the rows in a select, or — for a large organisation — as a key to type."""
    field.queryset = qs
    field.to_field_name = "key"
    field.label_from_instance = lambda row: f"{getattr(row, label_attr)} ({row.key})"
    if qs.count() > SELECT_LIMIT:
        field.widget = forms.TextInput(attrs={"list": datalist, "autocomplete": "off"})
        field.help_text = _("Type the key.")


def wholes(org, *, exclude: PlanItem | None = None):
    """The items another can be part of: goals, stages, projects, and anything with parts."""
    parents = PlanItem.objects.filter(org=org, parent__isnull=False).values("parent_id")
    qs = PlanItem.objects.filter(org=org).filter(~Q(kind=pl.PlanKind.TASK) | Q(pk__in=parents))
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.order_by("key")


class PlanItemForm(StyledModelForm):
    depends_on_keys = forms.CharField(
        label=_("Waits for"),
        required=False,
        help_text=_("Keys of the items that must finish first, separated by commas."),
    )

    class Meta:
        model = PlanItem
        fields = [
            "title",
            "key",
            "kind",
            "parent",
            "objective",
            "owner",
            "assignee",
            "start",
            "due",
            "duration_days",
            "importance",
            "urgency",
            "status",
            "progress",
            "lead_time_days",
            "advance",
            "description",
        ]
        widgets = {
            "start": DateInput(),
            "due": DateInput(),
            "advance": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "key": _(
                "A short code used in files and the API. Left empty, it is made from the title."
            ),
            "parent": _(
                "The goal, stage or project this item is part of (move it under another here)."
            ),
            "objective": _("The strategic objective it serves; left empty, its whole's."),
            "duration_days": _("Days of work; left empty, from the start to the due date."),
            "importance": _("1 (low) to 5 (high). Importance × urgency orders the work."),
            "urgency": _("1 (can wait) to 5 (now)."),
            "lead_time_days": _(
                "How many days before the start preparation must begin (ordering, hiring …)."
            ),
            "advance": _("The path to push it forward: the next concrete moves."),
        }

    def __init__(self, *args, org, with_dependencies: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        self.instance.org = org  # the model's own checks compare references with it
        self.fields["key"].required = False
        parent = self.fields["parent"]
        _by_key(
            parent,
            wholes(org, exclude=self.instance if self.instance.pk else None),
            label_attr="title",
            datalist="plan-wholes",
        )
        parent.empty_label = _("— none (a top-level item) —")
        _by_key(
            self.fields["objective"],
            Objective.objects.filter(org=org).order_by("key"),
            label_attr="title",
            datalist="plan-objectives",
        )
        _by_key(
            self.fields["owner"],
            Position.objects.filter(org=org).exclude(status="archived").order_by("title"),
            label_attr="title",
            datalist="plan-positions",
        )
        _by_key(
            self.fields["assignee"],
            Employee.objects.filter(org=org).exclude(status="left").order_by("name"),
            label_attr="name",
            datalist="plan-employees",
        )
        if not with_dependencies:
            del self.fields["depends_on_keys"]
        elif self.instance.pk:
            self.fields["depends_on_keys"].initial = ", ".join(
                self.instance.depends_on.order_by("key").values_list("key", flat=True)
            )

    def clean_depends_on_keys(self) -> list[PlanItem]:
        keys = [k for k in re.split(r"[\s,;]+", self.cleaned_data.get("depends_on_keys", "")) if k]
        found = {p.key: p for p in PlanItem.objects.filter(org=self.org, key__in=keys)}
        missing = [k for k in keys if k not in found]
        if missing:
            raise ValidationError(
                _("No plan item has the key %(keys)s.") % {"keys": ", ".join(missing)}
            )
        return [found[k] for k in dict.fromkeys(keys)]


class QuickForm(StyledModelForm):
    """The inline edit of a row in the tree: what changes most often."""

    class Meta:
        model = PlanItem
        fields = ["title", "status", "progress", "start", "due", "owner"]
        widgets = {"start": DateInput(), "due": DateInput()}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        _by_key(
            self.fields["owner"],
            Position.objects.filter(org=org).exclude(status="archived").order_by("title"),
            label_attr="title",
            datalist="plan-positions",
        )


class MoveForm(StyledForm):
    """Move an item under another (the keyboard's way of dragging it)."""

    parent = forms.ModelChoiceField(
        label=_("Move under"),
        queryset=PlanItem.objects.none(),
        required=False,
        empty_label=_("— the top level —"),
    )
    index = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, org, item: PlanItem, **kwargs):
        super().__init__(*args, **kwargs)
        _by_key(
            self.fields["parent"],
            wholes(org, exclude=item),
            label_attr="title",
            datalist="plan-wholes",
        )


class DependencyForm(StyledForm):
    predecessor = forms.CharField(
        label=_("Add an item it waits for"),
        help_text=_("The key of an item that must finish before this one can start."),
        widget=forms.TextInput(attrs={"list": "plan-candidates", "autocomplete": "off"}),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org

    def clean_predecessor(self) -> PlanItem:
        key = self.cleaned_data["predecessor"].strip()
        item = PlanItem.objects.filter(org=self.org, key=key).first()
        if item is None:
            raise ValidationError(_("No plan item has the key “%(key)s”.") % {"key": key})
        return item
