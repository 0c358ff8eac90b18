"""The account pages a person meets before the start page, in a real browser with axe-core: setting up the
second factor at the first login, the overview of the second factor, and the lockout after failed logins."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings

from anschluss.testing.browser import assert_no_axe_violations, current_totp_code, totp_code, url
from conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.browser


def _submit_login(page, live_server, login: str, password: str) -> None:
    page.goto(url(live_server, "/accounts/login/"))
    page.fill("#id_login", login)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_staff_sets_up_the_second_factor_at_the_first_login(live_server, world, page):
    user = world.users["statistics_reader"]
    Authenticator.objects.filter(user=user).delete()
    _submit_login(page, live_server, "statistik@example.org", PERSONA_PASSWORD)

    # Every page but the set-up sends them back to it.
    assert page.url.startswith(url(live_server, "/accounts/2fa/totp/activate/")), page.url
    page.goto(url(live_server, "/dortmund/start/"))
    assert page.url.startswith(url(live_server, "/accounts/2fa/totp/activate/")), page.url
    assert page.locator("h1").count() == 1
    assert page.locator("main img[src^='data:image/svg+xml']").is_visible(), "no QR code"
    assert_no_axe_violations(page)

    # A wrong code: an error at the field, and still no second factor.
    page.fill("input[name=code]", "000000")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("main .kern-error").first.is_visible()
    assert_no_axe_violations(page)
    assert not Authenticator.objects.filter(user=user).exists()

    page.fill("input[name=code]", totp_code(page.input_value("#authenticator_secret")))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert_no_axe_violations(page)
    page.goto(url(live_server, "/dortmund/start/"))
    assert page.url == url(live_server, "/dortmund/start/")
    assert page.locator("#start-statistics_reader").is_visible()

    # The overview of the second factor: buttons, not items of a bulleted list.
    page.goto(url(live_server, "/accounts/2fa/"))
    assert page.locator("main .account-panel__actions .kern-btn").count() >= 1
    assert page.locator("main li .kern-btn").count() == 0
    assert_no_axe_violations(page)

    # The next login asks for the code.
    page.context.clear_cookies()
    _submit_login(page, live_server, "statistik@example.org", PERSONA_PASSWORD)
    assert "/accounts/2fa/authenticate/" in page.url
    page.fill("input[name=code]", current_totp_code(user.username))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url == url(live_server, "/dortmund/start/")


@override_settings(AXES_FAILURE_LIMIT=2)
def test_lockout_page_is_accessible(live_server, world, page):
    for _ in range(2):
        _submit_login(page, live_server, "eltern.kley@example.org", "falsch-falsch")
    _submit_login(page, live_server, "eltern.kley@example.org", PERSONA_PASSWORD)
    assert page.locator("main [role=alert]").is_visible()
    assert page.locator("main a[href='/accounts/password/reset/']").is_visible()
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    # Locked, even with the right password: still not signed in.
    page.goto(url(live_server, "/dortmund/start/"))
    assert page.url.startswith(url(live_server, "/accounts/login/"))
