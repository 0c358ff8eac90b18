"""The placement pages outside the main journey, in Chromium with axe-core: creating a round and offering a
place, the teacher's overview and reminder, the explanation of a run, the student's feedback and the
company's one-click answer to "host again?"."""

import pytest
from django_scopes import scope

from anschluss.core.models import Notification
from anschluss.placements.models import PlacementFeedback, RoundPlace
from anschluss.testing.browser import assert_no_axe_violations, force_login, url

from . import factories

pytestmark = pytest.mark.browser


def test_liaison_creates_a_round_and_offers_a_place(live_server, world, page):
    with scope(municipality=world.main.pk):
        factories.field()
    force_login(page, live_server, "liaison")
    page.goto(url(live_server, "/dortmund/placements/"))
    assert_no_axe_violations(page)
    page.goto(url(live_server, "/dortmund/placements/rounds/new/"))
    page.locator("main form button[type=submit]").click()  # empty: the errors are shown, nothing is saved
    assert page.locator(".kern-error, .kern-alert--danger").count() >= 1
    assert_no_axe_violations(page)

    with scope(municipality=world.main.pk):
        r = factories.round_(world)
    page.goto(url(live_server, f"/dortmund/placements/rounds/{r.pk}/edit/"))
    assert_no_axe_violations(page)
    page.goto(url(live_server, f"/dortmund/placements/rounds/{r.pk}/places/new/"))
    assert_no_axe_violations(page)
    page.select_option("#id_company", str(world.orgs["company"].pk))
    page.fill("#id_title", "Kabel verlegen")
    page.select_option("#id_field", label="Handwerk")
    page.fill("#id_capacity", "2")
    page.locator("main form button[type=submit]").click()
    with scope(municipality=world.main.pk):
        place = RoundPlace.objects.get(round=r)
    assert place.capacity == 2 and place.latitude == world.orgs["company"].latitude
    page.goto(url(live_server, f"/dortmund/placements/places/{place.pk}/edit/"))
    assert_no_axe_violations(page)


def test_teacher_reminds_and_liaison_reads_an_explanation(live_server, world, page, new_page):
    with scope(municipality=world.main.pk):
        r = factories.round_(world)
        factories.persona_student(world)
    force_login(page, live_server, "teacher")
    page.goto(url(live_server, f"/dortmund/placements/rounds/{r.pk}/choices/"))
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    with scope(municipality=world.main.pk):
        assert Notification.objects.filter(
            user=world.users["student"], kind="placements.choice_reminder"
        ).exists()

    with scope(municipality=world.main.pk):
        closed, _places, _students = factories.market(world)
        run = factories.finished_run(world, closed)
    liaison = force_login(new_page(), live_server, "liaison")
    liaison.goto(url(live_server, f"/dortmund/placements/runs/{run.pk}/"))
    liaison.locator("table a").last.click()
    assert liaison.locator("main li").count() >= 2  # the result and why not the higher choice
    assert_no_axe_violations(liaison)


def test_feedback_and_host_again(live_server, world, phone_page, new_page):
    from anschluss.placements.services.aftercare import host_again_token

    with scope(municipality=world.main.pk):
        agreement = factories.confirmed_agreement(world)
        token = host_again_token(agreement.placement.place)
    student = force_login(phone_page, live_server, "student")
    student.goto(url(live_server, f"/dortmund/placements/placements/{agreement.placement_id}/feedback/"))
    assert_no_axe_violations(student)
    student.locator("main form button[type=submit]").click()  # no rating: a clear error, nothing saved
    assert_no_axe_violations(student)
    student.check("input[name=rating][value='5']")
    student.fill("textarea[name=comment]", "Hat Spaß gemacht.")
    student.locator("main form button[type=submit]").click()
    with scope(municipality=world.main.pk):
        assert PlacementFeedback.objects.get().rating == 5

    company = new_page()  # the link in the e-mail works without an account
    company.goto(url(live_server, f"/dortmund/placements/host-again/{token}/"))
    assert_no_axe_violations(company)
    company.check("input[name=hosts_again][value='yes']")
    company.locator("main form button[type=submit]").click()
    assert company.locator("[role=status]").count() == 1
    assert_no_axe_violations(company)
