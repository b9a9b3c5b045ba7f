"""The JSON API: authentication, scoping, pagination, and its OpenAPI description."""

import json
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from remit.accounts import actions
from remit.api import api

OPENAPI_FILE = Path(__file__).resolve().parent.parent / "docs" / "api" / "openapi.json"


@pytest.fixture
def token(owner):
    _t, raw = actions.token_create(user=owner, name="test")
    return raw


def auth(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_me_with_a_token(client, owner, token):
    r = client.get("/api/v1/me", **auth(token))
    assert r.status_code == 200
    assert r.json() == {"email": "owner@example.com", "name": "Olivia Owner", "language": ""}


def test_token_in_x_api_token_header(client, token):
    assert client.get("/api/v1/me", HTTP_X_API_TOKEN=token).status_code == 200


def test_no_token_or_a_revoked_one_is_401(client, owner, token):
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", **auth("remit_not-a-token")).status_code == 401
    from remit.accounts.models import ApiToken

    actions.token_revoke(token=ApiToken.objects.get(user=owner), actor=owner)
    assert client.get("/api/v1/me", **auth(token)).status_code == 401


def test_session_works_for_reads(owner_client):
    assert owner_client.get("/api/v1/me").status_code == 200


def test_orgs_lists_only_mine_paginated(client, owner, org, make_org, token):
    for i in range(3):
        make_org(f"Mine {i}", owner=owner)
    make_org("Not mine")
    r = client.get("/api/v1/orgs", **auth(token)).json()
    assert r["count"] == 4
    assert {o["name"] for o in r["items"]} == {"Acme Kitchens", "Mine 0", "Mine 1", "Mine 2"}
    assert all(o["role"] == "owner" for o in r["items"])


def test_memberships_paginate_by_fifty(client, org, make_user, member_of, token):
    for _ in range(55):
        member_of(make_user(), org, "viewer")
    first = client.get(f"/api/v1/o/{org.slug}/memberships", **auth(token)).json()
    assert first["count"] == 56
    assert len(first["items"]) == 50
    second = client.get(f"/api/v1/o/{org.slug}/memberships?page=2", **auth(token)).json()
    assert len(second["items"]) == 6
    emails = {m["email"] for m in first["items"]} | {m["email"] for m in second["items"]}
    assert len(emails) == 56


def test_memberships_cost_a_constant_number_of_queries(
    client, org, make_user, member_of, token, django_assert_max_num_queries
):
    for _ in range(30):
        member_of(make_user(), org, "viewer")
    with django_assert_max_num_queries(6):
        client.get(f"/api/v1/o/{org.slug}/memberships", **auth(token))


def test_openapi_description_is_committed_and_current():
    """docs/api/openapi.json is the reviewed description; `make openapi` refreshes it."""
    generated = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    committed = json.loads(OPENAPI_FILE.read_text())
    assert generated == committed, "The API changed: run `make openapi` and commit the result."


def _api_routes() -> set[str]:
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    routes = set()
    for route in walk(get_resolver().url_patterns):
        if route.startswith("api/v1/") and route not in {
            "api/v1/",
            "api/v1/openapi.json",
            "api/v1/docs",
        }:
            routes.add("/" + route.replace("<org_slug>", "{org_slug}").rstrip("/"))
    return routes


def test_openapi_paths_and_routes_agree():
    import re

    described = set()
    for path in json.loads(OPENAPI_FILE.read_text())["paths"]:
        described.add(path.rstrip("/"))
    routed = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r) for r in _api_routes()}
    assert described == routed


def test_api_docs_page_is_served(owner_client):
    r = owner_client.get("/api/v1/docs")
    assert r.status_code == 200
    assert "swagger" in r.content.decode().lower()


def test_malformed_requests_answer_with_every_problem_and_its_field(client, org, token):
    r = client.post(
        f"/api/v1/o/{org.slug}/departments",
        data={"name": 5, "function": []},
        content_type="application/json",
        **auth(token),
    )
    assert r.status_code == 422
    fields = {d["field"] for d in r.json()["detail"]}
    assert {"name", "function"} <= fields
    assert all(d["message"] for d in r.json()["detail"])
