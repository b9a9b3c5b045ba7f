"""The registers of relations (A6), control (A8), methods (A9) and finance (A5), on the demo."""

import pytest
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.actions.demo import demo_load
from remit.org.models import ContingencyPlan, FinanceLine, Relation, Risk
from remit.org.views.registers_areas import AREA_REGISTERS


@pytest.fixture
def demo(owner):
    org, _ = demo_load(lang="en", owner=owner)
    return org


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


REGISTERS = [r for registers in AREA_REGISTERS.values() for r in registers]


@pytest.mark.parametrize("register", REGISTERS, ids=lambda r: r.name)
def test_every_list_and_row_page_shows_the_demo_rows(
    register, client, owner, demo, django_assert_max_num_queries
):
    client.force_login(owner)
    rows = register.model.objects.filter(org=demo).order_by(*register.ordering, "pk")
    assert rows.count() > 1, f"the demo company has no {register.name} rows to show"
    with django_assert_max_num_queries(14):
        html = client.get(url(demo, f"{register.name}_list")).content.decode()
    first_page = list(rows[:50])
    for row in first_page:  # every row of the first page links to its own page
        assert f'href="{url(demo, f"{register.name}_detail", row.key)}"' in html
    if rows.count() > 50:
        assert f'href="{url(demo, f"{register.name}_detail", rows[50].key)}"' not in html
    row = first_page[0]
    with django_assert_max_num_queries(20):
        r = client.get(url(demo, f"{register.name}_detail", row.key))
    assert r.status_code == 200
    assert row.key in r.content.decode()


def test_a_relation_page_lists_its_contacts_and_interactions(client, owner, demo):
    client.force_login(owner)
    html = client.get(url(demo, "relation_detail", "REL-HARBOUR")).content.decode()
    assert "Harbour Grill Group" in html
    assert "Declan Moriarty" in html and "Head of Property &amp; Development" in html
    # Interactions newest first.
    assert html.index("Phase 3 call-offs") < html.index("Framework agreement signed")


def test_the_area_page_counts_each_register(client, owner, demo):
    client.force_login(owner)
    html = client.get(url(demo, "control")).content.decode()
    for register in AREA_REGISTERS["control"]:
        n = register.model.objects.filter(org=demo).count()
        card = html.split(f'href="{url(demo, f"{register.name}_list")}"')[1].split("</a>")[0]
        assert f"<strong>{n}</strong> recorded" in card


def test_a_contingency_plan_is_written_one_step_per_line_and_recorded(client, owner, demo):
    client.force_login(owner)
    r = client.post(
        url(demo, "contingency_create"),
        {
            "title": "Key supplier fails",
            "key": "",
            "risk": Risk.objects.filter(org=demo).order_by("key").first().pk,
            "trigger": "A supplier misses two deliveries",
            "steps_text": "Call the second supplier\n\n  Tell the customers  \n",
            "drill_every": "yearly",
        },
    )
    plan = ContingencyPlan.objects.get(org=demo, title="Key supplier fails")
    assert r.status_code == 302 and r["Location"].endswith(f"/{plan.key}/")
    assert plan.steps == ["Call the second supplier", "Tell the customers"]
    assert AuditEvent.objects.filter(org=demo, entity_key=plan.key, action="create").exists()
    form = client.get(url(demo, "contingency_update", plan.key)).content.decode()
    assert "Call the second supplier\nTell the customers" in form


def test_a_bad_relation_is_refused_with_the_field_named(client, owner, demo):
    client.force_login(owner)
    before = Relation.objects.filter(org=demo).count()
    r = client.post(
        url(demo, "relation_create"),
        {"name": "Acme", "kind": "customer_downstream", "level": "Z", "annual_budget": "lots"},
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("invalid-feedback") >= 2
    assert Relation.objects.filter(org=demo).count() == before


@pytest.mark.parametrize(("role", "opened", "status"), [
    ("admin", False, 200),
    ("manager", False, 200),
    ("member", False, 403),
    ("member", True, 200),
    ("viewer", False, 403),
])  # fmt: skip
def test_finance_lines_are_read_by_those_the_owner_lets_in(
    client, demo, make_user, member_of, role, opened, status
):
    demo.finance_open = opened
    demo.save(update_fields=["finance_open"])
    client.force_login(member_of(make_user(), demo, role).user)
    assert client.get(url(demo, "finance_list")).status_code == status
    line = FinanceLine.objects.filter(org=demo).first()
    assert client.get(url(demo, "finance_detail", line.key)).status_code == status


def test_only_finance_editors_write_finance_lines(client, demo, make_user, member_of):
    client.force_login(member_of(make_user(), demo, "manager").user)
    r = client.post(
        url(demo, "finance_create"),
        {"period": "2026-11-01", "category": "Rent", "kind": "cost", "budget": "1", "actual": "1"},
    )
    assert r.status_code == 403
    assert not FinanceLine.objects.filter(org=demo, category="Rent", budget=1).exists()
