"""The plan's pages through the real views: tree, item, forms, moves, dependencies, what to
do next, timeline; access by role; a fixed number of queries per page."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from remit.accounts.models import AuditEvent
from remit.org.actions import people as people_actions
from remit.org.actions import plan as actions
from remit.org.actions import resources as resource_actions
from remit.org.models import (
    Assignment,
    CheckIn,
    Employee,
    Objective,
    PlanDependency,
    PlanItem,
    Position,
)

TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def company(org, owner):
    """A goal with a project and two tasks; the first one's preparation is late."""
    ops = people_actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    sales = people_actions.department_create(org=org, actor=owner, name="Sales", key="SAL")
    ceo = people_actions.position_create(org=org, actor=owner, title="Chief executive", key="CEO")
    opsm = people_actions.position_create(
        org=org, actor=owner, title="Operations manager", key="OPS-MGR", department=ops
    )
    people_actions.position_create(
        org=org, actor=owner, title="Sales manager", key="SAL-MGR", department=sales
    )
    objective = Objective.objects.create(org=org, key="OBJ", title="Double the output")
    goal = actions.plan_item_create(
        org=org, actor=owner, title="More capacity", key="G", kind="goal", objective=objective,
        owner=ceo, start=days(-60), due=days(400),
    )  # fmt: skip
    project = actions.plan_item_create(
        org=org, actor=owner, title="Second machine", key="P", kind="project", parent=goal,
        owner=opsm,
    )  # fmt: skip
    t1 = actions.plan_item_create(
        org=org, actor=owner, title="Install the machine", key="T1", parent=project, owner=opsm,
        start=days(30), due=days(60), lead_time_days=120, importance=5, urgency=4,
    )  # fmt: skip
    actions.plan_item_create(
        org=org, actor=owner, title="Train the operators", key="T2", parent=project,
        owner=Position.objects.get(org=org, key="SAL-MGR"), start=days(61), due=days(90),
        depends_on=[t1],
    )  # fmt: skip
    return org


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


def more_items(org, owner, n: int, start: int = 0) -> None:
    """Items with dates, dependencies, a need and a check-in, to grow the plan."""
    goal = PlanItem.objects.get(org=org, key="G")
    prev = None
    for i in range(start, start + n):
        item = actions.plan_item_create(
            org=org, actor=owner, title=f"Extra {i}", key=f"X{i}", parent=goal,
            owner=Position.objects.get(org=org, key="OPS-MGR"), start=days(i), due=days(i + 5),
            depends_on=[prev] if prev else [],
        )  # fmt: skip
        CheckIn.objects.create(org=org, key=f"C{i}", plan_item=item, date=TODAY, progress=10)
        prev = item


# --- the tree --------------------------------------------------------------------------------


def test_the_tree_shows_the_plan_with_what_needs_attention(owner_client, company):
    page = owner_client.get(url(company, "plan")).content.decode()
    for text in ("More capacity", "Second machine", "Install the machine", "Train the operators"):
        assert text in page
    assert page.index("More capacity") < page.index("Second machine") < page.index("Train the")
    assert "Prepare now" in page  # T1: 30 days to the start, 120 days' lead time
    assert 'data-move-url="' in page and "data-plan-tree" in page
    assert f'href="{url(company, "position", "OPS-MGR")}"' in page


def test_the_tree_filters_keep_the_wholes_for_context(owner_client, company):
    page = owner_client.get(url(company, "plan") + "?owner=SAL-MGR").content.decode()
    assert "Train the operators" in page and "Second machine" in page
    assert "Install the machine" not in page
    page = owner_client.get(url(company, "plan") + "?q=install").content.decode()
    assert "Install the machine" in page and "Train the operators" not in page
    page = owner_client.get(url(company, "plan") + "?q=nothing-like-it").content.decode()
    assert "Nothing matches" in page


def test_an_empty_plan_says_what_to_do(owner_client, org):
    page = owner_client.get(url(org, "plan")).content.decode()
    assert "No plan yet" in page and url(org, "plan_item_create") in page


