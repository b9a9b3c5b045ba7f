"""The four steps, job descriptions and findings through the API, with a personal token."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.cache import cache

from remit.accounts import actions as account_actions
from remit.accounts.models import AuditEvent
from remit.org.actions import duties as actions
from remit.org.actions import people as people_actions
from remit.org.models import (
    Assignment,
    Employee,
    JobDescriptionVersion,
    Objective,
    Position,
    Procedure,
    Responsibility,
    ResultArea,
    Target,
)
from remit.org.queries import duties as queries
from remit.org.queries import health


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


@pytest.fixture(autouse=True)
def _fresh_findings():
    """Findings are cached per organisation and change; tests must not share them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fin(org, owner):
    """FIN-MGR in FIN (reporting to GM-POS in GM): one area, one target, one responsibility."""
    gm = people_actions.department_create(org=org, actor=owner, name="Management", key="GM")
    dept = people_actions.department_create(org=org, actor=owner, name="Finance", key="FIN")
    people_actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    boss = people_actions.position_create(
        org=org, actor=owner, title="General manager", key="GM-POS", department=gm
    )
    people_actions.position_create(
        org=org, actor=owner, title="Plant manager", key="OPS-MGR", department=None
    )
    position = people_actions.position_create(
        org=org,
        actor=owner,
        title="Finance manager",
        key="FIN-MGR",
        department=dept,
        reports_to=boss,
    )
    Objective.objects.create(org=org, key="OBJ-CASH", title="Never run out of cash")
    Procedure.objects.create(org=org, key="SOP-BUD", title="Budgeting")
    Procedure.objects.create(org=org, key="SOP-TAX", title="Tax filing")
    area = actions.result_area_create(
        position=position, actor=owner, title="Budget", weight=Decimal(60)
    )
    target = actions.target_create(area=area, actor=owner, statement="Budget approved on time")
    actions.responsibility_create(target=target, actor=owner, statement="Prepare the budget")
    return position


@pytest.fixture
def api(client, owner, fin):
    return Api(client, owner, fin.org.slug)


@pytest.fixture
def as_role(client, make_user, member_of, fin):
    """An API client for a new user with a role; a manager manages the FIN department."""

    def make(role: str) -> Api:
        user = make_user()
        member_of(user, fin.org, role)
        if role == "manager":
            employee = Employee.objects.create(
                org=fin.org, key=f"E-{user.pk}", name="Manny", user_email=user.email
            )
            Assignment.objects.create(
                org=fin.org,
                key=f"E-{user.pk}-1",
                employee=employee,
                position=fin,
                start=dt.date(2020, 1, 1),
            )
        return Api(client, user, fin.org.slug)

    return make


def snapshot_of(org) -> tuple:
    """Everything the duties operations could write, to prove nothing was."""
    return (
        list(Position.objects.filter(org=org).order_by("key").values()),
        list(ResultArea.objects.filter(org=org).order_by("key").values()),
        list(Target.objects.filter(org=org).order_by("key").values()),
        list(Responsibility.objects.filter(org=org).order_by("key").values()),
        list(Responsibility.procedures.through.objects.order_by("id").values()),
        list(Position.purpose_objectives.through.objects.order_by("id").values()),
        JobDescriptionVersion.objects.filter(org=org).count(),
        AuditEvent.objects.filter(org=org).count(),
    )


# --- B1 purpose -------------------------------------------------------------------------------------


def test_put_the_purpose_with_objectives_by_key(api, fin):
    r = api.put(
        "/positions/FIN-MGR/purpose",
        {
            "basis": "Under the company's work plan",
            "content": " organise the finances ",
            "performance": "so that operations are funded",
            "objectives": ["OBJ-CASH"],
        },
    )
    assert r.status_code == 200
    assert r.json() == {
        "basis": "Under the company's work plan",
        "content": "organise the finances",
        "performance": "so that operations are funded",
        "objectives": ["OBJ-CASH"],
    }
    assert api.get("/positions/FIN-MGR").json()["purpose"] == r.json()
    fin.refresh_from_db()
    assert fin.purpose_content == "organise the finances"
    # The list replaces the old one.
    r = api.put("/positions/FIN-MGR/purpose", {"basis": "b", "content": "c", "performance": "p"})
    assert r.json()["objectives"] == []


