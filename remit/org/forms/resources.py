"""Forms of resources (A4): the inventory, needs and acquisitions (register forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from remit.domain.common import norm_decimal

from .. import registers
from ..models import Acquisition, PlanItem, Resource, ResourceNeed
from .plan import DateInput, _by_key


class _OrgForm(registers.RegisterForm):
    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        self.instance.org = org  # the model's own checks compare references with it


class ResourceForm(_OrgForm):
    class Meta:
        model = Resource
        fields = ["name", "key", "category", "quantity", "unit", "value", "owner", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "quantity": _("How much the company has today, counted in the unit below."),
            "unit": _("What the quantity counts: EUR, people, m², machines, hours …"),
            "value": _("What it is worth, in the organisation's currency."),
        }


class NeedForm(_OrgForm):
    class Meta:
        model = ResourceNeed
        fields = [
            "plan_item",
            "resource",
            "category",
            "quantity",
            "unit",
            "needed_by",
            "key",
            "note",
        ]
        widgets = {"needed_by": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "resource": _(
                "What is needed from the inventory; or leave it empty and give a category."
            ),
            "quantity": _(
                "How much, in the unit below; it is compared with the stock only in the same unit."
            ),
            "unit": _("Left empty, the resource's unit."),
            "needed_by": _("From this day on, the plan item needs the quantity."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        _by_key(
            self.fields["plan_item"],
            PlanItem.objects.filter(org=org).order_by("key"),
            label_attr="title",
            datalist="plan-items",
        )
        self.fields["resource"].label_from_instance = lambda r: f"{r.name} ({r.key}, {r.unit})"


class AcquisitionForm(_OrgForm):
    class Meta:
        model = Acquisition
        fields = ["need", "method", "quantity", "owner", "due", "cost", "status", "key", "note"]
        widgets = {"due": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}
        labels = {"need": _("need it fills")}
        help_texts = {
            "method": _(
                "Exchange, accumulate, purchase, borrow, cultivate early, or compete for it."
            ),
            "quantity": _("How much it brings, in the need's unit; left empty, it fills the need."),
            "cost": _("In the organisation's currency."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        self.fields["need"].label_from_instance = lambda n: (
            f"{n.key} — {norm_decimal(n.quantity) if n.quantity is not None else ''} {n.unit}".strip()
        )
