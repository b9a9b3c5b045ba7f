"""The plan API: items with dependencies and re-parenting, the order of work, the critical
path; cycles refused naming them; access by role."""

import datetime as dt

import pytest
from django.utils import timezone

from remit.accounts.models import AuditEvent
from remit.org.actions import people as people_actions
from remit.org.models import Assignment, Employee, PlanDependency, PlanItem, Position
from tests.org.test_api_people import Api

TODAY = timezone.localdate()


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def positions(org, owner):
    ops = people_actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    people_actions.position_create(org=org, actor=owner, title="Chief", key="CEO")
    people_actions.position_create(
        org=org, actor=owner, title="Ops manager", key="OPS-MGR", department=ops
    )
    return org


@pytest.fixture
def api(client, owner, positions):
    return Api(client, owner, positions.slug)


@pytest.fixture
def plan(api):
    """G > P > (T1, T2 waits for T1)."""
    assert (
        api.post(
            "/plan/items", {"title": "Grow", "key": "G", "kind": "goal", "owner": "CEO"}
        ).status_code
        == 201
    )
    api.post(
        "/plan/items",
        {"title": "Machine", "key": "P", "kind": "project", "parent": "G", "owner": "OPS-MGR"},
    )
    api.post("/plan/items", {"title": "Order", "key": "T1", "parent": "P", "owner": "OPS-MGR",
                             "start": days(10), "due": days(19), "importance": 5, "urgency": 5,
                             "lead_time_days": 30})  # fmt: skip
    r = api.post("/plan/items", {"title": "Install", "key": "T2", "parent": "P", "owner": "OPS-MGR",
                                 "duration_days": 5, "depends_on": ["T1"]})  # fmt: skip
    assert r.status_code == 201
    return api


def test_create_and_read_items(plan):
    item = plan.get("/plan/items/T2").json()
    assert item["parent"] == "P" and item["depends_on"] == ["T1"] and item["owner"] == "OPS-MGR"
    assert item["kind"] == "task" and item["status"] == "not_started" and item["order"] == 1
    r = plan.post("/plan/items", {"title": "Hire a welder", "kind": "task"})
    assert r.json()["key"] == "T-HIRE-A-WELDER"
    assert [i["key"] for i in plan.get("/plan/items", parent="P").json()["items"]] == ["T1", "T2"]
    assert [i["key"] for i in plan.get("/plan/items", parent="-").json()["items"]] == [
        "G",
        "T-HIRE-A-WELDER",
    ]
    assert plan.get("/plan/items", q="instal").json()["count"] == 1
    assert plan.get("/plan/items/NOPE").status_code == 404


def test_bad_references_and_values_are_422_with_their_field(plan):
    r = plan.post("/plan/items", {"title": "X", "owner": "NOPE", "depends_on": ["T1", "ZZ"]})
    assert r.status_code == 422
    assert {d["field"] for d in r.json()["detail"]} == {"owner", "depends_on"}
    r = plan.post("/plan/items", {"title": "X", "start": days(5), "due": days(1)})
    assert r.json()["detail"] == [{"field": "due", "message": "The due date is before the start."}]
    assert plan.post("/plan/items", {"title": "X", "importance": 9}).status_code == 422


def test_a_dependency_that_closes_a_circle_is_refused_naming_it(plan):
    r = plan.post("/plan/items/T1/dependencies", {"key": "T2"})
    assert r.status_code == 422
    [problem] = r.json()["detail"]
    assert problem["field"] == "key"
    assert "T1 → T2 → T1" in problem["message"]
    assert not PlanDependency.objects.filter(successor__key="T1").exists()
    r = plan.patch("/plan/items/T1", {"depends_on": ["T2"]})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "depends_on"
    r = plan.patch("/plan/items/G", {"depends_on": ["T1"]})
    assert "one is part of the other" in r.json()["detail"][0]["message"]
    r = plan.post("/plan/items/T2/dependencies", {"key": "T2"})
    assert r.json()["detail"][0]["message"] == "An item cannot depend on itself."