def test_purpose_with_an_unknown_objective_is_422_and_writes_nothing(api, fin):
    before = snapshot_of(fin.org)
    r = api.put("/positions/FIN-MGR/purpose", {"content": "x", "objectives": ["OBJ-CASH", "OBJ-X"]})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [{"field": "objectives", "message": "No objective has the key “OBJ-X”."}]
    }
    assert snapshot_of(fin.org) == before


# --- B2 result areas ------------------------------------------------------------------------------


def test_result_areas_list_create_update_delete(api, fin):
    r = api.get("/positions/FIN-MGR/areas")
    assert r.json() == {
        "count": 1,
        "items": [
            {
                "key": "FIN-MGR-1",
                "title": "Budget",
                "weight": "60.00",
                "description": "",
                "order": 0,
            }
        ],
    }
    r = api.post("/positions/FIN-MGR/areas", {"title": "Tax", "weight": 40, "description": "All"})
    assert r.status_code == 201
    assert r.json() == {
        "key": "FIN-MGR-2",
        "title": "Tax",
        "weight": "40",
        "description": "All",
        "order": 1,
    }
    r = api.patch("/positions/FIN-MGR/areas/FIN-MGR-2", {"weight": "35.5"})
    assert r.status_code == 200
    assert (r.json()["title"], r.json()["weight"]) == ("Tax", "35.5")
    assert ResultArea.objects.get(org=fin.org, key="FIN-MGR-2").weight == Decimal("35.5")
    assert api.patch("/positions/FIN-MGR/areas/NOPE", {"title": "x"}).status_code == 404
    assert api.delete("/positions/FIN-MGR/areas/FIN-MGR-2").status_code == 204
    assert not ResultArea.objects.filter(org=fin.org, key="FIN-MGR-2").exists()


def test_result_area_validation_errors_are_422_per_field(api, fin):
    before = snapshot_of(fin.org)
    r = api.post("/positions/FIN-MGR/areas", {"title": "", "weight": 150})
    assert r.status_code == 422
    assert {p["field"] for p in r.json()["detail"]} == {"title", "weight"}
    weight = next(p for p in r.json()["detail"] if p["field"] == "weight")
    assert weight["message"] == "Ensure this value is less than or equal to 100."
    r = api.patch("/positions/FIN-MGR/areas/FIN-MGR-1", {"weight": -1})
    assert r.status_code == 422
    assert [p["field"] for p in r.json()["detail"]] == ["weight"]
    assert snapshot_of(fin.org) == before


def test_reorder_result_areas(api, fin, owner):
    for title in ("Tax", "Cash"):
        actions.result_area_create(position=fin, actor=owner, title=title)
    r = api.put("/positions/FIN-MGR/areas/order", {"keys": ["FIN-MGR-3", "FIN-MGR-1", "FIN-MGR-2"]})
    assert r.status_code == 200
    assert [(a["key"], a["order"]) for a in r.json()] == [
        ("FIN-MGR-3", 0),
        ("FIN-MGR-1", 1),
        ("FIN-MGR-2", 2),
    ]
    listed = api.get("/positions/FIN-MGR/areas").json()["items"]
    assert [a["key"] for a in listed] == ["FIN-MGR-3", "FIN-MGR-1", "FIN-MGR-2"]
    before = snapshot_of(fin.org)
    r = api.put("/positions/FIN-MGR/areas/order", {"keys": ["FIN-MGR-3", "FIN-MGR-1"]})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [{"field": "keys", "message": "The new order must list every item exactly once."}]
    }
    assert snapshot_of(fin.org) == before


# --- B3 targets ------------------------------------------------------------------------------------


