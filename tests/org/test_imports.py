"""Imports of positions, employees and org charts from tables, and of GSA job postings.

Through the action, the web flow (upload -> map -> preview -> confirm) and
`remit import-table`. The real files come from the shared data folder
(../shared/data next to the repository); without it those tests skip, except under
CI=true, where they fail.
"""

import csv
import datetime as dt
import io
import json
import os
import time
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from remit.accounts import actions as account_actions
from remit.accounts.models import AuditEvent
from remit.analysis import checks
from remit.org import snapshot
from remit.org.actions import duties as duty_actions
from remit.org.actions import imports
from remit.org.actions import people as people_actions
from remit.org.models import Assignment, Department, Employee, Position, ResultArea
from remit.orgfile import tables

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
UK = "org_charts/uk_gov_organograms_sep2013_senior_posts.csv"
IBM = "hr_samples/ibm_hr_employee_attrition.csv"
GSA = "job_descriptions/gsa_tts_job_postings.json"


def real(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        message = f"the shared real-world data is absent ({path} not found)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI=true it must be there")
        pytest.skip(message)
    return path


def read(relative: str) -> tables.Table:
    path = real(relative)
    return tables.read_table(path.read_bytes(), path.name)


def table(text: str, name: str = "company.csv") -> tables.Table:
    return tables.read_table(text.encode(), name)


def uk_by_organisation() -> dict[str, tables.Table]:
    return read(UK).split("Organisation", key=lambda name: slugify(name)[:56] or "none")


def orgchart_mapping(t: tables.Table) -> dict[str, str]:
    return tables.suggest_mapping(tables.ORGCHART, t.headers)


# --- one organogram ------------------------------------------------------------------------


def test_one_organogram_department_of_health(org, owner, django_assert_max_num_queries):
    doh = uk_by_organisation()["department-of-health"]
    events = AuditEvent.objects.count()
    report = imports.table_import(
        org=org, actor=owner, kind="orgchart", rows=doh, mapping=orgchart_mapping(doh)
    )
    assert report.created == Counter(position=173, department=8, grade=4)
    assert report.notes == []

    positions = {p.key: p for p in Position.objects.filter(org=org).select_related("reports_to")}
    assert len(positions) == 173
    # The reports-to tree: one top post ("XX" in the file), everyone else below it.
    tops = [k for k, p in positions.items() if p.reports_to is None]
    assert tops == ["ERD001"]

    def depth(p):
        return 0 if p.reports_to is None else 1 + depth(p.reports_to)

    assert Counter(depth(p) for p in positions.values()) == {0: 1, 1: 7, 2: 47, 3: 112, 4: 6}
    rd = positions["RDD-009"]
    assert rd.title == "Director of Research & Development"
    assert rd.reports_to.key == "CMO-002"
    assert rd.department.name == "Research & Development Directorate"
    assert rd.grade.key == "SCS2"
    assert rd.purpose_content.startswith("Provide leadership to - create an effective")
    assert not rd.purpose_content.startswith("'")  # the publisher's quotes are gone
    # FTE -> headcount, rounded up: 158 posts at 1.0, 15 part-time ones (0.39 … 0.9) -> 1.
    assert Position.objects.filter(org=org).aggregate(s=Sum("headcount"))["s"] == 173
    assert Department.objects.filter(org=org, function="").count() == 8  # nothing invented
    assert AuditEvent.objects.count() - events == 173 + 8 + 4

    # Importing again changes nothing, writes no event, in a few queries.
    events = AuditEvent.objects.count()
    with django_assert_max_num_queries(8):
        again = imports.table_import(
            org=org, actor=owner, kind="orgchart", rows=doh, mapping=orgchart_mapping(doh)
        )
    assert again.changes == 0
    assert again.unchanged["position"] == 173
    assert AuditEvent.objects.count() == events


