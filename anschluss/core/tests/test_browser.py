"""The foundation in a real browser: every page axe-clean, skip link, footer links, login, feedback, language.

Playwright in Debian's Chromium against pytest-django's live server (see anschluss/core/testing/browser.py).
Requesting `live_server` makes the database access transactional, so `world` is visible to the server.
Texts are not compared verbatim where the German catalogue may or may not be compiled: selectors go by id,
role and attribute, and expected texts are computed with Django's own gettext.
"""

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from anschluss.core.models import AccessibilityFeedback
from anschluss.testing.browser import assert_no_axe_violations, force_login, login, url
from anschluss.testing.matrix import MAIN_MUNICIPALITY

pytestmark = pytest.mark.browser

MUNICIPALITY_PAGES = [
    "/dortmund/",
    "/dortmund/schools/",
    "/dortmund/imprint/",
    "/dortmund/privacy/",
    "/dortmund/accessibility/",
    "/dortmund/feedback/",
]
PLATFORM_PAGES = ["/", "/accounts/login/", "/accounts/password/reset/", "/imprint/", "/accessibility/"]


def _assert_skip_link_moves_focus_to_main(page):
    page.locator("body").focus()
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    assert skip_link.evaluate("el => el === document.activeElement"), (
        "the first Tab does not reach the skip link"
    )
    assert skip_link.get_attribute("href") == "#main"
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0, (
        f"the focused skip link is off-screen: {box}"
    )
    page.keyboard.press("Enter")
    in_main = page.evaluate(
        "() => { const main = document.getElementById('main');"
        " return main !== null && main.contains(document.activeElement); }"
    )
    assert in_main, "Enter on the skip link does not move the focus to <main id=main>"


def _footer_hrefs(page):
    return set(page.locator("footer a").evaluate_all("links => links.map(a => a.getAttribute('href'))"))


def _check_public_page(page, live_server, path):
    response = page.goto(url(live_server, path))
    assert response is not None and response.status == 200, f"status {response and response.status}"
    assert page.locator("html").get_attribute("lang") in ("de", "en")
    assert page.locator("h1").count() == 1, "needs exactly one <h1>"
    assert_no_axe_violations(page)
    _assert_skip_link_moves_focus_to_main(page)
    hrefs = _footer_hrefs(page)
    if path.startswith("/dortmund/"):
        for expected in ("/dortmund/imprint/", "/dortmund/privacy/", "/dortmund/accessibility/"):
            assert expected in hrefs, f"the footer lacks {expected}"
        feedback = [h for h in hrefs if h.startswith("/dortmund/feedback/")]
        assert feedback, "the footer lacks the link 'report a barrier'"
        # The form learns which page the barrier is on.
        assert all(h.endswith(("?page=" + path, "?page=" + path.replace("/", "%2F"))) for h in feedback), (
            feedback
        )
    else:
        for expected in ("/imprint/", "/privacy/", "/accessibility/"):
            assert expected in hrefs, f"the footer lacks {expected}"
        # No municipality here: "report a barrier" leads to the list of the municipalities' forms.
        assert f"/accessibility/?page={path}#report" in hrefs, "the footer lacks the link 'report a barrier'"


def test_public_pages_are_accessible(live_server, world, page):
    # One page for all paths keeps this fast; every path is checked and all failures are reported together.
    failures = []
    for path in MUNICIPALITY_PAGES + PLATFORM_PAGES:
        try:
            _check_public_page(page, live_server, path)
        except (AssertionError, pytest.fail.Exception) as exc:
            failures.append(f"{path}: {exc}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


def test_static_files_and_kern_styles_load(live_server, world, page):
    failed = []

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}"))
    page.on("response", on_response)
    page.goto(url(live_server, "/dortmund/"))
    page.wait_for_load_state("load")
    assert not failed, f"assets failed to load: {failed}"
    stylesheets = page.evaluate("[...document.styleSheets].map(s => s.href)")
    assert any(s and s.endswith("/static/vendor/kern/kern.min.css") for s in stylesheets)
    # kern.min.css and its fonts: Fira Sans, loaded; KERN's button padding. site.css: the skip link off-screen.
    assert "Fira Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.evaluate("document.fonts.check('16px \"Fira Sans\"')")
    padding = page.locator(".language-switcher .kern-btn").evaluate("el => getComputedStyle(el).paddingLeft")
    assert padding != "0px"
    assert page.locator(".skip-link").evaluate("el => getComputedStyle(el).position") == "absolute"
    assert page.locator(".skip-link").evaluate("el => el.getBoundingClientRect().bottom") <= 0


