"""Personnel planning pages: stages (register) and their staffing, the timeline, stage costs,
the skills matrix, required and assessed skills, the skills import; who may do what; and
a fixed number of queries per page."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from remit.accounts.models import AuditEvent
from remit.analysis.checks import Ref
from remit.org.actions import people as people_actions
from remit.org.actions import people_staffing as actions
from remit.org.models import (
    Assignment,
    Employee,
    EmployeeSkill,
    Grade,
    PositionSkill,
    Skill,
    StaffingLine,
    Stage,
)
from remit.org.views.health import _link

TODAY = timezone.localdate()
PAST = TODAY - dt.timedelta(days=200)
FUTURE = TODAY + dt.timedelta(days=300)


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def hire(org, key, name, position, *, start=None, email=""):
    e = Employee.objects.create(org=org, key=key, name=name, user_email=email)
    Assignment.objects.create(
        org=org, key=f"{key}-1", employee=e, position=position, start=start or PAST
    )
    return e


@pytest.fixture
def plan(org, owner):
    return make_plan(org, owner)


def make_plan(org, owner) -> dict:
    """Operations and Sales; a founder, welders and account managers; two stages."""
    ops = people_actions.department_create(org=org, actor=owner, name="Operations", key="OPS")
    sal = people_actions.department_create(org=org, actor=owner, name="Sales", key="SAL")
    cheap = Grade.objects.create(org=org, key="G1", name="Operative", monthly_cost=Decimal(3000))
    dear = Grade.objects.create(org=org, key="G9", name="Director", monthly_cost=Decimal(12000))
    ceo = people_actions.position_create(
        org=org, actor=owner, title="Founder", key="CEO", department=ops, grade=dear
    )
    wld = people_actions.position_create(
        org=org, actor=owner, title="Welder", key="WLD", department=ops, grade=cheap, headcount=2
    )
    kam = people_actions.position_create(
        org=org, actor=owner, title="Account manager", key="KAM", department=sal, headcount=2
    )
    weld = actions.skill_create(
        org=org, actor=owner, name="TIG welding", key="WELD", category="Production"
    )
    neg = actions.skill_create(
        org=org, actor=owner, name="Negotiation", key="NEG", category="Sales"
    )
    actions.position_skill_set(position=wld, actor=owner, skill=weld, level=3)
    actions.position_skill_set(position=kam, actor=owner, skill=neg, level=4)
    start = actions.stage_create(
        org=org, actor=owner, name="Start-up", key="ST-START", order=1, target_date=PAST
    )
    growth = actions.stage_create(
        org=org, actor=owner, name="Growth", key="ST-GROW", order=2, target_date=FUTURE
    )
    actions.staffing_line_create(stage=start, actor=owner, position=ceo, headcount=1)
    actions.staffing_line_create(
        stage=growth,
        actor=owner,
        position=kam,
        headcount=2,
        needed_by=TODAY - dt.timedelta(days=10),
    )
    actions.staffing_line_create(
        stage=growth, actor=owner, position=wld, headcount=3, needed_by=FUTURE
    )
    hire(org, "E1", "Ada Founder", ceo)
    w = hire(org, "E2", "Bo Welder", wld)
    actions.employee_skill_set(employee=w, actor=owner, skill=weld, level=2)
    hire(org, "E3", "Cy Seller", kam)
    return {
        "ops": ops,
        "sal": sal,
        "ceo": ceo,
        "wld": wld,
        "kam": kam,
        "weld": weld,
        "neg": neg,
        "start": start,
        "growth": growth,
    }


# --- stages: the register and the stage's page -------------------------------------------------


def test_stage_register_creates_edits_and_deletes(owner_client, org, plan):
    r = owner_client.post(
        url(org, "stage_create"),
        {
            "name": "Expansion abroad",
            "key": "",
            "order": 3,
            "target_date": "2031-06-30",
            "description": "",
        },
    )
    stage = Stage.objects.get(org=org, name="Expansion abroad")
    assert stage.key == "ST-EXPANSION-ABROAD"
    assert r["Location"] == url(org, "stage_detail", stage.key)
    listing = owner_client.get(url(org, "stage_list")).content.decode()
    listing = listing[listing.index("<tbody>") :]  # after the "was saved" message
    assert listing.index("Start-up") < listing.index("Growth") < listing.index("Expansion abroad")
    r = owner_client.post(
        url(org, "stage_update", stage.key),
        {"name": "Expansion", "key": "timeline", "order": 3, "target_date": "2031-06-30"},
    )
    assert "a word the pages use" in r.content.decode()
    owner_client.post(
        url(org, "stage_update", stage.key),
        {"name": "Expansion", "key": stage.key, "order": 3, "target_date": "2031-06-30"},
    )
    assert AuditEvent.objects.get(org=org, entity_key=stage.key, action="update").changes[
        "name"
    ] == ["Expansion abroad", "Expansion"]
    owner_client.post(url(org, "stage_delete", "ST-GROW"))
    assert not Stage.objects.filter(org=org, key="ST-GROW").exists()
    assert not StaffingLine.objects.filter(org=org, key__startswith="ST-GROW").exists()
    assert (
        AuditEvent.objects.filter(org=org, entity_type="staffingline", action="delete").count() == 2
    )


def test_stage_page_shows_the_plan_its_status_cost_and_links(owner_client, org, plan):
    page = owner_client.get(url(org, "stage_detail", "ST-GROW")).content.decode()
    assert reverse("org:chart", args=[org.slug]) + "?stage=ST-GROW" in page
    assert url(org, "position", "KAM") in page and url(org, "staffing_timeline") in page
    line_kam = page[page.index('data-testid="line-ST-GROW-1"') :]
    assert "1 late" in line_kam[:2000]  # needs 2 since 10 days, one holder
    assert "2 to hire" in page  # welders: 3 by a future date, one holder
    assert "Kept from earlier stages" in page and "Founder" in page
    # 1 founder (kept) + 2 KAM + 3 welders; cost: 12,000 + 3 × 3,000, KAM has no grade.
    assert 'data-testid="stage-headcount">6<' in page
    assert "EUR 21,000" in page and "EUR 252,000 per year" in page
    assert "2 planned posts have no cost" in page


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_costs_are_finance_hidden_from_members_until_opened(
    client, org, plan, make_user, member_of, role
):
    m = member_of(make_user(), org, role)
    client.force_login(m.user)
    page = client.get(url(org, "stage_detail", "ST-GROW")).content.decode()
    assert "Estimated cost" not in page and "21,000" not in page
    assert client.get(url(org, "stage_costs")).status_code == 403
    org.finance_open = True
    org.save()
    assert "EUR 21,000" in client.get(url(org, "stage_detail", "ST-GROW")).content.decode()
    assert client.get(url(org, "stage_costs")).status_code == 200


def test_costs_page_compares_the_stages(owner_client, org, plan):
    page = owner_client.get(url(org, "stage_costs")).content.decode()
    assert 'data-testid="cost-ST-START"' in page and 'data-testid="cost-ST-GROW"' in page
    assert "EUR 12,000" in page and "EUR 21,000" in page and "252,000" in page
    assert "no cost" in page  # KAM without a grade


# --- staffing lines ---------------------------------------------------------------------------


def test_lines_are_added_changed_and_removed(owner_client, org, plan):
    r = owner_client.post(
        url(org, "staffing_line_create", "ST-START"),
        {"position": plan["wld"].pk, "headcount": 1, "needed_by": ""},
    )
    assert r.status_code == 302
    line = StaffingLine.objects.get(org=org, stage=plan["start"], position=plan["wld"])
    assert line.key == "ST-START-2" and line.needed_by is None
    owner_client.post(
        url(org, "staffing_line_update", "ST-START", line.key),
        {"position": plan["wld"].pk, "headcount": 4, "needed_by": "2020-01-31"},
    )
    line.refresh_from_db()
    assert (line.headcount, line.needed_by) == (4, dt.date(2020, 1, 31))
    owner_client.post(url(org, "staffing_line_delete", "ST-START", line.key))
    assert not StaffingLine.objects.filter(pk=line.pk).exists()


def test_a_line_is_checked_before_it_is_written(owner_client, org, owner, plan):
    old = people_actions.position_create(org=org, actor=owner, title="Old post", key="OLD")
    people_actions.position_archive(position=old, actor=owner)
    r = owner_client.post(
        url(org, "staffing_line_create", "ST-START"),
        {"position": old.pk, "headcount": 1},
    )
    assert r.status_code == 200 and "invalid-feedback" in r.content.decode()
    r = owner_client.post(
        url(org, "staffing_line_create", "ST-START"),
        {"position": plan["wld"].pk, "headcount": -2},
    )
    assert r.status_code == 200
    assert StaffingLine.objects.filter(org=org, stage=plan["start"]).count() == 1
    with pytest.raises(Exception, match="archived"):
        actions.staffing_line_create(stage=plan["start"], actor=owner, position=old, headcount=1)


def test_a_manager_plans_only_their_departments_positions(client, org, plan, make_user, member_of):
    m = member_of(make_user("mia@example.com"), org, "manager")
    hire(org, "E9", "Mia Manager", plan["ceo"], email="mia@example.com")  # in Operations
    client.force_login(m.user)
    ok = client.post(
        url(org, "staffing_line_create", "ST-START"), {"position": plan["wld"].pk, "headcount": 2}
    )
    assert ok.status_code == 302
    kam_line = StaffingLine.objects.get(org=org, position=plan["kam"])
    assert client.post(url(org, "staffing_line_delete", "ST-GROW", kam_line.key)).status_code == 403
    # The form offers only Operations' positions.
    form = client.get(url(org, "stage_detail", "ST-START")).content.decode()
    assert "Welder (WLD)" in form and "Account manager (KAM)" not in form
    refused = client.post(
        url(org, "staffing_line_create", "ST-START"), {"position": plan["kam"].pk, "headcount": 2}
    )
    assert (
        refused.status_code == 200
        and not StaffingLine.objects.filter(
            org=org, stage=plan["start"], position=plan["kam"]
        ).exists()
    )
    # Stages themselves are the whole company's: owners and admins only.
    assert client.post(url(org, "stage_create"), {"name": "X", "order": 9}).status_code == 403


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_read_but_do_not_plan(client, org, plan, make_user, member_of, role):
    m = member_of(make_user(), org, role)
    client.force_login(m.user)
    assert client.get(url(org, "stage_detail", "ST-GROW")).status_code == 200
    assert client.get(url(org, "staffing_timeline")).status_code == 200
    assert client.get(url(org, "skills_matrix")).status_code == 200
    for name, args, data in [
        ("staffing_line_create", ["ST-GROW"], {"position": plan["wld"].pk, "headcount": 1}),
        ("skills_import", [], {}),
        ("position_skills", ["WLD"], {"skill": plan["neg"].pk, "level": 2}),
        ("position_skill_delete", ["WLD", "WELD"], {}),
    ]:
        assert client.post(url(org, name, *args), data).status_code == 403, name
    assert StaffingLine.objects.filter(org=org).count() == 3
    assert PositionSkill.objects.filter(org=org).count() == 2


# --- the timeline -----------------------------------------------------------------------------


def test_timeline_page(owner_client, org, plan):
    page = owner_client.get(url(org, "staffing_timeline")).content.decode()
    assert "<svg" in page and 'role="img"' in page
    assert 'data-testid="needed-today">3<' in page  # founder + 2 KAM due
    assert 'data-testid="filled-today">3<' in page
    assert 'data-testid="late-count">⚠ 1<' in page
    late = page[page.index('data-testid="late-hires"') :]
    assert "Account manager" in late[:1500] and url(org, "stage_detail", "ST-GROW") in late
    ahead = page[page.index('data-testid="upcoming-hires"') :]
    assert "Welder" in ahead[:2500]
    vac = page[page.index('data-testid="vacancies"') :]
    assert "Welder" in vac and "Account manager" in vac


def test_timeline_without_stages_says_what_to_do(owner_client, org):
    page = owner_client.get(url(org, "staffing_timeline")).content.decode()
    assert "No staffing plan with dates yet" in page and url(org, "stage_list") in page


# --- the skills matrix ------------------------------------------------------------------------


def test_matrix_marks_gaps_with_a_symbol_and_a_colour(owner_client, org, plan):
    r = owner_client.get(url(org, "skills_matrix"))
    page = r.content.decode()
    # The default department is the first with a gap (Operations: Bo is below; Sales: Cy not
    # assessed) — both have one; Operations comes first.
    assert "Operations" in page and 'data-testid="skills-matrix"' in page
    assert "bg-warning-subtle" in page and "▼" in page and "2/3" in page
    assert "below the required level" in page  # text for screen readers, not colour alone
    assert url(org, "employee_skills", "E2") + "?skill=WELD" in page
    sales = owner_client.get(url(org, "skills_matrix_department", "SAL")).content.decode()
    assert "bg-danger-subtle" in sales and "✗" in sales and "not assessed" in sales
    options = owner_client.get(url(org, "skills_matrix")).content.decode()
    assert "Sales (1 gap)" in options and "Operations (1 gap)" in options


def test_matrix_picker_and_subtree(owner_client, org, owner, plan):
    people_actions.department_update(department=plan["sal"], actor=owner, parent=plan["ops"])
    r = owner_client.get(url(org, "skills_matrix") + "?department=SAL")
    assert r.status_code == 302 and r["Location"] == url(org, "skills_matrix_department", "SAL")
    only = owner_client.get(url(org, "skills_matrix_department", "OPS")).content.decode()
    both = owner_client.get(url(org, "skills_matrix_department", "OPS") + "?sub=1").content.decode()
    assert "Cy Seller" not in only and "Cy Seller" in both
    assert owner_client.get(url(org, "skills_matrix_department", "NOPE")).status_code == 404


def test_matrix_hides_assessments_from_members_unless_opened(
    client, org, plan, make_user, member_of
):
    m = member_of(make_user(), org, "member")
    client.force_login(m.user)
    page = client.get(url(org, "skills_matrix_department", "OPS")).content.decode()
    assert "Bo Welder" not in page and "personal data" in page and "TIG welding" in page
    assert client.get(url(org, "employee_skills", "E2")).status_code == 403
    org.personal_data_open = True
    org.save()
    assert "Bo Welder" in client.get(url(org, "skills_matrix_department", "OPS")).content.decode()


def test_matrix_without_departments_or_required_skills(owner_client, org, owner):
    assert "No departments yet" in owner_client.get(url(org, "skills_matrix")).content.decode()
    people_actions.department_create(org=org, actor=owner, name="Empty", key="EMPTY")
    assert (
        "No skills required here yet"
        in owner_client.get(url(org, "skills_matrix")).content.decode()
    )


# --- required and assessed skills ---------------------------------------------------------------


def test_position_skills_are_required_changed_and_removed(owner_client, org, plan):
    page = owner_client.get(url(org, "position_skills", "WLD")).content.decode()
    assert "TIG welding" in page and url(org, "skills_matrix_department", "OPS") in page
    owner_client.post(url(org, "position_skills", "WLD"), {"skill": plan["neg"].pk, "level": 2})
    owner_client.post(url(org, "position_skills", "WLD"), {"skill": plan["weld"].pk, "level": 5})
    levels = dict(
        PositionSkill.objects.filter(org=org, position=plan["wld"]).values_list(
            "skill__key", "level"
        )
    )
    assert levels == {"WELD": 5, "NEG": 2}
    owner_client.post(url(org, "position_skill_delete", "WLD", "NEG"))
    assert not PositionSkill.objects.filter(
        org=org, position=plan["wld"], skill=plan["neg"]
    ).exists()
    r = owner_client.post(url(org, "position_skills", "WLD"), {"skill": plan["neg"].pk, "level": 9})
    assert r.status_code == 200 and "invalid-feedback" in r.content.decode()


def test_employee_skills_are_assessed_replaced_and_removed(owner_client, org, plan):
    page = owner_client.get(url(org, "employee_skills", "E3") + "?skill=NEG").content.decode()
    assert "not assessed" in page and f'value="{plan["neg"].pk}" selected' in page
    owner_client.post(
        url(org, "employee_skills", "E3"),
        {"skill": plan["neg"].pk, "level": 4, "assessed_on": "2026-02-16"},
    )
    owner_client.post(url(org, "employee_skills", "E3"), {"skill": plan["neg"].pk, "level": 5})
    row = EmployeeSkill.objects.get(org=org, employee__key="E3")
    assert (row.level, row.assessed_on) == (5, None)
    owner_client.post(url(org, "employee_skill_delete", "E3", "NEG"))
    assert not EmployeeSkill.objects.filter(org=org, employee__key="E3").exists()


def test_a_manager_assesses_only_holders_of_their_departments(
    client, org, plan, make_user, member_of
):
    m = member_of(make_user("mia@example.com"), org, "manager")
    hire(org, "E9", "Mia Manager", plan["ceo"], email="mia@example.com")
    client.force_login(m.user)
    ok = client.post(url(org, "employee_skills", "E2"), {"skill": plan["weld"].pk, "level": 3})
    assert ok.status_code == 302
    no = client.post(url(org, "employee_skills", "E3"), {"skill": plan["neg"].pk, "level": 3})
    assert no.status_code == 403
    assert not EmployeeSkill.objects.filter(org=org, employee__key="E3").exists()


# --- the skills catalogue ---------------------------------------------------------------------


def test_skill_page_lists_positions_and_delete_is_refused_while_used(owner_client, org, plan):
    page = owner_client.get(url(org, "skill_detail", "WELD")).content.decode()
    assert "Positions that require it" in page and url(org, "position_skills", "WLD") in page
    r = owner_client.post(url(org, "skill_delete", "WELD"), follow=True)
    assert "required by 1 position(s) and assessed for 1 employee(s)" in r.content.decode()
    assert Skill.objects.filter(org=org, key="WELD").exists()
    owner_client.post(url(org, "skill_create"), {"name": "Unused", "key": "UNUSED"})
    owner_client.post(url(org, "skill_delete", "UNUSED"))
    assert not Skill.objects.filter(org=org, key="UNUSED").exists()


def upload(client, org, text: str, name="skills.csv", **extra):
    f = io.BytesIO(text.encode("utf-8"))
    f.name = name
    return client.post(url(org, "skills_import"), {"file": f, **extra})


def test_skills_import_upserts_by_key_and_name(owner_client, org, plan):
    r = upload(
        owner_client,
        org,
        "Key,Skill name,Category,Description\n"
        "WELD,TIG welding of stainless,Production,EN ISO 9606-1\n"
        ",Negotiation,Sales,\n"
        ",Forklift licence,Warehouse,Counterbalance\n",
    )
    page = r.content.decode()
    assert 'data-testid="import-report"' in page and "1 new, 1 changed, 1 unchanged" in page
    assert Skill.objects.get(org=org, key="WELD").name == "TIG welding of stainless"
    assert Skill.objects.get(org=org, key="SK-FORKLIFT-LICENCE").category == "Warehouse"
    assert AuditEvent.objects.filter(org=org, summary="Skills import").count() == 2
    again = upload(owner_client, org, "name,category\nForklift licence,Warehouse\n")
    assert "0 new, 0 changed, 1 unchanged" in again.content.decode()


def test_skills_import_reports_every_problem_and_writes_nothing(owner_client, org, plan):
    before = Skill.objects.filter(org=org).count()
    r = upload(
        owner_client,
        org,
        "key,name,category\n"
        "bad key!,Welding,Production\n"
        "OK-1,,Production\n"
        "OK-2,Good,Production\n"
        "OK-2,Good again,Production\n"
        f"OK-3,{'x' * 201},Production\n",
    )
    page = r.content.decode()
    assert '<div class="alert alert-danger"' in page and "4 problems: nothing was written" in page
    for row in ("Row 2", "Row 3", "Row 5", "Row 6"):
        assert row in page
    assert Skill.objects.filter(org=org).count() == before
    dry = upload(owner_client, org, "name\nBrand new\n", dry_run="on")
    assert "Nothing was written" in dry.content.decode()
    assert not Skill.objects.filter(org=org, name="Brand new").exists()
    no_name = upload(owner_client, org, "category\nX\n")
    assert "required: match one of the file" in no_name.content.decode()
    binary = upload(owner_client, org, "a\x00b", name="x.csv")
    assert "binary data" in binary.content.decode()


def test_health_links_lead_to_stages_lines_and_skills(org):
    assert _link(org.slug, Ref("stage", "ST-GROW"), {}) == (
        "ST-GROW",
        url(org, "stage_detail", "ST-GROW"),
    )
    assert _link(org.slug, Ref("skill", "WELD"), {}) == ("WELD", url(org, "skill_detail", "WELD"))
    assert _link(org.slug, Ref("staffing_line", "ST-GROW-2"), {})[1] == (
        url(org, "stage_detail", "ST-GROW") + "#plan"
    )


def test_the_personnel_overview_links_to_the_planning_pages(owner_client, org):
    page = owner_client.get(url(org, "people")).content.decode()
    for name in (
        "stage_list",
        "staffing_timeline",
        "stage_costs",
        "skills_matrix",
        "skills_import",
    ):
        assert url(org, name) in page, name


# --- a fixed number of queries per page ---------------------------------------------------------


def _grow(org, owner, plan, n: int, tag: str):
    """n more positions, each in a stage's plan, held, requiring and assessed in a skill."""
    for i in range(n):
        pos = people_actions.position_create(
            org=org, actor=owner, title=f"Post {tag}{i}", key=f"P{tag}{i}", department=plan["ops"]
        )
        actions.staffing_line_create(
            stage=plan["growth"], actor=owner, position=pos, headcount=2, needed_by=PAST
        )
        skill = actions.skill_create(org=org, actor=owner, name=f"Skill {tag}{i}", key=f"S{tag}{i}")
        actions.position_skill_set(position=pos, actor=owner, skill=skill, level=3)
        e = hire(org, f"E{tag}{i}", f"Holder {tag}{i}", pos)
        actions.employee_skill_set(employee=e, actor=owner, skill=skill, level=2)


PAGES = [
    ("stage_detail", ["ST-GROW"]),
    ("stage_list", []),
    ("stage_costs", []),
    ("staffing_timeline", []),
    ("skills_matrix_department", ["OPS"]),
    ("position_skills", ["WLD"]),
    ("employee_skills", ["E2"]),
    ("skill_detail", ["WELD"]),
]


@pytest.mark.parametrize(("name", "args"), PAGES, ids=[p[0] for p in PAGES])
def test_pages_cost_a_fixed_number_of_queries(
    owner_client, org, owner, plan, name, args, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(org, owner, plan, 2, "a")
    with CaptureQueriesContext(connection) as small:
        assert owner_client.get(url(org, name, *args)).status_code == 200
    _grow(org, owner, plan, 12, "b")
    with django_assert_num_queries(len(small.captured_queries)):
        assert owner_client.get(url(org, name, *args)).status_code == 200
