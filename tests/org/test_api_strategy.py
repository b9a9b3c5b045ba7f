"""The values (A1) and objectives (A2) API, through the real NinjaAPI with a token."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from remit.accounts import actions as account_actions
from remit.accounts.models import AuditEvent
from remit.org.actions import duties as duty_actions
from remit.org.actions import people as people_actions
from remit.org.actions import strategy as actions
from remit.org.models import Employee, Measurement, Objective, ValueOrientation


class Api:
    """A JSON client for one organisation's API, authenticated with a personal token."""

    def __init__(self, client, user, slug):
        _token, raw = account_actions.token_create(user=user, name="test")
        self.client, self.slug = client, slug
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def url(self, path: str) -> str:
        return f"/api/v1/o/{self.slug}{path}"

    def get(self, path, **params):
        return self.client.get(self.url(path), params, **self.headers)

    def send(self, method, path, data=None):
        body = b"" if data is None else json.dumps(data).encode()
        return self.client.generic(method, self.url(path), body, "application/json", **self.headers)

    def post(self, path, data=None):
        return self.send("POST", path, data)

    def put(self, path, data):
        return self.send("PUT", path, data)

    def patch(self, path, data):
        return self.send("PATCH", path, data)

    def delete(self, path):
        return self.send("DELETE", path)


@pytest.fixture
def api(client, owner, org):
    return Api(client, owner, org.slug)


@pytest.fixture
def sales(org, owner):
    dept = people_actions.department_create(org=org, actor=owner, name="Sales", key="SAL")
    people_actions.position_create(org=org, actor=owner, title="Finance", key="FIN-MGR")
    return people_actions.position_create(
        org=org, actor=owner, title="Sales Director", key="SAL-DIR", department=dept
    )


def role_api(client, org, make_user, member_of, role):
    user = member_of(make_user(), org, role).user
    return Api(client, user, org.slug), user


VALUES = {
    "statement": "Build something lasting.",
    "visibility": "managers",
    "choices": [
        {"value": "wealth", "rank": 2, "words": "Retire at 60"},
        {"value": "other", "rank": 1, "words": "Jobs", "label": "Good jobs in the west"},
    ],
}


# --- values -----------------------------------------------------------------------------------


def test_owner_replaces_and_reads_the_values(api, org, owner):
    actions.objective_create(org=org, actor=owner, title="Sales", key="OBJ-S", serves="wealth")
    actions.objective_create(org=org, actor=owner, title="Fame", key="OBJ-F", serves="status")
    r = api.put("/values", VALUES)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["visibility"] == "managers"
    assert [(c["value"], c["rank"], c["name"]) for c in body["choices"]] == [
        ("other", 1, "Good jobs in the west"),
        ("wealth", 2, "Wealth"),
    ]
    assert body["choices"][1]["objectives"] == ["OBJ-S"]
    assert body["unserved"] == ["other"]
    assert body["objectives_serving_none"] == ["OBJ-F"]
    assert api.get("/values").json() == body
    assert ValueOrientation.objects.get(org=org).statement == "Build something lasting."


