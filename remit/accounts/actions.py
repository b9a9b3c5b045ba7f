"""Writes for users, organisations, memberships, invitations and API tokens.

Each action is keyword-only, atomic, validates before it writes (raising
``ValidationError`` with a plain message) and records the change.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import audit
from .models import (
    RESERVED_SLUGS,
    ApiToken,
    AuditAction,
    Invitation,
    Membership,
    Organization,
    Role,
    User,
    hash_secret,
)
from .tasks import send_email

INVITATION_VALID_DAYS = 14
ORG_FIELDS = [
    "name",
    "slug",
    "language",
    "currency",
    "fiscal_year_start",
    "finance_open",
    "personal_data_open",
]


def unique_slug(name: str) -> str:
    """A free organisation slug derived from a name (ASCII; falls back to 'org')."""
    base = slugify(name)[:50] or "org"
    if base in RESERVED_SLUGS:
        base = f"{base}-org"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _validate_org(org: Organization) -> None:
    exclude = ["id"] if org.pk is None else None
    org.full_clean(exclude=exclude)


@transaction.atomic
def user_create(*, email: str, password: str | None, name: str = "", language: str = "") -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("A user with this e-mail address already exists.")})
    user = User.objects.create_user(email, password, name=name.strip(), language=language)
    audit.record(
        org=None,
        actor=user,
        action=AuditAction.CREATE,
        instance=user,
        entity_key=user.email,
        after={"email": user.email, "name": user.name},
    )
    return user


@transaction.atomic
def user_update(*, user: User, name: str | None = None, language: str | None = None) -> User:
    before = audit.state(user, ["name", "language"])
    if name is not None:
        user.name = name.strip()
    if language is not None:
        if language and language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Unknown language.")})
        user.language = language
    user.save(update_fields=["name", "language"])
    audit.record(
        org=None,
        actor=user,
        action=AuditAction.UPDATE,
        instance=user,
        entity_key=user.email,
        before=before,
        after=audit.state(user, ["name", "language"]),
    )
    return user


@transaction.atomic
def org_create(
    *,
    name: str,
    owner: User | None,
    slug: str = "",
    language: str = "en",
    currency: str = "EUR",
    fiscal_year_start: int = 1,
    actor: User | None = None,
) -> Organization:
    """Create an organisation; ``owner`` (if given) becomes its first owner."""
    org = Organization(
        name=name.strip(),
        slug=slug.strip().lower() or unique_slug(name),
        language=language,
        currency=currency,
        fiscal_year_start=fiscal_year_start,
    )
    _validate_org(org)
    org.save()
    actor = actor or owner
    audit.record(
        org=org,
        actor=actor,
        action=AuditAction.CREATE,
        instance=org,
        entity_key=org.slug,
        after=audit.state(org, ORG_FIELDS),
    )
    if owner is not None:
        membership_add(org=org, user=owner, role=Role.OWNER, actor=actor)
    return org


@transaction.atomic
def org_update(*, org: Organization, actor: User | None, **fields) -> Organization:
    unknown = set(fields) - set(ORG_FIELDS)
    if unknown:
        raise TypeError(f"org_update() got unknown fields: {sorted(unknown)}")
    before = audit.state(org, ORG_FIELDS)
    for name, value in fields.items():
        setattr(org, name, value)
    _validate_org(org)
    org.save()
    audit.record(
        org=org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=org,
        entity_key=org.slug,
        before=before,
        after=audit.state(org, ORG_FIELDS),
    )
    return org


@transaction.atomic
def org_delete(*, org: Organization, actor: User | None) -> None:
    """Delete an organisation and everything in it (its audit trail goes with it)."""
    org.delete()
    audit.record(
        org=None,
        actor=actor,
        action=AuditAction.DELETE,
        entity_type="organization",
        entity_key=org.slug,
        summary=f"Deleted organisation {org.name} ({org.slug})",
    )


def _membership_state(m: Membership) -> dict:
    return {"user": m.user.email, "role": m.role}


@transaction.atomic
def membership_add(
    *, org: Organization, user: User, role: Role | str, actor: User | None
) -> Membership:
    if Membership.objects.filter(org=org, user=user).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": user.email})
    m = Membership.objects.create(org=org, user=user, role=Role(role))
    audit.record(
        org=org,
        actor=actor,
        action=AuditAction.CREATE,
        instance=m,
        entity_key=user.email,
        after=_membership_state(m),
    )
    return m


def _owners_left(org: Organization, excluding: Membership) -> int:
    return Membership.objects.filter(org=org, role=Role.OWNER).exclude(pk=excluding.pk).count()


def _check_owner_change(actor_membership: Membership | None, target: Membership, new_role) -> None:
    touches_owner = target.role == Role.OWNER or new_role == Role.OWNER
    if touches_owner and actor_membership is not None and actor_membership.role != Role.OWNER:
        raise ValidationError(_("Only an owner can grant or remove the owner role."))
    if (
        target.role == Role.OWNER
        and new_role != Role.OWNER
        and _owners_left(target.org, target) == 0
    ):
        raise ValidationError(_("An organisation needs at least one owner."))


@transaction.atomic
def membership_set_role(
    *,
    membership: Membership,
    role: Role | str,
    actor: User | None,
    actor_membership: Membership | None = None,
) -> Membership:
    role = Role(role)
    _check_owner_change(actor_membership, membership, role)
    before = _membership_state(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        org=membership.org,
        actor=actor,
        action=AuditAction.UPDATE,
        instance=membership,
        entity_key=membership.user.email,
        before=before,
        after=_membership_state(membership),
    )
    return membership


@transaction.atomic
def membership_remove(
    *, membership: Membership, actor: User | None, actor_membership: Membership | None = None
) -> None:
    _check_owner_change(actor_membership, membership, None)
    before = _membership_state(membership)
    pk = membership.pk
    membership.delete()
    audit.record(
        org=membership.org,
        actor=actor,
        action=AuditAction.DELETE,
        entity_type="membership",
        entity_id=pk,
        entity_key=membership.user.email,
        before=before,
    )


@transaction.atomic
def invitation_create(
    *, org: Organization, email: str, role: Role | str, invited_by: User | None
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link. Returns it with the raw token (shown once)."""
    email = email.strip().lower()
    if Membership.objects.filter(org=org, user__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already a member.") % {"email": email}})
    raw = ApiToken.new_raw()
    inv = Invitation.objects.create(
        org=org,
        email=email,
        role=Role(role),
        token_hash=hash_secret(raw),
        invited_by=invited_by,
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_VALID_DAYS),
    )
    audit.record(
        org=org,
        actor=invited_by,
        action=AuditAction.CREATE,
        instance=inv,
        entity_key=email,
        after={"email": email, "role": inv.role},
    )
    link = settings.SITE_URL + reverse("invite_accept", args=[raw])
    with translation.override(org.language):
        subject = _("You are invited to %(org)s on Remit") % {"org": org.name}
        body = render_to_string(
            "accounts/email/invitation.txt",
            {
                "org": org,
                "link": link,
                "invitation": inv,
                "inviter": invited_by,
                "days": INVITATION_VALID_DAYS,
            },
        )
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[email]))
    return inv, raw


