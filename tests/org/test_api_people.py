"""The structure API: departments and positions, through the real NinjaAPI with a token."""

import datetime as dt
import json

import pytest

from remit.accounts import actions as account_actions
from remit.accounts.models import AuditEvent
from remit.org.actions import people as actions
from remit.org.models import Assignment, Department, Employee, Grade, Objective, Position


class Api:
    """A JSON client for one organisation's API, authenticated with a personal token."""

    def __init__(self, client, user, slug):
        _token, raw = account_actions.token_create(user=user, name="test")
        self.client, self.user, self.slug = client, user, slug
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def url(self, path: str) -> str:
        return f"/api/v1/o/{self.slug}{path}"

    def get(self, path, **params):
        return self.client.get(self.url(path), params, **self.headers)

    def send(self, method, path, data=None):
        return self.client.generic(
            method,
            self.url(path),
            b"" if data is None else json.dumps(data).encode(),
            "application/json",
            **self.headers,
        )

    def post(self, path, data=None):
        return self.send("POST", path, data)

    def patch(self, path, data):
        return self.send("PATCH", path, data)

    def delete(self, path):
        return self.send("DELETE", path)


@pytest.fixture
def structure(org, owner):
    """GM > FIN, and OPS; a general manager and a finance manager reporting to them."""
    gm = actions.department_create(org=org, actor=owner, name="General management", key="GM")
    fin = actions.department_create(org=org, actor=owner, name="Finance", key="FIN", parent=gm)
    actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    Grade.objects.create(org=org, key="G5", name="Manager")
    boss = actions.position_create(
        org=org, actor=owner, title="General manager", key="GM-POS", department=gm
    )
    actions.position_create(
        org=org,
        actor=owner,
        title="Finance manager",
        key="FIN-MGR",
        department=fin,
        reports_to=boss,
    )
    return org


@pytest.fixture
def api(client, owner, structure):
    return Api(client, owner, structure.slug)


@pytest.fixture
def as_role(client, make_user, member_of, structure):
    """An API client for a new user with a role; a manager manages the FIN department."""

    def make(role: str) -> Api:
        user = make_user()
        member_of(user, structure, role)
        if role == "manager":
            employee = Employee.objects.create(
                org=structure, key=f"E-{user.pk}", name="Manny", user_email=user.email
            )
            Assignment.objects.create(
                org=structure,
                key=f"E-{user.pk}-1",
                employee=employee,
                position=Position.objects.get(org=structure, key="FIN-MGR"),
                start=dt.date(2020, 1, 1),
            )
        return Api(client, user, structure.slug)

    return make


def snapshot_of(org) -> tuple:
    """Everything the structure operations could write, to prove nothing was."""
    return (
        list(Department.objects.filter(org=org).order_by("key").values()),
        list(Position.objects.filter(org=org).order_by("key").values()),
        AuditEvent.objects.filter(org=org).count(),
    )


# --- departments -------------------------------------------------------------------------------


def test_department_list_get_and_pagination(api, org, owner):
    r = api.get("/departments")
    assert r.status_code == 200
    assert r.json() == {
        "count": 3,
        "items": [
            {"key": "FIN", "name": "Finance", "parent": "GM", "function": ""},
            {"key": "GM", "name": "General management", "parent": None, "function": ""},
            {"key": "OPS", "name": "Operations", "parent": None, "function": ""},
        ],
    }
    assert api.get("/departments/FIN").json() == r.json()["items"][0]
    assert api.get("/departments/NOPE").status_code == 404
    for i in range(50):
        actions.department_create(org=org, actor=owner, name=f"Dept {i}", key=f"D{i:02}")
    first, second = api.get("/departments").json(), api.get("/departments", page=2).json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (53, 50, 3)


def test_department_list_costs_constant_queries(api, org, owner, django_assert_max_num_queries):
    with django_assert_max_num_queries(6) as ctx:
        assert api.get("/departments").status_code == 200
    few = len(ctx.captured_queries)
    for i in range(30):
        actions.department_create(org=org, actor=owner, name=f"Dept {i}", parent=None)
    with django_assert_max_num_queries(few):
        assert len(api.get("/departments").json()["items"]) == 33


