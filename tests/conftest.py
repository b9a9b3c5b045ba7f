"""Shared fixtures for the whole suite.

Django tests run against a real SQLite database and, in the second pass of
`make test`, a real PostgreSQL one (DATABASE_URL). Nothing of our own is mocked.
"""

import os

import pytest

os.environ.setdefault(
    "REMIT_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test")
)


def pytest_configure(config):
    from django.conf import settings

    # Fast hashing and in-process tasks: the suite must run in minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached findings are keyed by ids that repeat once a test's rows are rolled back."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    from remit.accounts import actions

    counter = iter(range(1, 10_000))

    def make(email: str | None = None, *, password: str = "correct horse battery", **kw):
        email = email or f"user{next(counter)}@example.com"
        return actions.user_create(email=email, password=password, **kw)

    return make


@pytest.fixture
def make_org(db):
    from remit.accounts import actions

    def make(name: str = "Acme", *, owner=None, slug: str = "", **kw):
        return actions.org_create(name=name, owner=owner, slug=slug, **kw)

    return make


@pytest.fixture
def member_of(db):
    """Add a user to an organisation with a role."""
    from remit.accounts import actions

    def add(user, org, role="member"):
        return actions.membership_add(org=org, user=user, role=role, actor=None)

    return add


@pytest.fixture
def owner(make_user):
    return make_user("owner@example.com", name="Olivia Owner")


@pytest.fixture
def org(make_org, owner):
    return make_org("Acme Kitchens", owner=owner, slug="acme")


@pytest.fixture
def owner_client(client, owner, org):
    client.force_login(owner)
    return client
