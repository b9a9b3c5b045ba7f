"""An HR manager hires, promotes and records a resignation, then completes the handover
generated from what the leaver's position owned; a member looks at "my job"."""

import datetime as dt
import re

import pytest

from remit.accounts import actions as account_actions
from remit.org.actions import people as people_actions
from remit.org.actions import people_employees as actions
from remit.org.actions.orgfile import orgfile_import
from remit.org.models import Employee, Handover, Opening, Position
from tests.org.conftest import small_org

PASSWORD = "correct horse battery"
TODAY = dt.date.today()


@pytest.fixture
def company(transactional_db, make_user, make_org):
    """The small test organisation: Ada (E1) is the finance manager; Bo (E2) a finance clerk;
    opening OP1 for the general manager's post has a candidate, Cy."""
    owner = make_user("owner@example.com", password=PASSWORD, name="Olivia Owner")
    org = make_org("Hearth & Steel", owner=owner, slug="hearth")
    orgfile_import(org=org, snapshot=small_org(), actor=None)
    Handover.objects.filter(org=org).delete()
    clerk = people_actions.position_create(
        org=org,
        actor=owner,
        title="Finance clerk",
        key="FIN-CLK",
        department=Position.objects.get(org=org, key="FIN-MGR").department,
        reports_to=Position.objects.get(org=org, key="FIN-MGR"),
    )
    actions.assignment_create(
        employee=Employee.objects.get(org=org, key="E2"),
        actor=owner,
        position=clerk,
        start=dt.date(2023, 3, 1),
    )
    hr = make_user("hr@example.com", password=PASSWORD, name="Hannah HR")
    account_actions.membership_add(org=org, user=hr, role="admin", actor=owner)
    ada = make_user("ada@example.com", password=PASSWORD, name="Ada Li")
    account_actions.membership_add(org=org, user=ada, role="member", actor=owner)
    return org


def test_hire_promote_resign_and_complete_the_handover(page, company):
    org = company
    page.login("hr@example.com", PASSWORD)

    # A hire from the opening's candidate.
    pw = page.go(f"/o/{org.slug}/people/openings/OP1/")
    page.shot("people-01-opening")
    pw.get_by_role("link", name="Hire Cy").click()
    pw.wait_for_url(re.compile(r".*/people/employees/hire/\?opening=OP1&candidate=.*"))
    assert pw.locator("[name=name]").input_value() == "Cy"
    pw.fill("[name=on]", "2026-12-01")
    pw.fill("[name=email]", "cy@example.com")
    page.shot("people-02-hire-form")
    pw.get_by_role("button", name="Record the hire").click()
    pw.wait_for_url(re.compile(r".*/people/employees/E3/$"))
    assert "Cy was hired as General manager." in pw.locator(".alert-success").inner_text()
    opening = Opening.objects.get(org=org, key="OP1")
    assert (opening.status, opening.hired.key) == ("filled", "E3")

    # Ada resigns: the handover of what her position owns is generated.
    last_day = TODAY + dt.timedelta(days=28)
    pw = page.go(f"/o/{org.slug}/people/employees/E1/")
    page.shot("people-03-employee-before")
    pw.get_by_role("button", name="Record an event").click()
    pw.get_by_role("link", name="Resignation or termination").click()
    pw.fill("[name=last_day]", last_day.isoformat())
    pw.fill("[name=note]", "Moving to Cork.")
    page.shot("people-04-resignation-form")
    pw.get_by_role("button", name="Record and generate the handover").click()
    pw.wait_for_url(re.compile(r".*/people/handovers/HO-E1/$"))
    ada = Employee.objects.get(org=org, key="E1")
    assert (ada.status, ada.left_on) == ("left", last_day)
    items = pw.locator("#items li.item")
    assert items.count() == 6
    for text in ("City Bank", "Cash", "Credit check", "Budgeting", "Prepare the annual budget"):
        assert text in pw.locator("#items").inner_text()
    assert "no successor" in pw.locator("#handover-progress").inner_text()
    page.shot("people-05-handover-generated")

    # Bo is promoted into the finance manager's post from the day after.
    pw = page.go(f"/o/{org.slug}/people/employees/E2/promote/")
    pw.select_option("[name=to_position]", label="Finance manager (FIN-MGR)")
    pw.fill("[name=on]", (last_day + dt.timedelta(days=1)).isoformat())
    pw.get_by_role("button", name="Record the promotion").click()
    pw.wait_for_url(re.compile(r".*/people/employees/E2/$"))
    assert "Promotion" in pw.locator("#events").inner_text()
    bo_jobs = list(
        Employee.objects.get(org=org, key="E2")
        .assignments.order_by("start")
        .values_list("position__key", "end")
    )
    assert bo_jobs == [("FIN-CLK", last_day), ("FIN-MGR", None)]
    page.shot("people-06-employee-promoted")

    # Back on Ada's handover: everything goes to Bo, then each item is ticked inline.
    pw = page.go(f"/o/{org.slug}/people/handovers/HO-E1/")
    pw.fill("#assign-successor", "Bo Chen (E2)")
    pw.get_by_role("button", name="Give").click()
    pw.wait_for_load_state("load")
    assert (
        "Nothing: every open item has a successor" in pw.locator("#handover-progress").inner_text()
    )
    for i in range(1, 7):
        item = pw.locator(f"#item-HO-E1-{i}")
        item.get_by_label("Handed over").check()
        with pw.expect_response(re.compile(rf".*/items/HO-E1-{i}/$")):
            item.get_by_role("button", name=re.compile("Save")).click()
        pw.locator(f"#item-HO-E1-{i} .badge.text-bg-success").wait_for()
    assert "Complete" in pw.locator("#handover-head").inner_text()
    assert "6 of 6 items handed over" in pw.locator("#handover-progress").inner_text()
    pw.evaluate("window.scrollTo(0, 0)")  # a clean full-page shot (the top bar is sticky)
    page.shot("people-07-handover-complete")
    h = Handover.objects.get(org=org, key="HO-E1")
    assert set(h.items.values_list("done", "successor__key")) == {(True, "E2")}


def test_the_handover_and_an_employee_on_a_phone(phone, company):
    org = company
    actions.employee_leave(
        employee=Employee.objects.get(org=org, key="E1"),
        last_day=TODAY + dt.timedelta(days=10),
        actor=None,
    )
    phone.login("hr@example.com", PASSWORD)
    pw = phone.go(f"/o/{org.slug}/people/handovers/HO-E1/")
    assert pw.locator("#items li.item").count() == 6
    phone.shot("people-08-phone-handover")
    phone.go(f"/o/{org.slug}/people/employees/E1/")
    phone.shot("people-09-phone-employee")
    phone.go(f"/o/{org.slug}/people/employees/")
    phone.shot("people-10-phone-employees")


def test_a_member_finds_my_job_in_the_navigation(page, company):
    org = company
    page.login("ada@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/")
    pw.get_by_role("link", name="My job").first.click()
    pw.wait_for_url(re.compile(r".*/my-job/$"))
    text = pw.locator("main").inner_text()
    assert "Finance manager" in text
    assert "Prepare the annual budget" in text
    assert "City Bank" in text
    page.shot("people-11-my-job")
    pw.get_by_role("link", name="Job description").first.click()
    pw.wait_for_url(re.compile(r".*/duties/FIN-MGR/jd/$"))