def test_values_errors_are_422_with_fields(api, org):
    r = api.put(
        "/values",
        {"choices": [{"value": "wealth", "rank": 1}, {"value": "family", "rank": 1}]},
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "choices"
    assert "rank 1" in r.json()["detail"][0]["message"]
    r = api.put("/values", {"choices": [{"value": "fame", "rank": 1}]})
    assert r.status_code == 422
    assert not ValueOrientation.objects.filter(org=org).exists()


@pytest.mark.parametrize(
    ("role", "visibility", "read"),
    [
        ("admin", "owners", 403),
        ("admin", "admins", 200),
        ("manager", "admins", 403),
        ("manager", "managers", 200),
        ("member", "managers", 403),
        ("viewer", "managers", 403),
    ],
)
def test_who_reads_and_writes_values(
    client, api, org, make_user, member_of, role, visibility, read
):
    api.put("/values", {**VALUES, "visibility": visibility})
    other, _user = role_api(client, org, make_user, member_of, role)
    assert other.get("/values").status_code == read
    assert other.put("/values", VALUES).status_code == 403


# --- objectives ---------------------------------------------------------------------------------


def test_objective_crud(api, org, sales):
    r = api.post(
        "/objectives",
        {
            "title": "€50 million sales in 2027",
            "metric": "net sales",
            "unit": "EUR million",
            "baseline": "31.4",
            "target": 50,
            "deadline": "2027-12-31",
            "owner": "SAL-DIR",
            "serves": "wealth",
            "measure_every": "monthly",
        },
    )
    assert r.status_code == 201, r.content
    body = r.json()
    key = body["key"]
    assert key == "OBJ-50-MILLION-SALES-IN"
    assert body["baseline"] == "31.4" and body["target"] == "50"
    assert body["owner"] == "SAL-DIR" and body["serves"] == "wealth"
    assert api.get(f"/objectives/{key}").json() == body
    r = api.patch(f"/objectives/{key}", {"key": "OBJ-SALES", "serves": None, "target": "48"})
    assert r.status_code == 200, r.content
    assert (r.json()["key"], r.json()["serves"], r.json()["target"]) == ("OBJ-SALES", None, "48")
    listed = api.get("/objectives").json()
    assert listed["count"] == 1 and listed["items"][0]["key"] == "OBJ-SALES"
    assert api.get("/objectives", status="dropped").json()["count"] == 0
    assert api.delete("/objectives/OBJ-SALES").status_code == 204
    assert not Objective.objects.filter(org=org).exists()
    assert AuditEvent.objects.filter(org=org, entity_type="objective").count() == 3


def test_objective_errors_are_422(api, org, sales):
    r = api.post("/objectives", {"title": "X", "owner": "NOPE"})
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "owner", "message": "No position has the key “NOPE”."}]
    r = api.post("/objectives", {"title": "X", "measure_every": "sometimes"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "measure_every"
    api.post("/objectives", {"title": "X", "key": "OBJ-X"})
    r = api.post("/objectives", {"title": "Y", "key": "OBJ-X"})
    assert r.json()["detail"][0]["field"] == "key"
    assert api.get("/objectives/NOPE").status_code == 404


def test_delete_refused_while_carried(api, org, owner, sales):
    o = actions.objective_create(org=org, actor=owner, title="Sales", key="OBJ-S")
    area = duty_actions.result_area_create(position=sales, actor=owner, title="Growth")
    duty_actions.target_create(area=area, actor=owner, statement="Grow", objective=o)
    r = api.delete("/objectives/OBJ-S")
    assert r.status_code == 422
    assert "still carried by 1 target" in r.json()["detail"][0]["message"]


def test_managers_write_only_their_departments_objectives(
    client, api, org, owner, sales, make_user, member_of
):
    manager, user = role_api(client, org, make_user, member_of, "manager")
    employee = Employee.objects.create(org=org, key="E1", name="Mia", user_email=user.email)
    employee.assignments.create(org=org, key="E1-1", position=sales, start=dt.date(2020, 1, 1))
    actions.objective_create(org=org, actor=owner, title="Cash", key="OBJ-CASH")
    assert manager.post("/objectives", {"title": "Dealers", "owner": "FIN-MGR"}).status_code == 403
    assert manager.post("/objectives", {"title": "Dealers"}).status_code == 403
    r = manager.post("/objectives", {"title": "Dealers", "key": "OBJ-D", "owner": "SAL-DIR"})
    assert r.status_code == 201
    assert manager.patch("/objectives/OBJ-D", {"target": 5}).status_code == 200
    assert manager.patch("/objectives/OBJ-D", {"owner": "FIN-MGR"}).status_code == 403
    assert manager.patch("/objectives/OBJ-CASH", {"target": 5}).status_code == 403
    measurement = {"date": "2026-01-01", "value": 1}
    assert manager.post("/objectives/OBJ-CASH/measurements", measurement).status_code == 403
    assert manager.post("/objectives/OBJ-D/measurements", measurement).status_code == 201


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_read_only(client, api, org, owner, make_user, member_of, role):
    o = actions.objective_create(org=org, actor=owner, title="Cash", key="OBJ-CASH", target=1)
    actions.measurement_add(objective=o, actor=owner, date=dt.date(2026, 1, 1), value=Decimal(0))
    reader, _user = role_api(client, org, make_user, member_of, role)
    assert reader.get("/objectives/OBJ-CASH").status_code == 200
    assert reader.get("/objectives/OBJ-CASH/forecast").status_code == 200
    assert reader.post("/objectives", {"title": "X"}).status_code == 403
    assert reader.patch("/objectives/OBJ-CASH", {"title": "X"}).status_code == 403
    assert reader.delete("/objectives/OBJ-CASH").status_code == 403
    m = {"date": "2026-02-01", "value": 1}
    assert reader.post("/objectives/OBJ-CASH/measurements", m).status_code == 403
    assert reader.delete("/objectives/OBJ-CASH/measurements/OBJ-CASH-1").status_code == 403
    assert Measurement.objects.filter(objective=o).count() == 1


# --- measurements and the forecast ---------------------------------------------------------------


def test_measurements_and_forecast(api, org, owner, sales):
    o = actions.objective_create(
        org=org,
        actor=owner,
        title="Sales",
        key="OBJ-S",
        baseline=Decimal(10),
        target=Decimal(100),
        deadline=dt.date(2027, 12, 31),
        owner=sales,
    )
    for i, v in enumerate((10, 15, 20, 25)):
        r = api.post(
            "/objectives/OBJ-S/measurements",
            {"date": f"2026-0{i + 1}-01", "value": v, "note": "ok" if i else ""},
        )
        assert r.status_code == 201, r.content
    assert r.json() == {"key": "OBJ-S-4", "date": "2026-04-01", "value": "25", "note": "ok"}
    listed = api.get("/objectives/OBJ-S/measurements").json()
    assert [m["value"] for m in listed["items"]] == ["10", "15", "20", "25"]
    f = api.get("/objectives/OBJ-S/forecast").json()
    assert f["outlook"] == "on_track"
    assert f["method"] == "theil_sen"
    assert f["measurements"] == 4
    assert f["progress"] == pytest.approx(100 / 6)
    assert f["trend_per_month"] == pytest.approx(5, rel=0.05)
    assert f["forecast_low"] <= f["forecast"] <= f["forecast_high"]
    assert f["carried_by"] == [] and f["plan_items"] == []
    assert "expected by 2027-12-31" in f["message"]
    # Same day twice, a day in the future: 422, nothing written.
    r = api.post("/objectives/OBJ-S/measurements", {"date": "2026-04-01", "value": 30})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "date"
    r = api.post("/objectives/OBJ-S/measurements", {"date": "2099-01-01", "value": 30})
    assert r.status_code == 422
    r = api.post("/objectives/OBJ-S/measurements", {"date": "2026-05-01", "value": "abc"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "value"
    assert Measurement.objects.filter(objective=o).count() == 4
    assert api.delete("/objectives/OBJ-S/measurements/OBJ-S-2").status_code == 204
    assert api.delete("/objectives/OBJ-S/measurements/OBJ-S-2").status_code == 404
    assert Measurement.objects.filter(objective=o).count() == 3


def test_forecast_of_an_objective_without_data(api, org, owner):
    actions.objective_create(org=org, actor=owner, title="Listed", key="OBJ-IPO", unit="listing")
    f = api.get("/objectives/OBJ-IPO/forecast").json()
    assert f["outlook"] == "unknown"
    assert f["method"] == "none"
    assert f["progress"] is None and f["forecast"] is None


def test_lists_cost_constant_queries(api, org, owner, sales, django_assert_max_num_queries):
    def count(path):
        with django_assert_max_num_queries(30) as ctx:
            assert api.get(path).status_code == 200
        return len(ctx.captured_queries)

    o = actions.objective_create(
        org=org, actor=owner, title="A", key="OBJ-A", owner=sales, target=9
    )
    actions.measurement_add(objective=o, actor=owner, date=dt.date(2026, 1, 1), value=Decimal(1))
    count("/objectives")  # the token records its first use once
    before = [count("/objectives"), count("/objectives/OBJ-A/measurements")]
    forecast = count("/objectives/OBJ-A/forecast")
    for i in range(20):
        actions.objective_create(org=org, actor=owner, title=f"O{i}", owner=sales)
        actions.measurement_add(
            objective=o,
            actor=owner,
            date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
            value=Decimal(i),
        )
    assert [count("/objectives"), count("/objectives/OBJ-A/measurements")] == before
    assert count("/objectives/OBJ-A/forecast") == forecast
