"""The search page: paging that keeps the search in the URL, and input that must not break it on PostgreSQL."""

import re

import pytest
from django.test import Client

from .factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["occupation=a%00", "q=Elektro%00niker", "near=%00", "district=%00"])
def test_nul_characters_are_a_named_error_not_a_server_error(world, query):
    make_offer(world)
    response = Client().get(f"/dortmund/offers/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-errors"' in html
    # The rest of the search still runs: the offer is listed.
    assert 'class="offer-item"' in html


def test_pages_keep_the_search_and_the_map_shows_the_page(world, settings):
    settings.OFFERS_PAGE_SIZE = 2
    for number in range(5):
        make_offer(world, title=f"Praktikum Elektro {number}")
    make_offer(world, title="Praktikum Bäckerei")
    html = Client().get("/dortmund/offers/?q=Elektro&kind=internship&page=2").content.decode()
    assert html.count('class="offer-item"') == html.count("data-offer-lat=") == 2
    # The links to the other pages carry the whole search (a shared link shows the same results).
    links = set(re.findall(r'href="\?([^"]*page=\d[^"]*)"', html))
    assert links and all("q=Elektro" in link and "kind=internship" in link for link in links)
    last = Client().get("/dortmund/offers/?q=Elektro&kind=internship&page=3").content.decode()
    assert last.count('class="offer-item"') == 1
