"""The search: text (full text and typos on PostgreSQL, a plain match on SQLite), filters, distance."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from anschluss.core.models import Postcode
from anschluss.offers.search import SearchParams, search_offers
from anschluss.offers.services.offers import sync_occupation_text

from .factories import make_offer

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full text and trigrams: PostgreSQL"
)


@pytest.fixture
def offers(world, in_scope, occupations):
    electro = make_offer(world, title="Praktikum Elektroniker/-in", latitude=51.51, longitude=7.33)
    electro.occupations.set([occupations["electronics"]])
    sync_occupation_text(electro)
    car = make_offer(
        world,
        title="Ausbildung Kfz-Mechatroniker/-in (m/w/d)",
        kind="apprenticeship",
        latitude=51.60,
        longitude=7.47,
        min_grade=10,
        max_grade=13,
        company="other_company",
    )
    car.occupations.set([occupations["car"]])
    sync_occupation_text(car)
    bakery = make_offer(
        world,
        title="Berufsfelderkundung Bäckerei",
        kind="exploration_day",
        description="Brötchen backen am frühen Morgen.",
        latitude=51.52,
        longitude=7.34,
        min_grade=8,
        max_grade=8,
    )
    hidden = make_offer(world, title="Elektro Entwurf", status="draft")
    late = make_offer(
        world,
        title="Elektro abgelaufen",
        application_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    return {"electro": electro, "car": car, "bakery": bakery, "hidden": hidden, "late": late}


def titles(params: SearchParams) -> list[str]:
    return [o.title for o in search_offers(params)]


def test_only_open_published_offers(offers):
    found = titles(SearchParams())
    assert len(found) == 3 and "Elektro Entwurf" not in found and "Elektro abgelaufen" not in found


def test_text_finds_title_occupation_and_description(offers):
    assert titles(SearchParams(q="Elektroniker")) == ["Praktikum Elektroniker/-in"]
    assert titles(SearchParams(q="Brötchen")) == ["Berufsfelderkundung Bäckerei"]
    # Everyday words of the occupation: "Kfz", "Strom".
    assert titles(SearchParams(q="Strom")) == ["Praktikum Elektroniker/-in"]
    assert titles(SearchParams(q="Zahnarzt")) == []


@pytest.mark.parametrize("typo", ["Eletroniker", "Elektronicker", "elektroniker"])
def test_typos_still_find_the_offer(offers, typo):
    assert "Praktikum Elektroniker/-in" in titles(SearchParams(q=typo))


def test_kfz_mechaniker_finds_kfz_mechatroniker(offers):
    assert titles(SearchParams(q="Kfz Mechaniker"))[0] == "Ausbildung Kfz-Mechatroniker/-in (m/w/d)"


@postgresql_only
def test_title_weighs_more_than_description(world, offers):
    make_offer(world, title="Praktikum Lager", description="Gleich neben der Bäckerei.")
    assert titles(SearchParams(q="Bäckerei")) == ["Berufsfelderkundung Bäckerei", "Praktikum Lager"]


def test_filters(offers, occupations):
    assert titles(SearchParams(kind="apprenticeship")) == ["Ausbildung Kfz-Mechatroniker/-in (m/w/d)"]
    assert titles(SearchParams(field="elektro")) == ["Praktikum Elektroniker/-in"]
    assert titles(SearchParams(occupation="kfz-pkw")) == ["Ausbildung Kfz-Mechatroniker/-in (m/w/d)"]
    assert titles(SearchParams(district="eving")) == ["Ausbildung Kfz-Mechatroniker/-in (m/w/d)"]
    assert set(titles(SearchParams(grade=8))) == {
        "Praktikum Elektroniker/-in",
        "Berufsfelderkundung Bäckerei",
    }
    far = timezone.localdate() + datetime.timedelta(days=365)
    assert titles(SearchParams(date_from=far)) == []


def test_radius_and_sort_by_distance(offers):
    near_kley = SearchParams(latitude=51.511, longitude=7.331, radius_km=5)
    found = list(search_offers(near_kley))
    assert [o.title for o in found] == ["Praktikum Elektroniker/-in", "Berufsfelderkundung Bäckerei"]
    assert found[0].distance < found[1].distance < 5
    everything = list(search_offers(SearchParams(latitude=51.515, longitude=7.335)))
    assert everything[-1].title.startswith("Ausbildung Kfz") and 10 < everything[-1].distance < 25


def test_text_and_radius_together(offers):
    assert titles(SearchParams(q="Elektroniker", latitude=51.60, longitude=7.47, radius_km=2)) == []
    assert titles(SearchParams(q="Elektroniker", latitude=51.51, longitude=7.33, radius_km=2)) == [
        "Praktikum Elektroniker/-in"
    ]


def test_place_resolution_by_postcode(world, in_scope):
    from anschluss.offers.places import resolve_place

    Postcode.objects.create(municipality=world.main, code="44388", latitude=51.50, longitude=7.33)
    assert resolve_place("44388 Dortmund", world.main).latitude == 51.50
    assert resolve_place("Lütgendortmund", world.main) is None  # the quarter has no postcodes here
    assert resolve_place("99999", world.main) is None
    assert resolve_place("Hauptschule Kley", world.main).label == "Hauptschule Kley"
