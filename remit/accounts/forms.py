from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from remit.forms import StyledForm, StyledMixin, StyledModelForm

from .actions import unique_slug
from .models import Organization, Role, User


class LoginForm(StyledMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class PasswordResetForm(StyledMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(StyledMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(StyledMixin, auth_forms.PasswordChangeForm):
    pass


class ProfileForm(StyledModelForm):
    class Meta:
        model = User
        fields = ["name", "language"]
        labels = {"language": _("Preferred language")}


class SignupForm(StyledForm):
    """Used when accepting an invitation without an account yet."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, User(email=self.email))
        return password


class OrganizationForm(StyledModelForm):
    class Meta:
        model = Organization
        fields = ["name", "slug", "language", "currency", "fiscal_year_start"]
        help_texts = {
            "slug": _(
                "Lower-case letters, digits and hyphens; used in addresses: /o/<short name>/"
            ),
            "currency": _("Three-letter code, e.g. EUR, USD, CNY."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["language"].initial = settings.LANGUAGE_CODE

    def clean(self):
        data = super().clean()
        # Left empty, the short name is derived from the name.
        if not data.get("slug") and data.get("name"):
            data["slug"] = unique_slug(data["name"])
        return data


class OrganizationSettingsForm(StyledModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "slug",
            "language",
            "currency",
            "fiscal_year_start",
            "finance_open",
            "personal_data_open",
        ]


class InvitationForm(StyledForm):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(StyledForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TokenForm(StyledForm):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What uses it, e.g. “monthly export script”."),
    )


class DeleteOrganizationForm(StyledForm):
    confirm = forms.CharField(label=_("Type the organisation's short name to confirm"))

    def __init__(self, *args, org: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.org.slug:
            raise forms.ValidationError(_("That is not this organisation's short name."))
        return value
