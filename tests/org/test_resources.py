"""Resources through the real views and API: the inventory, needs, acquisitions and gaps;
units and money always explicit; access by role; a fixed number of queries per page."""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from remit.accounts.models import AuditEvent
from remit.org.actions import people as people_actions
from remit.org.actions import plan as plan_actions
from remit.org.actions import resources as actions
from remit.org.models import Acquisition, Assignment, Employee, Position, Resource, ResourceNeed
from tests.org.test_api_people import Api

TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def stock(org, owner):
    """Cash and hours; a task needs more cash than there is, partly borrowed, too late."""
    ops = people_actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    fin = people_actions.department_create(org=org, actor=owner, name="Finance", key="FIN")
    opsm = people_actions.position_create(
        org=org, actor=owner, title="Operations manager", key="OPS-MGR", department=ops
    )
    finm = people_actions.position_create(
        org=org, actor=owner, title="Finance manager", key="FIN-MGR", department=fin
    )
    task = plan_actions.plan_item_create(
        org=org, actor=owner, title="Buy the machine", key="T1", owner=opsm, start=days(30)
    )
    plan_actions.plan_item_create(org=org, actor=owner, title="Budget", key="T2", owner=finm)
    cash = actions.resource_create(
        org=org, actor=owner, name="Cash", key="CASH", category="capital",
        quantity=Decimal(100000), unit="EUR", value=Decimal(100000), owner=finm,
    )  # fmt: skip
    actions.resource_create(
        org=org, actor=owner, name="Engineering", key="ENG", category="people",
        quantity=Decimal(3400), unit="hours per year", owner=opsm,
    )  # fmt: skip
    need = actions.need_create(
        org=org, actor=owner, plan_item=task, resource=cash, key="N1",
        quantity=Decimal(150000), needed_by=days(20),
    )  # fmt: skip
    actions.acquisition_create(
        org=org, actor=owner, need=need, key="A1", method="borrow", quantity=Decimal(20000),
        owner=finm, due=days(40), cost=Decimal("1234.5"),
    )  # fmt: skip
    return org


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


def grow(org, owner, n, start=0):
    task = plan_actions.plan_item_create(org=org, actor=owner, title=f"Grow {start}")
    for i in range(start, start + n):
        res = actions.resource_create(org=org, actor=owner, name=f"R{i}", quantity=i, unit="kg")
        need = actions.need_create(
            org=org, actor=owner, plan_item=task, resource=res, quantity=i + 1, needed_by=days(i)
        )
        actions.acquisition_create(
            org=org, actor=owner, need=need, quantity=1, cost=10, due=days(i + 2)
        )


# --- pages --------------------------------------------------------------------------------------


def test_the_inventory_by_category_with_units_and_currency(owner_client, stock):
    page = owner_client.get(url(stock, "resources")).content.decode()
    assert page.index("Capital") < page.index("People")
    assert "100,000 EUR" in page  # available
    assert "100,000.00 EUR" in page  # value, in the currency
    assert "150,000 EUR" in page  # needed by the plan
    assert "3,400 hours per year" in page
    assert "resource is lacking" in page  # the banner
    # The register's list address is the inventory.
    assert url(stock, "resource_list") == url(stock, "resources")


def test_the_gap_page_with_its_chart_data_and_table(owner_client, stock):
    page = owner_client.get(url(stock, "resource_gaps")).content.decode()
    island = re.search(r'<script id="gap-data" type="application/json">(.*?)</script>', page, re.S)
    data = json.loads(island.group(1))
    [line] = data["lines"]
    assert line["id"] == "CASH|eur" and line["unit"] == "EUR"
    assert [p["lacking"] for p in line["points"]] == ["0", "50000", "30000"]
    assert "echarts.common.min.js" in page and "js/plan.js" in page
    assert "Acquisitions due after the need" in page and "A1" in page
    assert "1,234.50 EUR" in page  # the acquisitions' cost, in the currency
    assert "50,000 EUR" in page  # lacking at most


def test_an_empty_gap_page_says_what_to_do(owner_client, org):
    assert "No open needs" in owner_client.get(url(org, "resource_gaps")).content.decode()
    assert "No resources yet" in owner_client.get(url(org, "resources")).content.decode()