def test_targets_list_create_update_delete(api, fin):
    base = "/positions/FIN-MGR/areas/FIN-MGR-1/targets"
    assert [t["key"] for t in api.get(base).json()["items"]] == ["FIN-MGR-1-1"]
    r = api.post(
        base,
        {
            "statement": "Cash never below one month of costs",
            "metric": "cash at month end",
            "target": "≥ 1 month",
            "period": "monthly",
            "deadline": "2026-12-31",
            "objective": "OBJ-CASH",
        },
    )
    assert r.status_code == 201
    assert r.json() == {
        "key": "FIN-MGR-1-2",
        "statement": "Cash never below one month of costs",
        "metric": "cash at month end",
        "target": "≥ 1 month",
        "period": "monthly",
        "deadline": "2026-12-31",
        "objective": "OBJ-CASH",
        "order": 1,
    }
    r = api.patch("/positions/FIN-MGR/targets/FIN-MGR-1-2", {"period": None, "objective": None})
    assert r.status_code == 200
    assert (r.json()["period"], r.json()["objective"], r.json()["metric"]) == (
        None,
        None,
        "cash at month end",
    )
    target = Target.objects.get(org=fin.org, key="FIN-MGR-1-2")
    assert (target.period, target.objective_id) == ("", None)
    assert api.get(base).json()["count"] == 2
    assert api.delete("/positions/FIN-MGR/targets/FIN-MGR-1-2").status_code == 204
    assert not Target.objects.filter(org=fin.org, key="FIN-MGR-1-2").exists()
    assert api.get("/positions/FIN-MGR/areas/NOPE/targets").status_code == 404


def test_target_errors_are_422_and_write_nothing(api, fin):
    before = snapshot_of(fin.org)
    base = "/positions/FIN-MGR/areas/FIN-MGR-1/targets"
    r = api.post(base, {"statement": "Pay taxes", "objective": "OBJ-NOPE"})
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "objective", "message": "No objective has the key “OBJ-NOPE”."}
    ]
    r = api.post(base, {"statement": ""})
    assert [p["field"] for p in r.json()["detail"]] == ["statement"]
    assert api.post(base, {"statement": "x", "period": "hourly"}).status_code == 422
    assert snapshot_of(fin.org) == before


# --- B4 responsibilities ---------------------------------------------------------------------------


def test_responsibilities_list_create_update_delete_with_procedures(api, fin):
    base = "/positions/FIN-MGR/targets/FIN-MGR-1-1/responsibilities"
    r = api.post(
        base,
        {
            "statement": "Review the budget monthly with each department",
            "frequency": "monthly",
            "time_share": "12.5",
            "authority": "approves",
            "procedures": ["SOP-TAX", "SOP-BUD"],
        },
    )
    assert r.status_code == 201
    assert r.json() == {
        "key": "FIN-MGR-1-1-2",
        "statement": "Review the budget monthly with each department",
        "frequency": "monthly",
        "time_share": "12.5",
        "authority": "approves",
        "procedures": ["SOP-BUD", "SOP-TAX"],
        "order": 1,
    }
    r = api.patch("/positions/FIN-MGR/responsibilities/FIN-MGR-1-1-2", {"procedures": ["SOP-TAX"]})
    assert r.status_code == 200
    assert (r.json()["procedures"], r.json()["authority"]) == (["SOP-TAX"], "approves")
    r = api.patch("/positions/FIN-MGR/responsibilities/FIN-MGR-1-1-2", {"frequency": None})
    assert (r.json()["frequency"], r.json()["procedures"]) == (None, ["SOP-TAX"])
    listed = api.get(base).json()
    assert [(i["key"], i["procedures"]) for i in listed["items"]] == [
        ("FIN-MGR-1-1-1", []),
        ("FIN-MGR-1-1-2", ["SOP-TAX"]),
    ]
    assert api.delete("/positions/FIN-MGR/responsibilities/FIN-MGR-1-1-2").status_code == 204
    assert api.get(base).json()["count"] == 1


def test_responsibility_errors_are_422_and_write_nothing(api, fin):
    before = snapshot_of(fin.org)
    base = "/positions/FIN-MGR/targets/FIN-MGR-1-1/responsibilities"
    r = api.post(base, {"statement": "Do it", "procedures": ["SOP-BUD", "SOP-X", "SOP-Y"]})
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "procedures", "message": "No procedure (SOP) has the key “SOP-X”."},
        {"field": "procedures", "message": "No procedure (SOP) has the key “SOP-Y”."},
    ]
    r = api.post(base, {"statement": "Do it", "time_share": 120})
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "time_share", "message": "Ensure this value is less than or equal to 100."}
    ]
    r = api.patch("/positions/FIN-MGR/responsibilities/FIN-MGR-1-1-1", {"time_share": 101})
    assert [p["field"] for p in r.json()["detail"]] == ["time_share"]
    assert snapshot_of(fin.org) == before