@pytest.mark.parametrize(
    "name",
    ["plan", "plan_next", "plan_timeline", "plan_item"],
)
def test_plan_pages_cost_a_fixed_number_of_queries(owner_client, company, owner, name):
    path = url(company, name, "T1") if name == "plan_item" else url(company, name)
    if name == "plan_next":
        path += "?position="
    more_items(company, owner, 5)
    few = count_queries(owner_client, path)
    more_items(company, owner, 25, start=5)
    assert count_queries(owner_client, path) == few


# --- an item ----------------------------------------------------------------------------------


def test_the_item_page(owner_client, company, owner):
    t1 = PlanItem.objects.get(org=company, key="T1")
    cash = resource_actions.resource_create(
        org=company, actor=owner, name="Cash", category="capital", quantity=100, unit="EUR"
    )
    need = resource_actions.need_create(
        org=company, actor=owner, plan_item=t1, resource=cash, quantity=150, needed_by=days(20)
    )
    resource_actions.acquisition_create(
        org=company, actor=owner, need=need, method="borrow", quantity=20, due=days(40)
    )
    CheckIn.objects.create(
        org=company, key="C1", plan_item=t1, date=TODAY, progress=5, note="Quote in"
    )
    page = owner_client.get(url(company, "plan_item", "T1")).content.decode()
    for text in (
        "Install the machine",
        "Operations manager",
        "Double the output",  # the objective, through the goal
        "Preparation should have started",
        "Train the operators",  # needed by
        "150 EUR",
        "30 EUR",  # still lacking: 150 − 100 in stock − 20 borrowed
        "Quote in",
        "Borrow",
    ):
        assert text in page, text
    assert url(company, "resource_need_create") + "?plan_item=T1" in page


def test_create_items_with_the_form(owner_client, company):
    r = owner_client.get(url(company, "plan_item_create") + "?parent=P")
    assert r.status_code == 200
    assert 'value="task" selected' in r.content.decode()
    r = owner_client.post(
        url(company, "plan_item_create"),
        {
            "title": "Hire operators",
            "kind": "task",
            "parent": "P",
            "owner": "OPS-MGR",
            "importance": 3,
            "urgency": 3,
            "status": "not_started",
            "progress": 0,
            "lead_time_days": 30,
            "start": days(100).isoformat(),
            "due": days(120).isoformat(),
            "depends_on_keys": "T1, T2",
        },
    )
    assert r.status_code == 302, re.findall(r"invalid-feedback[^>]*>([^<]*)<", r.content.decode())
    item = PlanItem.objects.get(org=company, title="Hire operators")
    assert item.key == "T-HIRE-OPERATORS" and item.parent.key == "P"
    assert sorted(item.depends_on.values_list("key", flat=True)) == ["T1", "T2"]
    assert AuditEvent.objects.filter(org=company, entity_key=item.key, action="create").exists()


def test_a_dependency_that_closes_a_circle_is_refused_naming_it(owner_client, company):
    r = owner_client.post(url(company, "plan_dependency_add", "T1"), {"predecessor": "T2"})
    assert r.status_code == 200
    page = r.content.decode()
    assert "wait for each other in a circle: T1 → T2 → T1" in page
    assert not PlanDependency.objects.filter(successor__key="T1").exists()
    # The full form refuses the same, and an item depending on its own whole.
    r = owner_client.post(url(company, "plan_dependency_add", "T1"), {"predecessor": "P"})
    assert r.status_code == 200 and "one is part of the other" in r.content.decode()


