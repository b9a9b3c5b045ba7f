"""Employees and their lifecycle: the actions, the pages, "my job" and handovers."""

import datetime as dt
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from remit.accounts.models import AuditEvent, Organization
from remit.analysis import checks
from remit.org import snapshot
from remit.org.actions import imports
from remit.org.actions import people as people_actions
from remit.org.actions import people_employees as actions
from remit.org.actions.orgfile import orgfile_import
from remit.org.models import (
    Assignment,
    Candidate,
    Employee,
    EmployeeSkill,
    Handover,
    HandoverItem,
    Opening,
    PersonnelEvent,
    Position,
    Procedure,
    Skill,
    TrainingRecord,
)
from remit.orgfile import tables

D = dt.date
TODAY = dt.date.today()


@pytest.fixture
def company(org, small):
    """The small organisation of tests/org/conftest.py: Ada (E1) is the finance manager
    (a post that requires a confidentiality agreement; hers expired), Bo (E2) holds none."""
    orgfile_import(org=org, snapshot=small, actor=None)
    return org


def emp(org, key) -> Employee:
    return Employee.objects.get(org=org, key=key)


def pos(org, key) -> Position:
    return Position.objects.get(org=org, key=key)


def url(org, name, *args):
    return reverse(f"org:{name}", args=[org.slug, *args])


def jobs(employee) -> list[tuple]:
    return list(
        employee.assignments.order_by("start", "id").values_list(
            "position__key", "start", "end", "primary"
        )
    )


def findings(org, code) -> list[checks.Finding]:
    return checks.run(snapshot.load(org), checks.Context(today=TODAY), codes={code})


# --- hire ---------------------------------------------------------------------------------------


def test_a_hire_creates_the_employee_their_assignment_and_the_event(company, owner):
    e = actions.employee_hire(
        org=company,
        actor=owner,
        name="Cy Dunne",
        position=pos(company, "CEO"),
        on=D(2026, 12, 1),
        email="cy@example.com",
    )
    assert e.key == "E3"  # the organisation's numbering (E1, E2 …) goes on
    assert (e.hired_on, e.status) == (D(2026, 12, 1), "active")
    assert jobs(e) == [("CEO", D(2026, 12, 1), None, True)]
    assert list(e.events.values_list("kind", "date", "position__key")) == [
        ("hire", D(2026, 12, 1), "CEO")
    ]
    recorded = Counter(
        AuditEvent.objects.filter(org=company, entity_type__in=["employee", "assignment"])
        .filter(entity_key__startswith="E3")
        .values_list("entity_type", flat=True)
    )
    assert recorded == Counter(employee=1, assignment=1)


def test_a_hire_from_an_opening_fills_it_and_marks_the_candidate_hired(company, owner):
    opening = actions.opening_create(
        org=company, actor=owner, position=pos(company, "CEO"), opened_on=D(2026, 9, 1)
    )
    assert opening.key == "OPEN-CEO-2026"
    other = actions.candidate_create(opening=opening, actor=owner, name="Dee")
    cand = actions.candidate_create(
        opening=opening, actor=owner, name="Eve Lane", email="eve@example.com", stage="offer"
    )
    e = actions.employee_hire(org=company, actor=owner, candidate=cand, on=D(2026, 12, 1))
    opening.refresh_from_db()
    cand.refresh_from_db()
    assert (e.name, e.email) == ("Eve Lane", "eve@example.com")
    assert (opening.status, opening.hired_id, cand.stage) == ("filled", e.pk, "hired")
    assert list(e.events.order_by("date").values_list("kind", "date")) == [
        ("recruitment", D(2026, 9, 1)),
        ("hire", D(2026, 12, 1)),
    ]
    # A filled opening hires no one else.
    with pytest.raises(ValidationError, match="not open"):
        actions.employee_hire(org=company, actor=owner, candidate=other, on=D(2026, 12, 2))


