import pytest

from anschluss.occupations.fields import kaoa_field_for
from anschluss.occupations.models import KldbEntry, Occupation, OccupationalField
from anschluss.occupations.reference_data import import_occupations


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
