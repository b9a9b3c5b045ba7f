"""Pages for logging in, the user's own account, organisations and their members.

Views parse input, check access, call an action or a query, and render.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from . import actions
from .access import org_member_required, require
from .forms import (
    DeleteOrganizationForm,
    InvitationForm,
    LoginForm,
    OrganizationForm,
    OrganizationSettingsForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    RoleForm,
    SetPasswordForm,
    SignupForm,
    TokenForm,
)
from .models import ApiToken, AuditEvent, Invitation, Membership, User
from .permissions import CAPABILITY_LABELS, MATRIX, ROLES, Capability, can_see_entity_history, has


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )


def home(request: HttpRequest) -> HttpResponse:
    """Send a user to the organisation they worked in last, or offer to create one."""
    if not request.user.is_authenticated:
        return redirect("login")
    memberships = list(
        Membership.objects.filter(user=request.user).select_related("org").order_by("org__name")
    )
    if not memberships:
        return render(request, "accounts/no_org.html")
    chosen = next((m for m in memberships if m.org_id == request.user.last_org_id), memberships[0])
    return redirect("org:home", chosen.org.slug)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        _set_language_cookie(response, form.get_user().language)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        # Links in the e-mail point at the configured public address.
        from urllib.parse import urlsplit

        parts = urlsplit(settings.SITE_URL)
        self.extra_email_context = {"protocol": parts.scheme, "domain": parts.netloc}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    success_url = reverse_lazy("profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, remembered on the user's profile too."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        actions.user_update(user=request.user, language=language)
    return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        actions.user_update(
            user=request.user,
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your profile was saved."))
        response = redirect("profile")
        _set_language_cookie(response, form.cleaned_data["language"])
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = actions.token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm()
    listing = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(request, "accounts/tokens.html", {"form": form, "tokens": listing, "raw": raw})


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    actions.token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("tokens")


@login_required
def org_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            org = actions.org_create(owner=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("%(name)s was created. You are its owner.") % {"name": org.name}
            )
            return redirect("org:home", org.slug)
    return render(request, "accounts/org_create.html", {"form": form})


def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = actions.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invite_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    ctx = {"invitation": invitation, "existing": existing}
    if request.user.is_authenticated:
        if request.method == "POST":
            actions.invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, _("Welcome to %(org)s.") % {"org": invitation.org.name})
            return redirect("org:home", invitation.org.slug)
        return render(request, "accounts/invite_accept.html", ctx)
    if existing is not None:
        ctx["login_url"] = f"{reverse('login')}?next={request.path}"
        return render(request, "accounts/invite_accept.html", ctx)
    form = SignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = actions.user_create(
            email=invitation.email,
            password=form.cleaned_data["password"],
            name=form.cleaned_data["name"],
            language=invitation.org.language,
        )
        actions.invitation_accept(invitation=invitation, user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("org:home", invitation.org.slug)
    ctx["form"] = form
    return render(request, "accounts/invite_accept.html", ctx)


# --- Organisation-scoped pages -------------------------------------------------------


@org_member_required
def members(request: HttpRequest) -> HttpResponse:
    request.area = "members"
    can_manage = has(request.membership, Capability.MEMBERS_MANAGE)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        require(request.membership, Capability.MEMBERS_MANAGE)
        if form.is_valid():
            try:
                _inv, _raw = actions.invitation_create(
                    org=request.org, invited_by=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("An invitation was sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("org:members", request.org.slug)
    listing = (
        Membership.objects.filter(org=request.org)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    invitations = Invitation.objects.filter(org=request.org, accepted_at__isnull=True).order_by(
        "-created_at"
    )
    return render(
        request,
        "accounts/members.html",
        {
            "memberships": listing,
            "invitations": invitations if can_manage else [],
            "form": form,
            "can_manage": can_manage,
            "role_form": RoleForm(),
            "matrix": [(CAPABILITY_LABELS[c], [MATRIX[c][r] for r in ROLES]) for c in MATRIX],
            "roles": ROLES,
        },
    )


@org_member_required
@require_POST
def member_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    require(request.membership, Capability.MEMBERS_MANAGE)
    target = get_object_or_404(
        Membership.objects.select_related("user", "org"), pk=membership_id, org=request.org
    )
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            actions.membership_set_role(
                membership=target,
                role=form.cleaned_data["role"],
                actor=request.user,
                actor_membership=request.membership,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("The role of %(user)s was changed.") % {"user": target.user}
            )
    return redirect("org:members", request.org.slug)


@org_member_required
@require_POST
def member_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    target = get_object_or_404(
        Membership.objects.select_related("user", "org"), pk=membership_id, org=request.org
    )
    leaving = target.pk == request.membership.pk
    if not leaving:
        require(request.membership, Capability.MEMBERS_MANAGE)
    try:
        actions.membership_remove(
            membership=target, actor=request.user, actor_membership=request.membership
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("org:members", request.org.slug)
    if leaving:
        messages.success(request, _("You left %(org)s.") % {"org": request.org.name})
        return redirect("home")
    messages.success(request, _("%(user)s was removed.") % {"user": target.user})
    return redirect("org:members", request.org.slug)


@org_member_required
@require_POST
def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    require(request.membership, Capability.MEMBERS_MANAGE)
    inv = get_object_or_404(Invitation, pk=invitation_id, org=request.org)
    actions.invitation_revoke(invitation=inv, actor=request.user)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": inv.email}
    )
    return redirect("org:members", request.org.slug)


@org_member_required
def org_settings(request: HttpRequest) -> HttpResponse:
    request.area = "settings"
    require(request.membership, Capability.SETTINGS_EDIT)
    org = request.org
    form = OrganizationSettingsForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        opening = {"finance_open", "personal_data_open"} & set(form.changed_data)
        if opening and request.membership.role != "owner":
            form.add_error(None, _("Only an owner can open finance or personal data."))
        else:
            try:
                actions.org_update(org=org, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The settings were saved."))
                return redirect("org:settings", org.slug)
    org.refresh_from_db()
    return render(
        request,
        "accounts/org_settings.html",
        {"form": form, "delete_form": DeleteOrganizationForm(org=org)},
    )


@org_member_required
@require_POST
def org_delete(request: HttpRequest) -> HttpResponse:
    require(request.membership, Capability.ORG_DELETE)
    form = DeleteOrganizationForm(request.POST, org=request.org)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["confirm"]))
        return redirect("org:settings", request.org.slug)
    name = request.org.name
    actions.org_delete(org=request.org, actor=request.user)
    messages.success(request, _("%(name)s was deleted.") % {"name": name})
    return redirect("home")


@org_member_required
def history(request: HttpRequest) -> HttpResponse:
    """The organisation's change log, newest first."""
    request.area = "history"
    require(request.membership, Capability.AUDIT_READ)
    events = AuditEvent.objects.filter(org=request.org).select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/history.html", {"page": page, "entity": None})


@org_member_required
def entity_history(request: HttpRequest, entity_type: str, entity_id: int) -> HttpResponse:
    """Every recorded change of one entity."""
    if not can_see_entity_history(request.membership, entity_type):
        raise Http404
    events = AuditEvent.objects.filter(
        org=request.org, entity_type=entity_type, entity_id=entity_id
    ).select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    if not page.object_list:
        raise Http404
    entity = page.object_list[0]
    return render(request, "accounts/history.html", {"page": page, "entity": entity})