def test_a_hire_is_refused_whole_when_anything_is_wrong(company, owner, make_org):
    elsewhere = make_org("Other Ltd", slug="other")
    foreign = people_actions.position_create(org=elsewhere, actor=owner, title="Spy", key="SPY")
    archived = people_actions.position_create(
        org=company, actor=owner, title="Old post", key="OLD", status="archived"
    )
    before = Employee.objects.count(), Assignment.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        actions.employee_hire(org=company, actor=owner, name="X", position=foreign, on=TODAY)
    assert "position" in exc.value.message_dict
    with pytest.raises(ValidationError, match="archived"):
        actions.employee_hire(org=company, actor=owner, name="X", position=archived, on=TODAY)
    with pytest.raises(ValidationError) as exc:
        actions.employee_hire(
            org=company, actor=owner, name=" ", position=pos(company, "CEO"), on=TODAY
        )
    assert exc.value.message_dict == {"name": ["Give the new employee's name."]}
    after = Employee.objects.count(), Assignment.objects.count(), AuditEvent.objects.count()
    assert after == before


# --- promotion, rotation ------------------------------------------------------------------------


def test_a_promotion_moves_the_primary_assignment_and_generates_the_handover(company, owner):
    Handover.objects.filter(key="H1").delete()
    ada = emp(company, "E1")
    actions.assignment_create(
        employee=ada, actor=owner, position=pos(company, "CEO"), start=D(2026, 1, 1), primary=False
    )
    event = actions.employee_promote(
        employee=ada, to_position=pos(company, "CEO"), on=D(2026, 12, 1), actor=owner
    )
    assert (event.kind, event.position.key, event.to_position.key) == (
        "promotion",
        "FIN-MGR",
        "CEO",
    )
    assert jobs(ada) == [
        ("FIN-MGR", D(2020, 1, 1), D(2026, 11, 30), True),
        ("CEO", D(2026, 1, 1), D(2026, 11, 30), False),  # acting there until now
        ("CEO", D(2026, 12, 1), None, True),
    ]
    h = Handover.objects.get(employee=ada, reason="promotion")
    assert (h.position.key, h.due_on) == ("FIN-MGR", D(2026, 12, 1))
    # Everything FIN-MGR owns, and its responsibility (Ada was its only holder).
    assert sorted(h.items.values_list("kind", "ref")) == [
        ("acquisition", "A1"),
        ("control", "K1"),
        ("procedure", "SOP-BUD"),
        ("relation", "BANK"),
        ("resource", "CASH"),
        ("responsibility", "FIN-MGR-1-1-1"),
    ]
    assert (
        AuditEvent.objects.filter(org=company, entity_type="handoveritem", actor=owner).count() == 6
    )


def test_a_move_is_refused_when_it_makes_no_sense(company, owner):
    ada, bo = emp(company, "E1"), emp(company, "E2")
    fin = pos(company, "FIN-MGR")
    with pytest.raises(ValidationError, match="already holds this position"):
        actions.employee_rotate(employee=ada, to_position=fin, on=TODAY, actor=owner)
    with pytest.raises(ValidationError, match="no primary position the day before 2020-01-01"):
        actions.employee_rotate(
            employee=ada, to_position=pos(company, "CEO"), on=D(2020, 1, 1), actor=owner
        )
    with pytest.raises(ValidationError, match="holds no primary position"):
        actions.employee_promote(employee=bo, to_position=fin, on=TODAY, actor=owner)
    assert jobs(ada) == [("FIN-MGR", D(2020, 1, 1), None, True)]


def test_a_rotation_without_a_handover_or_with_one_already_started(company, owner):
    ada = emp(company, "E1")
    actions.employee_rotate(
        employee=ada, to_position=pos(company, "CEO"), on=D(2026, 7, 1), actor=owner, handover=False
    )
    assert jobs(ada)[-1] == ("CEO", D(2026, 7, 1), None, True)
    assert list(Handover.objects.filter(employee=ada).values_list("key", flat=True)) == ["H1"]
    # H1 (made while she held FIN-MGR) is that post's handover: a move does not repeat it.
    bo = emp(company, "E2")
    actions.assignment_create(
        employee=bo, actor=owner, position=pos(company, "FIN-MGR"), start=D(2026, 7, 1)
    )
    actions.employee_rotate(
        employee=ada, to_position=pos(company, "FIN-MGR"), on=D(2026, 8, 1), actor=owner
    )
    assert Handover.objects.get(employee=ada, position__key="CEO").items.count() == 3