def test_all_uk_organisations_at_once_each_as_its_own_organisation(db, capsys):
    """111 organisations (113 names; two differ only by a space or a capital letter).

    Each organisation is all or nothing: the published data has real errors (two
    posts sharing a reference, posts reporting to each other, empty titles), and
    the organisations that have them are refused with every problem listed.
    Takes about 4 s, so it stays in the suite; the time is printed.
    """
    started = time.perf_counter()
    groups = uk_by_organisation()
    assert len(groups) == 111
    refs = {
        slug: {t.values(r, "Post Unique Reference") for r in t.rows} for slug, t in groups.items()
    }
    mapping = orgchart_mapping(next(iter(groups.values())))
    imported, refused = {}, {}
    for slug, t in groups.items():
        name = t.values(t.rows[0], "Organisation") or "(no organisation)"
        org = account_actions.org_create(name=name, owner=None, slug=f"uk-{slug}")
        outside = frozenset().union(*(v for s, v in refs.items() if s != slug))
        try:
            report = imports.table_import(
                org=org, actor=None, kind="orgchart", rows=t, mapping=mapping, outside_refs=outside
            )
        except tables.TableProblems as exc:
            refused[slug] = exc.problems
            assert not Position.objects.filter(org=org).exists()
            assert not Department.objects.filter(org=org).exists()
        else:
            imported[slug] = report
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  {len(groups)} UK organisations imported in {seconds:.1f} s")

    assert len(imported) == 99
    assert sorted(refused) == [
        "department-for-environment-food-and-rural-affairs",
        "department-for-work-and-pensions",
        "department-of-energy-and-climate-change",
        "foreign-and-commonwealth-office",
        "health-education-england",
        "her-majestys-revenue-and-customs",
        "hm-treasury",
        "home-office",
        "mhra",
        "ministry-of-defence",
        "ministry-of-justice",
        "national-institute-for-health-and-care-excellence",
    ]
    assert str(refused["her-majestys-revenue-and-customs"][0]) == (
        "uk_gov_organograms_sep2013_senior_posts.csv, row 1766, key: “0” is also on row 1765, "
        "with another reports_to"
    )
    assert any(
        p.field == "reports_to" and "loop" in p.message
        for p in refused["department-for-work-and-pensions"]
    )
    assert Position.objects.filter(org__slug__startswith="uk-").count() == sum(
        r.created["position"] for r in imported.values()
    )
    # Posts reporting to another organisation's post are top posts there, noted.
    ukti = imported["uk-trade-investment"]
    assert [n.message for n in ukti.notes] == [
        "“10000” is a post of another organisation: a top post here"
    ]


# --- GSA job postings -----------------------------------------------------------------------


def test_gsa_postings_become_positions_with_result_areas(org, owner):
    data = json.loads(real(GSA).read_text(encoding="utf-8"))
    postings = data["postings"]
    report = imports.gsa_postings_import(org=org, actor=owner, postings=data)
    objectives = sum(len(p["key_objectives"]) for p in postings)
    statements = sum(
        1 for p in postings for o in p["key_objectives"] for s in o["statements"] if s.strip()
    )
    assert (len(postings), objectives, statements) == (58, 187, 802)
    assert report.created["position"] == 58
    assert report.created["resultarea"] == 187
    assert report.created["target"] == 187
    assert report.created["responsibility"] == 802

    login = Position.objects.get(org=org, key="LOGIN-ENGINEER-2023")
    assert (login.title, login.department.name, login.grade.key) == (
        "Engineer GS15",
        "Login.gov",
        "GS-15",
    )
    areas = list(login.result_areas.order_by("order"))
    assert len(areas) == 4
    assert sum(a.weight for a in areas) == 100
    assert [a.weight for a in areas] == [Decimal(25)] * 4
    three = ResultArea.objects.filter(position__key="PX-CONTACTCENTERANALYSTS").order_by("order")
    assert [a.weight for a in three] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    first = postings[0]  # Public Experience (PX): Contact Center Analyst
    px = Position.objects.get(org=org, key="PXCONTACTCENTERANALYST")
    area = px.result_areas.get()
    assert area.title == "Identify improvements in operational problems"
    target = area.targets.get()
    assert target.statement == "Identify improvements in operational problems"
    assert (target.metric, target.target, target.period, target.deadline) == ("", "", "", None)
    assert [r.statement for r in target.responsibilities.order_by("order")] == [
        " ".join(s.split()) for s in first["key_objectives"][0]["statements"]
    ]
    for p in Position.objects.filter(org=org).prefetch_related("result_areas"):
        weights = [a.weight for a in p.result_areas.all()]
        assert not weights or sum(weights) == 100, p.key

    # Remit's checks say what the postings lack: no target is measurable.
    snap = snapshot.load(org)
    found = checks.run(
        snap,
        checks.Context(today=timezone.localdate()),
        codes={"target-not-measurable", "weights-not-100"},
    )
    assert Counter(f.code for f in found) == {"target-not-measurable": 187}

    again = imports.gsa_postings_import(org=org, actor=owner, postings=data)
    assert again.changes == 0


