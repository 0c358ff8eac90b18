"""The pages: search with list and map data, detail with JSON-LD, clear messages for bad filters."""

import json
import re

import pytest
from django.test import Client
from django.utils import translation
from django_scopes import scopes_disabled

from anschluss.core.models import AuditEntry, Postcode
from anschluss.offers.models import Application

from .factories import make_application, make_offer

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_search_lists_every_result_with_map_data(world):
    for n in range(3):
        make_offer(world, title=f"Praktikum Nummer {n}")
    make_offer(world, title="Ohne Ort", latitude=None, longitude=None)
    response = Client().get("/dortmund/offers/?q=Praktikum")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="offer-item"') == 3
    assert html.count("data-offer-lat=") == 3
    assert 'id="offer-map"' in html and "offers/map.js" in html


@pytest.mark.parametrize("page", ["/dortmund/offers/?q=Praktikum", "/dortmund/companies/{company}/"])
def test_result_lists_cost_the_same_queries_for_2_or_12_offers(world, page):
    """No query per offer (company, district, municipality for the link): the list is read in one go."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = page.format(company=world.orgs["company"].pk)
    counts = []
    for _round in range(2):
        for n in range(5):
            make_offer(world, title=f"Praktikum Nummer {n}")
        client = Client()
        client.get(url)  # sessions, caches and the like settle on the first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_unknown_postcode_and_bad_filters_get_a_clear_message(world):
    make_offer(world)
    with translation.override("en"):
        response = Client(headers={"accept-language": "en"}).get(
            "/dortmund/offers/?near=12345&radius=5&kind=rocket&grade=abc&date_from=2026-13-01"
        )
    html = _text(response.content.decode())
    assert response.status_code == 200
    assert 'id="search-errors"' in html
    assert "12345" in html
    # The rest of the search still runs: the offer is listed.
    assert 'class="offer-item"' in html


def test_search_near_a_postcode(world):
    with scopes_disabled():
        Postcode.objects.create(municipality=world.main, code="44388", latitude=51.51, longitude=7.33)
    make_offer(world, title="Nah", latitude=51.512, longitude=7.331)
    make_offer(world, title="Fern", latitude=51.60, longitude=7.60)
    html = Client().get("/dortmund/offers/?near=44388&radius=5").content.decode()
    assert "Nah" in html and "Fern" not in html and "data-origin-lat" in html


def test_empty_results_are_helpful(world):
    html = Client().get("/dortmund/offers/?q=Astronaut&radius=5&near=").content.decode()
    assert 'id="no-results"' in html


def test_detail_has_job_posting_json_ld_without_loosening_the_csp(world):
    offer = make_offer(world, title="Praktikum </script> Test")
    response = Client().get(f"/dortmund/offers/{offer.pk}/")
    html = response.content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data = json.loads(match.group(1))
    assert data["@type"] == "JobPosting" and data["title"] == "Praktikum </script> Test"
    assert data["hiringOrganization"]["name"] == "Beispiel Elektro"
    # A JSON-LD data block is never executed, so it needs neither a nonce nor 'unsafe-inline'.
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp + ";" and "nonce-" not in csp


def test_unpublished_offers_and_other_municipalities_are_404(world):
    draft = make_offer(world, status="draft")
    assert Client().get(f"/dortmund/offers/{draft.pk}/").status_code == 404
    offer = make_offer(world)
    assert Client().get(f"/beispielstadt/offers/{offer.pk}/").status_code == 404


def test_apply_and_acknowledge_through_the_pages(world, client_for):
    offer = make_offer(world)
    student = client_for("student")
    response = student.post(f"/dortmund/offers/{offer.pk}/apply/", {"message": "Hallo, ich bin Mia."})
    assert response.status_code == 302
    with scopes_disabled():
        application = Application.objects.get()
    company = client_for("company_staff")
    page = company.get(f"/dortmund/offers/applications/{application.pk}/")
    assert page.status_code == 200 and "Hallo, ich bin Mia." in page.content.decode()
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="offers.application.read").count() == 1
    company.post(f"/dortmund/offers/applications/{application.pk}/answer/", {"status": "acknowledged"})
    with scopes_disabled():
        application.refresh_from_db()
    assert application.status == "acknowledged"
    start = student.get("/dortmund/start/").content.decode()
    # The company's answer is in the student's inbox on the start page (core), beside the applications.
    assert 'class="kern-list notification-list"' in start and 'id="start-applications"' in start


def test_double_submit_creates_one_application(world, client_for):
    offer = make_offer(world)
    student = client_for("student")
    for _ in range(2):
        student.post(f"/dortmund/offers/{offer.pk}/apply/", {"message": "Hallo"})
    with scopes_disabled():
        assert Application.objects.count() == 1


def test_start_pages_show_the_offer_sections(world, client_for):
    make_application(world)
    assert 'id="start-waiting"' in client_for("company_staff").get("/dortmund/start/").content.decode()
    assert (
        'id="start-offers-coordinator"' in client_for("coordinator").get("/dortmund/start/").content.decode()
    )