def test_a_change_sends_an_approved_job_description_back_to_draft(api, fin, owner):
    actions.jd_submit(position=fin, actor=owner)
    actions.jd_approve(position=fin, actor=owner, content={"frozen": True})
    api.patch("/positions/FIN-MGR/areas/FIN-MGR-1", {"title": "Budgets"})
    assert api.get("/positions/FIN-MGR").json()["jd_status"] == "draft"


# --- permissions -----------------------------------------------------------------------------------

WRITES = [
    ("put", "/positions/{key}/purpose", {"content": "x"}),
    ("post", "/positions/{key}/areas", {"title": "x"}),
    ("put", "/positions/{key}/areas/order", {"keys": []}),
    ("post", "/positions/{key}/jd/submit", None),
]


def _write(client: Api, method, path, data, key):
    path = path.format(key=key)
    return client.post(path, data) if method == "post" else client.put(path, data)


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_read_but_never_write(as_role, fin, role):
    other = as_role(role)
    before = snapshot_of(fin.org)
    assert other.get("/positions/FIN-MGR/areas").status_code == 200
    assert other.get("/positions/FIN-MGR/jd").status_code == 200
    for method, path, data in WRITES:
        assert _write(other, method, path, data, "FIN-MGR").status_code == 403, path
    assert other.patch("/positions/FIN-MGR/areas/FIN-MGR-1", {"title": "x"}).status_code == 403
    assert other.delete("/positions/FIN-MGR/targets/FIN-MGR-1-1").status_code == 403
    r = other.delete("/positions/FIN-MGR/responsibilities/FIN-MGR-1-1-1")
    assert r.status_code == 403
    assert r.json() == {"detail": "Your role does not allow changing “FIN-MGR”."}
    assert other.post("/positions/FIN-MGR/jd/approve", {"note": ""}).status_code == 403
    assert snapshot_of(fin.org) == before


def test_a_manager_writes_the_four_steps_only_in_their_departments(as_role, fin, owner):
    manager = as_role("manager")  # holds FIN-MGR, in FIN
    before = snapshot_of(fin.org)
    for method, path, data in WRITES:
        assert _write(manager, method, path, data, "GM-POS").status_code == 403, path
    assert snapshot_of(fin.org) == before
    r = manager.post("/positions/FIN-MGR/areas", {"title": "Tax"})
    assert r.status_code == 201
    r = manager.post(
        "/positions/FIN-MGR/targets/FIN-MGR-1-1/responsibilities", {"statement": "File taxes"}
    )
    assert r.status_code == 201


def test_a_manager_approves_only_in_their_departments(as_role, fin, owner):
    manager = as_role("manager")
    boss = Position.objects.get(org=fin.org, key="GM-POS")
    actions.jd_submit(position=boss, actor=owner)
    assert manager.post("/positions/GM-POS/jd/approve", {"note": ""}).status_code == 403
    assert manager.post("/positions/GM-POS/jd/return", {"note": ""}).status_code == 403
    assert manager.post("/positions/FIN-MGR/jd/submit").status_code == 200
    r = manager.post("/positions/FIN-MGR/jd/approve", {"note": "Fine"})
    assert r.status_code == 200
    assert r.json()["version"] == 1


# --- job descriptions -------------------------------------------------------------------------------


def test_the_job_description_as_data_is_the_assembled_one(api, fin):
    r = api.get("/positions/FIN-MGR/jd")
    assert r.status_code == 200
    assert r.json() == queries.job_description(fin).to_dict()
    assert r.json()["identity"]["reports_to"] == {"key": "GM-POS", "title": "General manager"}
    assert [a["key"] for a in r.json()["areas"]] == ["FIN-MGR-1"]
    assert api.get("/positions/NOPE/jd").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("pdf", "application/pdf", b"%PDF"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
        ("md", "text/markdown; charset=utf-8", b"#"),
        ("html", "text/html; charset=utf-8", b"<!"),
    ],
)
def test_job_description_documents(api, fmt, content_type, start):
    r = api.get(f"/positions/FIN-MGR/jd/{fmt}")
    assert r.status_code == 200
    assert r["Content-Type"] == content_type
    assert r["Content-Disposition"] == f'attachment; filename="FIN-MGR.{fmt}"'
    assert r.content.startswith(start)
    assert len(r.content) > 200
    if fmt in {"md", "html"}:
        assert "Finance manager" in r.content.decode()