def test_no_handover_when_the_post_owns_nothing_and_a_colleague_stays(company, owner):
    clerk = people_actions.position_create(org=company, actor=owner, title="Clerk", key="CLK")
    for name in ("Kim", "Lou"):
        actions.employee_hire(org=company, actor=owner, name=name, position=clerk, on=D(2025, 1, 1))
    kim = Employee.objects.get(org=company, name="Kim")
    actions.employee_rotate(employee=kim, to_position=pos(company, "CEO"), on=TODAY, actor=owner)
    assert not Handover.objects.filter(employee=kim).exists()
    assert jobs(kim)[-1] == ("CEO", TODAY, None, True)


# --- training, confidentiality -------------------------------------------------------------------


def test_a_training_records_the_sop_and_the_skill_level(company, owner):
    ada = emp(company, "E1")
    sop = Procedure.objects.get(org=company, key="SOP-BUD")
    acc = Skill.objects.get(org=company, key="ACC")
    actions.employee_train(
        employee=ada,
        on=D(2026, 11, 2),
        actor=owner,
        procedure=sop,
        skill=acc,
        level=4,
        score=88,
        passed=True,
    )
    record = TrainingRecord.objects.get(org=company, employee=ada, date=D(2026, 11, 2))
    assert (record.procedure_id, record.score, record.passed) == (sop.pk, 88, True)
    skill = EmployeeSkill.objects.get(employee=ada, skill=acc)
    assert (skill.level, skill.assessed_on) == (4, D(2026, 11, 2))  # updated, not doubled
    assert ada.events.filter(kind="training", procedure=sop).count() == 1
    with pytest.raises(ValidationError) as exc:
        actions.employee_train(employee=ada, on=TODAY, actor=owner, skill=acc)
    assert set(exc.value.message_dict) == {"level"}
    with pytest.raises(ValidationError) as exc:
        actions.employee_train(employee=ada, on=TODAY, actor=owner, score=50)
    assert set(exc.value.message_dict) == {"procedure", "score"}


def test_a_renewed_agreement_clears_the_finding(company, owner):
    assert [f.entities for f in findings(company, "confidentiality-agreement")] == [
        ["E1", "FIN-MGR"]
    ]
    ada = emp(company, "E1")
    with pytest.raises(ValidationError, match="after the signing"):
        actions.employee_sign_confidentiality(employee=ada, on=TODAY, expires_on=TODAY, actor=owner)
    actions.employee_sign_confidentiality(
        employee=ada, on=TODAY, expires_on=TODAY + dt.timedelta(days=3 * 365), actor=owner
    )
    assert findings(company, "confidentiality-agreement") == []


# --- leaving -----------------------------------------------------------------------------------


def test_a_resignation_ends_every_assignment_and_generates_the_handovers(company, owner):
    ada = emp(company, "E1")
    Handover.objects.filter(key="H1").delete()
    actions.assignment_create(
        employee=ada, actor=owner, position=pos(company, "CEO"), start=D(2026, 1, 1), primary=False
    )
    last = TODAY + dt.timedelta(days=30)
    event, handovers = actions.employee_leave(
        employee=ada, last_day=last, actor=owner, note="Moving abroad"
    )
    ada.refresh_from_db()
    assert (ada.status, ada.left_on) == ("left", last)
    assert (event.kind, event.date, event.position.key) == ("resignation", TODAY, "FIN-MGR")
    assert {a[2] for a in jobs(ada)} == {last}
    assert [h.position.key for h in handovers] == ["FIN-MGR", "CEO"]
    ceo_items = list(handovers[1].items.values_list("kind", "ref"))
    # The CEO post has a sole other holder? No: Ada alone acts there, so its duties and
    # what it owns (an objective, a problem) are handed over; T1 is assigned to Bo.
    assert ("objective", "OBJ-SALES") in ceo_items
    assert ("problem", "PR1") in ceo_items
    assert all(h.due_on == last for h in handovers)
    with pytest.raises(ValidationError, match="left already"):
        actions.employee_leave(employee=ada, last_day=last, actor=owner)
    # The rule sees the unfinished handovers; completing them quiets it.
    assert {f.entities[0] for f in findings(company, "handover-unfinished")} == {
        h.key for h in handovers
    }
    bo = emp(company, "E2")
    for h in handovers:
        actions.handover_assign(handover=h, successor=bo, actor=owner)
        for item in h.items.all():
            actions.handover_item_update(item=item, actor=owner, done=True)
    assert findings(company, "handover-unfinished") == []