def test_create_a_department_with_a_parent_by_key(api, org):
    r = api.post("/departments", {"name": "Tax", "key": "TAX", "parent": "FIN", "function": "Pay"})
    assert r.status_code == 201
    assert r.json() == {"key": "TAX", "name": "Tax", "parent": "FIN", "function": "Pay"}
    tax = Department.objects.get(org=org, key="TAX")
    assert tax.parent.key == "FIN"
    assert AuditEvent.objects.filter(org=org, entity_type="department", entity_key="TAX").exists()
    # Without a key, one is made from the name.
    assert api.post("/departments", {"name": "Sales team"}).json()["key"] == "SALES-TEAM"


def test_department_validation_errors_are_422_with_fields_and_write_nothing(api, org):
    before = snapshot_of(org)
    r = api.post("/departments", {"name": "Tax", "parent": "NOPE"})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [{"field": "parent", "message": "No department has the key “NOPE”."}]
    }
    r = api.post("/departments", {"name": "Again", "key": "FIN"})
    assert r.status_code == 422
    # The action's model validation answers before its own key check (no field named).
    assert r.json()["detail"] == [{"field": "key", "message": "The key “FIN” is already used."}]
    r = api.post("/departments", {"name": "", "key": "bad key!"})
    assert r.status_code == 422
    assert {p["field"] for p in r.json()["detail"]} == {"name", "key"}
    r = api.patch("/departments/GM", {"parent": "FIN"})  # GM would sit below its own child
    assert r.status_code == 422
    assert [p["field"] for p in r.json()["detail"]] == ["parent"]
    assert snapshot_of(org) == before


def test_patch_a_department_changes_only_what_is_sent(api, org):
    r = api.patch("/departments/FIN", {"name": "Finance & tax"})
    assert r.status_code == 200
    assert r.json() == {"key": "FIN", "name": "Finance & tax", "parent": "GM", "function": ""}
    r = api.patch("/departments/FIN", {"parent": None, "function": "Money"})
    assert r.json() == {"key": "FIN", "name": "Finance & tax", "parent": None, "function": "Money"}
    assert api.patch("/departments/NOPE", {"name": "x"}).status_code == 404


def test_delete_a_department_only_when_it_is_empty(api, org):
    before = snapshot_of(org)
    r = api.delete("/departments/FIN")  # a position is still in it
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] is None
    assert "still has positions or sub-departments" in r.json()["detail"][0]["message"]
    assert api.delete("/departments/GM").status_code == 422  # FIN sits below it
    assert snapshot_of(org) == before
    r = api.delete("/departments/OPS")
    assert r.status_code == 204
    assert not Department.objects.filter(org=org, key="OPS").exists()


@pytest.mark.parametrize("role", ["member", "viewer", "manager"])
def test_only_owners_and_admins_write_departments(as_role, org, role):
    other = as_role(role)
    before = snapshot_of(org)
    assert other.get("/departments").status_code == 200
    r = other.post("/departments", {"name": "Shadow"})
    assert r.status_code == 403
    assert r.json() == {"detail": "Your role does not allow this change."}
    assert other.patch("/departments/FIN", {"name": "x"}).status_code == 403
    assert other.delete("/departments/OPS").status_code == 403
    assert snapshot_of(org) == before


def test_an_admin_writes_departments(as_role):
    assert as_role("admin").post("/departments", {"name": "Legal"}).status_code == 201


# --- positions ---------------------------------------------------------------------------------