@pytest.mark.parametrize(
    ("name", "arg"),
    [
        ("resources", None),
        ("resource_gaps", None),
        ("resource_need_list", None),
        ("acquisition_list", None),
        ("resource_detail", "CASH"),
        ("resource_need_detail", "N1"),
        ("acquisition_detail", "A1"),
    ],
)
def test_resource_pages_cost_a_fixed_number_of_queries(owner_client, stock, owner, name, arg):
    path = url(stock, name, arg) if arg else url(stock, name)
    grow(stock, owner, 5)
    few = count_queries(owner_client, path)
    grow(stock, owner, 25, start=5)
    assert count_queries(owner_client, path) == few


def test_register_lists_show_units_and_money(owner_client, stock):
    page = owner_client.get(url(stock, "resource_need_list")).content.decode()
    assert "150,000 EUR" in page and "Buy the machine" in page
    page = owner_client.get(url(stock, "acquisition_list")).content.decode()
    assert "20,000 EUR" in page and "1,234.50 EUR" in page and "Borrow" in page


def test_row_pages_say_how_each_need_is_covered(owner_client, stock):
    page = owner_client.get(url(stock, "resource_need_detail", "N1")).content.decode()
    for text in ("150,000 EUR", "100,000 EUR", "50,000 EUR", "20,000 EUR", "30,000 EUR"):
        assert text in page, text
    page = owner_client.get(url(stock, "acquisition_detail", "A1")).content.decode()
    assert "Due 20 days after the need must be met." in page
    page = owner_client.get(url(stock, "resource_detail", "CASH")).content.decode()
    assert "What the plan needs of it" in page and "N1" in page


def test_create_a_need_from_a_plan_item_and_an_acquisition_from_the_need(owner_client, stock):
    r = owner_client.get(url(stock, "resource_need_create") + "?plan_item=T2")
    assert 'value="T2" selected' in r.content.decode()
    r = owner_client.post(
        url(stock, "resource_need_create"),
        {"plan_item": "T2", "resource": Resource.objects.get(key="ENG").pk, "quantity": "200"},
    )
    assert r.status_code == 302
    need = ResourceNeed.objects.get(org=stock, plan_item__key="T2")
    assert need.key == "N-T2" and need.unit == "hours per year" and need.category == "people"
    r = owner_client.get(url(stock, "acquisition_create") + f"?need={need.key}")
    assert f'value="{need.pk}" selected' in r.content.decode()
    r = owner_client.post(
        url(stock, "acquisition_create"),
        {"need": need.pk, "method": "cultivate", "quantity": "200", "status": "planned",
         "owner": Position.objects.get(key="OPS-MGR").pk},
    )  # fmt: skip
    assert r.status_code == 302
    assert Acquisition.objects.get(org=stock, need=need).key == "ACQ-T2"
    assert AuditEvent.objects.filter(org=stock, entity_key="ACQ-T2", action="create").exists()


def test_a_need_names_a_resource_or_a_category(owner_client, stock):
    r = owner_client.post(url(stock, "resource_need_create"), {"plan_item": "T2", "quantity": "1"})
    assert r.status_code == 200 and "Name the resource needed" in r.content.decode()


def test_a_resource_still_needed_is_not_deleted(owner_client, stock):
    r = owner_client.post(url(stock, "resource_delete", "CASH"))
    assert r.status_code == 302 and Resource.objects.filter(key="CASH").exists()
    r = owner_client.post(url(stock, "resource_delete", "ENG"))
    assert not Resource.objects.filter(key="ENG").exists()


def test_health_links_to_the_rows(owner_client, stock):
    page = owner_client.get(url(stock, "health")).content.decode()
    assert f'href="{url(stock, "acquisition_detail", "A1")}"' in page
    assert f'href="{url(stock, "resource_need_detail", "N1")}"' in page
    assert f'href="{url(stock, "plan_item", "T1")}"' in page


# --- access -----------------------------------------------------------------------------------------


@pytest.fixture
def manager(client, make_user, member_of, stock):
    user = make_user()
    member_of(user, stock, "manager")
    emp = Employee.objects.create(org=stock, key="EM", name="M", user_email=user.email)
    Assignment.objects.create(
        org=stock, key="EM-1", employee=emp, position=Position.objects.get(key="OPS-MGR"),
        start=days(-5),
    )  # fmt: skip
    client.force_login(user)
    return client


