"""The organisation home: figures per area, the health check's count once it has run."""

from django.urls import reverse

from remit.org.actions.demo import demo_load
from remit.org.queries import health


def test_home_shows_each_areas_figures_and_the_health_count(
    owner_client, owner, django_assert_max_num_queries
):
    demo, _ = demo_load(lang="en", owner=owner)
    home = reverse("org:home", args=[demo.slug])
    with django_assert_max_num_queries(18):
        html = owner_client.get(home).content.decode()
    assert "<strong>28</strong> positions" in html
    assert "Run the health check" in html
    owner_client.get(reverse("org:health", args=[demo.slug]))
    html = owner_client.get(home).content.decode()
    n = len(health.findings(demo))
    assert n > 0
    assert f"Health check: {n} findings" in html


def test_values_card_only_for_those_who_may_read_values(client, owner, make_user, member_of):
    demo, _ = demo_load(lang="en", owner=owner)
    member = member_of(make_user(), demo, "member")
    client.force_login(member.user)
    html = client.get(reverse("org:home", args=[demo.slug])).content.decode()
    assert "values ranked" not in html
    client.force_login(owner)
    assert "values ranked" in client.get(reverse("org:home", args=[demo.slug])).content.decode()


def test_the_health_page_shows_a_hundred_findings_at_a_time(owner_client, owner):
    from remit.org.actions import people as people_actions
    from remit.org.views.health import FINDINGS_PER_PAGE

    demo, _ = demo_load(lang="en", owner=owner)
    for i in range(60):  # each new position without a purpose brings findings
        people_actions.position_create(org=demo, actor=owner, title=f"Clerk {i}")
    found = health.findings(demo)
    assert len(found) > FINDINGS_PER_PAGE
    url = reverse("org:health", args=[demo.slug])
    first = owner_client.get(url).content.decode()
    assert first.count('class="finding sev-') == FINDINGS_PER_PAGE
    assert f"{len(found)} in all" in first
    last = (len(found) - 1) // FINDINGS_PER_PAGE + 1
    rest = owner_client.get(url + f"?page={last}").content.decode()
    assert rest.count('class="finding sev-') == len(found) - (last - 1) * FINDINGS_PER_PAGE
    errors = [f for f in found if f.severity == "error"]
    filtered = owner_client.get(url + "?severity=error").content.decode()
    assert filtered.count('class="finding sev-') == min(len(errors), FINDINGS_PER_PAGE)


def test_the_org_chart_loads_the_positions_without_their_duties(owner):
    from remit.accounts.models import Membership
    from remit.org.queries import people as people_queries

    demo, _ = demo_load(lang="en", owner=owner)
    chart = people_queries.chart(Membership.objects.get(org=demo, user=owner))
    assert len(chart.snap.positions) == 28
    assert chart.shown > 0
    # The boxes need titles and holders, not the four steps: none of those are loaded.
    assert all(not p.result_areas for p in chart.snap.positions.values())
    assert chart.snap.employees  # the holders of the boxes drawn


def test_purpose_similarity_sees_a_purpose_changed_a_moment_ago(owner):
    from remit.org.actions import duties as duty_actions
    from remit.org.models import Position
    from remit.org.queries import duties as duty_queries

    demo, _ = demo_load(lang="en", owner=owner)
    fin = Position.objects.get(org=demo, key="FIN-MGR")
    other = Position.objects.get(org=demo, key="SAL-DIR")
    text = f"{other.purpose_content} {other.purpose_performance}"
    [(best, similarity), *_] = duty_queries.similar_purposes(fin, text)
    assert (best.key, similarity) == ("SAL-DIR", 1.0)
    duty_actions.purpose_update(
        position=other,
        actor=owner,
        basis=other.purpose_basis,
        content="keep the fleet of delivery vans on the road",
        performance="so that no delivery waits for a van",
    )
    found = {p.key: s for p, s in duty_queries.similar_purposes(fin, text)}
    assert found.get("SAL-DIR", 0) < 0.5  # the cached token sets followed the change
