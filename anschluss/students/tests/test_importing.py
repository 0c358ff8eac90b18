"""Imports from SchILD-NRW text exports and CSV files: every row is checked first, errors name line and column,
and a file with one bad row writes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anschluss.core.services import ServiceError
from anschluss.students.models import SchoolClass, Student
from anschluss.students.services.importing import ImportRefused, do_import_students

# As SchILD-NRW 3 writes a text export: display texts as headings, semicolons, Windows-1252.
SCHILD_HEADER = "Interne ID-Nummer;Nachname;Vorname;Geburtsdatum;Klasse;Jahrgang;Status"


def schild(*rows: str) -> bytes:
    return "\r\n".join([SCHILD_HEADER, *rows]).encode("cp1252")


BROKEN = schild(
    "1001;Beispiel;Ada;14.03.2011;9c;09;2",
    "1002;;Ben;02.07.2011;9c;09;2",  # line 3: last name missing
    "1003;Muster;Cem;31.02.2011;9c;09;2",  # line 4: no such date
    "1004;Probe;Dana;01.01.2011;9c;X;2",  # line 5: grade not a number
    "1001;Beispiel;Ada;14.03.2011;9c;09;2",  # line 6: twice
)
FIXED = schild(
    "1001;Beispiel;Ada;14.03.2011;9c;09;2",
    "1002;Fiktiv;Ben;02.07.2011;9c;09;2",
    "1003;Muster;Cem;28.02.2011;9c;09;2",
    "1004;Probe;Dana;01.01.2011;9c;9;2",
    "1005;Beispiel-Öztürk;Gül;05.05.2011;9c;9;2",
)


def test_broken_rows_are_reported_exactly_and_nothing_is_written(world, in_scope, users):
    school = world.orgs["project_school"]
    with translation.override("en"), pytest.raises(ImportRefused) as refused:
        do_import_students(school, BROKEN, actor=users["school_coordinator"])
    errors = [(e.line, e.column) for e in refused.value.errors]
    assert errors == [(3, "Nachname"), (4, "Geburtsdatum"), (5, "Jahrgang"), (6, "")]
    assert "line 2" in refused.value.errors[-1].message
    # One refusal of the whole file, the service way: at the form's file field, with every row.
    assert isinstance(refused.value, ServiceError) and refused.value.field == "file"
    assert str(refused.value) == "Nothing was imported: 4 errors"
    assert not Student.objects.exists()
    assert not SchoolClass.objects.exists()


def test_the_fixed_file_imports_and_creates_the_class(world, in_scope, users):
    school = world.orgs["project_school"]
    result = do_import_students(school, FIXED, actor=users["school_coordinator"])
    assert (result.created, result.updated, result.classes_created) == (5, 0, ["9c"])
    student = Student.objects.get(external_id="1005")
    assert (student.last_name, student.first_name, student.grade) == ("Beispiel-Öztürk", "Gül", 9)
    assert student.signup_code and student.school_class.name == "9c"
    # Importing again moves, never duplicates.
    again = do_import_students(school, FIXED, actor=users["school_coordinator"])
    assert (again.created, again.updated) == (0, 5)
    assert Student.objects.count() == 5


def test_names_that_look_like_formulas_are_refused_per_row(world, in_scope, users):
    school = world.orgs["project_school"]
    data = schild(
        '2001;=HYPERLINK("https://evil.example");Ada;14.03.2011;9c;9;2',
        "2002;Muster;+49 231;02.07.2011;9c;9;2",
        "2003;Probe;Dana;01.01.2011;@9c;9;2",
        "2004;-Fiktiv;Ben;01.01.2011;9c;9;2",
        "2005;Beispiel-Öztürk;Gül;05.05.2011;9c;9;2",  # a hyphen inside a name is fine
    )
    with translation.override("en"), pytest.raises(ImportRefused) as refused:
        do_import_students(school, data, actor=users["school_coordinator"])
    errors = [(e.line, e.column) for e in refused.value.errors]
    assert errors == [(2, "Nachname"), (3, "Vorname"), (4, "Klasse"), (5, "Nachname")]
    assert refused.value.errors[0].message == (
        "May not start with =, +, - or @: a spreadsheet would take it for a formula."
    )
    with translation.override("de"), pytest.raises(ImportRefused) as refused:
        do_import_students(school, data, actor=users["school_coordinator"])
    assert refused.value.errors[0].message.startswith("Darf nicht mit =, +, - oder @ beginnen")
    assert not Student.objects.exists()


def test_the_forms_refuse_such_names_too(world, in_scope, school):
    from anschluss.students.forms.classes import ClassForm, StudentForm

    form = StudentForm({"first_name": "=1+1", "last_name": "Muster"})
    assert not form.is_valid() and list(form.errors) == ["first_name"]
    assert StudentForm({"first_name": "Anna-Lena", "last_name": "Muster"}).is_valid()
    school_form = ClassForm(
        {"name": "@9c", "grade": 9, "school_year": "2025/26"}, school=world.orgs["project_school"]
    )
    assert not school_form.is_valid() and "name" in school_form.errors


def test_svws_style_csv_with_commas_and_a_chosen_class(world, in_scope, users, school):
    data = b"nachname,vorname,geburtsdatum\nBeispiel,Lena,2012-01-09\nMuster,Tom,\n"
    result = do_import_students(
        world.orgs["project_school"], data, target_class=school.other_class, actor=users["school_coordinator"]
    )
    assert result.created == 2
    assert set(school.other_class.students.values_list("first_name", flat=True)) >= {"Lena", "Tom"}


def test_missing_columns_and_empty_files_are_refused(world, in_scope, users):
    school = world.orgs["project_school"]
    for data in (b"", b"Klasse;Jahrgang\n9a;9\n", b"Nachname;Vorname\n"):
        with pytest.raises(ImportRefused):
            do_import_students(school, data, actor=users["school_coordinator"])


def test_only_the_coordinator_of_the_school_may_import(world, in_scope, users):
    for key in ("teacher", "other_school_coordinator", "student"):
        with pytest.raises(PermissionDenied):
            do_import_students(world.orgs["project_school"], FIXED, actor=users[key])


# --- property: a malformed file never writes partially ------------------------------------------------------

GOOD_ROW = st.fixed_dictionaries(
    {
        "last": st.sampled_from(["Beispiel", "Muster", "Probe", "Fiktiv", "Öztürk"]),
        "first": st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=1, max_size=12),
        "born": st.dates(min_value=datetime.date(2008, 1, 1), max_value=datetime.date(2014, 12, 31)),
        "klasse": st.sampled_from(["8a", "9b", "10c"]),
    }
)
# Ways to break a row: empty names, impossible dates, text where the grade goes, overlong values, formulas.
BREAKAGES = st.sampled_from(
    ["no_last", "no_first", "bad_date", "bad_grade", "long_name", "short_row", "formula"]
)


def _line(row: dict, breakage: str | None) -> str:
    last, first = row["last"], row["first"].capitalize()
    born, klasse = row["born"].strftime("%d.%m.%Y"), row["klasse"]
    grade = klasse[:-1]
    if breakage == "no_last":
        last = ""
    elif breakage == "no_first":
        first = " "
    elif breakage == "bad_date":
        born = "31.13.2011"
    elif breakage == "bad_grade":
        grade = "neun"
    elif breakage == "long_name":
        last = "X" * 101
    elif breakage == "short_row":
        return f";{last}"
    elif breakage == "formula":
        first = "=" + first
    return f";{last};{first};{born};{klasse};{grade};2"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(GOOD_ROW, min_size=1, max_size=12),
    broken=st.lists(st.tuples(st.integers(min_value=0, max_value=11), BREAKAGES), max_size=4),
)
def test_an_import_writes_everything_or_nothing(world, in_scope, users, rows, broken):
    school = world.orgs["project_school"]
    damage = {index % len(rows): kind for index, kind in broken}
    lines = [_line(row, damage.get(i)) for i, row in enumerate(rows)]
    data = schild(*lines)
    before = (Student.objects.count(), SchoolClass.objects.count())
    try:
        result = do_import_students(school, data, actor=users["school_coordinator"])
    except ImportRefused as refused:
        assert refused.errors
        assert (Student.objects.count(), SchoolClass.objects.count()) == before
        # A deliberately broken row is always among the errors.
        broken_lines = {i + 2 for i in damage}
        assert broken_lines <= {e.line for e in refused.errors}
    else:
        assert not damage
        assert Student.objects.count() == before[0] + result.created
        assert result.created + result.updated == len(rows)
