"""Offers and applications for tests, made directly (the services are tested on their own)."""

import datetime

from django.utils import timezone
from django_scopes import scopes_disabled

from anschluss.offers.models import Application, ApplicationEvent, Offer, OfferKind, OfferStatus, SavedSearch


def make_offer(world, *, company="company", **fields) -> Offer:
    org = world.orgs[company]
    values = {
        "municipality": org.municipality,
        "company": org,
        "kind": OfferKind.INTERNSHIP,
        "title": "Praktikum in der Elektrowerkstatt",
        "description": "Du hilfst beim Verlegen von Kabeln.",
        "status": OfferStatus.PUBLISHED,
        "published_at": timezone.now(),
        "latitude": 51.51,
        "longitude": 7.33,
        "city": "Dortmund",
        "postcode": "44388",
        "district": org.district,
        "start_date": timezone.localdate() + datetime.timedelta(days=30),
        "end_date": timezone.localdate() + datetime.timedelta(days=41),
        "places": 2,
    }
    values.update(fields)
    with scopes_disabled():
        return Offer.objects.create(**values)


def make_application(world, offer=None, *, student="student", **fields) -> Application:
    offer = offer or make_offer(world)
    values = {
        "municipality": offer.municipality,
        "offer": offer,
        "applicant": world.users[student],
        "message": "Ich möchte gern ein Praktikum machen.",
        "acknowledge_due": timezone.now() + datetime.timedelta(days=3),
    }
    values.update(fields)
    with scopes_disabled():
        application = Application.objects.create(**values)
        ApplicationEvent.objects.create(
            municipality=offer.municipality, application=application, status="sent"
        )
    return application


def make_saved_search(world, *, user="student", query="q=Elektro") -> SavedSearch:
    with scopes_disabled():
        return SavedSearch.objects.create(
            municipality=world.main,
            user=world.users[user],
            name="Elektro",
            query=query,
            last_notified=timezone.now(),
        )