def test_position_list_filters_and_leaves_archived_out(api, org, owner):
    actions.position_create(org=org, actor=owner, title="Old clerk", key="OLD", status="archived")
    actions.position_create(
        org=org, actor=owner, title="Planned buyer", key="BUY", status="planned"
    )
    keys = lambda r: [p["key"] for p in r.json()["items"]]  # noqa: E731
    assert keys(api.get("/positions")) == ["BUY", "FIN-MGR", "GM-POS"]
    assert keys(api.get("/positions", department="FIN")) == ["FIN-MGR"]
    assert keys(api.get("/positions", q="manager")) == ["FIN-MGR", "GM-POS"]
    assert keys(api.get("/positions", q="gm-")) == ["GM-POS"]
    assert keys(api.get("/positions", status="archived")) == ["OLD"]
    assert keys(api.get("/positions", status="planned")) == ["BUY"]
    assert api.get("/positions", status="sideways").status_code == 422
    assert api.get("/positions", department="FIN").json()["items"][0] == {
        "key": "FIN-MGR",
        "title": "Finance manager",
        "department": "FIN",
        "reports_to": "GM-POS",
        "grade": None,
        "headcount": 1,
        "status": "active",
        "confidentiality_required": False,
        "jd_status": "draft",
    }


def test_position_list_paginates_at_constant_cost(api, org, owner, django_assert_max_num_queries):
    with django_assert_max_num_queries(6) as ctx:
        api.get("/positions")
    few = len(ctx.captured_queries)
    fin = Department.objects.get(org=org, key="FIN")
    boss = Position.objects.get(org=org, key="GM-POS")
    for i in range(60):
        actions.position_create(
            org=org, actor=owner, title=f"Clerk {i}", department=fin, reports_to=boss
        )
    with django_assert_max_num_queries(few):
        first = api.get("/positions").json()
    assert (first["count"], len(first["items"])) == (62, 50)
    assert len(api.get("/positions", page=2).json()["items"]) == 12


def test_get_a_position_with_its_purpose_and_objective_keys(api, org, owner):
    position = Position.objects.get(org=org, key="FIN-MGR")
    objectives = [Objective.objects.create(org=org, key=k, title=k) for k in ("OBJ-B", "OBJ-A")]
    from remit.org.actions import duties

    duties.purpose_update(
        position=position,
        actor=owner,
        basis="Under the budget",
        content="keep the books",
        performance="so that money is never a surprise",
        objectives=objectives,
    )
    r = api.get("/positions/FIN-MGR")
    assert r.status_code == 200
    assert r.json()["purpose"] == {
        "basis": "Under the budget",
        "content": "keep the books",
        "performance": "so that money is never a surprise",
        "objectives": ["OBJ-A", "OBJ-B"],
    }
    assert r.json()["reports_to"] == "GM-POS"
    assert api.get("/positions/NOPE").status_code == 404


def test_create_a_position_with_references_by_key(api, org):
    r = api.post(
        "/positions",
        {
            "title": "Accountant",
            "key": "ACC",
            "department": "FIN",
            "reports_to": "FIN-MGR",
            "grade": "G5",
            "headcount": 2,
            "confidentiality_required": True,
        },
    )
    assert r.status_code == 201
    body = r.json()
    assert (body["key"], body["department"], body["reports_to"], body["grade"]) == (
        "ACC",
        "FIN",
        "FIN-MGR",
        "G5",
    )
    assert body["purpose"] == {"basis": "", "content": "", "performance": "", "objectives": []}
    acc = Position.objects.get(org=org, key="ACC")
    assert (acc.department.key, acc.reports_to.key, acc.headcount) == ("FIN", "FIN-MGR", 2)
    assert api.post("/positions", {"title": "Cashier"}).json()["key"] == "CASHIER"


def test_position_validation_errors_name_every_field_and_write_nothing(api, org):
    before = snapshot_of(org)
    r = api.post(
        "/positions",
        {"title": "Ghost", "department": "NOPE", "reports_to": "NOBODY", "grade": "G9"},
    )
    assert r.status_code == 422
    assert r.json() == {
        "detail": [
            {"field": "department", "message": "No department has the key “NOPE”."},
            {"field": "reports_to", "message": "No position has the key “NOBODY”."},
            {"field": "grade", "message": "No grade has the key “G9”."},
        ]
    }
    r = api.post("/positions", {"title": "", "headcount": -1})
    assert r.status_code == 422
    assert {p["field"] for p in r.json()["detail"]} == {"title", "headcount"}
    r = api.patch("/positions/GM-POS", {"reports_to": "FIN-MGR"})  # a loop
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {
            "field": "reports_to",
            "message": "A position cannot report to itself or to a position that reports to it.",
        }
    ]
    r = api.patch("/positions/FIN-MGR", {"key": "GM-POS"})
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "key", "message": "The key “GM-POS” is already used."}]
    assert snapshot_of(org) == before


