"""The journey of a round in Chromium, with axe-core on every page: a student chooses on a phone, the liaison
closes the choices, runs both ways, compares, adopts, confirms and opens an agreement as PDF."""

import pytest
from django_scopes import scope

from anschluss.testing.browser import assert_no_axe_violations, force_login, url

from . import factories

pytestmark = pytest.mark.browser


def test_round_journey(live_server, world, new_page, phone_page):
    with scope(municipality=world.main.pk):
        r = factories.round_(world)
        near = factories.place(world, r, "company", title="Kabel verlegen", lat_offset=0.01)
        factories.place(world, r, "other_company", title="Brot backen", lat_offset=0.02)
        factories.persona_student(world)
        other = factories.student(world, "Ben", "Beispiel")
        from anschluss.placements.models import Preference

        Preference.objects.create(municipality=world.main, round=r, student=other, place=near, rank=1)

    student = force_login(phone_page, live_server, "student")
    student.goto(url(live_server, "/dortmund/start/"))
    student.get_by_role("link", name="Praktikum Frühjahr").click()
    assert_no_axe_violations(student)
    student.locator("li.place-item", has_text="Kabel verlegen").get_by_role("button").click()
    student.locator("li.place-item", has_text="Brot backen").get_by_role("button").click()
    assert student.locator("ol.place-list li").count() == 2
    assert_no_axe_violations(student)

    page = force_login(new_page(), live_server, "liaison")
    base = f"/dortmund/placements/rounds/{r.pk}/"
    page.goto(url(live_server, base))
    assert_no_axe_violations(page)
    page.locator("form[action$='/status/'] button").first.click()  # close the choices
    for mode in ("stable", "welfare"):
        page.goto(url(live_server, base))
        page.check(f"#mode-{mode}")
        page.locator("form[action$='/runs/'] button[type=submit]").click()
        page.wait_for_selector("table")  # finished at once: no broker, the task ran eagerly
        assert_no_axe_violations(page)
    page.goto(url(live_server, base + "compare/"))
    assert page.locator(".compare-grid section").count() == 2
    assert_no_axe_violations(page)
    page.locator(".compare-grid section").first.locator("form button").click()
    assert page.locator("li.place-item").count() >= 2
    assert_no_axe_violations(page)
    page.locator("form[action$='/confirm/'] button").click()
    page.goto(url(live_server, base + "agreements/"))
    assert_no_axe_violations(page)
    page.locator("table a").first.click()
    assert_no_axe_violations(page)
    href = page.locator("a[href$='/pdf/']").get_attribute("href")
    assert href is not None
    pdf = page.request.get(url(live_server, href))
    assert pdf.headers["content-type"] == "application/pdf"