def test_an_unknown_document_format_is_404(api):
    assert api.get("/positions/FIN-MGR/jd/odt").status_code == 404


def test_approval_freezes_a_version(api, fin):
    r = api.post("/positions/FIN-MGR/jd/approve", {"note": "early"})
    assert r.status_code == 422
    assert r.json() == {
        "detail": [{"field": None, "message": "Submit the job description before approving it."}]
    }
    r = api.post("/positions/FIN-MGR/jd/submit")
    assert r.json() == {"key": "FIN-MGR", "jd_status": "submitted"}
    assert api.post("/positions/FIN-MGR/jd/submit").status_code == 422
    frozen = api.get("/positions/FIN-MGR/jd").json()

    r = api.post("/positions/FIN-MGR/jd/approve", {"note": " Looks right "})
    assert r.status_code == 200
    version = r.json()
    assert (version["version"], version["note"], version["approved_by"]) == (
        1,
        "Looks right",
        "Olivia Owner",
    )
    assert version["content"]["areas"] == frozen["areas"]
    assert api.get("/positions/FIN-MGR").json()["jd_status"] == "approved"

    # The draft moves on; the version stays as it was approved.
    api.patch("/positions/FIN-MGR/areas/FIN-MGR-1", {"title": "Budgets and forecasts"})
    assert api.get("/positions/FIN-MGR/jd").json()["areas"][0]["title"] == "Budgets and forecasts"
    r = api.get("/positions/FIN-MGR/jd/versions/1")
    assert r.status_code == 200
    assert r.json()["content"]["areas"][0]["title"] == "Budget"
    assert r.json() == {**version, "content": version["content"]}
    assert api.get("/positions/FIN-MGR/jd/versions/2").status_code == 404

    api.post("/positions/FIN-MGR/jd/submit")
    api.post("/positions/FIN-MGR/jd/approve", {})
    versions = api.get("/positions/FIN-MGR/jd/versions").json()
    assert versions["count"] == 2
    assert [v["version"] for v in versions["items"]] == [2, 1]
    assert set(versions["items"][0]) == {"version", "approved_on", "approved_by", "note"}


def test_return_sends_a_submitted_job_description_back(api, fin):
    assert api.post("/positions/FIN-MGR/jd/return", {"note": "x"}).status_code == 422
    api.post("/positions/FIN-MGR/jd/submit")
    r = api.post("/positions/FIN-MGR/jd/return", {"note": "Add the tax area"})
    assert r.json() == {"key": "FIN-MGR", "jd_status": "draft"}
    assert AuditEvent.objects.filter(
        org=fin.org, entity_key="FIN-MGR", summary="Sent back: Add the tax area"
    ).exists()
    assert not JobDescriptionVersion.objects.filter(position=fin).exists()


# --- findings --------------------------------------------------------------------------------------


def test_findings_are_the_checks_as_json_and_filter(api, fin):
    everything = [f.as_dict() for f in health.findings(fin.org)]
    r = api.get("/findings")
    assert r.status_code == 200
    assert r.json() == {"count": len(everything), "items": everything}
    codes = {f["code"] for f in everything}
    assert {"purpose-missing", "position-without-manager"} <= codes

    errors = api.get("/findings", severity="error").json()["items"]
    assert errors
    assert errors == [f for f in everything if f["severity"] == "error"]
    assert api.get("/findings", severity="nonsense").status_code == 422

    by_area = {}
    for f in everything:
        by_area.setdefault(f["area"], []).append(f)
    assert len(by_area) > 1  # the filter has something to leave out
    for area, found in by_area.items():
        assert api.get("/findings", area=area).json()["items"] == found
    assert api.get("/findings", area="relations").json()["count"] == 0

    mine = api.get("/findings", position="FIN-MGR").json()["items"]
    assert mine
    assert all("FIN-MGR" in f["entities"] for f in mine)
    assert "purpose-missing" in {f["code"] for f in mine}
    assert not any(f["code"] == "position-without-manager" for f in mine)  # FIN-MGR has one
    warnings = api.get("/findings", position="FIN-MGR", severity="warning").json()["items"]
    assert warnings == [f for f in mine if f["severity"] == "warning"]
    assert api.get("/findings", position="NOPE").json()["count"] == 0


