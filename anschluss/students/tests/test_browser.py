"""Journeys in a real browser, checked with axe-core: students on a phone, the school on a desktop."""

import pytest
from django_scopes import scopes_disabled

from anschluss.testing.browser import assert_no_axe_violations, force_login, url

pytestmark = pytest.mark.browser
# WeasyPrint loads its fonts on the first PDF of a process: on a busy machine that takes longer than a page.
PDF_TIMEOUT_MS = 60_000

STUDENT_PAGES = [
    "/dortmund/me/milestones/",
    "/dortmund/me/milestones/new/",
    "/dortmund/me/interests/",
    "/dortmund/me/interests/1/",
    "/dortmund/me/strengths/",
    "/dortmund/me/cv/",
    "/dortmund/me/cv/personal/",
    "/dortmund/me/cv/school/",
    "/dortmund/me/cv/experience/",
    "/dortmund/me/cv/skills/",
    "/dortmund/me/cv/hobbies/",
    "/dortmund/me/cv/photo/",
    "/dortmund/me/cv/check/",
    "/dortmund/me/letters/",
    "/dortmund/me/letters/new/",
    "/dortmund/me/documents/",
    "/dortmund/me/sharing/",
    "/dortmund/me/portfolio/",
    "/dortmund/me/data/",
    "/dortmund/me/data/erase/",
    "/dortmund/start/",
]