def test_leaving_carries_on_with_a_handover_already_started(company, owner):
    ada = emp(company, "E1")
    _event, handovers = actions.employee_leave(employee=ada, last_day=TODAY, actor=owner)
    assert [h.key for h in handovers] == ["H1"]  # unfinished, made while she held the post
    assert Handover.objects.filter(employee=ada).count() == 1


def test_handover_items_need_a_successor_of_the_same_organisation(company, owner, make_org):
    h = Handover.objects.get(org=company, key="H1")
    item = h.items.get()
    ada = emp(company, "E1")
    actions.handover_item_update(item=item, actor=owner, successor=None)
    with pytest.raises(ValidationError, match="before marking it done"):
        actions.handover_item_update(item=item, actor=owner, done=True)
    stranger = actions.employee_create(org=make_org("Other", slug="other"), actor=owner, name="Z")
    with pytest.raises(ValidationError) as exc:
        actions.handover_item_update(item=item, actor=owner, successor=stranger)
    assert "successor" in exc.value.message_dict
    # A rotation's mover may keep an item; a leaver may not.
    actions.handover_item_update(item=item, actor=owner, successor=ada)
    h.reason = "resignation"
    h.save()
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="own work"):
        actions.handover_item_update(item=item, actor=owner, successor=ada)
    added = actions.handover_item_create(handover=h, actor=owner, description="Safe combination")
    assert (added.key, added.kind, added.order) == ("H1-2", "other", 1)


def test_assignments_cannot_overlap_as_primary(company, owner):
    ada = emp(company, "E1")
    with pytest.raises(ValidationError) as exc:
        actions.assignment_create(
            employee=ada, actor=owner, position=pos(company, "CEO"), start=D(2024, 1, 1)
        )
    assert "primary" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.assignment_create(
            employee=ada,
            actor=owner,
            position=pos(company, "FIN-MGR"),
            start=D(2024, 1, 1),
            primary=False,
        )
    assert "start" in exc.value.message_dict


def test_candidates_are_hired_only_by_a_hire_and_openings_filled_only_by_one(company, owner):
    opening = actions.opening_create(
        org=company, actor=owner, position=pos(company, "CEO"), opened_on=D(2026, 9, 1)
    )
    c = actions.candidate_create(opening=opening, actor=owner, name="Fay")
    with pytest.raises(ValidationError, match="hire form"):
        actions.candidate_update(candidate=c, actor=owner, stage="hired")
    with pytest.raises(ValidationError, match="hiring one of its candidates"):
        actions.opening_update(opening=opening, actor=owner, status="filled")
    with pytest.raises(ValidationError, match="comes before"):
        actions.opening_update(opening=opening, actor=owner, needed_by=D(2026, 1, 1))
    actions.candidate_update(candidate=c, actor=owner, stage="interview")
    assert Candidate.objects.get(pk=c.pk).stage == "interview"


# --- pages -------------------------------------------------------------------------------------


@pytest.fixture
def member(client, company, make_user, member_of):
    """Ada's own login, as a plain member."""
    user = make_user("ada@example.com")
    member_of(user, company, "member")
    client.force_login(user)
    return client


def test_the_employees_list_shows_personal_data_only_to_those_who_may(
    owner_client, company, client, make_user, member_of
):
    page = owner_client.get(url(company, "employees")).content.decode()
    assert "Ada Li" in page and "ada@example.com" in page
    assert url(company, "position", "FIN-MGR") in page
    viewer = make_user("viewer@example.com")
    member_of(viewer, company, "viewer")
    client.force_login(viewer)
    page = client.get(url(company, "employees")).content.decode()
    assert "Ada Li" in page and "ada@example.com" not in page
    Organization.objects.filter(pk=company.pk).update(personal_data_open=True)
    assert "ada@example.com" in client.get(url(company, "employees")).content.decode()


def test_an_employee_page_hides_personal_data_but_not_from_the_employee(
    company, member, client, make_user, member_of
):
    own = member.get(url(company, "employee", "E1")).content.decode()
    assert "Personal data" in own and "2020-01-01" in own  # her own record
    assert "expired on 2025-01-01" in own  # the agreement her post requires
    other = member.get(url(company, "employee", "E2")).content.decode()
    assert "Personal data" not in other and "Record an event" not in other