def test_findings_follow_changes(api, fin):
    assert "purpose-missing" in {
        f["code"] for f in api.get("/findings", position="FIN-MGR").json()["items"]
    }
    api.put("/positions/FIN-MGR/purpose", {"basis": "b", "content": "c", "performance": "p"})
    codes = {f["code"] for f in api.get("/findings", position="FIN-MGR").json()["items"]}
    assert "purpose-missing" not in codes


def test_findings_paginate_at_constant_cost(api, fin, owner, django_assert_max_num_queries):
    with django_assert_max_num_queries(200) as ctx:
        api.get("/findings")
    few = len(ctx.captured_queries)
    for i in range(30):
        people_actions.position_create(org=fin.org, actor=owner, title=f"Clerk {i}")
    cache.clear()
    with django_assert_max_num_queries(few):
        first = api.get("/findings").json()
    assert first["count"] > 50
    assert len(first["items"]) == 50
    second = api.get("/findings", page=2).json()["items"]
    assert len(second) == min(50, first["count"] - 50)
    assert not {f["message"] for f in second} & {f["message"] for f in first["items"]}


# --- query counts of the lists ------------------------------------------------------------------------


def _grow(fin, owner, n: int) -> None:
    """n more areas, targets, responsibilities (with procedures) and approved versions."""
    area = ResultArea.objects.get(org=fin.org, key="FIN-MGR-1")
    target = Target.objects.get(org=fin.org, key="FIN-MGR-1-1")
    procedures = list(Procedure.objects.filter(org=fin.org))
    objective = Objective.objects.get(org=fin.org, key="OBJ-CASH")
    for i in range(n):
        actions.result_area_create(position=fin, actor=owner, title=f"Area {i}")
        actions.target_create(area=area, actor=owner, statement=f"Target {i}", objective=objective)
        actions.responsibility_create(
            target=target, actor=owner, statement=f"Do {i}", procedures=procedures
        )
        actions.jd_submit(position=fin, actor=owner)
        actions.jd_approve(position=fin, actor=owner, content={"frozen": True})


@pytest.mark.parametrize(
    "path",
    [
        "/positions/FIN-MGR/areas",
        "/positions/FIN-MGR/areas/FIN-MGR-1/targets",
        "/positions/FIN-MGR/targets/FIN-MGR-1-1/responsibilities",
        "/positions/FIN-MGR/jd/versions",
    ],
)
def test_lists_cost_a_constant_number_of_queries(
    api, fin, owner, path, django_assert_max_num_queries
):
    _grow(fin, owner, 1)
    with django_assert_max_num_queries(8) as ctx:
        assert api.get(path).status_code == 200
    few = len(ctx.captured_queries)
    _grow(fin, owner, 30)
    with django_assert_max_num_queries(few):
        r = api.get(path)
    assert r.json()["count"] >= 31


# --- organisations --------------------------------------------------------------------------------


def test_rows_of_another_organisation_or_position_are_never_reachable(
    api, fin, owner, client, make_org, make_user
):
    other_owner = make_user()
    other = make_org("Other", owner=other_owner, slug="other")
    theirs = people_actions.position_create(org=other, actor=other_owner, title="T", key="THEIRS")
    area = actions.result_area_create(position=theirs, actor=other_owner, title="Their area")
    assert api.get("/positions/THEIRS/areas").status_code == 404
    assert api.get("/positions/THEIRS/jd").status_code == 404
    assert api.get("/positions/THEIRS/jd/md").status_code == 404
    assert api.patch(f"/positions/FIN-MGR/areas/{area.key}", {"title": "Mine"}).status_code == 404
    # An area of another position of the same organisation is not found under this one.
    assert api.patch("/positions/GM-POS/areas/FIN-MGR-1", {"title": "x"}).status_code == 404
    assert api.delete("/positions/GM-POS/targets/FIN-MGR-1-1").status_code == 404
    assert api.delete("/positions/GM-POS/responsibilities/FIN-MGR-1-1-1").status_code == 404
    # Their organisation answers 404, whatever the body.
    outsider = Api(client, owner, "other")
    assert outsider.post("/positions/THEIRS/areas", {"wrong": 1}).status_code == 404
    assert outsider.get("/findings").status_code == 404
    assert ResultArea.objects.get(pk=area.pk).title == "Their area"
