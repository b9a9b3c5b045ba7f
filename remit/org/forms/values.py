from django import forms
from django.utils.translation import gettext_lazy as _

from remit.domain.values import Value, Visibility
from remit.forms import StyledForm

from ..actions.values import ChoiceIn
from ..models import ValueChoice, ValueOrientation

VISIBILITY_HELP = {
    Visibility.OWNERS: _("Only owners see this page."),
    Visibility.ADMINS: _("Owners and admins see it; managers, members and viewers do not."),
    Visibility.MANAGERS: _("Owners, admins and managers see it; members and viewers do not."),
}


class ValuesForm(StyledForm):
    """The owner's words, who may read them, and a rank and words for each value."""

    statement = forms.CharField(
        label=_("What do you really want? In your own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why you run this company and what it should give you — the sentence you would "
            "say to a friend, not to a bank."
        ),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read this"),
        choices=[(v.value, _(v.label)) for v in Visibility],
        widget=forms.RadioSelect,
        initial=Visibility.OWNERS.value,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ranks = [("", _("Not chosen"))] + [(str(i), str(i)) for i in range(1, len(Value) + 1)]
        # Fields made here miss the styling StyledMixin gave the declared ones: set it.
        for v in Value:
            self.fields[f"rank_{v.value}"] = forms.TypedChoiceField(
                label=_("Rank"),
                choices=ranks,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"words_{v.value}"] = forms.CharField(
                label=_("In your words"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
            )
        self.fields["label_other"] = forms.CharField(
            label=_("Its name"),
            required=False,
            max_length=100,
            widget=forms.TextInput(attrs={"class": "form-control"}),
        )

    @classmethod
    def initial_from(
        cls, row: ValueOrientation | None, choices: list[ValueChoice]
    ) -> dict[str, object]:
        if row is None:
            return {"visibility": Visibility.OWNERS.value}
        initial: dict[str, object] = {"statement": row.statement, "visibility": row.visibility}
        for c in choices:
            initial[f"rank_{c.value}"] = str(c.rank)
            initial[f"words_{c.value}"] = c.words
            if c.value == Value.OTHER:
                initial["label_other"] = c.label
        return initial

    def rows(self) -> list[tuple[Value, forms.BoundField, forms.BoundField, object]]:
        """(value, rank field, words field, name field or None) in the order of the values."""
        return [
            (
                v,
                self[f"rank_{v.value}"],
                self[f"words_{v.value}"],
                self["label_other"] if v == Value.OTHER else None,
            )
            for v in Value
        ]

    def visibility_options(self) -> list[tuple[object, object]]:
        """Each radio button of the visibility with what it means."""
        return [(radio, VISIBILITY_HELP[radio.data["value"]]) for radio in self["visibility"]]

    def clean(self):
        data = super().clean()
        seen: dict[int, str] = {}
        for v in Value:
            rank = data.get(f"rank_{v.value}")
            words = (data.get(f"words_{v.value}") or "").strip()
            if rank is None:
                if words:
                    self.add_error(
                        f"rank_{v.value}", _("Give this value a rank to keep your words.")
                    )
                continue
            if rank in seen:
                self.add_error(
                    f"rank_{v.value}",
                    _("Rank %(rank)s is already given to %(other)s.")
                    % {"rank": rank, "other": _(Value(seen[rank]).label)},
                )
            seen[rank] = v.value
        if data.get("rank_other") is not None and not (data.get("label_other") or "").strip():
            self.add_error("label_other", _("Name the “other” value in a few words."))
        return data

    def choices(self) -> list[ChoiceIn]:
        d = self.cleaned_data
        return [
            ChoiceIn(
                value=v.value,
                rank=d[f"rank_{v.value}"],
                words=d.get(f"words_{v.value}") or "",
                label=(d.get("label_other") or "") if v == Value.OTHER else "",
            )
            for v in Value
            if d.get(f"rank_{v.value}") is not None
        ]
