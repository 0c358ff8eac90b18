import re

import pytest

from anschluss.occupations.fields import kaoa_field_for
from anschluss.occupations.models import KldbEntry, Occupation, OccupationalField
from anschluss.occupations.reference_data import import_occupations, read_occupations, read_profiles


@pytest.fixture
def imported(db):
    return import_occupations()


def test_import_counts(imported):
    assert imported["fields"] == 16
    assert imported["kldb"] == 10 + 37 + 144 + 703 + 1301
    assert imported["occupations"] == 604


def test_kldb_hierarchy_and_padding(imported):
    entry = KldbEntry.objects.get(code="34212")
    assert entry.level == 5 and entry.requirement_level == 2
    assert entry.parent.code == "3421"
    assert entry.parent.parent.parent.parent.code == "3"
    assert KldbEntry.objects.get(code="01").parent.code == "0"


def test_occupations_get_kaoa_fields(imported):
    assert Occupation.objects.get(nrw_key="10100").field.key == "M"  # Anlagenmechaniker/-in
    assigned = Occupation.objects.filter(is_current=True, field__isnull=False).count()
    assert assigned / 604 > 0.9


def test_import_is_idempotent(imported):
    assert import_occupations() == imported
    assert OccupationalField.objects.count() == 16


@pytest.mark.parametrize(
    ("name", "nrw_field", "key"),
    [
        ("Fachinformatiker/-in - Anwendungsentwicklung", "OH", "ITC"),
        ("Kaufmann/-frau für Büromanagement", "", "WIVE"),
        ("Medizinische/-r Fachangestellte/-r", "OH", "G"),
        ("Berufskraftfahrer/-in", "OH", "VL"),
        ("Tischler/-in", "HT", "PRFE"),
        ("Sonstiger Ausbildungsberuf ohne Berufsfeld", "XX", None),
    ],
)
def test_field_rules(name, nrw_field, key):
    assert kaoa_field_for(name, nrw_field) == key


# The 20 training occupations with the most starts in NRW (BIBB DAZUBI, new training contracts), as the
# beginning of their names in the NRW catalogue. The figures count an occupation with all its specialisations.
MOST_COMMON = [
    "Kaufmann/-frau für Büromanagement",
    "Kraftfahrzeugmechatroniker/-in",
    "Medizinische/-r Fachangestellte/-r",
    "Verkäufer/-in",
    "Fachinformatiker/-in",
    "Kaufmann/-frau im Einzelhandel",
    "Industriekaufmann/-frau",
    "Elektroniker/-in - ",  # the craft occupation (Hw): its specialisations are written after " - "
    "Anlagenmechaniker/-in - Sanitär-, Heizungs- und Klimatechnik",
    "Zahnmedizinische/-r Fachangestellte/-r",
    "Kaufmann/-frau für Groß- und Außenhandelsmanagement",
    "Industriemechaniker/-in",
    "Bankkaufmann/-frau",
    "Fachkraft für Lagerlogistik",
    "Elektroniker/-in für Betriebstechnik",
    "Tischler/-in",
    "Steuerfachangestellte/-r",
    "Kaufmann/-frau für Versicherungen und Finanz",  # "… und Finanzen" (2006) and "… und Finanzanlagen" (2022)
    "Friseur/-in",
    "Automobilkaufmann/-frau",
]


def test_every_specialisation_of_the_most_common_occupations_is_described():
    described = {row["nrw_key"] for row in read_profiles()}
    current = [row for row in read_occupations() if row["is_current"]]
    for prefix in MOST_COMMON:
        matching = [row for row in current if row["name"].startswith(prefix)]
        assert matching, prefix
        missing = [row["name"] for row in matching if row["nrw_key"] not in described]
        assert not missing, missing
    assert len(described) >= 60


def test_descriptions_are_plain_and_short():
    for row in read_profiles():
        text = row["description"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
        assert text.startswith("Du "), row["nrw_key"]
        assert 2 <= len(sentences) <= 5, row["nrw_key"]
        assert all(len(s.split()) <= 20 for s in sentences), row["nrw_key"]
        assert all(len(word.strip(".,:;")) <= 22 for word in text.split()), row["nrw_key"]


def test_profiles_are_applied(imported):
    described = Occupation.objects.exclude(description="")
    assert described.count() == len(read_profiles())
    car = Occupation.objects.get(nrw_key="51604")
    assert car.kldb.code == "25212" and "Kfz" in car.search_terms


def test_a_profile_naming_an_unknown_occupation_stops_the_import(imported, monkeypatch):
    from anschluss.occupations import reference_data

    good = read_profiles()
    monkeypatch.setattr(
        reference_data,
        "read_profiles",
        lambda: [{**good[0], "description": "Geändert."}, {**good[1], "nrw_key": "99998"}],
    )
    with pytest.raises(ValueError, match="99998"):
        import_occupations()
    assert Occupation.objects.get(nrw_key=good[0]["nrw_key"]).description == good[0]["description"]


def test_occupation_search_page_ignores_nul_characters(world):
    from django.test import Client

    Occupation.objects.create(nrw_key="99997", name="Testberuf", slug="testberuf", description="Du testest.")
    response = Client().get("/dortmund/occupations/", {"q": "Test\x00beruf"})
    assert response.status_code == 200 and b"/dortmund/occupations/testberuf/" in response.content