@pytest.mark.parametrize(
    "name", ["employees", "employee", "handovers", "handover", "my_job", "opening_detail"]
)
def test_pages_cost_constant_queries(
    name, company, owner, member, django_assert_num_queries, django_assert_max_num_queries
):
    opening = actions.opening_create(
        org=company, actor=owner, position=pos(company, "CEO"), opened_on=D(2026, 9, 1)
    )
    args = {"employee": ["E1"], "handover": ["H1"], "opening_detail": [opening.key]}.get(name, [])
    ada, h = emp(company, "E1"), Handover.objects.get(key="H1")

    def grow(n):
        for i in range(n):
            e = actions.employee_hire(
                org=company, actor=owner, name=f"Clerk {i}", position=pos(company, "CEO"), on=TODAY
            )
            actions.employee_sign_confidentiality(employee=ada, on=TODAY, actor=owner)
            actions.handover_item_create(handover=h, actor=owner, description=f"x{i}", successor=e)
            actions.candidate_create(opening=opening, actor=owner, name=f"C{i}")
            actions.handover_generate(
                employee=e,
                position=pos(company, "CEO"),
                reason="rotation",
                last_day=TODAY,
                actor=owner,
            )

    grow(2)
    member.get(url(company, name, *args))  # warm the session and the caches
    with django_assert_max_num_queries(100) as ctx:
        assert member.get(url(company, name, *args)).status_code == 200
    few = len(ctx.captured_queries)
    grow(5)
    with django_assert_num_queries(few):
        member.get(url(company, name, *args))


def test_record_a_promotion_through_the_form(owner_client, company):
    r = owner_client.post(
        url(company, "employee_promote", "E1"),
        {"to_position": pos(company, "CEO").pk, "on": "2026-12-01", "handover": "on"},
    )
    assert r.status_code == 302 and r["Location"] == url(company, "employee", "E1")
    assert jobs(emp(company, "E1"))[-1] == ("CEO", D(2026, 12, 1), None, True)


def test_record_a_resignation_and_land_on_its_handover(owner_client, company):
    Handover.objects.filter(key="H1").delete()
    r = owner_client.post(
        url(company, "employee_leave", "E1"),
        {"kind": "resignation", "on": TODAY.isoformat(), "last_day": "2027-01-31"},
    )
    h = Handover.objects.get(org=company, employee__key="E1")
    assert r["Location"] == url(company, "handover", h.key)
    page = owner_client.get(r["Location"]).content.decode()
    assert "Handover of Finance manager" in page
    assert "Budget" in page  # the relation's, resource's … items are listed


def test_a_manager_acts_only_in_their_departments(client, company, make_user, member_of, owner):
    fin_boss = make_user("boss@example.com")
    member_of(fin_boss, company, "manager")
    actions.employee_hire(
        org=company,
        actor=owner,
        name="Boss",
        position=pos(company, "CEO"),
        on=D(2025, 1, 1),
        user_email="boss@example.com",
    )
    # The CEO post sits in GM, above FIN: its holder manages both subtrees.
    client.force_login(fin_boss)
    assert client.get(url(company, "employee_train", "E1")).status_code == 200
    people_actions.department_create(org=company, actor=owner, name="Sales", key="SAL")
    sal = people_actions.position_create(
        org=company, actor=owner, title="Seller", key="SAL-1", department=None
    )
    seller = actions.employee_hire(org=company, actor=owner, name="S", position=sal, on=TODAY)
    assert client.get(url(company, "employee_train", seller.key)).status_code == 403
    member = make_user("m@example.com")
    member_of(member, company, "member")
    client.force_login(member)
    assert client.get(url(company, "employee_train", "E1")).status_code == 403
    assert client.get(url(company, "employee_hire")).status_code == 403