def test_gsa_posting_problems_name_their_place(org, owner):
    postings = [
        {"title": "", "file": "a.md", "key_objectives": []},
        {"title": "Team: Role", "file": "b.md", "key_objectives": [{"objective": " ** "}]},
        {"title": "Ok", "file": "c.md", "gs_grade": "high", "key_objectives": "none"},
    ]
    with pytest.raises(tables.TableProblems) as exc:
        imports.gsa_postings_import(org=org, actor=owner, postings=postings, source="p.json")
    assert [str(p) for p in exc.value.problems] == [
        "p.json, postings[0].title: empty: every posting needs a title",
        "p.json, postings[1].key_objectives[0].objective: empty: every key objective needs a "
        "heading",
        "p.json, postings[2].gs_grade: expected a number such as 14",
        "p.json, postings[2].key_objectives: expected a list",
    ]
    assert not Position.objects.filter(org=org).exists()


def test_equal_weights_sum_to_100():
    assert imports.equal_weights(0) == []
    for n in range(1, 25):
        w = imports.equal_weights(n)
        assert len(w) == n and sum(w) == 100
        assert len(set(w[:-1])) <= 1


# --- an HRIS export: the IBM sample ------------------------------------------------------


def test_ibm_hr_sample_positions_then_employees(org, owner):
    """Positions from the distinct job role and department, then the employees in them."""
    ibm = read(IBM)
    positions = imports.table_import(
        org=org,
        actor=owner,
        kind="positions",
        rows=ibm,
        mapping={"JobRole": "title", "Department": "department"},
    )
    assert positions.created == Counter(position=11, department=3)
    rows = {
        p.key: (p.title, p.department.name, p.headcount)
        for p in Position.objects.filter(org=org).select_related("department")
    }
    assert rows["SALES-EXECUTIVE"] == ("Sales Executive", "Sales", 326)
    assert rows["SALES-MANAGER"] == ("Manager", "Sales", 37)
    assert rows["RESEARCH-DEVELOPMENT-MANAGER"] == ("Manager", "Research & Development", 54)
    assert rows["HUMAN-RESOURCES-MANAGER"] == ("Manager", "Human Resources", 11)
    assert sum(h for _t, _d, h in rows.values()) == 1470

    mapping = tables.suggest_mapping(tables.EMPLOYEES, ibm.headers)
    assert mapping == {"Department": "department", "EmployeeNumber": "key", "JobRole": "position"}
    employees = imports.table_import(
        org=org, actor=owner, kind="employees", rows=ibm, mapping=mapping
    )
    assert employees.created == Counter(employee=1470, assignment=1470)
    assert [n.field for n in employees.notes] == ["name", "start"]
    first = Employee.objects.get(org=org, key="1")  # row 2: Sales Executive in Sales
    assert first.name == "1"
    job = first.assignments.get()
    assert (job.position.key, job.start, job.end) == ("SALES-EXECUTIVE", timezone.localdate(), None)
    per_position = Counter(
        Assignment.objects.filter(org=org).values_list("position__key", flat=True)
    )
    assert per_position == {k: h for k, (_t, _d, h) in rows.items()}

    again = imports.table_import(org=org, actor=owner, kind="employees", rows=ibm, mapping=mapping)
    assert again.changes == 0
    again = imports.table_import(
        org=org,
        actor=owner,
        kind="positions",
        rows=ibm,
        mapping={"JobRole": "title", "Department": "department"},
    )
    assert again.changes == 0


# --- broken files, dry runs, updates ------------------------------------------------------

