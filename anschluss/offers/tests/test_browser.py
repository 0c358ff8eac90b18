"""The journey in a real browser, with axe on every page: search (typo, near a postcode) → detail → apply →
the company acknowledges → the student sees it. Also the map agrees with the list."""

import pytest
from django_scopes import scopes_disabled

from anschluss.core.models import Postcode
from anschluss.testing.browser import assert_no_axe_violations, force_login, url

from .factories import make_offer

pytestmark = pytest.mark.browser


@pytest.fixture
def offers(world):
    with scopes_disabled():
        Postcode.objects.create(municipality=world.main, code="44388", latitude=51.51, longitude=7.33)
    electro = make_offer(world, title="Praktikum Elektroniker/-in")
    make_offer(world, title="Praktikum Bäckerei", company="other_company", latitude=51.515, longitude=7.335)
    make_offer(world, title="Praktikum weit weg", latitude=51.60, longitude=7.60)
    return electro


def test_search_apply_acknowledge(live_server, world, offers, new_page):
    student = force_login(new_page(), live_server, "student")
    student.goto(url(live_server, "/dortmund/offers/"))
    assert_no_axe_violations(student)
    # A typo, near the student's school typed by name (the bakery is as near, the third offer too far).
    student.fill("#id_q", "Eletroniker")
    student.fill("#id_near", "Hauptschule Kley")
    student.select_option("#id_radius", "10")
    student.click("form[role=search] button[type=submit]")
    student.wait_for_load_state()
    assert student.locator(".offer-item").count() == 1
    assert "Hauptschule Kley" in student.locator("#results-heading").inner_text()
    assert_no_axe_violations(student)
    student.click(".offer-item a")
    assert student.locator("h1").inner_text() == "Praktikum Elektroniker/-in"
    assert student.locator('script[type="application/ld+json"]').count() == 1
    assert_no_axe_violations(student)
    student.click(f'a[href$="/offers/{offers.pk}/apply/"]')
    assert_no_axe_violations(student)
    student.fill("#id_message", "Hallo, ich bin Mia und interessiere mich für Elektrotechnik.")
    student.click("main form button[type=submit]")
    student.wait_for_load_state()
    assert "/offers/applications/" in student.url
    assert_no_axe_violations(student)
    application_url = student.url

    company = force_login(new_page(), live_server, "company_staff")
    company.goto(url(live_server, "/dortmund/start/"))
    assert company.locator("#start-waiting").is_visible()
    company.goto(application_url)
    assert_no_axe_violations(company)
    company.select_option("#id_status", "acknowledged")
    company.click("main form button[type=submit]")
    company.wait_for_load_state()

    student.goto(url(live_server, "/dortmund/start/"))
    assert student.locator(".notification-list").is_visible()
    assert student.locator("#start-applications .kern-badge--success").count() == 1
    assert_no_axe_violations(student)
    student.goto(application_url)
    assert student.locator("#application-status .kern-badge--success").count() == 1
    student.goto(url(live_server, "/dortmund/offers/applications/"))
    assert_no_axe_violations(student)


def test_map_and_list_agree_on_a_phone(live_server, world, offers, phone_page):
    # Tiles would come from the network: the test answers them with nothing.
    phone_page.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204, body=""))
    phone_page.goto(url(live_server, "/dortmund/offers/?q=Praktikum&near=44388&radius=5"))
    phone_page.wait_for_selector("#offer-map[data-markers]")
    items = phone_page.locator(".offer-item").count()
    assert items == 2
    assert phone_page.locator("#offer-map").get_attribute("data-markers") == str(items)
    assert phone_page.locator(".leaflet-interactive").count() == items + 1  # and the starting point
    assert_no_axe_violations(phone_page)


def test_other_pages_are_accessible(live_server, world, offers, occupations, new_page):
    offers.occupations.add(occupations["electronics"])
    pages = {
        "anonymous": [
            "/dortmund/offers/?q=Astronaut",
            f"/dortmund/companies/{world.orgs['company'].pk}/",
            "/dortmund/occupations/",
            "/dortmund/occupations/elektroniker-energie/",
            "/dortmund/offers/?near=00000&kind=rocket",
        ],
        "company_staff": [
            "/dortmund/offers/manage/",
            "/dortmund/offers/manage/new/",
            "/dortmund/offers/manage/applications/",
            f"/dortmund/offers/{offers.pk}/edit/",
        ],
        "coordinator": ["/dortmund/offers/review/", "/dortmund/start/"],
        "student": ["/dortmund/offers/saved/", "/dortmund/inbox/"],
    }
    failures = []
    for persona, paths in pages.items():
        page = new_page()
        if persona != "anonymous":
            force_login(page, live_server, persona)
        for path in paths:
            response = page.goto(url(live_server, path))
            try:
                assert response is not None and response.status == 200, (
                    f"status {response and response.status}"
                )
                assert_no_axe_violations(page)
            except (AssertionError, pytest.fail.Exception) as exc:
                failures.append(f"{persona} {path}: {exc}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
