"""No request can read or write another organisation's rows.

The test walks every URL pattern under /o/<org_slug>/ and every API operation
with an {org_slug} parameter, fills their other parameters with rows of a
*foreign* organisation, and proves that a member of another organisation gets
404 — for GET and POST alike. A new URL or API operation is covered
automatically; one whose parameter the foreign fixture cannot fill fails the
test with a message saying what to add.
"""

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from remit.accounts import actions
from remit.accounts.models import AuditEvent, Invitation, Membership
from remit.api import api
from remit.org.models import JobDescriptionExport

ORG_PREFIX = "o/<slug:org_slug>/"


def walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, object]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), f"{namespace}{p.name}", p


def org_url_patterns() -> list[tuple[str, str, object]]:
    return [w for w in walk(get_resolver().url_patterns) if w[0].startswith(ORG_PREFIX)]


def fill(route: str, values: dict[str, object]) -> str:
    """Turn a route such as 'o/<slug:org_slug>/members/<int:membership_id>/' into a path."""
    import re

    def sub(m: re.Match) -> str:
        name = m.group(2)
        if name not in values:
            pytest.fail(
                f"URL parameter <{name}> of {route!r} has no foreign value: add one to the "
                "`foreign` fixture in tests/test_cross_org.py"
            )
        return str(values[name])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", sub, route)