BROKEN = (
    "Post,Title,Unit,Boss,FTE\n"
    "CEO,Chief executive,Board,XX,1\n"
    "CFO,,Finance,CEO,1\n"
    "OPS,Operations director,Operations,ABC123,one\n"
    "CEO,Chief,Board,XX,1\n"
)
MAPPING = {
    "Post": "key",
    "Title": "title",
    "Unit": "department",
    "Boss": "reports_to",
    "FTE": "headcount",
}


def test_a_broken_file_lists_every_row_problem_and_writes_nothing(org, owner):
    events = AuditEvent.objects.count()
    with pytest.raises(tables.TableProblems) as exc:
        imports.table_import(
            org=org, actor=owner, kind="orgchart", rows=table(BROKEN), mapping=MAPPING
        )
    assert [str(p) for p in exc.value.problems] == [
        "company.csv, row 3, title: empty: every position needs a title",
        "company.csv, row 4, headcount: “one” is not a full-time equivalent (such as 1 or 0.5)",
        "company.csv, row 4, reports_to: no post with reference “ABC123” in this file or the "
        "organisation",
        "company.csv, row 5, key: “CEO” is also on row 2, with another title",
    ]
    assert not Position.objects.filter(org=org).exists()
    assert not Department.objects.filter(org=org).exists()
    assert AuditEvent.objects.count() == events


def test_a_post_may_report_to_the_organisations_own_positions(org, owner):
    people_actions.position_create(org=org, actor=owner, title="Board", key="ABC123")
    text = (
        "Post,Title,Unit,Boss,FTE\n"
        "CEO,Chief executive,Board,XX,1\n"
        "OPS,Operations director,Operations,ABC123,0.4\n"
    )
    report = imports.table_import(
        org=org, actor=owner, kind="orgchart", rows=table(text), mapping=MAPPING
    )
    assert report.created["position"] == 2
    assert Position.objects.get(org=org, key="OPS").reports_to.key == "ABC123"


def test_a_dry_run_reports_and_writes_nothing(org, owner):
    text = "Post,Title,Unit,Boss,FTE\nCEO,Chief executive,Board,XX,1\nCFO,Finance,Fin,CEO,2.5\n"
    events = AuditEvent.objects.count()
    report = imports.table_import(
        org=org, actor=owner, kind="orgchart", rows=table(text), mapping=MAPPING, dry_run=True
    )
    assert report.dry_run
    assert report.created == Counter(position=2, department=2)
    assert not Position.objects.filter(org=org).exists()
    assert AuditEvent.objects.count() == events


def test_changes_are_updates_recorded_with_before_and_after(org, owner):
    first = "Post,Title,Unit,Boss,FTE\nCEO,Chief executive,Board,XX,1\nCFO,Finance,Fin,CEO,1\n"
    imports.table_import(org=org, actor=owner, kind="orgchart", rows=table(first), mapping=MAPPING)
    cfo = Position.objects.get(org=org, key="CFO")
    duty_actions.jd_submit(position=cfo, actor=owner)
    duty_actions.jd_approve(position=cfo, actor=owner, content={"x": 1})
    second = (
        "Post,Title,Unit,Boss,FTE,Function\n"
        "CEO,Chief executive,Board,XX,1,\n"
        "CFO,Finance director,Fin,XX,1.5,Keep the money\n"
        "COO,Operations,Ops,CEO,1,\n"
    )
    report = imports.table_import(
        org=org,
        actor=owner,
        kind="orgchart",
        rows=table(second),
        mapping={**MAPPING, "Function": "function"},
    )
    assert report.created == Counter(position=1, department=1)
    assert report.updated == Counter(position=1)
    assert report.unchanged == Counter(position=1)  # the CEO: the same, empty work content
    cfo.refresh_from_db()
    assert (cfo.title, cfo.reports_to, cfo.headcount, cfo.jd_status) == (
        "Finance director",
        None,
        2,
        "draft",  # a changed purpose needs a new approval
    )
    event = AuditEvent.objects.filter(entity_type="position", entity_key="CFO").first()
    assert event.action == "update"
    assert event.changes == {
        "title": ["Finance", "Finance director"],
        "headcount": [1, 2],
        "purpose_content": ["", "Keep the money"],
        "jd_status": ["approved", "draft"],
        "reports_to": ["CEO", None],
    }