def test_login_with_username_and_email_lands_on_start_page(live_server, world, new_page):
    student = new_page()
    login(student, live_server, "student", by="username", check=assert_no_axe_violations)
    assert student.url == url(live_server, "/dortmund/start/")
    assert student.locator("#start-student").is_visible()
    assert_no_axe_violations(student)

    # The coordinator also passes the second-factor form, which must be accessible too.
    coordinator = new_page()
    login(coordinator, live_server, "coordinator", by="email", check=assert_no_axe_violations)
    assert coordinator.url == url(live_server, "/dortmund/start/")
    assert coordinator.locator("#start-coordinator").is_visible()
    assert_no_axe_violations(coordinator)

    with coordinator.expect_navigation():
        coordinator.click("header form[action='/accounts/logout/'] button[type=submit]")
    assert coordinator.locator("header a[href='/accounts/login/']").is_visible()
    assert_no_axe_violations(coordinator)


def test_login_error_and_password_reset_are_accessible(live_server, world, page):
    page.goto(url(live_server, "/accounts/login/"))
    page.fill("#id_login", "schueler.kley")
    page.fill("#id_password", "not-the-password")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url == url(live_server, "/accounts/login/")
    assert page.locator("main .kern-alert--danger").is_visible()
    assert_no_axe_violations(page)

    page.click("main a[href='/accounts/password/reset/']")
    page.wait_for_url("**/accounts/password/reset/")
    page.fill("#id_email", "eltern.kley@example.org")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url == url(live_server, "/accounts/password/reset/done/")
    assert_no_axe_violations(page)


def test_start_page_of_every_persona_is_accessible(live_server, world, new_page):
    # The main municipality's personas; the platform admin and the other city's coordinator start elsewhere.
    # The form login is tested above; here a session cookie is enough, and one browser context for all.
    page = new_page()
    failures = []
    for key in MAIN_MUNICIPALITY:
        page.context.clear_cookies()
        force_login(page, live_server, key)
        page.goto(url(live_server, "/start/"))
        try:
            assert page.url == url(live_server, "/dortmund/start/"), page.url
            assert page.locator("h1").count() == 1
            assert_no_axe_violations(page)
        except (AssertionError, pytest.fail.Exception) as exc:
            failures.append(f"{key}: {exc}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


def test_accessibility_feedback_reaches_the_coordinators_inbox(live_server, world, new_page):
    visitor = new_page()
    visitor.goto(url(live_server, "/dortmund/schools/"))
    visitor.click("footer a[href^='/dortmund/feedback/']")
    visitor.wait_for_url("**/dortmund/feedback/**")
    assert visitor.input_value("#id_page_url") == "/dortmund/schools/"

    # Empty: an error at the field, tied to it for screen readers, and nothing is saved.
    with visitor.expect_navigation():
        visitor.click("main form button[type=submit]")
    message = visitor.locator("#id_message")
    assert message.get_attribute("aria-invalid") == "true"
    assert "id_message_error" in message.get_attribute("aria-describedby").split()
    assert visitor.locator("#id_message_error").is_visible()
    assert_no_axe_violations(visitor)
    with scopes_disabled():
        assert not AccessibilityFeedback.objects.exists()

    text = "Die Schultabelle lässt sich mit der Bildschirmlupe nicht lesen."
    visitor.fill("#id_message", text)
    visitor.fill("#id_contact", "mia@example.org")
    with visitor.expect_navigation():
        visitor.click("main form button[type=submit]")
    assert visitor.url == url(live_server, "/dortmund/")
    assert visitor.locator(".site-messages .kern-alert--success").is_visible()
    assert_no_axe_violations(visitor)
    with scopes_disabled():
        saved = AccessibilityFeedback.objects.get()
    assert (saved.municipality, saved.message, saved.page_url) == (world.main, text, "/dortmund/schools/")

    coordinator = force_login(new_page(), live_server, "coordinator")
    coordinator.goto(url(live_server, "/dortmund/feedback/inbox/"))
    report = coordinator.locator("main article", has_text=text)
    assert report.count() == 1
    assert "mia@example.org" in report.inner_text()
    assert "/dortmund/schools/" in report.inner_text()
    assert_no_axe_violations(coordinator)

    with coordinator.expect_navigation():
        report.locator("button[type=submit]").click()
    assert coordinator.locator("main article", has_text=text).count() == 0
    assert coordinator.locator(".site-messages .kern-alert--success").is_visible()
    assert_no_axe_violations(coordinator)


def test_language_switcher_changes_to_english_and_back(live_server, world, page):
    def heading(language):
        with translation.override(language):
            return translation.gettext("%(name)s at work") % {"name": "Dortmund"}

    page.goto(url(live_server, "/dortmund/"))
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text().strip() == heading("de")

    page.select_option("#language-select", "en")
    with page.expect_navigation():
        page.click(".language-switcher button[type=submit]")
    assert page.url == url(live_server, "/dortmund/"), "the switcher must stay on the same page"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == heading("en") == "Dortmund at work"
    assert page.locator("#language-select").input_value() == "en"
    assert_no_axe_violations(page)

    page.select_option("#language-select", "de")
    with page.expect_navigation():
        page.click(".language-switcher button[type=submit]")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text().strip() == heading("de")


def test_audit_log_and_its_filter_are_accessible(live_server, world, page):
    force_login(page, live_server, "coordinator")
    page.goto(url(live_server, "/dortmund/audit/"))
    assert page.locator("main table tbody tr").count() > 0
    assert_no_axe_violations(page)

    page.fill("#id_action", "accounts.user")
    with page.expect_navigation():
        page.click("main form.filter-form button[type=submit]")
    assert "action=accounts.user" in page.url
    actions = page.locator("main table tbody tr td code").all_inner_texts()
    assert actions and all("accounts.user" in action for action in actions)
    assert_no_axe_violations(page)

    # A date range the wrong way round: an error, announced, and the page stays accessible.
    page.fill("#id_date_from", "2026-02-01")
    page.fill("#id_date_to", "2026-01-01")
    with page.expect_navigation():
        page.click("main form.filter-form button[type=submit]")
    assert page.locator("main .filter-form [role=alert]").is_visible()
    assert_no_axe_violations(page)


def test_start_page_on_a_phone_has_no_horizontal_scrolling(live_server, world, phone_page):
    login(phone_page, live_server, "student")
    assert phone_page.url == url(live_server, "/dortmund/start/")
    assert phone_page.evaluate("window.innerWidth") == 390
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        phone_page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    )
    assert_no_axe_violations(phone_page)
    # The school table is wider than a phone: it scrolls inside its own box, which a keyboard can reach.
    phone_page.goto(url(live_server, "/dortmund/schools/"))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    table_box = phone_page.locator("main .kern-table-responsive")
    for _ in range(20):
        phone_page.keyboard.press("Tab")
        if table_box.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the keyboard never reaches the scrolling table")
    assert table_box.evaluate("el => getComputedStyle(el).outlineStyle") != "none", (
        "no visible focus on the table"
    )
    assert_no_axe_violations(phone_page)


