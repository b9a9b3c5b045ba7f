"""Pages cost a fixed number of queries whatever the organisation's size.

A generated M organisation (1,000 positions, 40,000 responsibilities, 5,000
employees) must cost no more queries per page than the demo company (28 positions),
each page stays within its budget, and the snapshot costs the same number of
queries for S and M.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from remit.accounts import actions as account_actions
from remit.org import snapshot
from remit.org.actions.demo import demo_load
from remit.org.actions.orgfile import orgfile_import
from remit.orgfile.generate import generate

BUDGET = {
    "position page": 32,
    "job description": 48,
    "organisation chart": 24,
    "positions list": 12,
}


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _org_from(snap, slug, owner):
    org = account_actions.org_create(name=snap.name, slug=slug, owner=owner)
    orgfile_import(org=org, snapshot=snap, actor=None)
    return org


@pytest.mark.slow
def test_pages_and_snapshot_cost_the_same_queries_at_any_size(client, owner):
    demo, _ = demo_load(lang="en", owner=owner)
    big_snap = generate("M", 1)
    big = _org_from(big_snap, "gen-m", owner)
    small = _org_from(generate("S", 1), "gen-s", owner)
    client.force_login(owner)

    # A position with all four steps filled, in each organisation.
    def full_position(org_snap):
        return next(
            p.key
            for p in org_snap.positions.values()
            if p.result_areas and not p.purpose.is_empty and p.reports_to
        )

    demo_key = "FIN-MGR"
    big_key = full_position(big_snap)
    pages = {
        "position page": ("/o/{slug}/duties/{key}/",),
        "job description": ("/o/{slug}/duties/{key}/jd/",),
        "organisation chart": ("/o/{slug}/people/chart/",),
        "positions list": ("/o/{slug}/duties/",),
    }
    for name, (pattern,) in pages.items():
        on_demo = _count(client, pattern.format(slug=demo.slug, key=demo_key))
        on_big = _count(client, pattern.format(slug=big.slug, key=big_key))
        # Prefetches skip their query when a position has nothing to fetch, so the
        # counts may differ by the empty parts; they must never grow with the size.
        assert on_big <= on_demo <= BUDGET[name], f"{name}: {on_demo} on the demo, {on_big} on M"

    with CaptureQueriesContext(connection) as s_ctx:
        snapshot.load(small)
    with CaptureQueriesContext(connection) as m_ctx:
        snapshot.load(big)
    assert len(s_ctx.captured_queries) == len(m_ctx.captured_queries) == snapshot.query_count()