def test_patch_a_position_changes_only_its_identity_fields_sent(api, org):
    r = api.patch("/positions/FIN-MGR", {"title": "Head of finance", "department": None})
    assert r.status_code == 200
    assert (r.json()["title"], r.json()["department"], r.json()["reports_to"]) == (
        "Head of finance",
        None,
        "GM-POS",
    )
    position = Position.objects.get(org=org, key="FIN-MGR")
    assert (position.title, position.department_id, position.headcount) == (
        "Head of finance",
        None,
        1,
    )


def test_archive_a_position(api, org):
    r = api.post("/positions/GM-POS/archive")  # the finance manager still reports to it
    assert r.status_code == 422
    assert "Positions still report to" in r.json()["detail"][0]["message"]
    assert Position.objects.get(org=org, key="GM-POS").status == "active"
    r = api.post("/positions/FIN-MGR/archive")
    assert r.status_code == 200
    assert r.json()["status"] == "archived"
    assert Position.objects.get(org=org, key="FIN-MGR").status == "archived"


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_read_positions_but_never_write(as_role, org, role):
    other = as_role(role)
    before = snapshot_of(org)
    assert other.get("/positions").status_code == 200
    assert other.get("/positions/FIN-MGR").status_code == 200
    r = other.post("/positions", {"title": "Shadow", "department": "NOPE"})
    assert r.status_code == 403
    assert other.patch("/positions/FIN-MGR", {"title": "x"}).status_code == 403
    assert other.post("/positions/FIN-MGR/archive").status_code == 403
    assert snapshot_of(org) == before


def test_a_manager_writes_positions_only_in_their_department_subtree(as_role, org):
    manager = as_role("manager")  # holds FIN-MGR, in FIN
    before = snapshot_of(org)
    r = manager.patch("/positions/GM-POS", {"title": "Boss"})  # GM is above FIN
    assert r.status_code == 403
    assert r.json() == {"detail": "Your role does not allow changing “GM-POS”."}
    assert manager.post("/positions", {"title": "Clerk", "department": "OPS"}).status_code == 403
    assert manager.post("/positions", {"title": "Clerk"}).status_code == 403
    r = manager.patch("/positions/FIN-MGR", {"department": "OPS"})  # moving it out
    assert r.status_code == 403
    assert manager.post("/positions/GM-POS/archive").status_code == 403
    assert snapshot_of(org) == before

    assert manager.patch("/positions/FIN-MGR", {"headcount": 2}).status_code == 200
    r = manager.post("/positions", {"title": "Clerk", "department": "FIN"})
    assert r.status_code == 201
    assert Position.objects.get(org=org, key=r.json()["key"]).department.key == "FIN"


# --- organisations ---------------------------------------------------------------------------


def test_rows_of_another_organisation_are_never_reachable(api, client, make_org, make_user):
    other_owner = make_user()
    other = make_org("Other", owner=other_owner, slug="other")
    actions.department_create(org=other, actor=other_owner, name="Theirs", key="THEIRS")
    actions.position_create(org=other, actor=other_owner, title="Theirs", key="THEIRS")
    assert api.get("/departments/THEIRS").status_code == 404
    assert api.get("/positions/THEIRS").status_code == 404
    assert api.patch("/positions/THEIRS", {"title": "Mine"}).status_code == 404
    assert api.delete("/departments/THEIRS").status_code == 404
    # A reference to their row is an unknown key here.
    r = api.post("/positions", {"title": "Spy", "department": "THEIRS"})
    assert r.status_code == 422
    # Their organisation answers 404 — even to a body that would not validate.
    theirs = Api(client, api.user, "other")
    assert theirs.get("/departments").status_code == 404
    assert theirs.post("/departments", {"nonsense": True}).status_code == 404
    assert Department.objects.filter(org=other).count() == 1


def test_no_token_is_401(client, structure):
    assert client.get(f"/api/v1/o/{structure.slug}/positions").status_code == 401
