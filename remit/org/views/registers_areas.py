"""Registers of the areas whose screens are lists of records: business relations (A6),
control (A8), technical methods (A9) and the finance lines of transparency (A5).

Each is a declaration on the shared register pattern (remit/org/registers.py).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from remit.accounts.permissions import Capability

from .. import formatting, registers
from ..models import (
    ContingencyPlan,
    Control,
    FinanceLine,
    Lesson,
    Procedure,
    Relation,
    Risk,
    TrainingRecord,
)
from ..registers import Child, Column, Register

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- A6 business relations ------------------------------------------------------------------


class RelationForm(registers.RegisterForm):
    class Meta:
        model = Relation
        fields = [
            "name",
            "key",
            "kind",
            "level",
            "contact_every",
            "annual_budget",
            "owner",
            "mechanism",
            "status",
            "description",
        ]
        widgets = {
            "mechanism": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "contact_every": _("How often to keep in touch: monthly, quarterly, every 2 weeks …")
        }


RELATIONS = Register(
    area="relations",
    name="relation",
    model=Relation,
    form=RelationForm,
    title=_("Business relations"),
    singular=_("relation"),
    intro=_(
        "Customers up- and downstream, suppliers, service providers, social organisations "
        "and government: each with its maintenance level, frequency, budget and owner."
    ),
    columns=[
        Column(_("Party"), "name"),
        Column(_("Kind"), "get_kind_display"),
        Column(_("Level"), "level"),
        Column(_("Keep in touch"), "contact_every"),
        Column(_("Owner"), "owner.title"),
    ],
    search=("key", "name", "description"),
    filters=("kind", "level", "status"),
    ordering=("level", "name"),
    related=("owner",),
    key_prefix="REL",
    children=(
        Child(
            _("Contacts"),
            "contacts",
            [
                Column(_("Name"), "name"),
                Column(_("Role"), "role"),
                Column(_("E-mail"), "email"),
                Column(_("Phone"), "phone"),
            ],
        ),
        Child(
            _("Interactions"),
            "interactions",
            [
                Column(_("Date"), "date", css="text-nowrap", shown=formatting.day),
                Column(_("Kind"), "get_kind_display"),
                Column(_("Summary"), "summary"),
                Column(_("Cost"), "cost", css="text-end text-nowrap", shown=formatting.amount),
                Column(_("By"), "by.name"),
            ],
            ordering=("-date", "-id"),
        ),
    ),
)


# --- A8 control -------------------------------------------------------------------------------


class RiskForm(registers.RegisterForm):
    class Meta:
        model = Risk
        fields = [
            "title",
            "key",
            "source",
            "category",
            "likelihood",
            "impact",
            "response",
            "owner",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ControlForm(registers.RegisterForm):
    class Meta:
        model = Control
        fields = ["title", "key", "kind", "activity", "every", "owner", "risks", "renewal_on"]
        widgets = {"activity": forms.Textarea(attrs={"rows": 3}), "renewal_on": DATE}
        help_texts = {"every": _("How often it runs: monthly, quarterly, yearly …")}


class ContingencyPlanForm(registers.RegisterForm):
    steps_text = forms.CharField(
        label=_("Steps"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One step per line."),
    )

    class Meta:
        model = ContingencyPlan
        fields = ["title", "key", "risk", "trigger", "owner", "last_drill", "drill_every"]
        widgets = {"trigger": forms.Textarea(attrs={"rows": 2}), "last_drill": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["steps_text"].initial = "\n".join(self.instance.steps or [])

    def clean(self):
        data = super().clean()
        data["steps"] = [
            line.strip() for line in data.pop("steps_text", "").splitlines() if line.strip()
        ]
        return data


RISKS = Register(
    area="control",
    name="risk",
    model=Risk,
    form=RiskForm,
    title=_("Risks"),
    singular=_("risk"),
    intro=_(
        "What could go wrong, how likely and how bad, and the response: prevent, treat, "
        "transfer or accept."
    ),
    columns=[
        Column(_("Risk"), "title"),
        Column(_("Category"), "get_category_display"),
        Column(_("Likelihood"), "likelihood"),
        Column(_("Impact"), "impact"),
        Column(_("Response"), "get_response_display"),
        Column(_("Owner"), "owner.title"),
    ],
    search=("key", "title", "description"),
    filters=("source", "category", "response"),
    ordering=("-likelihood", "-impact", "key"),
    related=("owner",),
    key_prefix="RISK",
)

CONTROLS = Register(
    area="control",
    name="control",
    model=Control,
    form=ControlForm,
    title=_("Controls"),
    singular=_("control"),
    intro=_(
        "Credit checks, stock counts, audits, supervision, insurance, legal review: what is "
        "done, how often, by which position, against which risks — and each run's result."
    ),
    columns=[
        Column(_("Control"), "title"),
        Column(_("Kind"), "get_kind_display"),
        Column(_("How often"), "every"),
        Column(_("Owner"), "owner.title"),
        Column(_("Renewal"), "renewal_on", css="text-nowrap", shown=formatting.day),
    ],
    search=("key", "title", "activity"),
    filters=("kind",),
    ordering=("kind", "title"),
    related=("owner",),
    key_prefix="CTL",
    children=(
        Child(
            _("Runs"),
            "runs",
            [
                Column(_("Date"), "date", css="text-nowrap", shown=formatting.day),
                Column(_("Result"), "get_result_display"),
                Column(_("By"), "by.name"),
                Column(_("Findings"), "findings"),
            ],
            ordering=("-date", "-id"),
        ),
    ),
)

CONTINGENCY_PLANS = Register(
    area="control",
    name="contingency",
    plural="contingency-plans",
    model=ContingencyPlan,
    form=ContingencyPlanForm,
    title=_("Contingency plans"),
    singular=_("contingency plan"),
    intro=_(
        "What to do when a risk happens anyway: the trigger, the steps, who leads, and the last drill."
    ),
    columns=[
        Column(_("Plan"), "title"),
        Column(_("Risk"), "risk.title"),
        Column(_("Owner"), "owner.title"),
        Column(_("Last drill"), "last_drill", css="text-nowrap", shown=formatting.day),
    ],
    search=("key", "title", "trigger"),
    ordering=("key",),
    related=("risk", "owner"),
    key_prefix="CP",
    detail=(Column(_("Steps"), "steps_list"),),
)


# --- A9 technical methods ---------------------------------------------------------------------


class ProcedureForm(registers.RegisterForm):
    class Meta:
        model = Procedure
        fields = [
            "title",
            "key",
            "purpose",
            "scope",
            "owner",
            "version",
            "status",
            "review_every",
            "last_reviewed",
            "refresh_every",
            "positions",
            "lessons",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "scope": forms.Textarea(attrs={"rows": 2}),
            "last_reviewed": DATE,
        }


class LessonForm(registers.RegisterForm):
    class Meta:
        model = Lesson
        fields = ["lesson", "key", "date", "context", "author"]
        widgets = {
            "lesson": forms.Textarea(attrs={"rows": 3}),
            "context": forms.Textarea(attrs={"rows": 2}),
            "date": DATE,
        }


class TrainingForm(registers.RegisterForm):
    class Meta:
        model = TrainingRecord
        fields = ["employee", "procedure", "key", "date", "score", "passed"]
        widgets = {"date": DATE}


PROCEDURES = Register(
    area="methods",
    name="procedure",
    model=Procedure,
    form=ProcedureForm,
    title=_("Standard operating procedures"),
    singular=_("procedure"),
    intro=_(
        "The staff's experience distilled into versioned steps: who owns each SOP, which "
        "positions must know it, and when it is reviewed."
    ),
    columns=[
        Column(_("SOP"), "title"),
        Column(_("Key"), "key"),
        Column(_("Version"), "version"),
        Column(_("Status"), "get_status_display"),
        Column(_("Owner"), "owner.title"),
        Column(_("Last reviewed"), "last_reviewed", css="text-nowrap", shown=formatting.day),
    ],
    search=("key", "title", "purpose"),
    filters=("status",),
    ordering=("key",),
    related=("owner",),
    key_prefix="SOP",
    children=(Child(_("Steps"), "steps", [Column(_("Step"), "text"), Column(_("Note"), "note")]),),
)

LESSONS = Register(
    area="methods",
    name="lesson",
    model=Lesson,
    form=LessonForm,
    title=_("Lessons learned"),
    singular=_("lesson"),
    intro=_("What staff learned on the job — the raw material of the SOPs."),
    columns=[
        Column(_("Lesson"), "lesson"),
        Column(_("Date"), "date", css="text-nowrap", shown=formatting.day),
        Column(_("By"), "author.name"),
    ],
    search=("key", "lesson", "context"),
    ordering=("-date", "key"),
    related=("author",),
    key_prefix="LES",
    owner_field=None,
)

TRAINING = Register(
    area="methods",
    name="training",
    plural="training-records",
    model=TrainingRecord,
    form=TrainingForm,
    title=_("Training and assessment"),
    singular=_("training record"),
    intro=_("Who was trained on which SOP, when, with what assessed score."),
    columns=[
        Column(_("Employee"), "employee.name"),
        Column(_("SOP"), "procedure.title"),
        Column(_("Date"), "date", css="text-nowrap", shown=formatting.day),
        Column(_("Score"), "score"),
        Column(_("Passed"), "passed"),
    ],
    search=("key", "employee__name", "procedure__title"),
    ordering=("-date", "key"),
    related=("employee", "procedure"),
    key_prefix="TR",
    owner_field=None,
)


# --- A5 transparency: finance ----------------------------------------------------------------


class FinanceLineForm(registers.RegisterForm):
    class Meta:
        model = FinanceLine
        fields = ["period", "category", "kind", "key", "budget", "actual", "note"]
        widgets = {"period": DATE}


FINANCE = Register(
    area="transparency",
    name="finance",
    plural="finance-lines",
    model=FinanceLine,
    form=FinanceLineForm,
    title=_("Finance lines"),
    singular=_("finance line"),
    intro=_("Budget and actual by month and category: the basis of the financial report."),
    columns=[
        Column(_("Category"), "category"),
        Column(_("Month"), "period", css="text-nowrap", shown=formatting.month),
        Column(_("Kind"), "get_kind_display"),
        Column(_("Budget"), "budget", css="text-end", shown=formatting.amount),
        Column(_("Actual"), "actual", css="text-end", shown=formatting.amount),
    ],
    search=("key", "category", "note"),
    filters=("kind",),
    ordering=("-period", "category"),
    key_prefix="FIN",
    owner_field=None,
    capability=Capability.FINANCE_EDIT,
    read_capability=Capability.FINANCE_READ,
    opened=lambda org: org.finance_open,
)

AREA_REGISTERS = {
    "relations": (RELATIONS,),
    "control": (RISKS, CONTROLS, CONTINGENCY_PLANS),
    "methods": (PROCEDURES, LESSONS, TRAINING),
    "transparency": (FINANCE,),
}

urlpatterns = [
    p for area, regs in AREA_REGISTERS.items() for p in registers.area_urlpatterns(area, regs)
]