def _check_all(page, live_server, paths):
    failures = []
    for path in paths:
        response = page.goto(url(live_server, path))
        try:
            assert response is not None and response.status == 200, f"status {response and response.status}"
            assert page.locator("h1").count() == 1, "needs exactly one <h1>"
            assert_no_axe_violations(page)
        except (AssertionError, pytest.fail.Exception) as exc:
            failures.append(f"{path}: {exc}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


def test_student_pages_on_a_phone(live_server, world, phone_page):
    objects = _school(world)
    force_login(phone_page, live_server, "student")
    extra = [
        f"/dortmund/me/cv/lines/{objects.entry.pk}/",
        f"/dortmund/me/letters/{objects.letter.pk}/",
        f"/dortmund/students/{objects.student.pk}/consents/",
    ]
    _check_all(phone_page, live_server, STUDENT_PAGES + extra)
    # No horizontal scrolling on a phone.
    phone_page.goto(url(live_server, "/dortmund/me/interests/1/"))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_school_pages(live_server, world, page):
    objects = _school(world)
    force_login(page, live_server, "school_coordinator")
    _check_all(
        page,
        live_server,
        [
            "/dortmund/school/classes/",
            "/dortmund/school/classes/new/",
            f"/dortmund/school/classes/{objects.own_class.pk}/",
            f"/dortmund/school/classes/{objects.own_class.pk}/edit/",
            f"/dortmund/school/classes/{objects.own_class.pk}/students/new/",
            f"/dortmund/school/students/{objects.student.pk}/",
            f"/dortmund/school/students/{objects.student.pk}/milestones/new/",
            f"/dortmund/school/students/{objects.student.pk}/erase/",
            f"/dortmund/milestones/{objects.milestone.pk}/delete/",
            "/dortmund/school/import/",
            "/dortmund/start/",
        ],
    )


def test_guardian_and_coordinator_pages(live_server, world, new_page):
    from anschluss.testing.browser import PHONE

    objects = _school(world)
    guardian = new_page(PHONE, is_mobile=True, has_touch=True)
    force_login(guardian, live_server, "guardian")
    _check_all(
        guardian,
        live_server,
        [
            "/dortmund/start/",
            f"/dortmund/children/{objects.student.pk}/",
            f"/dortmund/students/{objects.student.pk}/consents/",
            f"/dortmund/consents/{objects.consent.pk}/revoke/",
        ],
    )
    # The guardian consents; the page says so at once.
    guardian.goto(url(live_server, f"/dortmund/students/{objects.student.pk}/consents/"))
    guardian.locator("section[aria-labelledby=purpose-employment_agency] button[value=give]").click()
    guardian.wait_for_load_state()
    with scopes_disabled():
        assert objects.student.consents.filter(purpose="employment_agency", given_as="guardian").exists()
    coordinator = new_page()
    force_login(coordinator, live_server, "coordinator")
    _check_all(coordinator, live_server, ["/dortmund/consent-rule/"])
    anonymous = new_page(PHONE, is_mobile=True, has_touch=True)
    _check_all(anonymous, live_server, ["/dortmund/join/", "/dortmund/guardians/join/"])


def test_sign_up_with_a_code_on_a_phone(live_server, world, phone_page):
    _school(world)
    phone_page.goto(url(live_server, "/dortmund/join/"))
    phone_page.fill("#id_code", "abcd 2345")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_selector("#id_password1")
    assert_no_axe_violations(phone_page)
    assert phone_page.input_value("#id_username") == "otto.f"
    phone_page.fill("#id_password1", "sonnenblume-42")
    phone_page.fill("#id_password2", "sonnenblume-42")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_url("**/dortmund/start/")
    assert_no_axe_violations(phone_page)
    assert phone_page.locator("#start-students-student").count() == 1


def test_quiz_on_a_phone_saves_as_you_go_and_suggests_fields(live_server, world, phone_page):
    from playwright.sync_api import expect

    from anschluss.occupations.models import Occupation, OccupationalField

    objects = _school(world)
    field = OccupationalField.objects.create(key="SP", name="Soziales, Pädagogik", slug="soziales")
    Occupation.objects.create(nrw_key="999990", name="Erzieher/-in", slug="erzieher", field=field)
    force_login(phone_page, live_server, "student")
    phone_page.goto(url(live_server, "/dortmund/me/interests/1/"))
    # One click is saved without pressing a button (save-as-you-go).
    phone_page.locator("label[for=q-R01-2]").click()
    # (expect() polls from Python: wait_for_function would need eval, which the CSP forbids.)
    expect(phone_page.locator("#quiz-status")).to_contain_text("1")
    with scopes_disabled():
        assert objects.student.interest_answers.filter(item="R01", value=2).exists()
    for page_number in range(1, 11):
        for fieldset in phone_page.locator("fieldset.quiz-question").all():
            name = fieldset.locator("input").first.get_attribute("name")
            value = "5" if name.startswith("S") else "2"
            fieldset.locator(f"label[for=q-{name}-{value}]").click()
        with phone_page.expect_navigation():
            phone_page.click("button[value=next]")
    assert "/me/interests/result/" in phone_page.url
    assert_no_axe_violations(phone_page)
    assert phone_page.locator("#field-SP").count() == 1
    assert "Erzieher" in phone_page.locator("main").inner_text()


def test_cv_to_pdf_on_a_phone(live_server, world, phone_page):
    _school(world)
    force_login(phone_page, live_server, "student")
    phone_page.goto(url(live_server, "/dortmund/me/cv/personal/"))
    phone_page.fill("#id_street", "Beispielweg 3")
    phone_page.fill("#id_postcode", "4413")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_selector("#id_postcode_error")
    assert_no_axe_violations(phone_page)
    phone_page.fill("#id_postcode", "44149")
    phone_page.fill("#id_city", "Dortmund")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_url("**/me/cv/school/")
    phone_page.goto(url(live_server, "/dortmund/me/cv/experience/"))
    phone_page.fill("#id_start", "02/2026")
    phone_page.fill("#id_end", "02/2026")
    phone_page.fill("#id_title", "Schülerpraktikum Elektroniker")
    phone_page.fill("#id_organisation", "Beispiel Elektro")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_selector("text=Schülerpraktikum Elektroniker")
    phone_page.goto(url(live_server, "/dortmund/me/cv/check/"))
    with phone_page.expect_download(timeout=PDF_TIMEOUT_MS) as download:
        phone_page.click("#cv-download", timeout=PDF_TIMEOUT_MS)
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_coordinator_imports_a_class_fixes_errors_and_prints_codes(live_server, world, page, tmp_path):
    from .test_importing import BROKEN, FIXED

    force_login(page, live_server, "school_coordinator")
    page.goto(url(live_server, "/dortmund/school/import/"))
    broken = tmp_path / "schild.txt"
    broken.write_bytes(BROKEN)
    page.set_input_files("#id_file", str(broken))
    page.click("main form button[type=submit]")
    page.wait_for_selector("#import-errors")
    assert page.locator("tr.import-error").count() == 4
    assert_no_axe_violations(page)
    fixed = tmp_path / "schild-fixed.txt"
    fixed.write_bytes(FIXED)
    page.set_input_files("#id_file", str(fixed))
    page.click("main form button[type=submit]")
    page.wait_for_selector("#import-result")
    assert_no_axe_violations(page)
    page.goto(url(live_server, "/dortmund/school/classes/"))
    page.click("text=9c")
    page.wait_for_selector("#overview-caption")
    assert_no_axe_violations(page)
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download:
        page.click("form[action$='codes.pdf'] button", timeout=PDF_TIMEOUT_MS)
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def _school(world):
    from .world import school_world

    return school_world(world)


def test_company_sees_the_shared_profile_of_an_application(live_server, world, page):
    from anschluss.offers.tests.factories import make_application
    from anschluss.students.services.consent import do_decide_consent
    from anschluss.students.services.profile import do_update_sharing

    objects = _school(world)
    application = make_application(world, student_id=objects.student.pk)
    with scopes_disabled():
        application.documents.add(objects.document)
        do_update_sharing(objects.student, share_cv=True, share_strengths=True, actor=world.users["student"])
        do_decide_consent(objects.student, purpose="applications", give=True, actor=world.users["guardian"])
    force_login(page, live_server, "company_staff")
    _check_all(page, live_server, [f"/dortmund/offers/applications/{application.pk}/"])
    assert page.locator("#shared-profile").count() == 1
    assert page.locator("#shared-profile-none").count() == 0


def test_deleting_a_cv_line_asks_first_on_a_phone(live_server, world, phone_page):
    from .world import school_world

    objects = school_world(world)
    force_login(phone_page, live_server, "student")
    phone_page.goto(url(live_server, "/dortmund/me/cv/school/"))
    with phone_page.expect_navigation():
        phone_page.click(f"a[href$='/me/cv/lines/{objects.entry.pk}/delete/']")
    assert phone_page.locator("h1").inner_text() == "Diese Zeile löschen?"
    assert "Hauptschule Kley" in phone_page.locator("#confirm-item").inner_text()
    assert_no_axe_violations(phone_page)
    # "No" goes back and keeps the line.
    with phone_page.expect_navigation():
        phone_page.click("text=Nein, behalten")
    assert phone_page.url.endswith("/me/cv/school/")
    with scopes_disabled():
        assert objects.cv.entries.filter(pk=objects.entry.pk).exists()
    with phone_page.expect_navigation():
        phone_page.click(f"a[href$='/me/cv/lines/{objects.entry.pk}/delete/']")
    with phone_page.expect_navigation():
        phone_page.click("#confirm-yes")
    assert phone_page.url.endswith("/me/cv/school/")
    assert_no_axe_violations(phone_page)
    with scopes_disabled():
        assert not objects.cv.entries.filter(pk=objects.entry.pk).exists()


def test_a_guardian_downloads_the_childs_data_on_a_phone(live_server, world, phone_page):
    import json

    from .world import school_world

    objects = school_world(world)
    force_login(phone_page, live_server, "guardian")
    _check_all(phone_page, live_server, [f"/dortmund/children/{objects.student.pk}/"])
    with phone_page.expect_download() as download:
        phone_page.click("#child-data-json")
    with open(download.value.path(), encoding="utf-8") as exported:
        assert json.load(exported)["student"]["first_name"] == "Mia"
    with phone_page.expect_download(timeout=PDF_TIMEOUT_MS) as download:
        phone_page.click("#child-data-pdf", timeout=PDF_TIMEOUT_MS)
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_deleting_a_letter_asks_first_on_a_phone(live_server, world, phone_page):
    """The shared question page (views/confirm.py): "No" keeps the letter, "Yes" deletes it."""
    from .world import school_world

    objects = school_world(world)
    force_login(phone_page, live_server, "student")
    letter_page = f"/dortmund/me/letters/{objects.letter.pk}/"
    delete_link = f"a[href$='/me/letters/{objects.letter.pk}/delete/']"
    phone_page.goto(url(live_server, letter_page))
    with phone_page.expect_navigation():
        phone_page.click(delete_link)
    assert phone_page.locator("h1").inner_text() == "Diesen Brief löschen?"
    assert "Beispiel Elektro" in phone_page.locator("#confirm-item").inner_text()
    assert "Das kannst du nicht rückgängig machen." in phone_page.locator("main").inner_text()
    assert_no_axe_violations(phone_page)
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    with phone_page.expect_navigation():
        phone_page.click("text=Nein, behalten")
    assert phone_page.url.endswith(letter_page)
    with scopes_disabled():
        assert objects.student.cover_letters.filter(pk=objects.letter.pk).exists()
    with phone_page.expect_navigation():
        phone_page.click(delete_link)
    with phone_page.expect_navigation():
        phone_page.click("#confirm-yes")
    assert phone_page.url.endswith("/me/letters/")
    assert_no_axe_violations(phone_page)
    with scopes_disabled():
        assert not objects.student.cover_letters.filter(pk=objects.letter.pk).exists()
    # The other questions of the student's space pass axe on a phone, too.
    _check_all(
        phone_page,
        live_server,
        [
            f"/dortmund/me/documents/{objects.document.pk}/delete/",
            f"/dortmund/milestones/{objects.milestone.pk}/delete/",
            f"/dortmund/consents/{objects.consent.pk}/revoke/",
            "/dortmund/me/interests/reset/",
        ],
    )
