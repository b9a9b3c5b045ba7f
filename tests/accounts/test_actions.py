import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from remit.accounts import actions, audit
from remit.accounts.models import (
    ApiToken,
    AuditEvent,
    Invitation,
    Membership,
    Organization,
    Role,
)


def test_org_create_makes_the_creator_owner_and_records_it(owner):
    org = actions.org_create(name="Acme Kitchens", owner=owner)
    assert org.slug == "acme-kitchens"
    assert Membership.objects.get(org=org, user=owner).role == Role.OWNER
    kinds = set(AuditEvent.objects.filter(org=org).values_list("entity_type", "action"))
    assert kinds == {("organization", "create"), ("membership", "create")}


def test_org_create_derives_a_free_slug(owner, make_org):
    make_org("Acme", owner=owner)
    second = actions.org_create(name="Acme", owner=owner)
    assert second.slug == "acme-2"


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [("slug", {"slug": "api"}), ("currency", {"currency": "euro"})],
)
def test_org_create_rejects_bad_values_and_writes_nothing(owner, field, kwargs):
    with pytest.raises(ValidationError) as exc:
        actions.org_create(name="Acme", owner=owner, **kwargs)
    assert field in exc.value.message_dict
    assert not Organization.objects.exists()
    assert not AuditEvent.objects.filter(entity_type="organization").exists()


def test_org_update_records_before_and_after(org, owner):
    actions.org_update(org=org, actor=owner, name="Acme Kitchen Equipment", currency="cny")
    org.refresh_from_db()
    assert org.currency == "CNY"
    ev = AuditEvent.objects.filter(org=org, action="update").get()
    assert ev.changes == {
        "name": ["Acme Kitchens", "Acme Kitchen Equipment"],
        "currency": ["EUR", "CNY"],
    }
    assert ev.actor == owner


def test_an_update_that_changes_nothing_records_nothing(org, owner):
    actions.org_update(org=org, actor=owner, name=org.name)
    assert not AuditEvent.objects.filter(org=org, action="update").exists()


def test_the_last_owner_cannot_be_demoted_or_removed(org, owner):
    m = Membership.objects.get(org=org, user=owner)
    with pytest.raises(ValidationError, match="at least one owner"):
        actions.membership_set_role(membership=m, role=Role.ADMIN, actor=owner, actor_membership=m)
    with pytest.raises(ValidationError, match="at least one owner"):
        actions.membership_remove(membership=m, actor=owner, actor_membership=m)
    assert Membership.objects.get(pk=m.pk).role == Role.OWNER


def test_an_admin_cannot_grant_the_owner_role(org, make_user, member_of):
    admin = member_of(make_user(), org, "admin")
    other = member_of(make_user(), org, "member")
    with pytest.raises(ValidationError, match="Only an owner"):
        actions.membership_set_role(
            membership=other, role=Role.OWNER, actor=admin.user, actor_membership=admin
        )
    actions.membership_set_role(
        membership=other, role=Role.MANAGER, actor=admin.user, actor_membership=admin
    )
    assert Membership.objects.get(pk=other.pk).role == Role.MANAGER


def test_invitation_is_mailed_and_accepted_once(
    org, owner, make_user, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://remit.example.com"
    with django_capture_on_commit_callbacks(execute=True):
        inv, raw = actions.invitation_create(
            org=org, email="New@Example.com", role="manager", invited_by=owner
        )
    assert inv.email == "new@example.com"
    assert raw not in inv.token_hash  # only the hash is stored
    assert len(mail.outbox) == 1
    assert f"https://remit.example.com/invite/{raw}/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["new@example.com"]

    found = actions.invitation_for_token(raw)
    assert found == inv
    user = make_user("new@example.com")
    m = actions.invitation_accept(invitation=found, user=user)
    assert m.role == Role.MANAGER and m.org == org
    assert actions.invitation_for_token(raw) is None  # used


def test_expired_invitation_is_not_found(org, owner):
    inv, raw = actions.invitation_create(
        org=org, email="late@example.com", role="member", invited_by=owner
    )
    Invitation.objects.filter(pk=inv.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert actions.invitation_for_token(raw) is None


def test_inviting_an_existing_member_is_refused(org, owner):
    with pytest.raises(ValidationError, match="already a member"):
        actions.invitation_create(org=org, email=owner.email, role="member", invited_by=owner)
    assert not Invitation.objects.exists()


def test_api_token_is_shown_once_stored_hashed_and_revocable(owner):
    token, raw = actions.token_create(user=owner, name="export script")
    assert raw.startswith("remit_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw not in (stored.token_hash, stored.prefix)
    assert raw.startswith(stored.prefix)
    assert actions.token_authenticate(raw) == owner
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None
    actions.token_revoke(token=stored, actor=owner)
    assert actions.token_authenticate(raw) is None
    assert actions.token_authenticate("remit_wrong") is None


def test_token_needs_a_name(owner):
    with pytest.raises(ValidationError):
        actions.token_create(user=owner, name="  ")


def test_record_many_inserts_in_one_statement_per_batch(org, owner, django_assert_num_queries):
    events = [
        audit.event(
            org=org,
            actor=owner,
            action="import",
            entity_type="position",
            entity_id=i,
            entity_key=f"P{i}",
            after={"title": f"Post {i}"},
        )
        for i in range(500)
    ]
    with django_assert_num_queries(1):
        assert audit.record_many(events, batch_size=1000) == 500
    assert AuditEvent.objects.filter(org=org, action="import").count() == 500


def test_diff_lists_only_changed_fields():
    assert audit.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {"b": [2, 3], "c": [None, 4]}