def test_the_inbox_on_a_phone_opens_and_marks_notifications(live_server, world, phone_page):
    """A company's staff member reads a notification on the start page, opens the inbox, follows the link and
    marks all as read: axe-clean, no horizontal scrolling, all by keyboard-reachable links and buttons."""
    from anschluss.core.notifications import KINDS, notify, register

    register("core.test_browser", "Please answer the application for “%(offer)s”.")
    try:
        with scopes_disabled():
            for offer in ("Praktikum Elektro", "Ausbildung Kfz"):
                notify(
                    [world.users["company_staff"]],
                    "core.test_browser",
                    world.main,
                    {"offer": offer},
                    url="/dortmund/schools/",
                )
        force_login(phone_page, live_server, "company_staff")
        phone_page.goto(url(live_server, "/dortmund/start/"))
        section = phone_page.locator("section[aria-labelledby=my-notifications]")
        assert section.get_by_text("Praktikum Elektro", exact=False).is_visible()
        assert_no_axe_violations(phone_page)
        section.locator("a[href$='/inbox/']").click()
        assert phone_page.url == url(live_server, "/dortmund/inbox/")
        assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_no_axe_violations(phone_page)
        phone_page.get_by_text("Ausbildung Kfz", exact=False).click()
        assert phone_page.url == url(live_server, "/dortmund/schools/")
        phone_page.goto(url(live_server, "/dortmund/inbox/"))
        phone_page.locator("main form button[type=submit]").click()
        assert phone_page.locator("main form button[type=submit]").count() == 0  # nothing unread any more
        assert_no_axe_violations(phone_page)
        with scopes_disabled():
            assert not world.users["company_staff"].notifications.filter(read_at__isnull=True).exists()
    finally:
        KINDS.pop("core.test_browser", None)
