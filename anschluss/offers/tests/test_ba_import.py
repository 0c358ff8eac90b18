"""The Jobsuche import, against recorded responses written after the API's schema (never the network)."""

import json
import urllib.error
from pathlib import Path

import pytest
from django.core.cache import cache

from anschluss.offers.ba import client
from anschluss.offers.ba.importer import do_import_ba_offers
from anschluss.offers.models import Offer

FIXTURES = Path(__file__).parent / "fixtures" / "ba"
pytestmark = pytest.mark.django_db


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeJobsuche:
    """Answers like the API: page 1 and 2 of apprenticeships (paging forced by a small page size)."""

    def __init__(self, pages: dict[tuple[int, int], str]):
        self.pages = pages
        self.calls: list[dict] = []

    def __call__(self, params: dict) -> dict:
        self.calls.append(params)
        return load(self.pages.get((params["angebotsart"], params["page"]), "empty.json"))


@pytest.fixture
def small_pages(monkeypatch):
    # Two results on page 1 and "3 results" in all: the importer must ask for page 2.
    monkeypatch.setattr("anschluss.offers.ba.importer.PAGE_SIZE", 2)


FULL = {
    (4, 1): "apprenticeships_page1.json",
    (4, 2): "apprenticeships_page2.json",
    (34, 1): "internships_page1.json",
}


def test_import_creates_marked_offers_with_paging(world, in_scope, small_pages):
    fake = FakeJobsuche(FULL)
    result = do_import_ba_offers(world.main, fetch=fake)
    assert (result.created, result.updated, result.closed, result.error) == (4, 0, 0, "")
    assert [c["page"] for c in fake.calls if c["angebotsart"] == 4] == [1, 2]
    offer = Offer.objects.get(external_id="10001-1009876543-S")
    assert offer.source == "ba" and offer.kind == "internship" and offer.status == "published"
    assert (
        offer.source_url.endswith("10001-1009876543-S") and offer.employer == "Beispiel Autohaus (erfunden)"
    )
    assert Offer.objects.get(external_id="10001-1001234569-S").kind == "dual_study"


def test_next_run_updates_and_closes(world, in_scope, small_pages):
    do_import_ba_offers(world.main, fetch=FakeJobsuche(FULL))
    # The internship is gone from the Jobsuche; page 2 still lists the dual study place.
    result = do_import_ba_offers(
        world.main,
        fetch=FakeJobsuche({(4, 1): "apprenticeships_page1.json", (4, 2): "apprenticeships_page2.json"}),
    )
    assert (result.created, result.updated, result.closed) == (0, 3, 1)
    assert Offer.objects.get(external_id="10001-1009876543-S").status == "closed"


def test_service_down_changes_nothing(world, in_scope):
    do_import_ba_offers(world.main, fetch=FakeJobsuche(FULL))

    def down(params):
        raise client.BAUnavailable("the Jobsuche did not answer after 4 attempts (HTTP 503)")

    result = do_import_ba_offers(world.main, fetch=down)
    assert result.error and result.closed == 0
    # Page size 50: page 1 of the apprenticeships and the internship, all still published.
    assert Offer.objects.filter(status="published").count() == 3


def test_malformed_answer_changes_nothing(world, in_scope):
    result = do_import_ba_offers(
        world.main, fetch=lambda params: {"stellenangebote": [{"titel": "ohne refnr"}]}
    )
    assert result.error and not Offer.objects.exists()


def test_client_retries_with_backoff_then_caches(settings):
    cache.clear()
    answers = [
        urllib.error.HTTPError("u", 503, "down", {}, None),
        urllib.error.URLError("timeout"),
        load("internships_page1.json"),
    ]
    sleeps: list[float] = []

    def get(url):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    data = client.fetch_jobs({"angebotsart": 34, "page": 1}, get=get, sleep=sleeps.append)
    assert data["stellenangebote"][0]["refnr"] == "10001-1009876543-S"
    assert sleeps == [1.0, 2.0]
    # Cached: a second call does not ask again.
    assert (
        client.fetch_jobs({"angebotsart": 34, "page": 1}, get=lambda url: 1 / 0, sleep=sleeps.append) == data
    )


def test_client_gives_up_when_refused_or_down():
    cache.clear()

    def refused(url):
        raise urllib.error.HTTPError(url, 403, "forbidden", {}, None)

    with pytest.raises(client.BAUnavailable, match="403"):
        client.fetch_jobs({"page": 9}, get=refused, sleep=lambda s: None, use_cache=False)

    def down(url):
        raise urllib.error.HTTPError(url, 503, "down", {}, None)

    sleeps: list[float] = []
    with pytest.raises(client.BAUnavailable, match="4 attempts"):
        client.fetch_jobs({"page": 9}, get=down, sleep=sleeps.append, use_cache=False)
    assert sleeps == [1.0, 2.0, 4.0]
