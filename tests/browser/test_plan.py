"""The plan and resources on the demo company, in a real browser (Chromium, strict CSP)."""

import re

from remit.org.models import PlanItem, ResourceNeed

from .conftest import PASSWORD


def _tree(page):
    return page.pw.locator("#plan-tree")


def test_decompose_order_and_see_the_critical_path(page, demo):
    page.login("owner@example.com", PASSWORD)
    pw = page.go("/o/demo/plan/")
    laser = pw.locator("#node-T-LASER2")
    assert "Prepare now" in laser.inner_text()
    page.shot("plan-01-tree")

    # Collapse and expand the tree (plain <details>; the buttons only add "all at once").
    pw.get_by_role("button", name="Collapse all").click()
    assert not pw.locator("#node-G-CAPACITY > details").evaluate("d => d.open")
    pw.get_by_role("button", name="Expand all").click()
    assert pw.locator("#node-G-CAPACITY > details").evaluate("d => d.open")

    # Decompose: a new task under the factory extension, waiting for the laser cell.
    page.go("/o/demo/plan/items/P-FACTORY-EXT/")
    pw.get_by_role("link", name="Add a part").click()
    pw.fill("[name=title]", "Commission the extension's power supply")
    pw.select_option("[name=owner]", "PRD-MGR")
    pw.fill("[name=start]", "2027-05-03")
    pw.fill("[name=due]", "2027-05-28")
    pw.fill("[name=depends_on_keys]", "T-LASER2")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Save").click()
    item = PlanItem.objects.get(org=demo, title="Commission the extension's power supply")
    assert item.parent.key == "P-FACTORY-EXT" and item.key.startswith("T-COMMISSION-")
    assert "Install the second fibre-laser cutting cell" in pw.locator("#dependencies").inner_text()
    page.shot("plan-02-new-item")

    # A dependency that would close a circle is refused, naming it.
    page.go("/o/demo/plan/items/T-LASER2/")
    pw.fill("[name=predecessor]", item.key)
    pw.get_by_role("button", name="Add the dependency").click()
    pw.wait_for_load_state("load")
    error = pw.locator("#dependencies .invalid-feedback").inner_text()
    assert f"{item.key} → T-LASER2 → {item.key}" in error
    page.shot("plan-03-cycle-refused")

    # What to do next for the production manager: the laser's preparation is late.
    page.go("/o/demo/plan/next/")
    with pw.expect_navigation():
        pw.select_option("#position", "PRD-MGR")
    assert (
        "Install the second fibre-laser cutting cell" in pw.locator(".alert-warning").inner_text()
    )
    listed = pw.locator("ol > li.panel a.fw-semibold").all_inner_texts()
    assert "Install the second fibre-laser cutting cell" in listed
    assert "Arrange asset finance for the second laser cell" not in listed  # the finance manager's
    page.shot("plan-04-what-to-do-next")

    # The timeline: bars, arrows, the critical path, today; fitted to the page on demand.
    page.go("/o/demo/plan/timeline/")
    svg = pw.locator("[data-gantt] svg")
    assert svg.count() == 1
    natural = svg.bounding_box()["width"]
    pw.get_by_role("button", name="Fit to width").click()
    assert svg.bounding_box()["width"] < natural
    assert (
        "Build the extension (design and build)"
        in pw.locator("#critical-title + p + div").inner_text()
    )
    page.shot("plan-05-timeline")


