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
