"""Strategic objectives (A2): the pages, the writes, the CSV upload, the costs and the checks."""

import datetime as dt
import json
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.actions import duties as duty_actions
from remit.org.actions import people as people_actions
from remit.org.actions import strategy as actions
from remit.org.actions.demo import demo_load
from remit.org.models import Employee, Measurement, Objective, PlanItem


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


@pytest.fixture
def company(org, owner):
    """Sales (a department with a director), an objective the director owns and a target
    of the director that carries it, measured for six months."""
    sales = people_actions.department_create(org=org, actor=owner, name="Sales", key="SAL")
    other = people_actions.department_create(org=org, actor=owner, name="Finance", key="FIN")
    director = people_actions.position_create(
        org=org, actor=owner, title="Sales Director", key="SAL-DIR", department=sales
    )
    people_actions.position_create(
        org=org, actor=owner, title="Finance Manager", key="FIN-MGR", department=other
    )
    objective = actions.objective_create(
        org=org,
        actor=owner,
        title="€50 million sales in 2027",
        key="OBJ-SALES",
        metric="net sales",
        unit="EUR million",
        baseline=Decimal("31.4"),
        target=Decimal(50),
        deadline=dt.date(2027, 12, 31),
        owner=director,
        serves="wealth",
    )
    for i, value in enumerate(["31.5", "31.7", "31.9", "32.2", "32.7", "33.2"]):
        actions.measurement_add(
            objective=objective,
            actor=owner,
            date=dt.date(2026, 5 + i, 5),
            value=Decimal(value),
        )
    area = duty_actions.result_area_create(position=director, actor=owner, title="Growth")
    duty_actions.target_create(
        area=area, actor=owner, statement="Net sales grow to the objective", objective=objective
    )
    return objective


def manager_of(org, user, position):
    """Make ``user`` hold ``position`` today (managers edit their department's rows)."""
    employee = Employee.objects.create(
        org=org, key=f"E-{user.pk}", name=user.email, user_email=user.email
    )
    employee.assignments.create(
        org=org, key=f"E-{user.pk}-1", position=position, start=dt.date(2020, 1, 1)
    )


# --- the overview --------------------------------------------------------------------------


def test_empty_overview_says_what_to_do(owner_client, org):
    html = owner_client.get(url(org, "strategy")).content.decode()
    assert "No objectives yet" in html
    assert url(org, "objective_create") in html


def test_overview_shows_outlook_progress_owner_and_carriers(owner_client, org, company):
    html = owner_client.get(url(org, "strategy")).content.decode()
    assert url(org, "objective_detail", "OBJ-SALES") in html
    assert 'data-outlook="off_track"' in html
    assert reverse("org:position", args=[org.slug, "SAL-DIR"]) in html
    assert "Carried by 1 position" in html
    assert "Not in the plan yet." in html
    assert "Theil–Sen" in html
    # The register's list name leads to the same page.
    assert url(org, "objective_list") == url(org, "strategy")


def test_overview_lists_objectives_no_position_carries(owner_client, org, owner, company):
    actions.objective_create(org=org, actor=owner, title="Export 25 %", key="OBJ-EXPORT")
    html = owner_client.get(url(org, "strategy")).content.decode()
    section = html.split('id="uncarried-heading"')[1].split("</section>")[0]
    assert "OBJ-EXPORT" in section
    assert "OBJ-SALES" not in section
    assert "Objectives that serve no value" in html


