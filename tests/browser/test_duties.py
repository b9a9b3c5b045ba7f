"""The four-step builder and the job description in a real browser."""

import re

import pytest

from remit.org.actions import duties as duty_actions
from remit.org.actions import people as people_actions
from remit.org.models import Position, Responsibility, ResultArea

PASSWORD = "correct horse battery"


@pytest.fixture
def company(transactional_db, make_user, make_org):
    owner = make_user("owner@example.com", password=PASSWORD, name="Olivia Owner")
    org = make_org("Corrib Kitchens", owner=owner, slug="corrib")
    dept = people_actions.department_create(
        org=org,
        actor=owner,
        name="Planning & Finance",
        key="FIN",
        function="Plans and controls the company's money.",
    )
    gm = people_actions.position_create(org=org, actor=owner, title="General Manager", key="GM")
    fin = people_actions.position_create(
        org=org, actor=owner, title="Finance Manager", key="FIN-MGR", department=dept, reports_to=gm
    )
    sal = people_actions.position_create(org=org, actor=owner, title="Sales Coordinator", key="SAL")
    area = duty_actions.result_area_create(position=sal, actor=owner, title="Orders", weight=100)
    target = duty_actions.target_create(
        area=area, actor=owner, statement="Orders confirmed on time"
    )
    duty_actions.responsibility_create(
        target=target,
        actor=owner,
        statement="Reconcile supplier statements with the ledger every month",
    )
    return org, fin


def _step(page, step_id):
    return page.pw.locator(f"#step-{step_id}")


def test_write_the_four_steps_approve_and_download(page, company):
    org, fin = company
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/duties/{fin.key}/")
    page.shot("duties-01-empty-position")

    # Step 1: the purpose, with its live preview.
    pw.fill(
        "[name=purpose-basis]", "Under the guidance of national policy and the company's work plan"
    )
    pw.fill(
        "[name=purpose-content]", "organise the company's financial policies, plans and programmes"
    )
    pw.fill(
        "[name=purpose-performance]",
        "so that the financial function supports the company's operations",
    )
    pw.locator("[data-testid=purpose-sentence]").filter(has_text="organise the company").wait_for()
    with pw.expect_response(re.compile(r".*/purpose/$")):
        pw.click("text=Save the purpose")
    fin.refresh_from_db()
    assert fin.purpose_content.startswith("organise")

    # Step 2: three key result areas, added inline.
    for title, weight in (("Budget and planning", "40"), ("Accounting", "35"), ("Tax", "25")):
        _step(page, "areas").get_by_text("Add a key result area").click()
        pw.fill("[name=area-title]", title)
        pw.fill("[name=area-weight]", weight)
        with pw.expect_response(re.compile(r".*/areas/new/$")):
            _step(page, "areas").get_by_role("button", name="Add", exact=True).click()
        _step(page, "areas").locator(".item .fw-semibold", has_text=title).wait_for()
    assert _step(page, "areas").locator(".weight-total").inner_text().startswith("Weights: 100")
    assert pw.locator(".fishbone svg").count() == 1
    page.shot("duties-02-areas-and-fishbone")

    # Keyboard reordering: move "Tax" up.
    _step(page, "areas").get_by_role("button", name="Move “Tax” up").click()
    pw.wait_for_load_state("load")
    titles = list(
        ResultArea.objects.filter(position=fin).order_by("order").values_list("title", flat=True)
    )
    assert titles == ["Budget and planning", "Tax", "Accounting"]

    # Step 3: a target.
    _step(page, "targets").get_by_text("Add a target").first.click()
    pw.fill("[name=target-statement]", "Annual budget approved by 15 December")
    pw.fill("[name=target-metric]", "approval date")
    pw.fill("[name=target-target]", "by 15 December")
    pw.select_option("[name=target-period]", "yearly")
    with pw.expect_response(re.compile(r".*/targets/new/$")):
        _step(page, "targets").get_by_role("button", name="Add", exact=True).click()
    _step(page, "targets").get_by_text("Annual budget approved").wait_for()

    # Step 4: a responsibility; the duplicate warning appears while typing.
    _step(page, "responsibilities").get_by_text("Add a responsibility").first.click()
    statement = pw.locator("[name=resp-statement]")
    statement.fill("Reconcile the supplier statements with the ledger monthl")
    statement.press_sequentially("y")  # a keystroke of one's own, once htmx listens
    pw.locator("[data-testid=duplicate-warning]").wait_for()
    assert "Sales Coordinator" in pw.locator("[data-testid=duplicate-warning]").inner_text()
    page.shot("duties-03-duplicate-warning")
    pw.locator("[name=resp-statement]").fill("Prepare the annual budget with every department head")
    pw.select_option("[name=resp-frequency]", "yearly")
    pw.fill("[name=resp-time_share]", "15")
    with pw.expect_response(re.compile(r".*/responsibilities/new/$")):
        _step(page, "responsibilities").get_by_role("button", name="Add", exact=True).click()
    _step(page, "responsibilities").get_by_text("Prepare the annual budget").wait_for()
    assert Responsibility.objects.filter(target__result_area__position=fin).count() == 1
    page.shot(
        "duties-04-four-steps-done",
    )

    # The job description: submit, approve, download.
    pw.click("text=Job description")
    pw.wait_for_url(re.compile(r".*/jd/$"))
    assert "organise the company's financial policies" in pw.locator(".jd-doc").inner_text()
    pw.click("text=Submit for approval")
    pw.wait_for_load_state("load")
    pw.click("text=Approve and freeze a version")
    pw.wait_for_load_state("load")
    assert Position.objects.get(pk=fin.pk).jd_status == "approved"
    assert "v1" in pw.locator(".approval").inner_text()
    page.shot("duties-05-approved-jd")
    with pw.expect_download() as dl:
        pw.click("[data-testid=download-pdf]")
    pdf = dl.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    with pw.expect_download() as dl:
        pw.click("[data-testid=download-docx]")
    assert dl.value.suggested_filename == "FIN-MGR.docx"