def test_add_and_remove_a_dependency(owner_client, company):
    r = owner_client.post(url(company, "plan_dependency_add", "T2"), {"predecessor": "G-NOPE"})
    assert r.status_code == 200 and "No plan item has the key" in r.content.decode()
    actions.plan_item_create(org=company, actor=None, title="Order parts", key="T0")
    r = owner_client.post(url(company, "plan_dependency_add", "T2"), {"predecessor": "T0"})
    assert r.status_code == 302 and r["Location"].endswith("#dependencies")
    t2 = PlanItem.objects.get(org=company, key="T2")
    assert sorted(t2.depends_on.values_list("key", flat=True)) == ["T0", "T1"]
    r = owner_client.post(url(company, "plan_dependency_remove", "T2", "T1"))
    assert list(t2.depends_on.values_list("key", flat=True)) == ["T0"]
    ev = AuditEvent.objects.filter(org=company, entity_key="T2").order_by("-id").first()
    assert ev.changes == {"depends_on": [["T0", "T1"], ["T0"]]}


def test_edit_in_the_tree_inline(owner_client, company):
    r = owner_client.get(url(company, "plan") + "?edit=T1")
    assert 'name="quick-title"' in r.content.decode()
    r = owner_client.get(url(company, "plan_item_quick", "T1"), HTTP_HX_REQUEST="true")
    assert 'name="quick-title"' in r.content.decode() and "<html" not in r.content.decode()
    data = {
        "quick-title": "Install the laser",
        "quick-status": "in_progress",
        "quick-progress": "10",
        "quick-start": days(30).isoformat(),
        "quick-due": days(60).isoformat(),
        "quick-owner": "OPS-MGR",
        "next": url(company, "plan") + "?q=laser",
    }
    r = owner_client.post(url(company, "plan_item_quick", "T1"), data)
    assert r.status_code == 302 and r["Location"] == url(company, "plan") + "?q=laser#node-T1"
    assert PlanItem.objects.get(org=company, key="T1").title == "Install the laser"
    data["quick-progress"] = "150"
    r = owner_client.post(url(company, "plan_item_quick", "T1"), data)
    assert r.status_code == 200 and "quick-progress" in r.content.decode()
    r = owner_client.post(url(company, "plan_item_quick", "T1"), data, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and 'id="plan-tree"' in r.content.decode()


def test_move_under_another_item_with_the_keyboard_form(owner_client, company):
    actions.plan_item_create(
        org=company, actor=None, title="Other project", key="P2", kind="project"
    )
    r = owner_client.get(url(company, "plan") + "?move=T2")
    assert 'name="move-parent"' in r.content.decode()
    r = owner_client.post(url(company, "plan_item_move", "T2"), {"move-parent": "P2"})
    assert r.status_code == 302
    assert PlanItem.objects.get(org=company, key="T2").parent.key == "P2"
    # Under its own part: refused, with the reason, nothing written.
    r = owner_client.post(url(company, "plan_item_move", "G"), {"move-parent": "P"})
    assert r.status_code == 200 and "part of itself" in r.content.decode()
    assert PlanItem.objects.get(org=company, key="G").parent is None
    # A drop the plan refuses comes back as the tree with the reason above it.
    r = owner_client.post(
        url(company, "plan_item_move", "G"),
        {"move-parent": "T1", "move-index": "0", "dragged": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200 and "alert-danger" in r.content.decode()


def test_move_up_and_down_among_siblings(owner_client, company):
    r = owner_client.post(url(company, "plan_item_move", "T2"), {"direction": "up"})
    assert r.status_code == 302
    order = list(PlanItem.objects.filter(org=company, parent__key="P").order_by("order"))
    assert [i.key for i in order] == ["T2", "T1"]
    owner_client.post(url(company, "plan_item_move", "T2"), {"move-parent": "P", "move-index": "1"})
    order = list(PlanItem.objects.filter(org=company, parent__key="P").order_by("order"))
    assert [i.key for i in order] == ["T1", "T2"]


def test_delete_only_items_without_parts(owner_client, company):
    r = owner_client.post(url(company, "plan_item_delete", "P"))
    assert r.status_code == 302 and PlanItem.objects.filter(org=company, key="P").exists()
    r = owner_client.post(url(company, "plan_item_delete", "T2"))
    assert not PlanItem.objects.filter(org=company, key="T2").exists()


# --- what to do next, timeline ---------------------------------------------------------------


def test_what_to_do_next_for_a_position(owner_client, company, owner):
    page = owner_client.get(url(company, "plan_next") + "?position=OPS-MGR").content.decode()
    assert "Install the machine" in page and "Train the operators" not in page
    assert "Preparation should have started" in page
    page = owner_client.get(url(company, "plan_next") + "?position=").content.decode()
    assert page.index("Install the machine") < page.index("Train the operators")
    assert "Waits for:" in page
    assert owner_client.get(url(company, "plan_next") + "?position=NOPE").status_code == 404


def test_what_to_do_next_opens_on_the_members_own_position(client, company, make_user, member_of):
    user = make_user("sam@example.com")
    member_of(user, company, "member")
    emp = Employee.objects.create(org=company, key="E1", name="Sam", user_email=user.email)
    Assignment.objects.create(
        org=company, key="E1-1", employee=emp, position=Position.objects.get(key="SAL-MGR"),
        start=days(-100),
    )  # fmt: skip
    client.force_login(user)
    r = client.get(url(company, "plan_next"))
    assert r.status_code == 302 and r["Location"].endswith("?position=SAL-MGR")


def test_the_timeline(owner_client, company):
    page = owner_client.get(url(company, "plan_timeline")).content.decode()
    assert "<svg" in page and 'class="gantt-svg"' in page
    assert "Critical path of each goal" in page
    assert f'href="{url(company, "plan_item", "T1")}"' in page
    page = owner_client.get(url(company, "plan_timeline") + "?root=P&open=1").content.decode()
    assert "Timeline: Second machine" in re.sub(r"\s+", " ", page)
    assert "More capacity</tspan>" not in page


def test_the_timeline_of_an_empty_plan(owner_client, org):
    assert "Nothing to draw" in owner_client.get(url(org, "plan_timeline")).content.decode()


# --- access -------------------------------------------------------------------------------------


@pytest.fixture
def as_role(client, make_user, member_of, company):
    def make(role):
        user = make_user()
        member_of(user, company, role)
        if role == "manager":
            emp = Employee.objects.create(
                org=company, key=f"E-{user.pk}", name="M", user_email=user.email
            )
            Assignment.objects.create(
                org=company, key=f"E-{user.pk}-1", employee=emp,
                position=Position.objects.get(org=company, key="OPS-MGR"), start=days(-10),
            )  # fmt: skip
        client.force_login(user)
        return client

    return make


def test_viewers_read_but_change_nothing(as_role, company):
    c = as_role("viewer")
    assert c.get(url(company, "plan")).status_code == 200
    assert c.get(url(company, "plan_item", "T1")).status_code == 200
    assert "Actions" not in c.get(url(company, "plan")).content.decode()
    assert c.get(url(company, "plan_item_create")).status_code == 403
    assert c.post(url(company, "plan_item_quick", "T1"), {}).status_code == 403
    assert c.post(url(company, "plan_item_move", "T1"), {"direction": "up"}).status_code == 403
    assert (
        c.post(url(company, "plan_dependency_add", "T2"), {"predecessor": "G"}).status_code == 403
    )
    assert c.post(url(company, "plan_item_delete", "T2")).status_code == 403


def test_managers_change_what_their_departments_own(as_role, company):
    c = as_role("manager")  # holds OPS-MGR
    assert c.get(url(company, "plan_item_update", "T1")).status_code == 200
    assert c.get(url(company, "plan_item_update", "T2")).status_code == 403  # the sales manager's
    assert c.get(url(company, "plan_item_update", "G")).status_code == 403  # the CEO's
    r = c.post(
        url(company, "plan_item_create"),
        {"title": "For sales", "kind": "task", "owner": "SAL-MGR", "importance": 3, "urgency": 3,
         "status": "not_started", "progress": 0, "lead_time_days": 0},
    )  # fmt: skip
    assert r.status_code == 200 and "own departments" in r.content.decode()
    assert not PlanItem.objects.filter(org=company, title="For sales").exists()
