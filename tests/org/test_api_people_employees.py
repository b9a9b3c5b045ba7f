"""The employees API: records, the lifecycle, openings, handovers and "my job", through the
real NinjaAPI with a token."""

import datetime as dt

import pytest

from remit.accounts.models import Organization
from remit.org.actions import people_employees as actions
from remit.org.actions.orgfile import orgfile_import
from remit.org.models import Employee, Handover, HandoverItem, Opening

from .test_api_people import Api

TODAY = dt.date.today()


@pytest.fixture
def company(org, small):
    orgfile_import(org=org, snapshot=small, actor=None)
    return org


@pytest.fixture
def api(client, owner, company):
    return Api(client, owner, company.slug)


@pytest.fixture
def member_api(client, company, make_user, member_of):
    """Ada's own login (E1's user_email), as a plain member."""
    user = make_user("ada@example.com")
    member_of(user, company, "member")
    return Api(client, user, company.slug)


def test_employees_list_and_get_with_personal_data(api):
    r = api.get("/employees")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 2
    ada = body["items"][0]
    assert ada == {
        "key": "E1",
        "name": "Ada Li",
        "status": "active",
        "positions": ["FIN-MGR"],
        "email": "ada@example.com",
        "phone": "",
        "user_email": "ada@example.com",
        "hired_on": "2020-01-01",
        "left_on": None,
    }
    assert api.get("/employees", position="FIN-MGR").json()["count"] == 1
    assert api.get("/employees/E2").json()["positions"] == []


def test_personal_data_is_null_for_members_but_their_own(member_api, company):
    bo = member_api.get("/employees/E2").json()
    assert bo["email"] is None and bo["hired_on"] is None
    assert member_api.get("/employees/E1").json()["hired_on"] == "2020-01-01"  # her own
    assert member_api.get("/employees/E2/events").status_code == 403
    assert member_api.get("/employees/E1/events").status_code == 200
    Organization.objects.filter(pk=company.pk).update(personal_data_open=True)
    assert member_api.get("/employees/E2/assignments").status_code == 200


def test_hire_promote_train_sign_and_leave(api, company):
    r = api.post("/employees/hire", {"name": "Cy", "position": "CEO", "on": "2026-12-01"})
    assert r.status_code == 201, r.json()
    assert (r.json()["key"], r.json()["hired_on"]) == ("E3", "2026-12-01")
    r = api.post("/employees/E1/promote", {"to_position": "CEO", "on": "2026-12-01"})
    assert r.status_code == 201, r.json()
    assert (r.json()["kind"], r.json()["position"], r.json()["to_position"]) == (
        "promotion",
        "FIN-MGR",
        "CEO",
    )
    jobs = api.get("/employees/E1/assignments").json()
    assert [(j["position"], j["start"], j["end"]) for j in jobs] == [
        ("FIN-MGR", "2020-01-01", "2026-11-30"),
        ("CEO", "2026-12-01", None),
    ]
    r = api.post(
        "/employees/E1/training", {"on": "2026-11-02", "procedure": "SOP-BUD", "passed": True}
    )
    assert (r.status_code, r.json()["procedure"]) == (201, "SOP-BUD")
    r = api.post("/employees/E1/confidentiality", {"on": "2026-11-02", "expires_on": "2029-11-01"})
    assert (r.status_code, r.json()["expires_on"]) == (201, "2029-11-01")
    r = api.post("/employees/E2/leave", {"kind": "termination", "last_day": "2026-12-31"})
    assert r.status_code == 201
    assert r.json()["event"]["kind"] == "termination"
    assert r.json()["handovers"] == []  # Bo holds no position: nothing to hand over
    assert api.get("/employees/E2").json()["status"] == "left"
    kinds = [e["kind"] for e in api.get("/employees/E1/events").json()]
    assert kinds[:3] == ["promotion", "training", "confidentiality"] or set(kinds) >= {
        "promotion",
        "training",
        "confidentiality",
    }


def test_lifecycle_errors_are_422_with_every_problem(api):
    r = api.post("/employees/E1/promote", {"to_position": "NOPE", "on": "2026-12-01"})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [{"field": "to_position", "message": "No position has the key “NOPE”."}]
    }
    r = api.post("/employees/E1/training", {"on": "2026-12-01", "skill": "ACC", "score": 101})
    assert r.status_code == 422
    fields = {d["field"] for d in r.json()["detail"]}
    assert fields == {"level", "score"}
    r = api.post("/employees/hire", {"on": "2026-12-01", "name": "X"})
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "position", "message": "Choose the position the new employee fills."}
    ]


def test_members_cannot_write(member_api):
    assert (
        member_api.post(
            "/employees/E1/promote", {"to_position": "CEO", "on": "2026-12-01"}
        ).status_code
        == 403
    )
    assert (
        member_api.post(
            "/employees/hire", {"name": "X", "position": "CEO", "on": "2026-12-01"}
        ).status_code
        == 403
    )
    assert member_api.patch("/employees/E2", {"name": "Y"}).status_code == 403
    assert member_api.post("/employees", {"name": "Z"}).status_code == 403


