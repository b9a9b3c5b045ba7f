"""The positions list and the four-step builder, through the real views."""

from decimal import Decimal

import pytest
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.actions import duties as duty_actions
from remit.org.actions import people as people_actions
from remit.org.models import Position, Responsibility, ResultArea, Target


@pytest.fixture
def fin(org, owner):
    dept = people_actions.department_create(
        org=org, actor=owner, name="Planning & finance", key="FIN", function="Money matters"
    )
    gm = people_actions.position_create(org=org, actor=owner, title="General manager", key="GM")
    return people_actions.position_create(
        org=org, actor=owner, title="Finance manager", key="FIN-MGR", department=dept, reports_to=gm
    )


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def test_positions_list_shows_positions_and_filters(owner_client, org, fin):
    page = owner_client.get(url(org, "duties")).content.decode()
    assert "Finance manager" in page
    assert "General manager" in page
    filtered = owner_client.get(url(org, "duties") + "?department=FIN").content.decode()
    assert f'class="fw-semibold" href="{url(org, "position", "FIN-MGR")}"' in filtered
    assert f'class="fw-semibold" href="{url(org, "position", "GM")}"' not in filtered


def test_positions_list_costs_constant_queries(
    owner_client, org, owner, fin, django_assert_max_num_queries
):
    for i in range(30):
        people_actions.position_create(org=org, actor=owner, title=f"Clerk {i}")
    with django_assert_max_num_queries(12) as ctx:
        owner_client.get(url(org, "duties"))
    few = len(ctx.captured_queries)
    for i in range(30, 60):
        people_actions.position_create(org=org, actor=owner, title=f"Clerk {i}")
    with django_assert_max_num_queries(few):
        owner_client.get(url(org, "duties"))


def test_write_the_four_steps_through_plain_forms(owner_client, org, fin):
    r = owner_client.post(
        url(org, "purpose_save", "FIN-MGR"),
        {
            "purpose-basis": "Under the guidance of national policy and the company's work plan",
            "purpose-content": "organise the company's financial policies, plans and programmes",
            "purpose-performance": "so that the financial function supports the company's operations",
        },
    )
    assert r.status_code == 302
    assert r["Location"].endswith("#step-purpose")
    fin.refresh_from_db()
    assert fin.purpose_content.startswith("organise")

    owner_client.post(
        url(org, "area_create", "FIN-MGR"), {"area-title": "Budget", "area-weight": "60"}
    )
    owner_client.post(
        url(org, "area_create", "FIN-MGR"), {"area-title": "Tax", "area-weight": "40"}
    )
    areas = list(ResultArea.objects.filter(position=fin).order_by("order"))
    assert [(a.key, a.title, a.weight) for a in areas] == [
        ("FIN-MGR-1", "Budget", Decimal("60")),
        ("FIN-MGR-2", "Tax", Decimal("40")),
    ]

    owner_client.post(
        url(org, "target_create", "FIN-MGR", "FIN-MGR-1"),
        {
            "target-statement": "Annual budget approved by the board",
            "target-metric": "approval date",
            "target-target": "by 15 December",
            "target-period": "yearly",
        },
    )
    target = Target.objects.get(result_area=areas[0])
    assert target.key == "FIN-MGR-1-1"

    owner_client.post(
        url(org, "responsibility_create", "FIN-MGR", target.key),
        {
            "resp-statement": "Prepare the annual budget with every department head",
            "resp-frequency": "yearly",
            "resp-time_share": "15",
            "resp-authority": "executes",
        },
    )
    r = Responsibility.objects.get(target=target)
    assert r.key == "FIN-MGR-1-1-1"
    assert r.time_share == Decimal("15")

    page = owner_client.get(url(org, "position", "FIN-MGR")).content.decode()
    for text in (
        "organise the company",
        "Budget",
        "Annual budget approved",
        "Prepare the annual budget",
        "Weights: 100 % of 100 %",
    ):
        assert text in page


def test_validation_errors_keep_the_input(owner_client, org, fin):
    r = owner_client.post(
        url(org, "area_create", "FIN-MGR"), {"area-title": "", "area-weight": "120"}
    )
    html = r.content.decode()
    assert r.status_code == 422
    assert 'value="120"' in html
    assert "invalid-feedback" in html
    assert not ResultArea.objects.exists()


def test_htmx_post_answers_with_the_page_its_steps_are_taken_from(owner_client, org, fin):
    r = owner_client.post(
        url(org, "area_create", "FIN-MGR"),
        {"area-title": "Budget", "area-weight": "60"},
        HTTP_HX_REQUEST="true",
    )
    html = r.content.decode()
    assert r.status_code == 200
    for step in ("areas", "targets", "responsibilities"):
        assert f'<section id="step-{step}"' in html
    # An invalid htmx post answers 200 (htmx swaps only 2xx) with the error in the step.
    bad = owner_client.post(
        url(org, "area_create", "FIN-MGR"), {"area-title": ""}, HTTP_HX_REQUEST="true"
    )
    assert bad.status_code == 200
    assert "invalid-feedback" in bad.content.decode()