def test_managers_change_needs_of_their_items_and_rows_their_positions_own(manager, stock):
    assert manager.get(url(stock, "resource_need_update", "N1")).status_code == 200  # T1 is OPS
    assert manager.get(url(stock, "resource_update", "CASH")).status_code == 403  # FIN's
    assert manager.get(url(stock, "resource_update", "ENG")).status_code == 200
    assert manager.get(url(stock, "acquisition_update", "A1")).status_code == 403
    r = manager.post(url(stock, "resource_need_create"), {"plan_item": "T2", "category": "people"})
    assert r.status_code == 200 and not ResourceNeed.objects.filter(plan_item__key="T2").exists()


def test_viewers_read_only(client, make_user, member_of, stock):
    user = make_user()
    member_of(user, stock, "viewer")
    client.force_login(user)
    assert client.get(url(stock, "resource_gaps")).status_code == 200
    assert client.get(url(stock, "resource_create")).status_code == 403
    assert client.post(url(stock, "acquisition_delete", "A1")).status_code == 403


# --- API ------------------------------------------------------------------------------------------


@pytest.fixture
def api(client, owner, stock):
    return Api(client, owner, stock.slug)


def test_api_resources_needs_acquisitions(api):
    r = api.post(
        "/resources", {"name": "Vans", "category": "other", "quantity": "6", "unit": "vans"}
    )
    assert r.status_code == 201 and r.json()["key"] == "R-VANS"
    r = api.post("/resource-needs", {"plan_item": "T2", "resource": "R-VANS", "quantity": "2"})
    assert r.status_code == 201 and r.json()["unit"] == "vans"
    need = r.json()["key"]
    r = api.post("/acquisitions", {"need": need, "method": "borrow", "quantity": "2", "cost": "50"})
    assert r.status_code == 201 and r.json()["status"] == "planned"
    acq = r.json()["key"]
    assert api.patch(f"/acquisitions/{acq}", {"status": "done"}).json()["status"] == "done"
    assert api.get("/resource-needs", plan_item="T2").json()["count"] == 1
    assert api.get("/acquisitions", status="done").json()["items"][0]["key"] == acq
    assert api.delete("/resources/R-VANS").status_code == 422  # still needed
    assert api.delete(f"/resource-needs/{need}").status_code == 204
    assert not Acquisition.objects.filter(key=acq).exists()
    assert api.delete("/resources/R-VANS").status_code == 204


def test_api_validation_names_the_field(api):
    r = api.post("/resource-needs", {"plan_item": "NOPE", "category": "people"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "plan_item"
    r = api.post("/resource-needs", {"plan_item": "T2"})
    assert r.json()["detail"] == [
        {"field": "resource", "message": "Name the resource needed, or at least its category."}
    ]
    r = api.post("/resources", {"name": "X", "quantity": "-1"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "quantity"


def test_api_gaps(api):
    r = api.get("/resource-gaps")
    assert r.status_code == 200
    body = r.json()
    assert body["currency"] == "EUR"
    [line] = body["lines"]
    assert line["resource"] == "CASH" and line["unit"] == "EUR"
    assert Decimal(line["lacking"]) == 50000 and Decimal(line["on_hand"]) == 100000
    assert [x["acquisition"] for x in body["late"]] == ["A1"]
    assert body["unfilled"][0]["need"] == "N1" and Decimal(body["unfilled"][0]["unfilled"]) == 30000
    assert Decimal(body["costs"]["planned"]) == Decimal("1234.5")


def test_api_managers_are_scoped(client, make_user, member_of, stock):
    user = make_user()
    member_of(user, stock, "manager")
    emp = Employee.objects.create(org=stock, key="EM", name="M", user_email=user.email)
    Assignment.objects.create(
        org=stock, key="EM-1", employee=emp, position=Position.objects.get(key="OPS-MGR"),
        start=days(-5),
    )  # fmt: skip
    m = Api(client, user, stock.slug)
    assert m.patch("/resources/CASH", {"quantity": "1"}).status_code == 403
    assert m.patch("/resources/ENG", {"quantity": "1"}).status_code == 200
    assert m.post("/resource-needs", {"plan_item": "T2", "category": "people"}).status_code == 403
    assert m.post("/resource-needs", {"plan_item": "T1", "category": "people"}).status_code == 201
