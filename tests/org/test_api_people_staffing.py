"""The planning API: stages and staffing lines, timeline, stage cost, skills and their import,
required and assessed skills, the skills matrix — through the real NinjaAPI with a token."""

import datetime as dt

import pytest

from remit.accounts.models import AuditEvent
from remit.org.models import EmployeeSkill, PositionSkill, Skill, StaffingLine, Stage

from .test_api_people import Api
from .test_people_staffing import FUTURE, hire, make_plan


@pytest.fixture
def plan(org, owner):
    return make_plan(org, owner)


@pytest.fixture
def api(client, owner, org, plan):
    return Api(client, owner, org.slug)


def as_role(client, org, make_user, member_of, role, email=None):
    m = member_of(make_user(email), org, role)
    return Api(client, m.user, org.slug)


# --- stages and lines -------------------------------------------------------------------------


def test_stages_crud(api, org):
    r = api.get("/stages")
    assert r.status_code == 200 and [s["key"] for s in r.json()["items"]] == ["ST-START", "ST-GROW"]
    r = api.post("/stages", {"name": "Expansion", "target_date": "2031-06-30"})
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["key"] == "ST-EXPANSION" and body["order"] == 3 and body["staffing"] == []
    r = api.patch("/stages/ST-EXPANSION", {"description": "Abroad", "order": 4})
    assert r.json()["description"] == "Abroad" and r.json()["order"] == 4
    grow = api.get("/stages/ST-GROW").json()
    assert [(x["position"], x["headcount"]) for x in grow["staffing"]] == [("KAM", 2), ("WLD", 3)]
    assert api.delete("/stages/ST-EXPANSION").status_code == 204
    assert not Stage.objects.filter(org=org, key="ST-EXPANSION").exists()
    assert api.get("/stages/NOPE").status_code == 404


def test_stage_writes_are_validated(api):
    r = api.post("/stages", {"name": "X", "key": "costs"})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "key"
    r = api.post("/stages", {"name": "Dup", "key": "ST-GROW"})
    assert r.status_code == 422 and "already used" in r.json()["detail"][0]["message"]


def test_lines_crud(api, org):
    r = api.post(
        "/stages/ST-START/lines", {"position": "WLD", "headcount": 2, "needed_by": "2020-01-31"}
    )
    assert r.status_code == 201, r.content
    assert r.json() == {
        "key": "ST-START-2",
        "position": "WLD",
        "headcount": 2,
        "needed_by": "2020-01-31",
        "order": 1,
    }
    r = api.patch("/stages/ST-START/lines/ST-START-2", {"headcount": 5, "position": "KAM"})
    assert r.json()["headcount"] == 5 and r.json()["position"] == "KAM"
    assert [x["key"] for x in api.get("/stages/ST-START/lines").json()] == [
        "ST-START-1",
        "ST-START-2",
    ]
    assert api.delete("/stages/ST-START/lines/ST-START-2").status_code == 204
    # A line is found only under its own stage.
    assert api.patch("/stages/ST-GROW/lines/ST-START-1", {"headcount": 9}).status_code == 404


def test_line_problems_answer_422_and_write_nothing(api, org):
    r = api.post("/stages/ST-START/lines", {"position": "NOPE", "headcount": 1})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "position"
    r = api.post("/stages/ST-START/lines", {"position": "WLD", "headcount": -1})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "headcount"
    r = api.patch("/stages/ST-GROW/lines/ST-GROW-1", {"position": None})
    assert r.status_code == 422
    assert StaffingLine.objects.filter(org=org).count() == 3


def test_manager_lines_only_for_their_departments(client, org, plan, make_user, member_of):
    mgr = as_role(client, org, make_user, member_of, "manager", "mia@example.com")
    hire(org, "E9", "Mia", plan["ceo"], email="mia@example.com")  # Operations
    assert (
        mgr.post("/stages/ST-START/lines", {"position": "WLD", "headcount": 1}).status_code == 201
    )
    r = mgr.post("/stages/ST-START/lines", {"position": "KAM", "headcount": 1})
    assert r.status_code == 403
    assert mgr.patch("/stages/ST-GROW/lines/ST-GROW-1", {"headcount": 9}).status_code == 403
    assert mgr.post("/stages", {"name": "Mine"}).status_code == 403


