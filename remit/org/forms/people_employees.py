"""Forms for employees, the lifecycle events, openings and handovers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from remit.domain.people import CandidateStage, EventKind, HandoverItemKind, PositionStatus
from remit.forms import StyledForm, StyledModelForm

from .. import registers
from ..models import (
    Assignment,
    Candidate,
    Employee,
    Opening,
    Position,
    Procedure,
    Skill,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _positions(org, *, exclude: Position | None = None):
    qs = Position.objects.filter(org=org).exclude(status=PositionStatus.ARCHIVED).order_by("title")
    return qs.exclude(pk=exclude.pk) if exclude is not None else qs


class PositionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Position) -> str:
        return f"{obj.title} ({obj.key})"


def _today():
    return timezone.localdate()


class EmployeeForm(StyledModelForm):
    class Meta:
        model = Employee
        fields = ["name", "key", "email", "phone", "user_email", "hired_on", "left_on", "status"]
        widgets = {"hired_on": DATE, "left_on": DATE}
        help_texts = {
            "key": _("A short code used in files and the API, e.g. E060."),
            "user_email": _(
                "The e-mail this person logs in to Remit with: it links them to “My job”."
            ),
            "status": _("Hires, moves and leaving are recorded with the lifecycle forms."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False


class HireForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    position = PositionChoice(label=_("Position"), queryset=Position.objects.none())
    on = forms.DateField(label=_("First working day"), widget=DATE, initial=_today)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    user_email = forms.EmailField(
        label=_("Remit login e-mail"),
        required=False,
        help_text=_("If the new employee will use Remit: links them to “My job”."),
    )
    key = forms.CharField(
        label=_("Key"),
        max_length=64,
        required=False,
        help_text=_("Left empty, the next employee number is used."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, org, opening: Opening | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = _positions(org)
        if opening is not None:
            self.fields["position"].queryset = Position.objects.filter(pk=opening.position_id)
            self.fields["position"].initial = opening.position_id
            self.fields["position"].help_text = _("The position of the opening.")
            self.fields["name"].help_text = _("Left empty, the candidate's name.")
        else:
            self.fields["name"].required = True


class MoveForm(StyledForm):
    to_position = PositionChoice(label=_("New position"), queryset=Position.objects.none())
    on = forms.DateField(
        label=_("From"),
        widget=DATE,
        initial=_today,
        help_text=_("The old position ends the day before."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    handover = forms.BooleanField(
        label=_("Generate the handover of the old position"), required=False, initial=True
    )
    due_on = forms.DateField(
        label=_("Handover due on"),
        widget=DATE,
        required=False,
        help_text=_("Left empty, the day of the move."),
    )

    def __init__(self, *args, org, current: Position | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_position"].queryset = _positions(org, exclude=current)


class TrainingForm(StyledForm):
    on = forms.DateField(label=_("Date"), widget=DATE, initial=_today)
    procedure = forms.ModelChoiceField(
        label=_("SOP trained"), queryset=Procedure.objects.none(), required=False
    )
    passed = forms.TypedChoiceField(
        label=_("Assessment"),
        choices=[("", _("Not assessed yet")), ("yes", _("Passed")), ("no", _("Failed"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )
    score = forms.IntegerField(label=_("Score"), min_value=0, max_value=100, required=False)
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=Skill.objects.none(), required=False)
    level = forms.TypedChoiceField(
        label=_("Level reached"),
        choices=[("", "—"), *[(str(i), str(i)) for i in range(1, 6)]],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("1 = basic … 5 = expert."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = (
            Procedure.objects.filter(org=org).exclude(status="retired").order_by("title")
        )
        self.fields["skill"].queryset = Skill.objects.filter(org=org).order_by("name")


class ConfidentialityForm(StyledForm):
    on = forms.DateField(label=_("Signed on"), widget=DATE, initial=_today)
    expires_on = forms.DateField(
        label=_("Renew by"),
        widget=DATE,
        required=False,
        help_text=_("When the agreement expires and must be renewed; empty if it does not."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, org=None, **kwargs):
        super().__init__(*args, **kwargs)


class LeaveForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Why"),
        choices=[
            (EventKind.RESIGNATION.value, _("Resignation")),
            (EventKind.TERMINATION.value, _("Termination")),
        ],
        widget=forms.RadioSelect,
        initial=EventKind.RESIGNATION.value,
    )
    on = forms.DateField(
        label=_("Given on"),
        widget=DATE,
        initial=_today,
        help_text=_("The day the resignation was handed in or the notice given."),
    )
    last_day = forms.DateField(
        label=_("Last working day"),
        widget=DATE,
        help_text=_("Every assignment ends on this day."),
    )
    due_on = forms.DateField(
        label=_("Handover due on"),
        widget=DATE,
        required=False,
        help_text=_("Left empty, the last working day."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, org=None, **kwargs):
        super().__init__(*args, **kwargs)


class AssignmentForm(StyledModelForm):
    class Meta:
        model = Assignment
        fields = ["position", "start", "end", "primary"]
        widgets = {"start": DATE, "end": DATE}
        field_classes = {"position": PositionChoice}
        help_texts = {
            "primary": _("Untick for an acting position held beside the main one."),
            "end": _("Empty while it lasts."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.org = org
        self.fields["position"].queryset = _positions(org)


class OpeningForm(registers.RegisterForm):
    class Meta:
        model = Opening
        fields = ["position", "key", "opened_on", "needed_by", "status"]
        widgets = {"opened_on": DATE, "needed_by": DATE}
        field_classes = {"position": PositionChoice}
        help_texts = {"status": _("An opening is filled by hiring one of its candidates.")}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        # A new row knows its organisation, so the model's same-organisation check passes.
        self.instance.org = org
        self.fields["position"].queryset = _positions(org)
        self.fields["key"].help_text = _("Left empty, a key is made from the position.")
        if not self.instance.pk:
            self.fields["opened_on"].initial = _today


class CandidateForm(StyledModelForm):
    class Meta:
        model = Candidate
        fields = ["name", "email", "stage", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.stage != CandidateStage.HIRED:
            self.fields["stage"].choices = [
                c for c in self.fields["stage"].choices if c[0] != CandidateStage.HIRED
            ]


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        choices=[(s.value, _(s.label)) for s in CandidateStage if s != CandidateStage.HIRED]
    )


class SuccessorField(forms.CharField):
    """An employee named by key (offered from a list of colleagues as the user types)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)