def test_builder_works_without_javascript(browser, live_server, company):
    org, fin = company
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    pw = context.new_page()
    pw.goto(live_server.url + "/account/login/")
    pw.fill("[name=username]", "owner@example.com")
    pw.fill("[name=password]", PASSWORD)
    with pw.expect_navigation():
        pw.get_by_role("button", name="Log in").click()
    pw.goto(f"{live_server.url}/o/{org.slug}/duties/{fin.key}/")
    pw.click("text=Add a key result area")  # a plain link: the page comes back with the form
    pw.fill("[name=area-title]", "Budget")
    pw.fill("[name=area-weight]", "250")  # invalid: the page comes back with the error, input kept
    pw.locator("#step-areas").get_by_role("button", name="Add", exact=True).click()
    assert pw.locator("#step-areas .invalid-feedback").count() == 1
    assert pw.input_value("[name=area-title]") == "Budget"
    pw.fill("[name=area-weight]", "100")
    pw.locator("#step-areas").get_by_role("button", name="Add", exact=True).click()
    assert ResultArea.objects.filter(position=fin, title="Budget").exists()
    assert "#step-areas" in pw.url or pw.url.endswith(f"/duties/{fin.key}/")
    context.close()


def test_job_description_in_chinese(page, company):
    org, fin = company
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/duties/{fin.key}/jd/")
    with pw.expect_navigation():
        pw.select_option("[data-testid=language-select-topbar]", "zh-hans")
    assert "岗位说明书" in pw.locator("h1").inner_text()
    page.shot("duties-06-jd-zh")


def test_org_chart_and_health_pages(page, company):
    org, _fin = company
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/people/chart/")
    assert pw.locator("figure.orgchart svg").count() == 1
    assert "Finance Manager" in pw.locator("figure.orgchart").inner_text()
    page.shot("duties-07-org-chart")
    pw = page.go(f"/o/{org.slug}/health/")
    assert pw.locator(".finding").count() >= 1
    page.shot("duties-08-health")


def test_compare_versions_and_export_all(page, company):
    org, fin = company
    owner = org.memberships.get().user
    duty_actions.purpose_update(
        position=fin,
        actor=owner,
        basis="Under the plan",
        content="organise the finances",
        performance="so that cash suffices",
    )
    duty_actions.jd_submit(position=fin, actor=owner)
    from remit.org.queries.duties import job_description

    duty_actions.jd_approve(position=fin, actor=owner, content=job_description(fin).to_dict())
    fin.refresh_from_db()
    duty_actions.purpose_update(
        position=fin,
        actor=owner,
        basis="Under the plan",
        content="organise the finances and the tax",
        performance="so that cash suffices",
    )
    page.login("owner@example.com", PASSWORD)
    pw = page.go(f"/o/{org.slug}/duties/{fin.key}/jd/compare/")
    assert pw.locator("ins", has_text="tax").count() >= 1
    page.shot("duties-09-compare")

    pw = page.go(f"/o/{org.slug}/duties-export/")
    pw.check("#fmt-md")
    with pw.expect_navigation():
        pw.click("text=Prepare the ZIP file")
    pw.locator("[data-testid=export-download]").wait_for()
    assert "Ready: 3 job descriptions." in pw.locator("[data-testid=export-status]").inner_text()
    page.shot("duties-10-export-ready")
    with pw.expect_download() as dl:
        pw.click("[data-testid=export-download]")
    import zipfile

    assert sorted(zipfile.ZipFile(dl.value.path()).namelist()) == ["FIN-MGR.md", "GM.md", "SAL.md"]