def test_employees_start_dates_and_moves(org, owner):
    for key, title in (("CLERK", "Clerk"), ("LEAD", "Team lead")):
        people_actions.position_create(org=org, actor=owner, title=title, key=key)
    mapping = {"id": "key", "name": "name", "mail": "email", "job": "position", "from": "start"}
    imports.table_import(
        org=org,
        actor=owner,
        kind="employees",
        rows=table("id,name,mail,job,from\nE1,Ada Li,ada@example.com,Clerk,2023-02-01\n"),
        mapping=mapping,
    )
    ada = Employee.objects.get(org=org, key="E1")
    assert (ada.name, ada.email, ada.hired_on) == ("Ada Li", "ada@example.com", dt.date(2023, 2, 1))
    report = imports.table_import(
        org=org,
        actor=owner,
        kind="employees",
        rows=table("id,name,mail,job,from\nE1,Ada Li,ada@example.com,LEAD,2024-06-01\n"),
        mapping=mapping,
    )
    assert report.created == Counter(assignment=1)
    assert report.updated == Counter(employee=1, assignment=1)
    jobs = list(ada.assignments.order_by("start").values_list("position__key", "start", "end"))
    assert jobs == [
        ("CLERK", dt.date(2023, 2, 1), dt.date(2024, 5, 31)),
        ("LEAD", dt.date(2024, 6, 1), None),
    ]


# --- the web flow ----------------------------------------------------------------------------