def test_overview_and_detail_cost_constant_queries(owner_client, org, owner, company):
    def count(path):
        with CaptureQueriesContext(connection) as ctx:
            assert owner_client.get(path).status_code == 200
        return len(ctx.captured_queries)

    # One row of every kind first: the snapshot skips a query when there is nothing to fetch.
    PlanItem.objects.create(org=org, key="G", title="Goal", objective=company)
    overview, detail = count(url(org, "strategy")), count(url(org, "objective_detail", "OBJ-SALES"))
    assert overview <= 25 and detail <= 25
    # More of everything: objectives, measurements, carriers, plan items.
    director = company.owner
    for i in range(15):
        o = actions.objective_create(
            org=org, actor=owner, title=f"Objective {i}", target=10, owner=director
        )
        for j in range(3):
            actions.measurement_add(
                objective=o, actor=owner, date=dt.date(2026, 1 + j, 1), value=Decimal(j)
            )
        p = people_actions.position_create(org=org, actor=owner, title=f"Post {i}")
        area = duty_actions.result_area_create(position=p, actor=owner, title="Area")
        duty_actions.target_create(area=area, actor=owner, statement="T", objective=company)
        duty_actions.target_create(area=area, actor=owner, statement="U", objective=o)
        PlanItem.objects.create(org=org, key=f"G{i}", title=f"Goal {i}", objective=company)
        actions.measurement_add(
            objective=company,
            actor=owner,
            date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
            value=Decimal(30),
        )
    assert count(url(org, "strategy")) == overview
    assert count(url(org, "objective_detail", "OBJ-SALES")) == detail


# --- an objective's page ---------------------------------------------------------------------


def test_detail_shows_forecast_chart_data_carriers_and_measurements(owner_client, org, company):
    r = owner_client.get(url(org, "objective_detail", "OBJ-SALES"))
    html = r.content.decode()
    assert "Off track" in html
    assert "expected by 2027-12-31" in html
    assert "Robust linear trend (Theil–Sen)" in html
    # The chart's data island (JSON, never executed) and its text alternative.
    island = re.search(
        r'<script id="objective-chart-data" type="application/json">(.*?)</script>', html, re.S
    )
    data = json.loads(island.group(1))
    assert data["measurements"][0] == ["2026-05-05", 31.5]
    assert data["target"] == 50 and data["deadline"] == "2027-12-31"
    assert data["trend"][-1][0] == "2027-12-31"
    assert 'role="img" aria-label="6 measurements of net sales' in html
    assert 'data-testid="measurements-table"' in html
    assert "Net sales grow to the objective" in html
    assert reverse("org:position", args=[org.slug, "SAL-DIR"]) in html
    assert url(org, "measurement_delete", "OBJ-SALES", "OBJ-SALES-1") in html


def test_detail_of_an_objective_without_anything(owner_client, org, owner):
    actions.objective_create(org=org, actor=owner, title="Listed by 2030", key="OBJ-IPO")
    html = owner_client.get(url(org, "objective_detail", "OBJ-IPO")).content.decode()
    assert "No position carries this objective." in html
    assert "The chart appears with the first measurement." in html
    assert "objective-chart-data" not in html
    assert "no numeric target" in html


def test_unknown_objective_is_404(owner_client, org):
    assert owner_client.get(url(org, "objective_detail", "NOPE")).status_code == 404


def test_readers_see_the_page_without_edit_controls(client, org, company, make_user, member_of):
    client.force_login(member_of(make_user(), org, "viewer").user)
    html = client.get(url(org, "objective_detail", "OBJ-SALES")).content.decode()
    assert "Record a measurement" not in html
    assert url(org, "objective_update", "OBJ-SALES") not in html
    assert client.get(url(org, "objective_create")).status_code == 403


# --- writing objectives ----------------------------------------------------------------------


def test_create_and_edit_through_the_register_form(owner_client, org, company):
    director = company.owner
    r = owner_client.post(
        url(org, "objective_create"),
        {
            "title": "Warranty claims at most 1 %",
            "key": "",
            "metric": "claims",
            "unit": "%",
            "baseline": "2.4",
            "target": "1",
            "deadline": "2027-12-31",
            "owner": director.pk,
            "serves": "self_realisation",
            "status": "active",
            "measure_every": "monthly",
        },
    )
    objective = Objective.objects.get(org=org, title="Warranty claims at most 1 %")
    assert objective.key == "OBJ-WARRANTY-CLAIMS-AT"
    assert r["Location"] == url(org, "objective_detail", objective.key)
    form = owner_client.get(url(org, "objective_update", objective.key)).content.decode()
    assert "Warranty claims at most 1 %" in form
    owner_client.post(
        url(org, "objective_update", objective.key),
        {
            "title": "Warranty claims at most 1 %",
            "key": "OBJ-QUALITY",
            "target": "0.8",
            "owner": director.pk,
            "status": "active",
        },
    )
    objective.refresh_from_db()
    assert (objective.key, objective.target) == ("OBJ-QUALITY", Decimal("0.8"))
    ev = AuditEvent.objects.get(org=org, entity_id=objective.pk, action="update")
    assert ev.changes["key"] == ["OBJ-WARRANTY-CLAIMS-AT", "OBJ-QUALITY"]