def test_dependencies_added_replaced_and_removed(plan):
    plan.post("/plan/items", {"title": "Permit", "key": "T0"})
    assert plan.post("/plan/items/T2/dependencies", {"key": "T0"}).json()["depends_on"] == [
        "T0",
        "T1",
    ]
    assert plan.delete("/plan/items/T2/dependencies/T1").json()["depends_on"] == ["T0"]
    assert plan.patch("/plan/items/T2", {"depends_on": []}).json()["depends_on"] == []
    ev = AuditEvent.objects.filter(entity_key="T2").order_by("-id").first()
    assert ev.changes == {"depends_on": [["T0"], []]}


def test_move_and_reparent(plan):
    plan.post("/plan/items", {"title": "Other", "key": "P2", "kind": "project", "parent": "G"})
    r = plan.post("/plan/items/T2/move", {"parent": "P2", "position": 0})
    assert r.status_code == 200 and r.json()["parent"] == "P2"
    r = plan.post("/plan/items/T1/move", {"parent": "P2", "position": 0})
    assert [i["key"] for i in plan.get("/plan/items", parent="P2").json()["items"]] == ["T1", "T2"]
    assert [i.key for i in PlanItem.objects.filter(parent__key="P2").order_by("order")] == [
        "T1",
        "T2",
    ]
    r = plan.post("/plan/items/G/move", {"parent": "T1"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "parent"
    assert plan.patch("/plan/items/T2", {"parent": None}).json()["parent"] is None
    r = plan.patch("/plan/items/P", {"parent": "P"})
    assert r.status_code == 422


def test_update_and_delete(plan):
    r = plan.patch("/plan/items/T1", {"status": "done", "title": "Ordered"})
    assert r.json()["progress"] == 100 and r.json()["title"] == "Ordered"
    assert plan.delete("/plan/items/P").status_code == 422  # it has parts
    assert plan.delete("/plan/items/T2").status_code == 204
    assert not PlanItem.objects.filter(key="T2").exists()


def test_order_of_work_schedule_and_critical_path(plan):
    body = plan.get("/plan/order").json()
    keys = [i["key"] for i in body["items"]]
    assert keys.index("T1") < keys.index("T2")
    t1 = next(i for i in body["items"] if i["key"] == "T1")
    assert t1["preparation_late"] and t1["prepare_from"] == days(-20) and t1["priority"] == 25
    t2 = next(i for i in body["items"] if i["key"] == "T2")
    assert t2["waits_for"] == ["T1"] and t2["critical"]
    assert plan.get("/plan/order", position="CEO").json()["count"] == 1
    timings = {t["key"]: t for t in plan.get("/plan/schedule").json()["items"]}
    assert timings["T2"]["early_start"] == days(20) and timings["T2"]["early_finish"] == days(24)
    cp = plan.get("/plan/critical-path").json()
    assert cp["paths"] == [{"goal": "G", "finish": days(24), "items": ["T1", "T2"]}]
    assert cp["cycles"] == [] and cp["unscheduled"] == []


@pytest.fixture
def as_role(client, make_user, member_of, plan, positions):
    def make(role):
        user = make_user()
        member_of(user, positions, role)
        if role == "manager":
            emp = Employee.objects.create(org=positions, key="EM", name="M", user_email=user.email)
            Assignment.objects.create(
                org=positions, key="EM-1", employee=emp, start=TODAY,
                position=Position.objects.get(org=positions, key="OPS-MGR"),
            )  # fmt: skip
        return Api(client, user, positions.slug)

    return make


def test_viewers_read_only(as_role):
    v = as_role("viewer")
    assert v.get("/plan/items").status_code == 200
    assert v.get("/plan/order").status_code == 200
    assert v.post("/plan/items", {"title": "X"}).status_code == 403
    assert v.patch("/plan/items/T1", {"title": "X"}).status_code == 403
    assert v.post("/plan/items/T2/move", {"parent": None}).status_code == 403


def test_managers_change_items_their_departments_own(as_role):
    m = as_role("manager")
    assert m.patch("/plan/items/T1", {"progress": 10}).status_code == 200
    assert m.patch("/plan/items/G", {"progress": 10}).status_code == 403  # the chief's
    assert m.patch("/plan/items/T1", {"owner": "CEO"}).status_code == 403
    assert m.post("/plan/items", {"title": "X", "owner": "CEO"}).status_code == 403
    assert (
        m.post("/plan/items", {"title": "Y", "owner": "OPS-MGR", "parent": "P"}).status_code == 201
    )