@pytest.fixture
def uploads(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path / "uploads"


def upload_file(client, org, name: str, content: bytes, kind: str = "orgchart"):
    return client.post(
        reverse("org:import_upload", args=[org.slug]),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


def test_web_flow_upload_map_preview_confirm(owner_client, org, uploads):
    text = (
        "Post Unique Reference,Job Title,Unit,Reports to Senior Post,FTE,Notes\n"
        "CEO,Chief executive,Board,XX,1,\n"
        "CFO,Finance director,Finance,CEO,0.5,=cmd\n"
    )
    page = owner_client.get(reverse("org:import_upload", args=[org.slug]))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()

    r = upload_file(owner_client, org, "../../company.csv", text.encode())
    assert r.status_code == 302
    token = r["Location"].rstrip("/").split("/")[-1]
    assert r["Location"] == reverse("org:import_map", args=[org.slug, token])
    stored = sorted(p.name for p in (uploads / org.slug).iterdir())
    assert stored == [f"{token}.data", f"{token}.json"]  # a random name, not the client's

    html = owner_client.get(r["Location"]).content.decode()
    assert "Chief executive" in html  # the first values of each column
    assert '<option value="key" selected>' in html  # suggested from "Post Unique Reference"
    assert '<option value="reports_to" selected>' in html

    r = owner_client.post(
        r["Location"],
        {
            "col0": "key",
            "col1": "title",
            "col2": "department",
            "col3": "reports_to",
            "col4": "headcount",
            "col5": "",
        },
    )
    preview_url = reverse("org:import_preview", args=[org.slug, token])
    assert r["Location"] == preview_url

    html = owner_client.get(preview_url).content.decode()
    assert 'data-testid="import-counts"' in html
    assert "Nothing has been written yet" in html
    assert not Position.objects.filter(org=org).exists()

    r = owner_client.post(preview_url)
    assert r.status_code == 302
    assert r["Location"] == reverse("org:duties", args=[org.slug])
    assert set(Position.objects.filter(org=org).values_list("key", "reports_to__key")) == {
        ("CEO", None),
        ("CFO", "CEO"),
    }
    assert not list((uploads / org.slug).iterdir())  # deleted after the import
    assert owner_client.get(preview_url).status_code == 404


def test_web_preview_lists_every_problem_by_row_and_field(owner_client, org, uploads):
    r = upload_file(owner_client, org, "company.csv", BROKEN.encode())
    owner_client.post(
        r["Location"],
        {
            "col0": "key",
            "col1": "title",
            "col2": "department",
            "col3": "reports_to",
            "col4": "headcount",
        },
    )
    token = r["Location"].rstrip("/").split("/")[-1]
    url = reverse("org:import_preview", args=[org.slug, token])
    for response in (owner_client.get(url), owner_client.post(url)):
        html = response.content.decode()
        assert response.status_code == 422
        assert "The file has 4 problems" in html
        assert "<td>4</td><td>Reports to post</td><td>no post with reference “ABC123”" in html
        assert "<td>3</td><td>Job title</td><td>empty: every position needs a title</td>" in html
    assert not Position.objects.filter(org=org).exists()


def test_web_mapping_needs_the_required_fields(owner_client, org, uploads):
    r = upload_file(owner_client, org, "company.csv", b"a,b\n1,2\n", kind="positions")
    response = owner_client.post(r["Location"], {"col0": "grade", "col1": "grade"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "several columns are matched to it" in html
    assert "Title: required: match one of the file&#x27;s columns to it" in html


def test_web_upload_size_is_checked_before_parsing(owner_client, org, uploads, settings):
    settings.REMIT_UPLOAD_MAX_BYTES = 100
    r = upload_file(owner_client, org, "big.csv", b"title\n" + b"Clerk\n" * 100)
    assert r.status_code == 422
    assert "The file is 606 bytes; the limit is 100 bytes." in r.content.decode()
    assert not (uploads / org.slug).exists()


def test_web_upload_refuses_a_zip_bomb(owner_client, org, uploads):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    r = upload_file(owner_client, org, "posts.xlsx", out.getvalue())
    assert r.status_code == 422
    assert "looks like a zip bomb and is refused" in r.content.decode()
    assert not list((uploads / org.slug).iterdir())


def test_web_upload_of_an_xlsx_file(owner_client, org, uploads):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["岗位编号", "岗位名称", "所属部门", "上级岗位", "编制"])
    sheet.append(["GM", "总经理", "总经办", None, 1])
    sheet.append(["FIN-MGR", "财务经理", "财务部", "GM", 2])
    out = io.BytesIO()
    book.save(out)
    r = upload_file(owner_client, org, "岗位.xlsx", out.getvalue(), kind="positions")
    html = owner_client.get(r["Location"]).content.decode()
    for field in ("key", "title", "department", "reports_to", "headcount"):
        assert f'<option value="{field}" selected>' in html
    owner_client.post(
        r["Location"],
        {
            "col0": "key",
            "col1": "title",
            "col2": "department",
            "col3": "reports_to",
            "col4": "headcount",
        },
    )
    token = r["Location"].rstrip("/").split("/")[-1]
    owner_client.post(reverse("org:import_preview", args=[org.slug, token]))
    fin = Position.objects.get(org=org, key="FIN-MGR")
    assert (fin.title, fin.department.name, fin.reports_to.key, fin.headcount) == (
        "财务经理",
        "财务部",
        "GM",
        2,
    )


@pytest.mark.parametrize("role", ["manager", "member", "viewer"])
def test_only_owners_and_admins_may_import(client, org, make_user, member_of, uploads, role):
    user = make_user(f"{role}@example.com")
    member_of(user, org, role)
    client.force_login(user)
    assert client.get(reverse("org:import_upload", args=[org.slug])).status_code == 403
    r = upload_file(client, org, "company.csv", b"title\nClerk\n")
    assert r.status_code == 403
    assert not (uploads / org.slug).exists()


def test_an_admin_may_import(client, org, make_user, member_of, uploads):
    admin = make_user("admin@example.com")
    member_of(admin, org, "admin")
    client.force_login(admin)
    assert upload_file(client, org, "company.csv", b"title\nClerk\n").status_code == 302


def test_uploads_expire_after_a_day_and_can_be_cancelled(owner_client, org, uploads, owner):
    token = imports.upload_save(
        org=org, actor=owner, kind="positions", name="a.csv", chunks=[b"title\nClerk\n"]
    )
    meta = uploads / org.slug / f"{token}.json"
    data = json.loads(meta.read_text())
    data["created"] -= 25 * 3600
    meta.write_text(json.dumps(data))
    assert owner_client.get(reverse("org:import_map", args=[org.slug, token])).status_code == 404
    assert not list((uploads / org.slug).iterdir())

    token = imports.upload_save(
        org=org, actor=owner, kind="positions", name="a.csv", chunks=[b"title\nClerk\n"]
    )
    r = owner_client.post(reverse("org:import_cancel", args=[org.slug, token]))
    assert r.status_code == 302
    assert not list((uploads / org.slug).iterdir())
    old = uploads / org.slug / "stale.data"
    old.write_bytes(b"x")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    assert imports.uploads_purge() == 1


def test_tokens_that_are_not_tokens_are_404(owner_client, org, uploads):
    for token in ("..", "a" * 10, "..%2F..%2Fetc%2Fpasswd", "x" * 30):
        response = owner_client.get(f"/o/{org.slug}/import/{token}/")
        assert response.status_code == 404


# --- remit import-table ---------------------------------------------------------------------


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # CommandError carries the exit code scripts see
        code = getattr(exc, "returncode", 1)
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def doh_csv(tmp_path) -> Path:
    """The Department of Health's posts, as a file of their own."""
    with real(UK).open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    path = tmp_path / "doh.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(rows[0])
        w.writerows(r for r in rows[1:] if r[5] == "Department of Health")
    return path


def test_command_imports_an_organogram_with_suggested_columns(org, doh_csv):
    code, out, _err = run("import-table", "orgchart", str(doh_csv), "--org", org.slug)
    assert code == 0, _err
    assert "Post Unique Reference -> key" in out
    assert "Unit -> department" in out
    assert "ignored: Parent Department, Organisation" in out
    assert "Imported acme: 185 change(s) from 173 row(s)" in out
    assert "position     +173 ~0 =0" in out
    code, out, _ = run("import-table", "orgchart", str(doh_csv), "--org", org.slug)
    assert "0 change(s)" in out


def test_command_map_and_dry_run_as_json(org, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("Code;Name;Team\nGM;General manager;Board\nFIN;Finance;Money\n")
    code, out, _ = run(
        "import-table",
        "positions",
        str(path),
        "--org",
        org.slug,
        "--map",
        "Code=key",
        "--map",
        "Name=title",
        "--map",
        "Team=",
        "--dry-run",
        "--format",
        "json",
    )
    report = json.loads(out)
    assert code == 0
    assert report["mapping"] == {"Code": "key", "Name": "title", "Team": ""}
    assert report["dry_run"] is True
    assert report["entities"] == {"position": {"created": 2, "updated": 0, "unchanged": 0}}
    assert not Position.objects.filter(org=org).exists()


def test_command_exit_codes(org, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text(BROKEN)
    maps = [f"--map={c}={f}" for c, f in MAPPING.items()]
    code, _out, err = run("import-table", "orgchart", str(broken), "--org", org.slug, *maps)
    assert code == 1
    assert "The file is invalid; nothing was written. 4 problem(s):" in err
    assert "broken.csv, row 4, reports_to: no post with reference “ABC123”" in err
    assert not Position.objects.filter(org=org).exists()

    bomb = tmp_path / "bomb.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    bomb.write_bytes(buffer.getvalue())
    code, _out, err = run("import-table", "positions", str(bomb), "--org", org.slug)
    assert code == 1 and "zip bomb" in err

    assert run("import-table", "orgchart", str(broken), "--org", "nobody")[0] == 2
    assert run("import-table", "orgchart", str(tmp_path / "none.csv"), "--org", org.slug)[0] == 2
    assert run("import-table", "orgchart", str(broken), "--org", org.slug, "--map", "Post")[0] == 2
    code, _out, err = run(
        "import-table", "positions", str(broken), "--org", org.slug, "--map", "Post=nope"
    )
    assert code == 1 and "no such field for positions" in err


def test_written_files_never_hold_a_formula(org, owner, tmp_path):
    """What Remit writes goes through escape_cell: a title typed as a formula stays text."""
    people_actions.position_create(org=org, actor=owner, title='=HYPERLINK("http://x")', key="P1")
    rows = [("key", "title"), *Position.objects.filter(org=org).values_list("key", "title")]
    data = tables.csv_bytes(rows)
    assert b"'=HYPERLINK" in data
    # Read back and imported again, the title is the escaped text (never a formula).
    back = tables.read_table(data, "export.csv")
    assert back.rows[0].cells == ("P1", '\'=HYPERLINK("http://x")')