def test_viewer_reads_but_writes_nothing(client, org, plan, make_user, member_of):
    viewer = as_role(client, org, make_user, member_of, "viewer")
    assert viewer.get("/stages/ST-GROW").status_code == 200
    assert viewer.get("/staffing/timeline").status_code == 200
    assert (
        viewer.post("/stages/ST-GROW/lines", {"position": "WLD", "headcount": 1}).status_code == 403
    )
    assert viewer.delete("/stages/ST-GROW").status_code == 403
    assert viewer.send("PUT", "/positions/WLD/skills/NEG", {"level": 2}).status_code == 403
    assert viewer.post("/skills", {"name": "Mine"}).status_code == 403


# --- timeline and cost ------------------------------------------------------------------------


def test_timeline(api):
    body = api.get("/staffing/timeline").json()
    assert body["planned_today"] == 3 and body["filled_today"] == 3
    assert [(h["position"], h["needed"], h["filled"]) for h in body["late"]] == [("KAM", 2, 1)]
    assert [(h["position"], h["to_hire"], h["due"]) for h in body["upcoming"]] == [
        ("WLD", 2, FUTURE.isoformat())
    ]
    assert {v["position"] for v in body["vacancies"]} == {"WLD", "KAM"}
    assert [s["key"] for s in body["stages"]] == ["ST-START", "ST-GROW"]
    assert body["points"][0]["planned"] == 1


def test_stage_cost_is_finance(client, api, org, plan, make_user, member_of):
    body = api.get("/stages/ST-GROW/cost").json()
    assert body["currency"] == "EUR" and body["monthly"] == "21000" and body["yearly"] == "252000"
    assert body["uncosted"] == 2
    lines = {x["position"]: x for x in body["lines"]}
    assert lines["CEO"]["carried"] and lines["CEO"]["stage"] == "ST-START"
    assert lines["KAM"]["monthly_each"] is None
    member = as_role(client, org, make_user, member_of, "member")
    assert member.get("/stages/ST-GROW/cost").status_code == 403
    org.finance_open = True
    org.save()
    assert member.get("/stages/ST-GROW/cost").status_code == 200


# --- skills -----------------------------------------------------------------------------------


def test_skills_crud_and_delete_refused_while_used(api, org):
    assert [s["key"] for s in api.get("/skills").json()["items"]] == ["WELD", "NEG"]
    assert [s["key"] for s in api.get("/skills", q="neg").json()["items"]] == ["NEG"]
    r = api.post("/skills", {"name": "Forklift licence", "category": "Warehouse"})
    assert r.status_code == 201 and r.json()["key"] == "SK-FORKLIFT-LICENCE"
    r = api.patch("/skills/SK-FORKLIFT-LICENCE", {"description": "Counterbalance"})
    assert r.json()["description"] == "Counterbalance"
    r = api.delete("/skills/WELD")
    assert r.status_code == 422 and "remove those first" in r.json()["detail"][0]["message"]
    assert api.delete("/skills/SK-FORKLIFT-LICENCE").status_code == 204
    assert api.get("/skills/SK-FORKLIFT-LICENCE").status_code == 404


def _upload(api, text, **params):
    from django.core.files.uploadedfile import SimpleUploadedFile

    query = "&".join(f"{k}={v}" for k, v in params.items())
    return api.client.post(
        api.url("/skills-import") + (f"?{query}" if query else ""),
        {"file": SimpleUploadedFile("skills.csv", text.encode())},
        **api.headers,
    )


