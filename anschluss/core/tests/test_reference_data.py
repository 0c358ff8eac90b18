"""The real Dortmund data: 12 districts, the Ortsteile with postcodes, 170 schools with coordinates."""

import pytest
from django_scopes import scope, scopes_disabled

from anschluss.core.geo import distance_km
from anschluss.core.models import District, Postcode, Quarter, School
from anschluss.core.reference_data import DORTMUND_DISTRICTS, import_dortmund, read_schools
from anschluss.core.tests.factories import MunicipalityFactory


@pytest.fixture
def dortmund(db):
    with scopes_disabled():
        municipality = MunicipalityFactory(slug="dortmund", name="Dortmund")
    with scope(municipality=municipality.pk):
        counts = import_dortmund(municipality)
        yield municipality, counts


def test_import_counts(dortmund):
    _municipality, counts = dortmund
    assert counts == {"districts": 12, "quarters": 77, "postcodes": 27, "schools": 170}


def test_every_school_has_a_district_and_coordinates_in_dortmund(dortmund):
    assert set(District.objects.values_list("name", flat=True)) == set(DORTMUND_DISTRICTS)
    for school in School.objects.all():
        assert school.district_id is not None, school.name
        assert 51.40 < school.latitude < 51.61 and 7.30 < school.longitude < 7.65, school.name


def test_hauptschule_kley_is_in_luetgendortmund(dortmund):
    kley = School.objects.get(school_number="147709")
    assert kley.district.name == "Lütgendortmund"
    assert kley.school_form == "H"


def test_fallback_postcodes_get_a_point_near_their_schools(dortmund):
    mengede = Postcode.objects.get(code="44357")
    assert mengede.is_approximate
    # Not the city-centre fallback of the source any more.
    assert distance_km(mengede.latitude, mengede.longitude, 51.5161, 7.4683) > 3


def test_quarters_belong_to_districts(dortmund):
    assert Quarter.objects.get(name="Kley").district.name == "Lütgendortmund"
    assert Quarter.objects.get(name="Nordstadt").district.name == "Innenstadt-Nord"
    assert set(Quarter.objects.get(name="Kley").postcodes.values_list("code", flat=True)) == {
        "44149",
        "44388",
    }


def test_import_is_idempotent(dortmund):
    municipality, counts = dortmund
    assert import_dortmund(municipality) == counts


def test_source_rows_are_complete():
    rows = read_schools()
    assert len(rows) == 170
    assert len({r.school_number for r in rows}) == 170