def test_openings_and_candidates_then_a_hire(api, company):
    r = api.post("/openings", {"position": "CEO", "opened_on": "2026-09-01"})
    assert r.status_code == 201
    key = r.json()["key"]
    r = api.post(f"/openings/{key}/candidates", {"name": "Gil", "stage": "interview"})
    assert r.status_code == 201
    cand = r.json()["key"]
    assert api.patch(f"/openings/{key}/candidates/{cand}", {"stage": "hired"}).status_code == 422
    assert (
        api.patch(f"/openings/{key}/candidates/{cand}", {"stage": "offer"}).json()["stage"]
        == "offer"
    )
    r = api.post("/employees/hire", {"opening": key, "candidate": cand, "on": "2026-12-01"})
    assert r.status_code == 201, r.json()
    opening = api.get(f"/openings/{key}").json()
    assert (opening["status"], opening["hired"]) == ("filled", r.json()["key"])
    assert opening["candidates"][0]["stage"] == "hired"
    assert api.get("/openings", status="open").json()["count"] == 1  # the fixture's OP1


def test_candidates_are_personal_data(member_api):
    assert member_api.get("/openings/OP1").json()["candidates"] is None


def test_handovers_generate_assign_and_complete(api, company, owner):
    Handover.objects.filter(key="H1").delete()
    r = api.post(
        "/handovers",
        {"employee": "E1", "position": "FIN-MGR", "reason": "rotation", "last_day": "2026-12-31"},
    )
    assert r.status_code == 201, r.json()
    h = r.json()
    assert (h["total"], h["done"], h["complete"]) == (6, 0, False)
    assert len(h["at_risk"]) == 6  # no one takes anything over yet
    key = h["key"]
    again = api.post(
        "/handovers",
        {"employee": "E1", "position": "FIN-MGR", "reason": "rotation", "last_day": "2026-12-31"},
    )
    assert again.status_code == 422
    for item in h["items"]:
        r = api.patch(f"/handovers/{key}/items/{item['key']}", {"successor": "E2", "done": True})
        assert r.status_code == 200, r.json()
    done = api.get(f"/handovers/{key}").json()
    assert (done["done"], done["complete"], done["at_risk"]) == (6, True, [])
    assert api.get("/handovers", state="open").json()["count"] == 0
    assert api.get("/handovers", state="complete").json()["count"] == 1
    r = api.post(f"/handovers/{key}/items", {"description": "Safe code", "successor": "E2"})
    assert (r.status_code, r.json()["kind"]) == (201, "other")
    assert api.patch(f"/handovers/{key}", {"due_on": "2027-01-15"}).json()["due_on"] == "2027-01-15"


def test_a_successor_marks_their_own_item_done_and_nothing_more(
    client, company, owner, make_user, member_of
):
    bo = make_user("bo@example.com")
    member_of(bo, company, "member")
    actions.employee_update(
        employee=Employee.objects.get(org=company, key="E2"),
        actor=owner,
        user_email="bo@example.com",
    )
    bo_api = Api(client, bo, company.slug)
    assert bo_api.patch("/handovers/H1/items/H1-1", {"successor": "E1"}).status_code == 403
    assert bo_api.patch("/handovers/H1/items/H1-1", {"done": True}).status_code == 200
    assert HandoverItem.objects.get(key="H1-1").done


def test_my_job(member_api, api):
    j = member_api.get("/my-job").json()
    assert j["employee"] == "E1"
    job = j["positions"][0]
    assert (job["position"], job["primary"], job["since"]) == ("FIN-MGR", True, "2020-01-01")
    assert job["responsibilities"] == ["Prepare the annual budget"]
    owned = {g["kind"]: g["keys"] for g in job["owned"]}
    assert owned["relation"] == ["BANK"] and owned["control"] == ["K1"]
    assert api.get("/my-job").json() == {
        "employee": None,
        "positions": [],
        "assigned": [],
        "taking_over": [],
        "handovers": [],
    }


def test_employee_list_costs_constant_queries(api, company, owner, django_assert_max_num_queries):
    def grow(n):
        for i in range(n):
            actions.employee_hire(
                org=company, actor=owner, name=f"P{i}", position=company_pos(company), on=TODAY
            )

    grow(2)
    with django_assert_max_num_queries(50) as ctx:
        api.get("/employees")
    few = len(ctx.captured_queries)
    grow(6)
    with django_assert_max_num_queries(few):
        assert api.get("/employees").json()["count"] == 10


def company_pos(org):
    from remit.org.models import Position

    return Position.objects.get(org=org, key="CEO")


def test_openings_list_costs_constant_queries(api, company, owner, django_assert_max_num_queries):
    with django_assert_max_num_queries(50) as ctx:
        api.get("/openings")
    few = len(ctx.captured_queries)
    for i in range(4):
        o = actions.opening_create(
            org=company, actor=owner, position=company_pos(company), opened_on=TODAY, key=f"O{i}"
        )
        actions.candidate_create(opening=o, actor=owner, name="C")
    with django_assert_max_num_queries(few):
        assert api.get("/openings").json()["count"] == Opening.objects.filter(org=company).count()
