"""The periodic tasks as Celery runs them: outside any scope, once per active municipality.

The services are tested on their own; these tests check that each task opens the right scope, reaches every
municipality and, for the Jobsuche import, goes all the way through the HTTP client (answered here from the
recorded responses, never the network).
"""

import datetime
import io
import json
import urllib.parse

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_scopes import scopes_disabled

from anschluss.core.tests.factories import CompanyFactory
from anschluss.offers.models import Offer, OfferStatus
from anschluss.offers.services import periodic as tasks

from .factories import make_application, make_offer
from .test_ba_import import FIXTURES

pytestmark = pytest.mark.django_db


def test_expire_offers_in_every_municipality(world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    here = make_offer(world, application_deadline=yesterday)
    with scopes_disabled():
        world.orgs["elsewhere"] = CompanyFactory(municipality=world.other, district=world.districts["other"])
    there = make_offer(world, company="elsewhere", application_deadline=yesterday)
    assert tasks.expire_offers() == {"dortmund": 1, "beispielstadt": 1}
    with scopes_disabled():
        assert set(Offer.objects.filter(pk__in=[here.pk, there.pk]).values_list("status", flat=True)) == {
            OfferStatus.EXPIRED
        }


def test_reminders_run_per_municipality(world, mailoutbox, django_capture_on_commit_callbacks):
    make_application(world, acknowledge_due=timezone.now() - datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.send_acknowledgement_reminders()
    assert result["dortmund"] == {"reminded": 1, "escalated": 0}
    assert result["beispielstadt"] == {"reminded": 0, "escalated": 0}
    assert mailoutbox


def test_search_digests_run_per_municipality(world):
    assert set(tasks.send_search_digests()) == {"dortmund", "beispielstadt"}


def test_ba_import_is_off_unless_enabled(world, settings):
    settings.BA_IMPORT_ENABLED = False
    assert "skipped" in tasks.import_ba_offers()
    settings.BA_IMPORT_ENABLED = True
    settings.BA_IMPORT_PLACE = "Atlantis"
    assert tasks.import_ba_offers() == {"skipped": "no municipality named Atlantis"}


class RecordedJobsuche:
    """Stands in for urllib's urlopen: answers /pc/v4/jobs from the recorded pages by angebotsart and page."""

    PAGES = {("4", "1"): "apprenticeships_page1.json", ("34", "1"): "internships_page1.json"}

    def __init__(self):
        self.requests = []

    def __call__(self, request, timeout):
        self.requests.append(request)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(request.full_url).query)
        name = self.PAGES.get((query["angebotsart"][0], query["page"][0]), "empty.json")
        data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        data["maxErgebnisse"] = str(len(data.get("stellenangebote") or []))
        return io.BytesIO(json.dumps(data).encode("utf-8"))


def test_ba_import_task_goes_through_the_client(world, settings, monkeypatch):
    settings.BA_IMPORT_ENABLED = True
    settings.BA_IMPORT_PLACE = "Dortmund"
    settings.BA_JOBSUCHE_URL = "https://jobsuche.example.invalid"
    cache.clear()
    recorded = RecordedJobsuche()
    monkeypatch.setattr("anschluss.offers.ba.client.urllib.request.urlopen", recorded)
    result = tasks.import_ba_offers()
    assert result["error"] == "" and result["created"] == 3
    assert all(r.get_header("X-api-key") == settings.BA_JOBSUCHE_API_KEY for r in recorded.requests)
    assert all(
        r.full_url.startswith("https://jobsuche.example.invalid/pc/v4/jobs?") for r in recorded.requests
    )
    with scopes_disabled():
        assert Offer.objects.filter(municipality=world.main, source="ba").count() == 3