def test_form_errors_write_nothing(owner_client, org, company):
    r = owner_client.post(
        url(org, "objective_create"),
        {
            "title": "",
            "key": "OBJ-SALES",
            "target": "lots",
            "status": "active",
            "measure_every": "sometimes",
        },
    )
    assert r.status_code == 200
    assert "invalid-feedback" in r.content.decode()
    assert Objective.objects.filter(org=org).count() == 1


def test_managers_edit_only_their_departments_objectives(
    client, org, owner, company, make_user, member_of
):
    m = member_of(make_user(), org, "manager")
    manager_of(org, m.user, company.owner)
    client.force_login(m.user)
    finance = Objective.objects.create(org=org, key="OBJ-FIN", title="Cash", owner=None)
    assert client.get(url(org, "objective_update", "OBJ-SALES")).status_code == 200
    assert client.get(url(org, "objective_update", "OBJ-FIN")).status_code == 403
    assert client.post(url(org, "measurement_add", "OBJ-FIN"), {}).status_code == 403
    # A new objective must be owned by a position the manager manages.
    fin_mgr = company.owner.__class__.objects.get(org=org, key="FIN-MGR")
    r = client.post(
        url(org, "objective_create"),
        {"title": "Cash buffer", "owner": fin_mgr.pk, "status": "active"},
    )
    assert "Choose a position in a department you manage." in r.content.decode()
    assert not Objective.objects.filter(org=org, title="Cash buffer").exists()
    client.post(
        url(org, "objective_create"),
        {"title": "Dealer sales", "owner": company.owner.pk, "status": "active"},
    )
    assert Objective.objects.filter(org=org, title="Dealer sales").exists()
    assert finance.pk


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_write_nothing(client, org, company, make_user, member_of, role):
    client.force_login(member_of(make_user(), org, role).user)
    assert client.post(url(org, "objective_update", "OBJ-SALES"), {"title": "X"}).status_code == 403
    assert client.post(url(org, "objective_delete", "OBJ-SALES")).status_code == 403
    r = client.post(
        url(org, "measurement_add", "OBJ-SALES"), {"m-date": "2026-11-01", "m-value": "1"}
    )
    assert r.status_code == 403
    assert client.get(url(org, "measurement_import")).status_code == 403
    assert Measurement.objects.filter(objective=company).count() == 6


def test_delete_is_refused_while_carried_and_works_when_free(owner_client, org, owner, company):
    r = owner_client.post(url(org, "objective_delete", "OBJ-SALES"), follow=True)
    assert "still carried by 1 target" in r.content.decode()
    assert Objective.objects.filter(pk=company.pk).exists()
    free = actions.objective_create(org=org, actor=owner, title="Free", key="OBJ-FREE")
    actions.measurement_add(objective=free, actor=owner, date=dt.date(2026, 1, 1), value=Decimal(1))
    r = owner_client.post(url(org, "objective_delete", "OBJ-FREE"))
    assert r["Location"] == url(org, "objective_list")
    assert not Objective.objects.filter(key="OBJ-FREE").exists()
    assert not Measurement.objects.filter(key="OBJ-FREE-1").exists()


# --- measurements by hand ---------------------------------------------------------------------