@pytest.fixture
def foreign(make_org, make_user, settings, tmp_path):
    """Organisation B with one row of every kind, and the values that name them."""
    b_owner = make_user("b-owner@example.com")
    b = make_org("Beta Foreign Ltd", owner=b_owner, slug="beta-foreign")
    b_member = actions.membership_add(
        org=b, user=make_user("b-member@example.com"), role="member", actor=b_owner
    )
    inv, _raw = actions.invitation_create(
        org=b, email="b-invitee@example.com", role="member", invited_by=b_owner
    )
    event = AuditEvent.objects.filter(org=b, entity_type="membership").first()
    # One row of every kind. Rows that URLs name by `key` share the key "B-ROW", so a view
    # that forgot to filter by organisation would find B's row and fail the test.
    from remit.org.actions import duties as duty_actions
    from remit.org.actions import people as people_actions

    dept = people_actions.department_create(org=b, actor=b_owner, name="B dept", key="B-ROW")
    pos = people_actions.position_create(
        org=b, actor=b_owner, title="B post", key="B-ROW", department=dept
    )
    area = duty_actions.result_area_create(position=pos, actor=b_owner, title="B area")
    target = duty_actions.target_create(area=area, actor=b_owner, statement="B target")
    resp = duty_actions.responsibility_create(target=target, actor=b_owner, statement="Do B things")
    duty_actions.jd_submit(position=pos, actor=b_owner)
    version = duty_actions.jd_approve(position=pos, actor=b_owner, content={"x": 1})
    export = JobDescriptionExport.objects.create(
        org=b, requested_by=b_owner, format="md", language="en", status="done"
    )
    # An upload waiting between the steps of B's table import (files under DATA_DIR).
    from remit.org.actions import imports as import_actions

    settings.DATA_DIR = tmp_path
    upload_token = import_actions.upload_save(
        org=b, actor=b_owner, kind="positions", name="b.csv", chunks=[b"title\nB post\n"]
    )
    # A2: an objective keyed like B's other rows, with one measurement.
    import datetime as dt

    from remit.org.actions import strategy as strategy_actions

    b_objective = strategy_actions.objective_create(
        org=b, actor=b_owner, title="B objective", key="B-ROW", owner=pos, target=10
    )
    b_measurement = strategy_actions.measurement_add(
        objective=b_objective, actor=b_owner, date=dt.date(2025, 1, 31), value=1
    )
    # A7 planning: a stage with a staffing line, a skill required and assessed, all keyed
    # "B-ROW" like B's other rows (the employee too, unless another block made it already).
    from remit.org.actions import people_staffing as staffing_actions
    from remit.org.models import Employee

    b_stage = staffing_actions.stage_create(org=b, actor=b_owner, name="B stage", key="B-ROW")
    b_line = staffing_actions.staffing_line_create(
        stage=b_stage, actor=b_owner, position=pos, headcount=2
    )
    b_skill = staffing_actions.skill_create(org=b, actor=b_owner, name="B skill", key="B-ROW")
    staffing_actions.position_skill_set(position=pos, actor=b_owner, skill=b_skill, level=3)
    b_employee = Employee.objects.filter(org=b, key="B-ROW").first() or Employee.objects.create(
        org=b, key="B-ROW", name="B employee"
    )
    staffing_actions.employee_skill_set(employee=b_employee, actor=b_owner, skill=b_skill, level=2)
    # A7 employees and their lifecycle: B's employee B-ROW in B's post, an opening B-ROW with
    # a candidate, and a handover B-ROW with its items (keys B-ROW-1 …).
    import datetime

    from remit.org.actions import people_employees as employee_actions
    from remit.org.models import Employee as BEmployee

    b_person = BEmployee.objects.filter(
        org=b, key="B-ROW"
    ).first() or employee_actions.employee_create(
        org=b, actor=b_owner, name="B employee", key="B-ROW"
    )
    b_job = employee_actions.assignment_create(
        employee=b_person, actor=b_owner, position=pos, start=datetime.date(2024, 1, 1)
    )
    b_opening = employee_actions.opening_create(
        org=b, actor=b_owner, position=pos, opened_on=datetime.date(2025, 1, 1), key="B-ROW"
    )
    b_candidate = employee_actions.candidate_create(
        opening=b_opening, actor=b_owner, name="B candidate"
    )
    b_handover = employee_actions.handover_generate(
        employee=b_person,
        position=pos,
        reason="rotation",
        last_day=datetime.date(2025, 6, 30),
        actor=b_owner,
        key="B-ROW",
    )
    b_item = b_handover.items.order_by("order").first()
    # A3 plan and A4 resources: a plan item, a resource, a need and an acquisition, each
    # keyed "B-ROW", and a second plan item B-ROW waits for (the `dep_key` of the URLs).
    from remit.org.actions import plan as plan_actions
    from remit.org.actions import resources as resource_actions

    b_first = plan_actions.plan_item_create(org=b, actor=b_owner, title="B first", key="B-DEP")
    b_plan_item = plan_actions.plan_item_create(
        org=b, actor=b_owner, title="B task", key="B-ROW", owner=pos, depends_on=[b_first]
    )
    b_resource = resource_actions.resource_create(org=b, actor=b_owner, name="B cash", key="B-ROW")
    b_need = resource_actions.need_create(
        org=b, actor=b_owner, plan_item=b_plan_item, resource=b_resource, key="B-ROW", quantity=1
    )
    resource_actions.acquisition_create(org=b, actor=b_owner, need=b_need, key="B-ROW")
    # A5 finance, A6 relations, A8 control and A9 methods: one register row each, "B-ROW".
    from remit.org import models as m

    m.Relation.objects.create(org=b, key="B-ROW", name="B party", kind="supplier")
    b_risk = m.Risk.objects.create(org=b, key="B-ROW", title="B risk")
    m.Control.objects.create(org=b, key="B-ROW", title="B control")
    m.ContingencyPlan.objects.create(org=b, key="B-ROW", title="B plan", risk=b_risk)
    b_sop = m.Procedure.objects.create(org=b, key="B-ROW", title="B SOP")
    m.Lesson.objects.create(org=b, key="B-ROW", date=datetime.date(2025, 1, 1), lesson="B")
    m.TrainingRecord.objects.create(
        org=b, key="B-ROW", employee=b_person, procedure=b_sop, date=datetime.date(2025, 1, 2)
    )
    m.FinanceLine.objects.create(
        org=b, key="B-ROW", period=datetime.date(2025, 1, 1), category="B", kind="cost"
    )
    return {
        "org": b,
        "values": {
            # A3: the plan item B-ROW waits for.
            "dep_key": b_first.key,
            # A7 employees: B's assignment, candidate and handover item.
            "assignment_key": b_job.key,
            "candidate_key": b_candidate.key,
            "item_key": b_item.key,
            "measurement_key": b_measurement.key,
            "org_slug": b.slug,
            "membership_id": b_member.pk,
            "invitation_id": inv.pk,
            "entity_type": event.entity_type,
            "entity_id": event.entity_id,
            "key": pos.key,
            "area_key": area.key,
            "target_key": target.key,
            "resp_key": resp.key,
            "version": version.version,
            "fmt": "md",
            "export_id": export.pk,
            "token": upload_token,
            # The responsibility library is global reference data, not B's: no organisation
            # owns an occupation. A code that exists nowhere still proves both addresses 404.
            "occupation_code": "99-9999.99",
            # A7 planning: B's staffing line (of stage B-ROW) and skill B-ROW.
            "line_key": b_line.key,
            "skill_key": b_skill.key,
        },
    }