def invitation_for_token(raw: str) -> Invitation | None:
    """The open invitation a raw token names, or None."""
    inv = Invitation.objects.select_related("org").filter(token_hash=hash_secret(raw)).first()
    return inv if inv is not None and inv.is_open else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    inv = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not inv.is_open:
        raise ValidationError(_("This invitation has expired or was already used."))
    existing = Membership.objects.filter(org=inv.org, user=user).first()
    membership = existing or membership_add(org=inv.org, user=user, role=inv.role, actor=user)
    inv.accepted_at = timezone.now()
    inv.accepted_by = user
    inv.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: User | None) -> None:
    audit.record(
        org=invitation.org,
        actor=actor,
        action=AuditAction.DELETE,
        instance=invitation,
        entity_key=invitation.email,
        before={"email": invitation.email, "role": invitation.role},
    )
    invitation.delete()


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal API token. The raw value is returned once and never stored."""
    name = name.strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, such as the script that uses it.")}
        )
    raw = ApiToken.new_raw()
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[: len(ApiToken.PREFIX) + 4], token_hash=hash_secret(raw)
    )
    audit.record(
        org=None,
        actor=user,
        action=AuditAction.CREATE,
        instance=token,
        entity_key=token.prefix,
        after={"name": name},
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: User) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            org=None,
            actor=actor,
            action=AuditAction.UPDATE,
            instance=token,
            entity_key=token.prefix,
            before={"revoked": False},
            after={"revoked": True},
        )


def token_authenticate(raw: str) -> User | None:
    """The active user a raw token belongs to, or None. Marks the token as used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_secret(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Write at most once a minute: reads through the API must not all become writes.
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