def test_record_and_delete_a_measurement(owner_client, org, company):
    r = owner_client.post(
        url(org, "measurement_add", "OBJ-SALES"),
        {"m-date": "2026-11-05", "m-value": "34.33", "m-note": "Dealers under budget"},
    )
    assert r["Location"].endswith("#measurements")
    m = Measurement.objects.get(objective=company, date=dt.date(2026, 11, 5))
    assert (m.key, m.value, m.note) == ("OBJ-SALES-7", Decimal("34.33"), "Dealers under budget")
    assert (
        AuditEvent.objects.filter(org=org, entity_type="measurement", action="create").count() == 7
    )
    owner_client.post(url(org, "measurement_delete", "OBJ-SALES", m.key))
    assert not Measurement.objects.filter(pk=m.pk).exists()
    assert owner_client.post(url(org, "measurement_delete", "OBJ-SALES", "NOPE")).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"m-date": "2026-10-05", "m-value": "33"}, "There is already a measurement on 2026-10-05"),
        ({"m-date": "2099-01-01", "m-value": "33"}, "The date is in the future"),
        ({"m-date": "2026-11-01", "m-value": "abc"}, "Enter a number."),
    ],
)
def test_a_wrong_measurement_is_shown_and_not_recorded(owner_client, org, company, data, message):
    r = owner_client.post(url(org, "measurement_add", "OBJ-SALES"), data)
    assert r.status_code == 200
    assert message in r.content.decode()
    assert Measurement.objects.filter(objective=company).count() == 6


# --- measurements from a CSV file ---------------------------------------------------------------


def upload(client, org, text: str, objective: str = ""):
    return client.post(
        url(org, "measurement_import"),
        {"file": SimpleUploadedFile("m.csv", text.encode(), "text/csv"), "objective": objective},
    )


def test_csv_upload_records_every_row_and_is_idempotent(owner_client, org, owner, company):
    actions.objective_create(org=org, actor=owner, title="Export", key="OBJ-EXPORT", target=25)
    text = (
        "objective,date,value,note\n"
        "OBJ-SALES,2026-11-05,34.33,Dealers under budget\n"
        "OBJ-EXPORT,2026-10-06,10.6,\n"
        "OBJ-EXPORT,2026-11-05,10.9,\n"
        "OBJ-SALES,2026-10-05,33.97,\n"  # replaces 33.2 of 5 October
    )
    r = upload(owner_client, org, text)
    assert r["Location"] == url(org, "strategy")
    assert Measurement.objects.filter(objective=company).count() == 7
    assert Measurement.objects.get(objective=company, date=dt.date(2026, 10, 5)).value == Decimal(
        "33.97"
    )
    assert Measurement.objects.filter(objective__key="OBJ-EXPORT").count() == 2
    assert set(
        Measurement.objects.filter(objective__key="OBJ-EXPORT").values_list("key", flat=True)
    ) == {
        "OBJ-EXPORT-1",
        "OBJ-EXPORT-2",
    }
    assert AuditEvent.objects.filter(org=org, summary="CSV import").count() == 4
    # The same file again changes nothing.
    r = upload(owner_client, org, text)
    assert Measurement.objects.filter(org=org).count() == 9
    assert AuditEvent.objects.filter(org=org, summary="CSV import").count() == 4
    page = owner_client.get(r["Location"]).content.decode()
    assert "0 measurement(s) recorded, 0 updated, 4 unchanged." in page


def test_csv_upload_into_one_objective_without_the_column(owner_client, org, company):
    text = "date;value\n2026-11-05;34,1\n"  # a decimal comma is an error …
    r = upload(owner_client, org, text, objective="OBJ-SALES")
    assert "Row 2, value: “34,1” is not a number" in r.content.decode()
    r = upload(owner_client, org, "date;value\n2026-11-05;34.1\n", objective="OBJ-SALES")
    assert r["Location"] == url(org, "objective_detail", "OBJ-SALES")
    assert Measurement.objects.filter(objective=company).count() == 7