def test_skills_import(api, org):
    r = _upload(
        api, "name,category\nForklift licence,Warehouse\nNegotiation,Sales\n", dry_run="true"
    )
    assert r.status_code == 200, r.content
    assert r.json()["dry_run"] and r.json()["created"] == ["SK-FORKLIFT-LICENCE"]
    assert not Skill.objects.filter(org=org, key="SK-FORKLIFT-LICENCE").exists()
    r = _upload(api, "name,category\nForklift licence,Warehouse\nNegotiation,Sales\n")
    assert r.json()["created"] == ["SK-FORKLIFT-LICENCE"] and r.json()["unchanged"] == ["NEG"]
    r = _upload(api, "key,name\nok,\nbad key!,X\n")
    assert r.status_code == 422
    fields = [d["field"] for d in r.json()["detail"]]
    assert fields == ["row 2: name", "row 3: key"]
    assert Skill.objects.filter(org=org).count() == 3
    assert AuditEvent.objects.filter(org=org, summary="Skills import").count() == 1


# --- required and assessed skills -------------------------------------------------------------


def test_position_skills(api, org, plan):
    assert api.get("/positions/WLD/skills").json() == [{"skill": "WELD", "level": 3}]
    r = api.send("PUT", "/positions/WLD/skills/NEG", {"level": 2})
    assert r.status_code == 200 and r.json() == {"skill": "NEG", "level": 2}
    api.send("PUT", "/positions/WLD/skills/WELD", {"level": 5})
    assert dict(
        PositionSkill.objects.filter(org=org, position=plan["wld"]).values_list(
            "skill__key", "level"
        )
    ) == {"WELD": 5, "NEG": 2}
    assert api.send("PUT", "/positions/WLD/skills/NEG", {"level": 6}).status_code == 422
    assert api.delete("/positions/WLD/skills/NEG").status_code == 204
    assert api.delete("/positions/WLD/skills/NEG").status_code == 404
    assert api.send("PUT", "/positions/WLD/skills/NOPE", {"level": 2}).status_code == 404


def test_employee_skills_are_personal_data(client, api, org, plan, make_user, member_of):
    assert api.get("/employees/E2/skills").json() == [
        {"skill": "WELD", "level": 2, "assessed_on": None}
    ]
    r = api.send("PUT", "/employees/E2/skills/WELD", {"level": 4, "assessed_on": "2026-02-16"})
    assert r.json() == {"skill": "WELD", "level": 4, "assessed_on": "2026-02-16"}
    assert EmployeeSkill.objects.get(org=org, employee__key="E2").assessed_on == dt.date(
        2026, 2, 16
    )
    assert api.delete("/employees/E2/skills/WELD").status_code == 204
    member = as_role(client, org, make_user, member_of, "member")
    assert member.get("/employees/E2/skills").status_code == 403
    assert member.send("PUT", "/employees/E2/skills/WELD", {"level": 1}).status_code == 403


# --- the matrix -------------------------------------------------------------------------------


def test_skills_matrix(client, api, org, owner, plan, make_user, member_of):
    body = api.get("/skills-matrix/OPS").json()
    assert body["department"] == "OPS" and body["with_people"] and body["gaps"] == 1
    assert [s["key"] for s in body["skills"]] == ["WELD"]
    bo = next(r for r in body["rows"] if r["employee"] == "E2")
    assert bo["cells"] == [{"skill": "WELD", "required": 3, "assessed": 2, "status": "below"}]
    vacant = next(r for r in body["rows"] if r["employee"] is None)
    assert vacant["position"] == "WLD" and vacant["vacant"] == 1
    from remit.org.actions import people as people_actions

    people_actions.department_update(department=plan["sal"], actor=owner, parent=plan["ops"])
    assert api.get("/skills-matrix/OPS", subtree="true").json()["departments"] == ["OPS", "SAL"]
    member = as_role(client, org, make_user, member_of, "member")
    anonymous = member.get("/skills-matrix/OPS").json()
    assert not anonymous["with_people"] and all(r["employee"] is None for r in anonymous["rows"])
    assert api.get("/skills-matrix/NOPE").status_code == 404