@pytest.fixture
def outsider(make_org, make_user):
    """An owner of organisation A (the most powerful role), not a member of B."""
    user = make_user("a-owner@example.com")
    a = make_org("Alpha Home Ltd", owner=user, slug="alpha-home")
    return user, a


def test_every_org_view_is_org_scoped():
    missing = [
        name
        for route, name, p in org_url_patterns()
        if not getattr(p.callback, "org_scoped", False)
        and not getattr(getattr(p.callback, "view_class", None), "org_scoped", False)
    ]
    assert not missing, f"views under /o/<slug>/ without org_member_required: {missing}"


def test_walker_finds_the_org_urls():
    names = {name for _r, name, _p in org_url_patterns()}
    assert {"org:home", "org:members", "org:member_role", "org:entity_history"} <= names


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_of_another_org_gets_404_everywhere(client, foreign, outsider, method):
    user, a = outsider
    client.force_login(user)
    checked = 0
    failures = []
    for route, name, _p in org_url_patterns():
        values = dict(foreign["values"])
        # 1. B's address: A's owner is not a member of B.
        paths = [fill(route, values)]
        # 2. A's address naming B's rows: the rows must not be found in A.
        if set(values) & {k for k in values if k != "org_slug"} and route.count("<") > 1:
            paths.append(fill(route, {**values, "org_slug": a.slug}))
        for i, path in enumerate(paths):
            response = getattr(client, method)(path)
            checked += 1
            if response.status_code == 405 and i == 1:
                # A POST-only address answers 405 to GET before looking anything up;
                # that is fine only if a row that exists nowhere gets the same answer.
                nowhere = {k: (987654321 if isinstance(v, int) else v) for k, v in values.items()}
                probe = getattr(client, method)(fill(route, {**nowhere, "org_slug": a.slug}))
                if probe.status_code == 405:
                    continue
            if response.status_code != 404:
                failures.append(f"{method.upper()} {path} ({name}) -> {response.status_code}")
    assert not failures, "\n".join(failures)
    assert checked >= len(org_url_patterns())
    # Nothing of B was changed by all those POSTs.
    assert Membership.objects.filter(org=foreign["org"]).count() == 2
    assert Invitation.objects.filter(org=foreign["org"]).count() == 1


def api_operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    ops = []
    for path, methods in schema["paths"].items():
        for method in methods:
            ops.append((method, path))
    return ops


def test_every_api_operation_with_an_org_is_covered_and_404s_for_outsiders(
    client, foreign, outsider
):
    user, _a = outsider
    _token, raw = actions.token_create(user=user, name="cross-org test")
    scoped = [(m, p) for m, p in api_operations() if "{org_slug}" in p]
    assert scoped, "no organisation-scoped API operations found"
    failures = []
    values = foreign["values"]
    for method, path in scoped:
        import re

        def sub(m: re.Match, path=path) -> str:
            name = m.group(1)
            if name not in values:
                pytest.fail(f"API parameter {{{name}}} of {path} has no foreign value")
            return str(values[name])

        url = re.sub(r"\{(\w+)\}", sub, path)
        response = client.generic(
            method.upper(),
            url,
            data=b"{}",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        if response.status_code != 404:
            failures.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)