def test_reorder_by_keyboard_and_by_drag(owner_client, org, owner, fin):
    for title in ("A", "B", "C"):
        duty_actions.result_area_create(position=fin, actor=owner, title=title)
    owner_client.post(
        url(org, "areas_reorder", "FIN-MGR"), {"move": "FIN-MGR-3", "direction": "up"}
    )
    assert list(fin.result_areas.order_by("order").values_list("title", flat=True)) == [
        "A",
        "C",
        "B",
    ]
    owner_client.post(
        url(org, "areas_reorder", "FIN-MGR"), {"order": ["FIN-MGR-2", "FIN-MGR-1", "FIN-MGR-3"]}
    )
    assert list(fin.result_areas.order_by("order").values_list("title", flat=True)) == [
        "B",
        "A",
        "C",
    ]


def test_members_read_but_cannot_edit(client, org, fin, make_user, member_of):
    m = member_of(make_user(), org, "member")
    client.force_login(m.user)
    page = client.get(url(org, "position", "FIN-MGR")).content.decode()
    assert "Finance manager" in page
    assert "Save the purpose" not in page
    r = client.post(url(org, "area_create", "FIN-MGR"), {"area-title": "Hack", "area-weight": "10"})
    assert r.status_code == 403
    assert not ResultArea.objects.exists()


def test_a_manager_edits_positions_of_their_department_only(
    client, org, owner, fin, make_user, member_of
):
    from remit.org.models import Assignment, Employee

    m = member_of(make_user("boss@example.com"), org, "manager")
    emp = Employee.objects.create(org=org, key="E1", name="Boss", user_email="boss@example.com")
    Assignment.objects.create(org=org, key="E1-1", employee=emp, position=fin, start="2020-01-01")
    client.force_login(m.user)
    ok = client.post(
        url(org, "area_create", "FIN-MGR"), {"area-title": "Budget", "area-weight": "50"}
    )
    assert ok.status_code == 302
    denied = client.post(
        url(org, "area_create", "GM"), {"area-title": "Strategy", "area-weight": "50"}
    )
    assert denied.status_code == 403


def test_any_change_returns_an_approved_jd_to_draft(org, owner, fin):
    Position.objects.filter(pk=fin.pk).update(jd_status="approved")
    fin.refresh_from_db()
    duty_actions.result_area_create(position=fin, actor=owner, title="Cash")
    fin.refresh_from_db()
    assert fin.jd_status == "draft"
    assert AuditEvent.objects.filter(
        org=org, entity_key="FIN-MGR", changes__jd_status__isnull=False
    ).exists()


def test_purpose_preview_warns_when_close_to_another(owner_client, org, owner, fin):
    gm = Position.objects.get(org=org, key="GM")
    duty_actions.purpose_update(
        position=gm,
        actor=owner,
        basis="",
        content="organise the financial plans and budgets",
        performance="so that finance supports operations",
    )
    r = owner_client.get(
        url(org, "purpose_preview", "FIN-MGR"),
        {
            "purpose-basis": "Under the plan",
            "purpose-content": "organise the financial plans and budgets",
            "purpose-performance": "so that finance supports operations",
        },
    )
    html = r.content.decode()
    assert "Under the plan, organise the financial plans and budgets, so that finance" in html
    assert 'data-testid="purpose-warning"' in html
    assert "General manager" in html


def test_suggestions_warn_about_a_duplicate(owner_client, org, owner, fin):
    gm = Position.objects.get(org=org, key="GM")
    area = duty_actions.result_area_create(position=gm, actor=owner, title="Control")
    t = duty_actions.target_create(area=area, actor=owner, statement="Clean books")
    duty_actions.responsibility_create(
        target=t, actor=owner, statement="Reconcile supplier statements with the ledger every month"
    )
    r = owner_client.get(
        url(org, "responsibility_suggest", "FIN-MGR"),
        {"resp-statement": "Reconcile the supplier statements with the ledger monthly"},
    )
    html = r.content.decode()
    assert 'data-testid="duplicate-warning"' in html
    assert "General manager" in html


def test_editing_through_a_form_records_what_changed(owner_client, org, owner, fin):
    """A bound ModelForm writes into its instance; the log must still show the old value."""
    owner_client.post(
        url(org, "position_update", "FIN-MGR"),
        {
            "title": "Planning & Finance Manager",
            "key": "FIN-MGR",
            "department": fin.department_id,
            "reports_to": fin.reports_to_id,
            "headcount": 2,
            "status": "active",
        },
    )
    ev = AuditEvent.objects.filter(org=org, entity_key="FIN-MGR", action="update").latest("id")
    assert ev.changes["title"] == ["Finance manager", "Planning & Finance Manager"]
    assert ev.changes["headcount"] == [1, 2]
    area = duty_actions.result_area_create(position=fin, actor=owner, title="Budget", weight=50)
    owner_client.post(
        url(org, "area_update", "FIN-MGR", area.key),
        {"area-title": "Budget and planning", "area-weight": "60"},
    )
    ev = AuditEvent.objects.filter(org=org, entity_key=area.key, action="update").latest("id")
    assert ev.changes["title"] == ["Budget", "Budget and planning"]
