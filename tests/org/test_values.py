"""The owner's values (A1): recording them, who may read them, what serves them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.actions import strategy as strategy_actions
from remit.org.actions import values as actions
from remit.org.actions.values import ChoiceIn
from remit.org.models import ValueChoice, ValueOrientation


def url(org, name):
    return reverse(f"org:{name}", args=[org.slug])


def form_data(**overrides):
    data = {
        "statement": "Build something lasting, and be home for dinner.",
        "visibility": "owners",
        "rank_self_realisation": "1",
        "words_self_realisation": "The best ovens in Ireland.",
        "rank_family": "2",
        "words_family": "Home by six.",
    }
    data.update(overrides)
    return data


def save(org, owner, visibility="owners", choices=None):
    return actions.values_update(
        org=org,
        actor=owner,
        statement="Build something lasting.",
        visibility=visibility,
        choices=choices
        if choices is not None
        else [ChoiceIn("self_realisation", 1, "Best ovens"), ChoiceIn("wealth", 2, "Retire")],
    )


def test_owner_records_values_from_the_empty_page(owner_client, org, owner):
    page = owner_client.get(url(org, "values")).content.decode()
    assert "What do you really want?" in page
    assert url(org, "values_edit") in page
    r = owner_client.post(url(org, "values_edit"), form_data(visibility="managers"))
    assert r.status_code == 302
    assert r["Location"] == url(org, "values")
    row = ValueOrientation.objects.get(org=org)
    assert row.visibility == "managers"
    assert list(
        ValueChoice.objects.filter(orientation=row).order_by("rank").values_list("value", "words")
    ) == [("self_realisation", "The best ovens in Ireland."), ("family", "Home by six.")]
    # One change of the orientation, the ranked values inside it.
    (ev,) = AuditEvent.objects.filter(org=org, entity_type="valueorientation")
    assert ev.changes["choices"][1][0]["value"] == "self_realisation"
    assert not AuditEvent.objects.filter(org=org, entity_type="valuechoice").exists()
    page = owner_client.get(url(org, "values")).content.decode()
    assert "The best ovens in Ireland." in page
    assert "Owners, admins and managers" in page


def test_edit_form_shows_the_saved_values(owner_client, org, owner):
    save(org, owner, choices=[ChoiceIn("other", 1, "Jobs", label="Good jobs in the west")])
    page = owner_client.get(url(org, "values_edit")).content.decode()
    assert 'value="Good jobs in the west"' in page
    assert '<option value="1" selected>' in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rank_family": "1"}, "rank_family", "already given"),
        ({"rank_other": "3"}, "label_other", "Name the"),
        (
            {"rank_family": "", "words_family": "Home by six."},
            "rank_family",
            "Give this value a rank",
        ),
        ({"visibility": "everyone"}, "visibility", "valid choice"),
    ],
)
def test_mistakes_are_shown_and_nothing_is_saved(owner_client, org, data, field, message):
    r = owner_client.post(url(org, "values_edit"), form_data(**data))
    assert r.status_code == 200
    html = r.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert not ValueOrientation.objects.filter(org=org).exists()


def test_saving_again_replaces_the_ranking(org, owner):
    save(org, owner)
    row = save(
        org,
        owner,
        choices=[ChoiceIn("family", 5, "Dinner"), ChoiceIn("wealth", 9, "Retire early")],
    )
    choices = list(ValueChoice.objects.filter(orientation=row).order_by("rank"))
    assert [(c.value, c.rank, c.words) for c in choices] == [
        ("family", 1, "Dinner"),
        ("wealth", 2, "Retire early"),
    ]
    assert ValueOrientation.objects.filter(org=org).count() == 1
    ev = AuditEvent.objects.filter(org=org, entity_type="valueorientation").order_by("id").last()
    assert ev.action == "update"


@pytest.mark.parametrize(
    ("choices", "field"),
    [
        ([ChoiceIn("wealth", 1), ChoiceIn("wealth", 2)], "choices"),
        ([ChoiceIn("wealth", 1), ChoiceIn("family", 1)], "choices"),
        ([ChoiceIn("fame", 1)], "choices"),
        ([ChoiceIn("other", 1)], "choices"),
        ([ChoiceIn("wealth", 0)], "choices"),
    ],
)
def test_the_action_refuses_bad_rankings(org, owner, choices, field):
    with pytest.raises(ValidationError) as exc:
        save(org, owner, choices=choices)
    assert field in exc.value.message_dict
    assert not ValueOrientation.objects.filter(org=org).exists()


@pytest.mark.parametrize(
    ("role", "visibility", "status"),
    [
        ("admin", "owners", 403),
        ("admin", "admins", 200),
        ("admin", "managers", 200),
        ("manager", "owners", 403),
        ("manager", "admins", 403),
        ("manager", "managers", 200),
        ("member", "managers", 403),
        ("viewer", "managers", 403),
    ],
)
def test_who_reads_the_values(client, org, owner, make_user, member_of, role, visibility, status):
    save(org, owner, visibility=visibility)
    user = member_of(make_user(), org, role).user
    client.force_login(user)
    r = client.get(url(org, "values"))
    assert r.status_code == status
    if status == 200:
        assert "Best ovens" in r.content.decode()
        assert url(org, "values_edit") not in r.content.decode()
    # Only owners change them, whatever is shared.
    assert client.get(url(org, "values_edit")).status_code == 403
    assert client.post(url(org, "values_edit"), form_data()).status_code == 403


def test_roles_without_access_get_403_even_before_anything_is_recorded(
    client, org, make_user, member_of
):
    for role in ("admin", "manager", "member", "viewer"):
        user = member_of(make_user(), org, role).user
        client.force_login(user)
        assert client.get(url(org, "values")).status_code == 403


def test_page_shows_what_serves_each_value_and_what_serves_none(owner_client, org, owner):
    save(
        org,
        owner,
        choices=[ChoiceIn("wealth", 1, "Retire"), ChoiceIn("family", 2, "Dinner at home")],
    )
    for key, serves in (("OBJ-SALES", "wealth"), ("OBJ-FAME", "status"), ("OBJ-NONE", "")):
        strategy_actions.objective_create(
            org=org, actor=owner, title=key, key=key, serves=serves, target=1
        )
    strategy_actions.objective_create(
        org=org, actor=owner, title="Old", key="OBJ-OLD", serves="family", status="dropped"
    )
    html = owner_client.get(url(org, "values")).content.decode()
    detail = reverse("org:objective_detail", args=[org.slug, "OBJ-SALES"])
    assert f'href="{detail}"' in html
    # Family: only a dropped objective serves it.
    assert html.count('data-testid="unserved"') == 1
    assert "OBJ-OLD" not in html
    assert "says no value" in html
    assert "which is not ranked" in html


def test_values_page_costs_constant_queries(owner_client, org, owner, django_assert_num_queries):
    save(org, owner)
    strategy_actions.objective_create(org=org, actor=owner, title="A", serves="wealth")
    with CaptureQueriesContext(connection) as ctx:
        owner_client.get(url(org, "values"))
    n = len(ctx.captured_queries)
    assert n <= 8
    for i in range(20):
        strategy_actions.objective_create(
            org=org,
            actor=owner,
            title=f"Objective {i}",
            serves=["wealth", "family", ""][i % 3],
            deadline=dt.date(2027, 1, 1),
        )
    with django_assert_num_queries(n):
        owner_client.get(url(org, "values"))
