"""Browser tests: Playwright (Python) driving Debian's Chromium against the live server.

With CI=true a missing Chromium fails the run; elsewhere the tests are skipped with
a message saying how to install it. Screenshots go to test-artifacts/screenshots/.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make to set up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A Playwright page that fails the test on any console error (a CSP violation is one)."""

    def __init__(self, page, base_url: str):
        self.pw = page
        self.base_url = base_url
        self.errors: list[str] = []
        page.on(
            "console",
            lambda m: (
                self.errors.append(
                    f"{m.text} [{m.location.get('url')}:{m.location.get('lineNumber')}]"
                )
                if m.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def go(self, path: str):
        self.pw.goto(self.base_url + path)
        self.pw.wait_for_load_state("load")
        return self.pw

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.pw.screenshot(path=str(path), full_page=True)
        return path

    def login(self, email: str, password: str):
        self.go("/account/login/")
        self.pw.fill("input[name=username]", email)
        self.pw.fill("input[name=password]", password)
        with self.pw.expect_navigation():
            self.pw.get_by_role("button", name="Log in").click()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-GB")
    p = Page(context.new_page(), live_server.url)
    yield p
    context.close()
    assert not p.errors, f"browser console errors: {p.errors}"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
    )
    p = Page(context.new_page(), live_server.url)
    yield p
    context.close()
    assert not p.errors, f"browser console errors: {p.errors}"


PASSWORD = "correct horse battery"


@pytest.fixture
def demo(transactional_db, make_user):
    """The English demo company, owned by owner@example.com (password PASSWORD)."""
    from remit.org.actions.demo import demo_load

    owner = make_user("owner@example.com", password=PASSWORD, name="Olivia Owner")
    org, _report = demo_load(lang="en", owner=owner)
    return org
