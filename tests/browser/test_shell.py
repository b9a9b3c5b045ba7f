"""The application shell in a real browser: log in, switch language and organisation, log out."""

import re

import pytest

PASSWORD = "correct horse battery"


@pytest.fixture
def consultant(transactional_db, make_user, make_org):
    user = make_user("consultant@example.com", password=PASSWORD, name="Chen Consultant")
    make_org("Acme Kitchens", owner=user, slug="acme")
    make_org("Zeta Trading", owner=user, slug="zeta")
    return user


def test_login_language_org_switch_and_logout(page, consultant):
    pw = page.go("/")
    assert "/account/login/" in pw.url
    page.shot("shell-01-login")

    page.login("consultant@example.com", PASSWORD)
    assert pw.url.endswith("/o/acme/")
    assert pw.locator("h1").inner_text() == "Acme Kitchens"
    page.shot("shell-02-org-home")

    # Language: the switch submits itself; the page comes back in Chinese.
    with pw.expect_navigation():
        pw.select_option("[data-testid=language-select-topbar]", "zh-hans")
    assert pw.locator("html").get_attribute("lang") == "zh-hans"
    assert "概览" in pw.locator("#sidebar").inner_text()
    page.shot("shell-03-org-home-zh")
    with pw.expect_navigation():
        pw.select_option("[data-testid=language-select-topbar]", "en")
    assert "Overview" in pw.locator("#sidebar").inner_text()

    # Organisation switcher.
    pw.click("[data-testid=org-switcher]")
    with pw.expect_navigation(url=re.compile(r".*/o/zeta/$")):
        pw.click("text=Zeta Trading")
    assert pw.locator("h1").inner_text() == "Zeta Trading"
    page.shot("shell-04-switched-org")

    # Log out through the user menu.
    pw.click("[data-testid=user-menu]")
    pw.click("button:has-text('Log out')")
    pw.wait_for_url(re.compile(r".*/account/login/$"))
    assert pw.locator("h1").inner_text() == "Log in to Remit"


def test_wrong_password_is_shown_inline(page, consultant):
    page.login("consultant@example.com", "wrong password")
    assert page.pw.locator(".alert-danger").count() == 1
    assert page.pw.input_value("input[name=username]") == "consultant@example.com"
    page.shot("shell-05-login-error")


def test_keyboard_skip_link_reaches_the_content(page, consultant):
    page.login("consultant@example.com", PASSWORD)
    pw = page.pw
    pw.keyboard.press("Tab")
    assert pw.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    pw.keyboard.press("Enter")
    assert pw.evaluate("document.activeElement.id") == "main"


def test_phone_layout_hides_the_sidebar_behind_a_button(phone, consultant):
    phone.login("consultant@example.com", PASSWORD)
    pw = phone.pw
    assert not pw.locator("#sidebar .sidebar-link").first.is_visible()
    assert pw.locator("[data-testid=user-menu]").is_visible()
    phone.shot("shell-06-phone-home")
    pw.click("[aria-controls=sidebar]")
    pw.locator("#sidebar.show").wait_for()
    assert pw.locator("#sidebar .sidebar-link").first.is_visible()
    phone.shot("shell-07-phone-menu")
    # No horizontal scrolling on a phone: the page is no wider than the screen.
    assert pw.evaluate("document.documentElement.scrollWidth") <= 390
