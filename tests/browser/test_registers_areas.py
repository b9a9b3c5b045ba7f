"""Relations, control, methods and finance registers on the demo company, in a real browser."""

from remit.org.models import ContingencyPlan

from .conftest import PASSWORD


def test_find_a_relation_and_write_a_contingency_plan(page, demo):
    page.login("owner@example.com", PASSWORD)
    pw = page.go("/o/demo/relations/")
    pw.fill("#q", "harbour")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Filter").click()
    page.shot("registers-01-relations-search")
    with pw.expect_navigation():
        pw.get_by_role("link", name="Harbour Grill Group").click()
    assert "Declan Moriarty" in pw.locator("main").inner_text()
    page.shot("registers-02-relation")

    page.go("/o/demo/control/")
    page.shot("registers-03-control")
    with pw.expect_navigation():
        pw.get_by_role("link", name="Contingency plans").click()
    with pw.expect_navigation():
        pw.get_by_role("link", name="New contingency plan").click()
    pw.fill("[name=title]", "Key supplier fails")
    pw.locator("[name=risk]").select_option(index=1)
    pw.fill("[name=steps_text]", "Call the second supplier\nTell the customers")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Save").click()
    plan = ContingencyPlan.objects.get(org=demo, title="Key supplier fails")
    assert plan.steps == ["Call the second supplier", "Tell the customers"]
    assert "2. Tell the customers" in pw.locator("main").inner_text()
    page.shot("registers-04-contingency-plan")

    page.go("/o/demo/finance-lines/")
    assert "," in pw.locator("tbody td.text-end").first.inner_text()  # grouped thousands
    page.shot("registers-05-finance")
