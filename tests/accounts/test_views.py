import re

import pytest
from django.core import mail
from django.urls import reverse

from remit.accounts.models import AuditEvent, Invitation, Membership, Organization, User


def test_anonymous_home_goes_to_login(client):
    r = client.get("/")
    assert r.status_code == 302 and r["Location"] == reverse("login")


def test_login_by_email_takes_the_user_to_their_organisation(client, owner, org):
    r = client.post(
        reverse("login"), {"username": "OWNER@example.com", "password": "correct horse battery"}
    )
    assert r.status_code == 302
    r = client.get("/")
    assert r["Location"] == reverse("org:home", args=[org.slug])
    page = client.get(r["Location"])
    assert page.status_code == 200
    assert "Acme Kitchens" in page.content.decode()


def test_wrong_password_shows_an_error(client, owner):
    r = client.post(reverse("login"), {"username": owner.email, "password": "nope"})
    assert r.status_code == 200
    assert "correct" in r.content.decode().lower()  # "Please enter a correct e-mail and password"
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_login(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": owner.email, "password": "nope"})
    r = client.post(
        reverse("login"), {"username": owner.email, "password": "correct horse battery"}
    )
    assert r.status_code == 429
    assert "Too many failed" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_home_remembers_the_last_organisation(client, owner, org, make_org):
    other = make_org("Zeta Trading", owner=owner, slug="zeta")
    client.force_login(owner)
    client.get(reverse("org:home", args=[other.slug]))
    assert client.get("/")["Location"] == reverse("org:home", args=["zeta"])
    client.get(reverse("org:home", args=[org.slug]))
    assert client.get("/")["Location"] == reverse("org:home", args=["acme"])


def test_user_without_organisation_is_offered_to_create_one(client, make_user):
    client.force_login(make_user())
    r = client.get("/")
    assert r.status_code == 200
    assert reverse("org_create") in r.content.decode()


def test_create_organisation_page(client, make_user):
    user = make_user()
    client.force_login(user)
    r = client.post(
        reverse("org_create"),
        {
            "name": "Nova Foods",
            "slug": "",
            "language": "en",
            "currency": "usd",
            "fiscal_year_start": 4,
        },
    )
    org = Organization.objects.get(name="Nova Foods")
    assert r["Location"] == reverse("org:home", args=[org.slug])
    assert org.currency == "USD" and org.fiscal_year_start == 4
    assert Membership.objects.get(org=org, user=user).role == "owner"


def test_create_organisation_form_shows_errors_inline_and_keeps_input(client, make_user):
    client.force_login(make_user())
    r = client.post(
        reverse("org_create"),
        {
            "name": "Nova Foods",
            "slug": "api",
            "language": "en",
            "currency": "dollars",
            "fiscal_year_start": 1,
        },
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert 'value="Nova Foods"' in html
    assert "reserved" in html
    assert not Organization.objects.filter(name="Nova Foods").exists()


def test_owner_invites_and_the_invitee_signs_up(
    owner_client, org, client_factory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        r = owner_client.post(
            reverse("org:members", args=[org.slug]),
            {"email": "nina@example.com", "role": "manager"},
        )
    assert r.status_code == 302
    link = re.search(r"https?://\S+/invite/(\S+)/", mail.outbox[0].body)
    assert link
    guest = client_factory()
    page = guest.get(f"/invite/{link.group(1)}/")
    assert page.status_code == 200 and "Join Acme Kitchens" in page.content.decode()
    r = guest.post(f"/invite/{link.group(1)}/", {"name": "Nina", "password": "a-long-new-pass-42"})
    assert r["Location"] == reverse("org:home", args=[org.slug])
    nina = User.objects.get(email="nina@example.com")
    assert Membership.objects.get(user=nina, org=org).role == "manager"
    assert guest.get(f"/invite/{link.group(1)}/").status_code == 404  # used up


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


@pytest.mark.parametrize("role", ["manager", "member", "viewer"])
def test_only_owners_and_admins_manage_members(client, org, make_user, member_of, role):
    m = member_of(make_user(), org, role)
    client.force_login(m.user)
    assert client.get(reverse("org:members", args=[org.slug])).status_code == 200
    r = client.post(
        reverse("org:members", args=[org.slug]), {"email": "x@example.com", "role": "member"}
    )
    assert r.status_code == 403
    r = client.post(reverse("org:member_role", args=[org.slug, m.pk]), {"role": "owner"})
    assert r.status_code == 403
    assert not Invitation.objects.exists()
    assert Membership.objects.get(pk=m.pk).role == role


def test_owner_changes_a_role_and_it_is_recorded(owner_client, org, make_user, member_of):
    m = member_of(make_user(), org, "member")
    owner_client.post(reverse("org:member_role", args=[org.slug, m.pk]), {"role": "admin"})
    assert Membership.objects.get(pk=m.pk).role == "admin"
    ev = AuditEvent.objects.filter(org=org, entity_type="membership", action="update").get()
    assert ev.changes == {"role": ["member", "admin"]}
    history = owner_client.get(reverse("org:entity_history", args=[org.slug, "membership", m.pk]))
    assert history.status_code == 200
    assert "admin" in history.content.decode()


def test_a_member_can_leave(client, org, make_user, member_of):
    m = member_of(make_user(), org, "viewer")
    client.force_login(m.user)
    r = client.post(reverse("org:member_remove", args=[org.slug, m.pk]))
    assert r["Location"] == reverse("home")
    assert not Membership.objects.filter(pk=m.pk).exists()


def test_settings_only_owner_opens_finance(client, org, make_user, member_of):
    admin = member_of(make_user(), org, "admin")
    client.force_login(admin.user)
    url = reverse("org:settings", args=[org.slug])
    data = {
        "name": "Acme",
        "slug": "acme",
        "language": "zh-hans",
        "currency": "CNY",
        "fiscal_year_start": 1,
        "finance_open": "on",
    }
    r = client.post(url, data)
    assert "Only an owner" in r.content.decode()
    org.refresh_from_db()
    assert not org.finance_open and org.language == "en"
    data.pop("finance_open")
    client.post(url, data)
    org.refresh_from_db()
    assert org.language == "zh-hans" and org.name == "Acme"


def test_members_cannot_open_settings(client, org, make_user, member_of):
    m = member_of(make_user(), org, "member")
    client.force_login(m.user)
    assert client.get(reverse("org:settings", args=[org.slug])).status_code == 403
    assert client.get(reverse("org:history", args=[org.slug])).status_code == 403


def test_deleting_an_organisation_needs_its_short_name(owner_client, org):
    url = reverse("org:delete", args=[org.slug])
    owner_client.post(url, {"confirm": "wrong"})
    assert Organization.objects.filter(pk=org.pk).exists()
    r = owner_client.post(url, {"confirm": "acme"})
    assert r["Location"] == reverse("home")
    assert not Organization.objects.filter(pk=org.pk).exists()


def test_admin_cannot_delete_the_organisation(client, org, make_user, member_of):
    admin = member_of(make_user(), org, "admin")
    client.force_login(admin.user)
    assert (
        client.post(reverse("org:delete", args=[org.slug]), {"confirm": "acme"}).status_code == 403
    )
    assert Organization.objects.filter(pk=org.pk).exists()


def test_language_switch_is_remembered_on_the_profile(owner_client, owner, org):
    r = owner_client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert r.cookies["remit_language"].value == "zh-hans"
    owner.refresh_from_db()
    assert owner.language == "zh-hans"
    page = owner_client.get(reverse("org:home", args=[org.slug]))
    assert page["Content-Language"] == "zh-hans"
    assert '<html lang="zh-hans">' in page.content.decode()


def test_password_reset_mails_a_working_link(client, owner, settings):
    settings.SITE_URL = "https://remit.example.com"
    client.post(reverse("password_reset"), {"email": owner.email})
    assert len(mail.outbox) == 1
    m = re.search(r"https://remit\.example\.com(/account/password/reset/\S+/)", mail.outbox[0].body)
    assert m, mail.outbox[0].body
    r = client.get(m.group(1), follow=True)
    assert r.status_code == 200 and "new_password1" in r.content.decode()
    r = client.post(
        r.redirect_chain[-1][0],
        {"new_password1": "brand-new-pass-77", "new_password2": "brand-new-pass-77"},
    )
    owner.refresh_from_db()
    assert owner.check_password("brand-new-pass-77")


def test_tokens_page_shows_the_raw_token_once(owner_client):
    r = owner_client.post(reverse("tokens"), {"name": "nightly export"})
    raw = re.search(r"remit_[A-Za-z0-9_\-]{20,}", r.content.decode()).group(0)
    again = owner_client.get(reverse("tokens")).content.decode()
    assert raw not in again
    assert "nightly export" in again


def test_history_lists_changes(owner_client, org, owner):
    r = owner_client.get(reverse("org:history", args=[org.slug]))
    assert r.status_code == 200
    assert "organization" in r.content.decode()


def test_unknown_entity_history_is_404(owner_client, org):
    assert (
        owner_client.get(
            reverse("org:entity_history", args=[org.slug, "position", 999999])
        ).status_code
        == 404
    )
