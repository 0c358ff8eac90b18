"""The public API: offers of a municipality with the search's filters, occupations, and the schema."""

import pytest
from django.test import Client

from .factories import make_offer

pytestmark = pytest.mark.django_db


def test_offer_list_filters_and_detail(world, occupations):
    make_offer(world, title="Praktikum Elektro")
    make_offer(world, title="Ausbildung Bäcker", kind="apprenticeship")
    make_offer(world, title="Entwurf", status="draft")
    client = Client()
    data = client.get("/api/v1/municipalities/dortmund/offers/").json()
    assert data["count"] == 2
    data = client.get("/api/v1/municipalities/dortmund/offers/?kind=apprenticeship").json()
    assert [o["title"] for o in data["results"]] == ["Ausbildung Bäcker"]
    offer_id = data["results"][0]["id"]
    detail = client.get(f"/api/v1/municipalities/dortmund/offers/{offer_id}/").json()
    assert detail["employer"] == "Beispiel Elektro"
    assert client.get(f"/api/v1/municipalities/beispielstadt/offers/{offer_id}/").status_code == 404


def test_invalid_filter_is_a_400_with_the_reason(world):
    response = Client().get("/api/v1/municipalities/dortmund/offers/?kind=rocket&near=00000")
    assert response.status_code == 400
    assert set(response.json()) == {"kind", "near"}


def test_occupations(occupations):
    client = Client()
    data = client.get("/api/v1/occupations/?q=Kfz").json()
    assert [o["slug"] for o in data["results"]] == ["kfz-pkw"]
    assert client.get("/api/v1/occupations/kfz-pkw/").json()["field"]["key"] == "M"


def test_schema_is_valid_and_lists_the_endpoints(db):
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    assert "/api/v1/municipalities/{municipality}/offers/" in schema["paths"]
    assert "/api/v1/occupations/{slug}/" in schema["paths"]


def test_offer_list_reads_each_page_in_a_fixed_number_of_queries(world, occupations):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_the_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert Client().get("/api/v1/municipalities/dortmund/offers/?kind=internship").status_code == 200
        return len(captured)

    make_offer(world).occupations.add(occupations["electronics"])
    few = queries_for_the_list()
    for _ in range(5):
        make_offer(world).occupations.add(occupations["car"])
    # Not one query per offer and shown column (the description, the grades, … are read with the page).
    assert queries_for_the_list() == few