class ItemForm(StyledForm):
    successor = SuccessorField(label=_("Successor"), required=False)
    done = forms.BooleanField(label=_("Handed over"), required=False)


class ItemAddForm(StyledForm):
    description = forms.CharField(
        label=_("What else to hand over"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Keys, passwords, a customer's habits — what the graph does not know."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(k.value, _(k.label)) for k in HandoverItemKind], initial="other"
    )
    successor = SuccessorField(label=_("Successor"), required=False)


class AssignAllForm(StyledForm):
    successor = SuccessorField(label=_("Give every open item without a successor to"))


class DueForm(StyledForm):
    due_on = forms.DateField(label=_("Due on"), widget=DATE, required=False)


class HandoverForm(StyledForm):
    position = PositionChoice(label=_("Position handed over"), queryset=Position.objects.none())
    reason = forms.ChoiceField(
        label=_("Why"),
        choices=[
            (k.value, _(k.label))
            for k in (
                EventKind.ROTATION,
                EventKind.PROMOTION,
                EventKind.RESIGNATION,
                EventKind.TERMINATION,
                EventKind.OTHER,
            )
        ],
    )
    last_day = forms.DateField(label=_("Last day in the position"), widget=DATE, initial=_today)
    due_on = forms.DateField(label=_("Due on"), widget=DATE, required=False)

    def __init__(self, *args, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions
