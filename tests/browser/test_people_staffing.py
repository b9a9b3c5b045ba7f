"""Planning stages and staffing, the timeline, stage costs, the skills matrix and the skills
import in a real browser (a console error, e.g. a CSP violation, fails the test)."""

import re

import pytest

from remit.org.models import EmployeeSkill, Skill, StaffingLine

from ..org.test_people_staffing import make_plan

PASSWORD = "correct horse battery"


@pytest.fixture
def company(transactional_db, make_user, make_org):
    owner = make_user("owner@example.com", password=PASSWORD, name="Olivia Owner")
    org = make_org("Corrib Kitchens", owner=owner, slug="corrib")
    return org, make_plan(org, owner)


def test_plan_a_stage_and_see_timeline_and_cost(page, company):
    org, plan = company
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/people/")
    pw.get_by_role("link", name="Development stages").first.click()
    pw.get_by_role("link", name="Growth").click()
    pw.wait_for_url(re.compile(r".*/people/stages/ST-GROW/$"))
    page.shot("staffing-01-stage")

    # Add a line with the keyboard-friendly form at the foot of the plan.
    pw.select_option("#id_position", label="Founder (CEO) — Operations")
    pw.fill("#id_headcount", "2")
    pw.fill("#id_needed_by", "2027-01-31")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Add to the plan").click()
    assert (
        "The plan now needs 2 × “Founder”."
        in pw.locator(".messages, [role=alert], body").first.inner_text()
    )
    assert StaffingLine.objects.filter(org=org, stage=plan["growth"], position=plan["ceo"]).exists()
    assert pw.locator('[data-testid="stage-headcount"]').inner_text() == "7"
    pw.get_by_role("link", name="Organisation chart of this stage").click()
    pw.wait_for_url(re.compile(r".*/people/chart/\?stage=ST-GROW$"))
    assert pw.locator(".orgchart svg").count() == 1
    pw.go_back()

    pw.get_by_role("link", name="Staffing timeline").first.click()
    pw.wait_for_url(re.compile(r".*/people/stages/timeline/$"))
    assert pw.locator("[data-testid=timeline-chart] svg[role=img]").count() == 1
    assert "Account manager" in pw.locator('[data-testid="late-hires"]').inner_text()
    page.shot("staffing-02-timeline")

    pw.get_by_role("link", name="What the stages cost").first.click()
    pw.wait_for_url(re.compile(r".*/people/stages/costs/$"))
    assert "EUR" in pw.locator('[data-testid="cost-ST-GROW"]').inner_text()
    page.shot("staffing-03-costs")


def test_skills_matrix_gap_is_closed_by_an_assessment(page, company):
    org, _plan = company
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/people/skills-matrix/")
    # The picker submits itself on change (remit.js) and lands on the department's address.
    with pw.expect_navigation():
        pw.select_option("#department", "SAL")
    pw.wait_for_url(re.compile(r".*/people/skills-matrix/SAL/$"))
    gap = pw.locator("[data-testid=skills-matrix] td[data-gap]")
    assert gap.count() == 1 and "✗" in gap.inner_text()
    page.shot("skills-01-matrix-gap")

    pw.locator("[data-testid=gap-list] a").first.click()
    pw.wait_for_url(re.compile(r".*/employees/E3/\?skill=NEG$"))
    assert pw.locator("#id_skill option:checked").inner_text() == "Negotiation (Sales)"
    pw.select_option("#id_level", "4")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Save the assessment").click()
    assert EmployeeSkill.objects.get(org=org, employee__key="E3").level == 4
    page.shot("skills-02-assessed")

    pw = page.go(f"/o/{org.slug}/people/skills-matrix/SAL/")
    assert pw.locator("td[data-gap]").count() == 0
    assert "No gaps" in pw.locator("[data-testid=gap-summary]").inner_text()


def test_import_skills_reports_every_problem(page, company, tmp_path):
    org, _plan = company
    page.login("owner@example.com", PASSWORD)
    bad = tmp_path / "skills.csv"
    bad.write_text("key,name\nbad key!,Welding\nOK,\n")
    pw = page.go(f"/o/{org.slug}/people/skills/import/")
    pw.set_input_files("#id_file", str(bad))
    with pw.expect_navigation():
        pw.get_by_role("button", name="Import").click()
    problems = pw.locator("[data-testid=import-problems]").inner_text()
    assert "2 problems" in problems and "Row 2" in problems and "Row 3" in problems
    page.shot("skills-03-import-problems")
    good = tmp_path / "good.csv"
    good.write_text("name,category\nForklift licence,Warehouse\n")
    pw.set_input_files("#id_file", str(good))
    with pw.expect_navigation():
        pw.get_by_role("button", name="Import").click()
    assert "1 new" in pw.locator("[data-testid=import-report]").inner_text()
    assert Skill.objects.filter(org=org, name="Forklift licence").exists()


def test_phone_pages_do_not_scroll_sideways(phone, company):
    org, _plan = company
    phone.login("owner@example.com", PASSWORD)
    for name, path in [
        ("phone-stage", "people/stages/ST-GROW/"),
        ("phone-timeline", "people/stages/timeline/"),
        ("phone-matrix", "people/skills-matrix/OPS/"),
        ("phone-costs", "people/stages/costs/"),
    ]:
        pw = phone.go(f"/o/{org.slug}/{path}")
        # Wide tables scroll inside their own box; the page itself never does.
        assert pw.evaluate("document.documentElement.scrollWidth") <= 390, path
        if name == "phone-timeline":
            # The chart opens scrolled to today (staffing.js), not at the first years.
            pw.wait_for_function(
                "document.querySelector('[data-testid=timeline-chart]').scrollLeft > 0"
            )
        phone.shot(f"staffing-{name}")