def test_edit_and_move_items_in_the_tree(page, demo):
    page.login("owner@example.com", PASSWORD)
    pw = page.go("/o/demo/plan/")

    # Inline edit: the form opens under the row (htmx) and the tree comes back updated.
    row = pw.locator("#node-T-LASER2")
    row.get_by_role("button", name=re.compile("Actions")).click()
    row.get_by_role("link", name="Edit here").click()
    form = pw.locator("#inline-T-LASER2 form")
    form.wait_for()
    form.locator("[name=quick-status]").select_option("in_progress")
    form.locator("[name=quick-progress]").fill("5")
    page.shot("plan-06-inline-edit")
    with pw.expect_response(re.compile(r".*/quick/$")):
        form.get_by_role("button", name="Save").click()
    pw.locator("#node-T-LASER2 .badge", has_text="In progress").wait_for()
    assert PlanItem.objects.get(org=demo, key="T-LASER2").progress == 5
    assert "Prepare now" not in pw.locator("#node-T-LASER2").inner_text()

    # Move under another item with the keyboard: "Move under…" and a select.
    row = pw.locator("#node-T-PLANNING")
    row.get_by_role("button", name=re.compile("Actions")).focus()
    pw.keyboard.press("Enter")
    with pw.expect_navigation():
        row.get_by_role("link", name="Move under…").click()
    pw.select_option("[name=move-parent]", "G-CAPACITY")
    with pw.expect_response(re.compile(r".*/move/$")):
        pw.locator("#inline-T-PLANNING").get_by_role("button", name="Move", exact=True).click()
    pw.locator("#node-G-CAPACITY > details > ol > #node-T-PLANNING").wait_for()
    assert PlanItem.objects.get(org=demo, key="T-PLANNING").parent.key == "G-CAPACITY"

    # Drag by the handle: T-BUILD into the list of G-CAPACITY's parts.
    handle = pw.locator("#node-T-BUILD .drag-handle").first
    target = pw.locator("#node-T-LASER2 .plan-row").first
    with pw.expect_response(re.compile(r".*/T-BUILD/move/$")):
        handle.hover()
        pw.mouse.down()
        box = target.bounding_box()
        pw.mouse.move(box["x"] + 40, box["y"] + 4, steps=12)
        pw.mouse.move(box["x"] + 42, box["y"] + 6, steps=4)
        pw.mouse.up()
    pw.locator("#node-G-CAPACITY > details > ol > #node-T-BUILD").wait_for()
    assert PlanItem.objects.get(org=demo, key="T-BUILD").parent.key == "G-CAPACITY"
    page.shot("plan-07-after-moves")


def test_needs_and_gaps(page, demo):
    page.login("owner@example.com", PASSWORD)
    pw = page.go("/o/demo/plan/items/T-LASER2/")
    pw.get_by_role("link", name="Add a need").click()
    pw.wait_for_load_state("load")
    assert pw.input_value("[name=plan_item]") == "T-LASER2"
    pw.select_option("[name=category]", "people")
    pw.fill("[name=quantity]", "2")
    pw.fill("[name=unit]", "laser operators")
    pw.fill("[name=needed_by]", "2027-01-18")
    with pw.expect_navigation():
        pw.get_by_role("button", name="Save").click()
    need = ResourceNeed.objects.get(org=demo, unit="laser operators")
    assert need.plan_item.key == "T-LASER2"

    pw = page.go("/o/demo/resource-gaps/")
    chart = pw.locator("[data-gap-chart] svg").first
    chart.wait_for()
    assert "Gaps no acquisition fills" in pw.content()  # the new need has none
    box = pw.locator("[data-gap-chart]").bounding_box()
    pw.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)  # a tooltip
    option = pw.locator("#gap-line option", has_text="laser operators")
    pw.select_option("#gap-line", value=option.get_attribute("value"))
    assert (
        pw.locator("[data-gap-table]:not(.d-none) caption").inner_text().endswith("laser operators")
    )
    page.shot("plan-08-gaps")
    page.go("/o/demo/resources/")
    page.shot("plan-09-inventory")


def test_plan_pages_on_a_phone(phone, demo):
    phone.login("owner@example.com", PASSWORD)
    pw = phone.go("/o/demo/plan/")
    assert pw.locator("#node-T-LASER2").is_visible()
    phone.shot("plan-10-phone-tree")
    phone.go("/o/demo/plan/next/?position=PRD-MGR")
    phone.shot("plan-11-phone-next")
    phone.go("/o/demo/resource-gaps/")
    phone.shot("plan-12-phone-gaps")


def test_the_tree_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    pw = context.new_page()
    pw.goto(live_server.url + "/account/login/")
    pw.fill("[name=username]", "owner@example.com")
    pw.fill("[name=password]", PASSWORD)
    with pw.expect_navigation():
        pw.get_by_role("button", name="Log in").click()
    pw.goto(f"{live_server.url}/o/demo/plan/?move=T-HOST-2027")
    pw.select_option("[name=move-parent]", "G-SALES-50")
    pw.locator("#inline-T-HOST-2027").get_by_role("button", name="Move", exact=True).click()
    assert PlanItem.objects.get(org=demo, key="T-HOST-2027").parent.key == "G-SALES-50"
    pw.goto(f"{live_server.url}/o/demo/plan/?edit=T-HOST-2027")
    pw.fill("[name=quick-progress]", "250")
    pw.locator("#inline-T-HOST-2027").get_by_role("button", name="Save").click()
    assert pw.locator("#inline-T-HOST-2027 .invalid-feedback").count() == 1
    context.close()


def test_timeline_in_chinese(page, demo):
    page.login("owner@example.com", PASSWORD)
    pw = page.go("/o/demo/plan/timeline/?root=G-CAPACITY")
    with pw.expect_navigation():
        pw.select_option("[data-testid=language-select-topbar]", "zh-hans")
    assert pw.locator("[data-gantt] svg").count() == 1
    page.shot("plan-13-timeline-zh")