def test_csv_errors_name_row_and_column_and_nothing_is_written(owner_client, org, company):
    text = (
        "objective,date,value,note\n"
        "OBJ-SALES,2026-11-05,34.33,\n"
        "OBJ-NOPE,2026-11-05,1,\n"
        "OBJ-SALES,05/11/2026,abc,\n"
        "OBJ-SALES,2099-01-01,1,\n"
        "OBJ-SALES,2026-11-05,34.4,\n"
        ",2026-11-06,1,\n"
    )
    r = upload(owner_client, org, text)
    assert r.status_code == 200
    html = r.content.decode()
    for problem in (
        "Row 3, objective: no objective has the key “OBJ-NOPE”.",
        "Row 4, date: “05/11/2026” is not a date; write it as YYYY-MM-DD.",
        "Row 4, value: “abc” is not a number",
        "Row 5, date: 2099-01-01 is in the future.",
        "Row 6, date: row 2 already gives OBJ-SALES a value on 2026-11-05.",
        "Row 7, objective: the objective&#x27;s key is missing.",
    ):
        assert problem in html, problem
    assert "6 problems — nothing was recorded." in html
    assert Measurement.objects.filter(objective=company).count() == 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"\n\n", "The file is empty"),
        (b"objective,day,value\nOBJ-SALES,2026-11-05,1\n", "Row 1, day: unknown column"),
        (b"objective,value\nOBJ-SALES,1\n", "Row 1, date: this column is missing."),
        (b"date,value\n2026-11-05,1\n", "Row 1, objective: this column is missing"),
        (b"objective,date,value\n", "The file has no measurements"),
        ("objective,date,value\nOBJ-SALES,2026-11-05,1\n".encode("utf-16"), "not UTF-8"),
    ],
)
def test_csv_file_level_problems(owner_client, org, company, content, message):
    r = owner_client.post(
        url(org, "measurement_import"),
        {"file": SimpleUploadedFile("m.csv", content, "text/csv")},
    )
    assert message in r.content.decode()
    assert Measurement.objects.filter(objective=company).count() == 6


def test_a_manager_uploads_only_for_their_objectives(
    client, org, owner, company, make_user, member_of
):
    m = member_of(make_user(), org, "manager")
    manager_of(org, m.user, company.owner)
    actions.objective_create(org=org, actor=owner, title="Cash", key="OBJ-CASH", target=1)
    client.force_login(m.user)
    r = upload(
        client, org, "objective,date,value\nOBJ-SALES,2026-11-05,34\nOBJ-CASH,2026-11-05,1\n"
    )
    assert "your role does not allow recording measurements of “OBJ-CASH”" in r.content.decode()
    assert Measurement.objects.filter(org=org).count() == 6
    r = upload(client, org, "objective,date,value\nOBJ-SALES,2026-11-05,34\n")
    assert r.status_code == 302


# --- the checks on the health page and the command --------------------------------------------


def test_health_links_objective_and_value_findings(owner_client, org, owner, company):
    from remit.org.actions import values as value_actions

    value_actions.values_update(
        org=org,
        actor=owner,
        statement="",
        visibility="owners",
        choices=[value_actions.ChoiceIn("family", 1)],
    )
    actions.objective_create(org=org, actor=owner, title="Export", key="OBJ-EXPORT")
    html = owner_client.get(reverse("org:health", args=[org.slug])).content.decode()
    assert "objective-without-carriers" in html
    assert f'href="{url(org, "objective_detail", "OBJ-EXPORT")}"' in html
    assert "value-unserved" in html
    assert f'href="{url(org, "values")}"' in html


@pytest.mark.django_db(transaction=False)
def test_remit_health_reports_the_rules_on_the_demo(owner, owner_client):
    demo, _report = demo_load(lang="en", owner=owner)
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("health", org="demo", today=dt.date(2026, 11, 24), stdout=out)
    text = out.getvalue()
    assert (
        "objective-without-carriers: No position's purpose or targets carry the objective “Export share of sales 25 % by 2028” (OBJ-EXPORT)."
        in text
    )
    assert "objective-off-track" in text
    assert "value-unserved" in text
    # The demo's pages show it too.
    html = owner_client.get(url(demo, "strategy")).content.decode()
    assert html.count('data-outlook="off_track"') == 2
    html = owner_client.get(url(demo, "objective_detail", "OBJ-EXPORT")).content.decode()
    assert "No position carries this objective." in html
    html = owner_client.get(url(demo, "values")).content.decode()
    assert "Good jobs in the west" in html
