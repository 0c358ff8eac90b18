"""The search: text (full text and typos on PostgreSQL, a plain match on SQLite), filters, distance."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from anschluss.core.models import Postcode
from anschluss.offers.search import SearchParams, find_offers, result_page
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


def search_offers(params: SearchParams):
    """All hits in the municipality of the test's scope (the `in_scope` fixture)."""
    from django_scopes import get_scope

    from anschluss.core.models import Municipality

    municipality = Municipality.objects.get(pk=get_scope()["municipality"])
    return find_offers(params, municipality=municipality)[1]


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
    from anschluss.offers.search.origin import resolve_place

    Postcode.objects.create(municipality=world.main, code="44388", latitude=51.50, longitude=7.33)
    assert resolve_place("44388 Dortmund", world.main).latitude == 51.50
    assert resolve_place("Lütgendortmund", world.main) is None  # the quarter has no postcodes here
    assert resolve_place("99999", world.main) is None
    assert resolve_place("Hauptschule Kley", world.main).label == "Hauptschule Kley"


@postgresql_only
def test_the_database_puts_offers_in_the_cells_of_core_geo(world, in_scope):
    """The generated column of migration 0003 and core.geo must agree, or the radius would miss offers."""
    import random

    from anschluss.core.geo import grid_cells

    rng = random.Random(7)
    points = [(rng.uniform(47.0, 55.0), rng.uniform(6.0, 15.0)) for _ in range(200)]
    points += [(51.5, 7.5), (51.52, 7.464), (51.0, 7.0)]  # on cell borders
    offers = [
        make_offer(world, title=f"Punkt {n}", latitude=lat, longitude=lon)
        for n, (lat, lon) in enumerate(points)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, geo_cells FROM offers_offer WHERE id = ANY(%s)", [[o.pk for o in offers]])
        stored = dict(cursor.fetchall())
    for offer, (lat, lon) in zip(offers, points, strict=True):
        assert stored[offer.pk] == grid_cells(lat, lon), (lat, lon)


def test_a_page_and_its_total_in_one_query(world, in_scope, offers, django_assert_num_queries):
    for n in range(5):
        make_offer(world, title=f"Praktikum Nummer {n}")
    with django_assert_num_queries(1):
        page = result_page(SearchParams(sort="newest"), 2, municipality=in_scope, per_page=3)
        rows = list(page.object_list)
    assert page.paginator.count == 8 and page.paginator.num_pages == 3 and page.number == 2
    assert [o.title for o in rows] == [
        "Praktikum Nummer 1",
        "Praktikum Nummer 0",
        "Berufsfelderkundung Bäckerei",
    ]
    assert (
        result_page(SearchParams(sort="newest"), "7", municipality=in_scope, per_page=3).number == 3
    )  # past the end: the last page
    assert result_page(SearchParams(sort="newest"), "x", municipality=in_scope, per_page=3).number == 1
    empty = result_page(SearchParams(q="Zahnarzt"), 1, municipality=in_scope)
    assert empty.paginator.count == 0 and list(empty.object_list) == [] and empty.number == 1


def test_another_municipality_s_offers_are_never_found(world, in_scope, offers):
    """The same words at the same place in Beispielstadt: never in Dortmund's results, and the other way round."""
    make_offer(
        world,
        municipality=world.other,
        district=world.districts["other"],
        title="Praktikum Elektroniker/-in in Beispielstadt",
    )
    found = titles(SearchParams(q="Elektroniker", latitude=51.51, longitude=7.33, radius_km=50))
    assert found == ["Praktikum Elektroniker/-in"]
    total, hits = find_offers(SearchParams(q="Elektroniker"), municipality=world.other)
    assert total == 1 and hits[0].title.endswith("Beispielstadt")


def test_what_people_type_is_only_text(world, in_scope, offers):
    """Quotes, LIKE wildcards and full-text operators are not syntax: only the words count."""
    electro = ["Praktikum Elektroniker/-in"]
    assert titles(SearchParams(q="Elektroniker' --")) == electro
    assert titles(SearchParams(q="!Elektroniker")) == electro  # no negation
    assert titles(SearchParams(q="Elektroniker%")) == electro
    assert titles(SearchParams(q="Elektroniker | Kfz")) == []  # no "or": both words must match
    assert len(titles(SearchParams(q="%_\\"))) == 3  # no words at all: like an empty search


def test_capitalised_words_with_umlauts_are_found(world, in_scope):
    make_offer(world, title="Berufsfelderkundung Ärztliche Praxis")
    assert titles(SearchParams(q="ärztliche")) == ["Berufsfelderkundung Ärztliche Praxis"]


@pytest.mark.parametrize("typo", ["Eletroniker", "Elektronicker"])
def test_a_typo_brings_in_only_the_closest_words(offers, typo):
    """The typo is nearly "Elektroniker", less so "Mechatroniker": the Kfz offer stays out."""
    assert titles(SearchParams(q=typo)) == ["Praktikum Elektroniker/-in"]


def test_the_radius_finds_exactly_the_offers_within_it(world, in_scope):
    """Grid cells (PostgreSQL) or bounding box (SQLite), then the exact test: the same set as core.geo says."""
    import random

    from anschluss.core.geo import distance_km

    rng = random.Random(11)
    centre = (51.5136, 7.4653)
    offers = []
    for n in range(120):
        latitude, longitude = centre[0] + rng.uniform(-0.2, 0.2), centre[1] + rng.uniform(-0.3, 0.3)
        offers.append(make_offer(world, title=f"Ort {n}", latitude=latitude, longitude=longitude))
    for radius in (2, 5, 10, 20):
        expected = {
            offer.pk for offer in offers if distance_km(*centre, offer.latitude, offer.longitude) <= radius
        }
        found = search_offers(SearchParams(latitude=centre[0], longitude=centre[1], radius_km=radius))
        assert {hit.pk for hit in found} == expected, radius
        assert all(
            abs(hit.distance - distance_km(*centre, hit.latitude, hit.longitude)) < 1e-6 for hit in found
        )
