"""The shared register pattern, through two registers that use it (skills, grades)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.models import Grade, Skill


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def test_list_search_create_edit_delete(owner_client, org):
    r = owner_client.post(
        url(org, "skill_create"),
        {"name": "Tax accounting", "key": "", "category": "Finance", "description": ""},
    )
    skill = Skill.objects.get(org=org)
    assert skill.key == "SK-TAX-ACCOUNTING"
    assert r["Location"] == url(org, "skill_detail", skill.key)
    owner_client.post(
        url(org, "skill_create"), {"name": "Welding", "key": "WELD", "category": "Production"}
    )
    page = owner_client.get(url(org, "skill_list") + "?q=tax").content.decode()
    assert f'href="{url(org, "skill_detail", skill.key)}"' in page
    assert f'href="{url(org, "skill_detail", "WELD")}"' not in page
    detail = owner_client.get(url(org, "skill_detail", "WELD")).content.decode()
    assert "Production" in detail
    owner_client.post(
        url(org, "skill_update", "WELD"),
        {"name": "MIG welding", "key": "WELD", "category": "Production"},
    )
    assert Skill.objects.get(org=org, key="WELD").name == "MIG welding"
    ev = AuditEvent.objects.get(org=org, entity_key="WELD", action="update")
    assert ev.changes["name"] == ["Welding", "MIG welding"]
    owner_client.post(url(org, "skill_delete", "WELD"))
    assert not Skill.objects.filter(org=org, key="WELD").exists()


def test_errors_are_shown_and_nothing_is_written(owner_client, org):
    Grade.objects.create(org=org, key="G1", name="Clerk")
    r = owner_client.post(
        url(org, "grade_create"), {"name": "Manager", "key": "G1", "monthly_cost": "abc"}
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "invalid-feedback" in html
    assert Grade.objects.filter(org=org).count() == 1
    r = owner_client.post(
        url(org, "grade_create"), {"name": "Manager", "key": "G1", "monthly_cost": "5000"}
    )
    assert "already used" in r.content.decode()
    assert Grade.objects.filter(org=org).count() == 1


@pytest.mark.parametrize("role", ["manager", "member", "viewer"])
def test_only_editors_write(client, org, make_user, member_of, role):
    m = member_of(make_user(), org, role)
    client.force_login(m.user)
    assert client.get(url(org, "grade_list")).status_code == 200
    r = client.post(url(org, "grade_create"), {"name": "X", "key": "X", "monthly_cost": "1"})
    assert r.status_code == 403
    assert not Grade.objects.exists()


def test_list_costs_a_constant_number_of_queries(owner_client, org, django_assert_max_num_queries):
    for i in range(10):
        Grade.objects.create(
            org=org, key=f"G{i}", name=f"Grade {i}", monthly_cost=Decimal(1000 + i)
        )
    with django_assert_max_num_queries(8) as ctx:
        owner_client.get(url(org, "grade_list"))
    n = len(ctx.captured_queries)
    for i in range(10, 40):
        Grade.objects.create(org=org, key=f"G{i}", name=f"Grade {i}")
    with django_assert_max_num_queries(n):
        owner_client.get(url(org, "grade_list"))