def test_complete_a_handover_item_inline(owner_client, company):
    item = HandoverItem.objects.get(key="H1-1")
    r = owner_client.post(
        url(company, "handover_item_update", "H1", "H1-1"),
        {"successor": "Bo Chen", "done": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200
    item.refresh_from_db()
    assert (item.successor.key, item.done) == ("E2", True)
    assert 'id="item-H1-1"' in r.content.decode()
    r = owner_client.post(
        url(company, "handover_item_update", "H1", "H1-1"), {"successor": "Nobody at all"}
    )
    assert r.status_code == 422
    assert "No employee has the key or name “Nobody at all”." in r.content.decode()


def test_the_successor_ticks_their_own_items_and_nothing_else(
    company, owner, client, make_user, member_of
):
    bo_user = make_user("bo@example.com")
    member_of(bo_user, company, "member")
    actions.employee_update(employee=emp(company, "E2"), actor=owner, user_email="bo@example.com")
    client.force_login(bo_user)
    item = url(company, "handover_item_update", "H1", "H1-1")
    assert client.post(item, {"done": "on", "successor": "E1"}).status_code == 302
    row = HandoverItem.objects.get(key="H1-1")
    assert (row.successor.key, row.done) == ("E2", True)  # the successor stays as it was
    actions.handover_item_update(item=row, actor=owner, successor=emp(company, "E1"), done=False)
    assert client.post(item, {"done": "on"}).status_code == 403


def test_openings_register_candidates_and_a_hire_from_the_page(owner_client, company):
    r = owner_client.post(
        url(company, "opening_create"),
        {"position": pos(company, "CEO").pk, "opened_on": "2026-10-01", "status": "open"},
    )
    opening = Opening.objects.get(org=company, opened_on=D(2026, 10, 1))
    assert r["Location"] == url(company, "opening_detail", opening.key)
    owner_client.post(
        url(company, "candidate_create", opening.key),
        {"new-name": "Gil", "new-email": "gil@example.com", "new-stage": "applied"},
    )
    cand = opening.candidates.get()
    owner_client.post(url(company, "candidate_stage", opening.key, cand.key), {"stage": "offer"})
    page = owner_client.get(url(company, "opening_detail", opening.key)).content.decode()
    assert "Gil" in page and "Offer" in page
    hire = url(company, "employee_hire") + f"?opening={opening.key}&amp;candidate={cand.key}"
    assert hire in page
    r = owner_client.post(
        url(company, "employee_hire"),
        {
            "opening": opening.key,
            "candidate": cand.key,
            "position": pos(company, "CEO").pk,
            "on": "2026-12-01",
        },
    )
    assert r.status_code == 302
    opening.refresh_from_db()
    assert (opening.status, opening.hired.name) == ("filled", "Gil")
    listing = owner_client.get(url(company, "opening_list")).content.decode()
    assert "Filled" in listing


def test_my_job_shows_the_members_positions_duties_and_what_they_own(company, member):
    page = member.get(url(company, "my_job")).content.decode()
    assert "Finance manager" in page
    assert url(company, "jd", "FIN-MGR") in page
    assert "Prepare the annual budget" in page  # a responsibility
    assert "City Bank" in page and "Budgeting" in page and "Credit check" in page
    assert "Bad debt" in page  # a risk the post owns


def test_my_job_without_an_employee_record_says_what_to_do(owner_client, company):
    page = owner_client.get(url(company, "my_job")).content.decode()
    assert "Your login is not linked to an employee record" in page
    assert "owner@example.com" in page


def test_health_links_employees_and_handovers(owner_client, company):
    page = owner_client.get(url(company, "health")).content.decode()
    assert url(company, "employee", "E1") in page
    assert url(company, "handover", "H1") in page


def test_the_employees_import_reports_every_row_and_writes_nothing(company, owner):
    text = (
        "id,name,job,from\n"
        "E7,Gus,CEO,2026-01-05\n"
        ",,CEO,2026-01-05\n"
        "E9,Hal,NO-SUCH-POST,not a date\n"
    )
    mapping = {"id": "key", "name": "name", "job": "position", "from": "start"}
    before = Employee.objects.count(), Assignment.objects.count(), AuditEvent.objects.count()
    with pytest.raises(tables.TableProblems) as exc:
        imports.table_import(
            org=company,
            actor=owner,
            kind="employees",
            rows=tables.read_table(text.encode(), "staff.csv"),
            mapping=mapping,
        )
    rows = {p.row for p in exc.value.problems}
    assert rows == {3, 4}  # both broken rows named, each with its field
    assert {p.field for p in exc.value.problems if p.row == 4} >= {"position", "start"}
    after = Employee.objects.count(), Assignment.objects.count(), AuditEvent.objects.count()
    assert after == before


def test_the_demo_events_are_shown(company, owner_client):
    PersonnelEvent.objects.filter(employee__key="E1").update(note="Signed at hire")
    page = owner_client.get(url(company, "employee", "E1")).content.decode()
    assert "Signed at hire" in page
