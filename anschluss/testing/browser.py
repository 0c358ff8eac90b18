"""Browser tests: Playwright (sync API) in Debian's Chromium, with axe-core for accessibility.

Registered for every app through ``pytest_plugins`` in the top-level conftest.py, so any test can ask for
``browser``, ``page``, ``phone_page`` or ``new_page`` and call ``login`` (through the real form), ``force_login``
(a session cookie, faster) and ``assert_no_axe_violations``.
Mark browser tests with ``@pytest.mark.browser`` and give them pytest-django's ``live_server``: that makes
their database access transactional, so the data a test creates is visible to the live server's threads. On
SQLite the test database is a file (settings.py), so each of those threads has its own connection.
Where Chromium is installed, a browser test that skips fails the run (anschluss/testing/guards.py).

    @pytest.mark.browser
    def test_start_page(live_server, world, page):
        login(page, live_server, "student")
        assert_no_axe_violations(page)
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

CHROMIUM = os.environ.get("ANSCHLUSS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
# The site is German first: the browser asks for German, as most visitors' browsers do.
BROWSER_LOCALE = "de-DE"
# How long a page load or a wait for an element may take before the test fails. Generous, so that a busy machine
# (two cores shared by several test runs) does not fail the suite; a working page takes well under a second.
TIMEOUT_MS = int(os.environ.get("ANSCHLUSS_BROWSER_TIMEOUT_MS", "30000"))

_STATIC = Path(__file__).resolve().parents[1] / "static"
_AXE_CANDIDATES = [
    _STATIC / "vendor" / "axe" / "axe.min.js",
    _STATIC.parents[1] / "node_modules" / "axe-core" / "axe.min.js",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _axe_source() -> str:
    for candidate in _AXE_CANDIDATES:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(
        "axe-core is missing: run `make assets` (looked in "
        + ", ".join(str(c) for c in _AXE_CANDIDATES)
        + ")"
    )


# --- fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; every test gets its own context (cookies, storage)."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test's thread; Django would then refuse ORM calls from
    # the test ("You cannot call this from an async context") although they are plain synchronous code.
    # Set here, not at import, so that sessions without browser tests keep Django's check.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """new_page(viewport=PHONE, **context_options) -> a page in a fresh browser context, closed after the test."""
    contexts: list[BrowserContext] = []

    def make(viewport: ViewportSize | None = None, **options: Any) -> Page:
        options.setdefault("locale", BROWSER_LOCALE)
        options.setdefault("timezone_id", "Europe/Berlin")
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A desktop-sized page (1280×900) in a fresh context."""
    return new_page(DESKTOP)


@pytest.fixture
def phone_page(new_page: Callable[..., Page]) -> Page:
    """A phone-sized page (390×844, touch, mobile) in a fresh context."""
    return new_page(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


# --- helpers ------------------------------------------------------------------------------------------------


def url(live_server: Any, path: str) -> str:
    return live_server.url.rstrip("/") + path


def persona(key: str):
    from anschluss.accounts.personas import PERSONAS

    for candidate in PERSONAS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"No persona {key!r}")


def current_totp_code(username: str) -> str | None:
    """The code the persona's authenticator app would show now, or None if the persona has no TOTP."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.filter(
        user__username=username, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        return None
    return totp_code(decrypt(authenticator.data["secret"]))


def totp_code(secret: str) -> str:
    """The code an authenticator app with this secret shows now."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    # allauth accepts only the current period's code (TOTP_TOLERANCE 0): near its end, wait for the next one,
    # so that the code is still valid when the form arrives.
    if period - time.time() % period < 3:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def login(
    page: Page,
    live_server: Any,
    persona_key: str,
    *,
    by: str | None = None,
    password: str | None = None,
    check: Callable[[Page], None] | None = None,
) -> Page:
    """Sign in through the real login form at /accounts/login/ (and the second-factor form where needed).

    `by` is "email" or "username"; by default the e-mail address where the persona has one. `check`, if given,
    is called on the login form and on the second-factor form (e.g. assert_no_axe_violations). Returns the
    page, which then shows wherever the login redirected to (a persona's start page).
    """
    from conftest import PERSONA_PASSWORD

    who = persona(persona_key)
    if by is None:
        by = "email" if who.email else "username"
    identifier = who.email if by == "email" else who.username
    if not identifier:
        raise ValueError(f"Persona {persona_key!r} has no {by}")
    page.goto(url(live_server, "/accounts/login/"))
    if check:
        check(page)
    page.fill("#id_login", identifier)
    page.fill("#id_password", password or PERSONA_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    if "/accounts/2fa/authenticate/" in page.url:
        code = current_totp_code(who.username)
        if code is None:
            raise AssertionError(f"{persona_key} was asked for a second factor but has no authenticator")
        if check:
            check(page)
        page.fill("input[name=code]", code)
        with page.expect_navigation():
            page.click("main form button[type=submit]")
    if "/accounts/login/" in page.url or "/accounts/2fa/" in page.url:
        raise AssertionError(
            f"Login as {persona_key} ({identifier}) failed; the page says:\n{_main_text(page)}"
        )
    return page


def force_login(page: Page, live_server: Any, persona_key: str) -> Page:
    """Sign the page's browser context in as the persona without the login form (a session cookie made with
    Django's test client), for tests about what comes after the login. Returns the page, still where it was."""
    from django.conf import settings
    from django.test import Client

    from anschluss.accounts.models import User

    user = User.objects.get(username=persona(persona_key).username)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": cookie.value,
                "url": live_server.url,
                "httpOnly": True,
            }
        ]
    )
    return page


def _main_text(page: Page) -> str:
    main = page.locator("main")
    return main.inner_text() if main.count() else page.content()[:2000]


def axe_violations(
    page: Page,
    *,
    tags: Iterable[str] = AXE_TAGS,
    context: str | None = None,
    disable_rules: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Run axe-core on the page (or on the element matched by the CSS selector `context`)."""
    # page.evaluate is not subject to the site's Content-Security-Policy, unlike an inline <script>.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations"],
    }
    disabled = list(disable_rules)
    if disabled:
        options["rules"] = {rule: {"enabled": False} for rule in disabled}
    return page.evaluate(
        """async ([context, options]) => {
            const result = await window.axe.run(context ? document.querySelector(context) : document, options);
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                    target: n.target.map(String),
                    html: n.html,
                    summary: n.failureSummary,
                })),
            }));
        }""",
        [context, options],
    )


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}: {node['html'][:200]}")
            if node.get("summary"):
                lines.extend("      " + line for line in node["summary"].splitlines())
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, **options: Any) -> None:
    """Fail with a readable list (rule, impact, help, elements) if axe-core finds a WCAG 2.1 A/AA or
    best-practice violation. Options as for axe_violations (context, tags, disable_rules)."""
    violations = axe_violations(page, **options)
    if violations:
        count = sum(len(v["nodes"]) for v in violations)
        pytest.fail(
            f"axe-core found {len(violations)} violation(s) on {count} element(s) at {page.url}:\n"
            + format_violations(violations),
            pytrace=False,
        )
