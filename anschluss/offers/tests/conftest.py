import pytest
from django_scopes import scopes_disabled

from anschluss.occupations.models import Occupation, OccupationalField


@pytest.fixture
def occupations(db):
    """A few occupations with their field, as the reference import would make them."""
    with scopes_disabled():
        field, _ = OccupationalField.objects.get_or_create(
            key="EL", defaults={"name": "Elektro", "slug": "elektro"}
        )
        metal, _ = OccupationalField.objects.get_or_create(
            key="M", defaults={"name": "Metall", "slug": "metall"}
        )
        return {
            "electronics": Occupation.objects.create(
                nrw_key="17703",
                name="Elektroniker/-in - Energie- und Gebäudetechnik",
                slug="elektroniker-energie",
                field=field,
                search_terms="Elektriker, Strom",
            ),
            "car": Occupation.objects.create(
                nrw_key="51604",
                name="Kraftfahrzeugmechatroniker/-in - Personenkraftwagentechnik",
                slug="kfz-pkw",
                field=metal,
                search_terms="Kfz, Automechaniker",
            ),
        }


@pytest.fixture
def student_user(world):
    return world.users["student"]
