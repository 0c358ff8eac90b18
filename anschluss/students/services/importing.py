"""Import students from a SchILD-NRW text export, an SVWS import file or any CSV with the same column names.

Every row is checked before anything is written (rule 7 of ARCHITECTURE.md): one bad row and the whole file
is refused, with an error per row and column, named as the coordinator sees them in the file (line number,
column heading). Only the columns Anschluss needs are read; all others are ignored (data minimisation).
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from anschluss.core.audit import log_action
from anschluss.core.models import School
from anschluss.core.services import ServiceError, require
from anschluss.core.spreadsheets import FORMULA_MESSAGE, looks_like_formula

from ..models import SchoolClass, Student, current_school_year
from .classes import _unique_code

# Our field -> column headings that mean it (lower case). SchILD-NRW 3 text export names its columns by their
# display text ("Nachname", "Interne ID-Nummer"); the SVWS import files use lower-case names ("klasse").
COLUMNS: dict[str, tuple[str, ...]] = {
    "last_name": ("nachname", "name", "familienname"),
    "first_name": ("vorname", "rufname"),
    "date_of_birth": ("geburtsdatum", "geb.-datum", "geburtstag"),
    "class_name": ("klasse", "klassenbezeichnung"),
    "grade": ("jahrgang", "jahrgangsstufe", "jahrgang (interne bezeichnung)"),
    "external_id": (
        "interne id-nummer",
        "externe id-nummer",
        "eindeutige nummer (guid)",
        "schüler-id",
        "schueler-id",
        "guid",
        "id",
    ),
}
REQUIRED = ("last_name", "first_name")
# Names and classes appear in the class overview and its XLSX: a value that starts like a spreadsheet formula
# (=, +, -, @) is no name but a mistake or an attack, and is refused (the XLSX export neutralises it anyway).
SHOWN_AS_TEXT = ("last_name", "first_name", "class_name")
SECOND_STAGE = {"EF": 11, "Q1": 12, "Q2": 13}
_LEADING_GRADE = re.compile(r"^\s*(\d{1,2})")


@dataclass(frozen=True)
class RowError:
    line: int  # line in the file (the heading is line 1); 0 for the file as a whole
    column: str  # the heading as written in the file, or "" for the row/file
    message: str


@dataclass
class ParsedRow:
    line: int
    last_name: str = ""
    first_name: str = ""
    date_of_birth: datetime.date | None = None
    class_name: str = ""
    grade: int | None = None
    external_id: str = ""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    classes_created: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportRefused(ServiceError):
    """The file is refused as a whole: `errors` names every bad row (line, column heading, message)."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            ngettext(
                "Nothing was imported: %(counter)s error",
                "Nothing was imported: %(counter)s errors",
                len(errors),
            )
            % {"counter": len(errors)},
            field="file",
        )
        self.errors = errors


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # SchILD writes Windows-1252 ("ANSI") unless told otherwise.
        return data.decode("cp1252", errors="replace")


def _delimiter(header_line: str) -> str:
    return max([";", "\t", ",", "|"], key=header_line.count)


def _parse_date(raw: str) -> datetime.date | None:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _parse_grade(raw: str) -> int | None:
    raw = raw.strip().upper()
    if raw in SECOND_STAGE:
        return SECOND_STAGE[raw]
    return int(raw) if raw.isdigit() else None


def read_rows(data: bytes) -> tuple[list[dict[str, str]], dict[str, str], list[RowError]]:
    """Split the file into rows of {our field: raw text}; also return our field -> heading in the file."""
    if len(data) > settings.STUDENTS_IMPORT_MAX_BYTES:
        limit = settings.STUDENTS_IMPORT_MAX_BYTES // (1024 * 1024)
        return [], {}, [RowError(0, "", _("The file is too big (at most %(mb)s MB).") % {"mb": limit})]
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not text.strip() or not lines[0].strip():
        return [], {}, [RowError(0, "", _("The file is empty or its first line has no column headings."))]
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[0]))
    header = [h.strip().strip('"').strip() for h in next(reader)]
    lowered = [h.lower() for h in header]
    mapping: dict[str, int] = {}
    for ours, names in COLUMNS.items():
        for name in names:
            if name in lowered:
                mapping[ours] = lowered.index(name)
                break
    headings = {ours: header[index] for ours, index in mapping.items()}
    missing = [ours for ours in REQUIRED if ours not in mapping]
    if missing:
        expected = ", ".join(COLUMNS[m][0].capitalize() for m in missing)
        return (
            [],
            headings,
            [
                RowError(
                    1,
                    "",
                    _("Columns are missing: %(columns)s. Check the first line.") % {"columns": expected},
                )
            ],
        )
    rows = []
    for raw in reader:
        if not any(cell.strip() for cell in raw):
            continue
        cells = {ours: (raw[index].strip() if index < len(raw) else "") for ours, index in mapping.items()}
        cells["_line"] = str(reader.line_num)
        rows.append(cells)
    if len(rows) > settings.STUDENTS_IMPORT_MAX_ROWS:
        message = _("The file has too many rows (at most %(rows)s).") % {
            "rows": settings.STUDENTS_IMPORT_MAX_ROWS
        }
        return [], headings, [RowError(0, "", message)]
    if not rows:
        return [], headings, [RowError(0, "", _("The file has no students in it."))]
    return rows, headings, []


def _check_text(
    row: ParsedRow, cells, ours: str, headings, errors: list, *, required: bool, limit: int
) -> str:
    value = cells.get(ours, "")
    if required and not value:
        errors.append(RowError(row.line, headings.get(ours, ours), _("This field is empty.")))
    elif len(value) > limit:
        errors.append(
            RowError(
                row.line, headings[ours], _("Too long: at most %(limit)s characters.") % {"limit": limit}
            )
        )
    elif ours in SHOWN_AS_TEXT and looks_like_formula(value):
        errors.append(RowError(row.line, headings[ours], str(FORMULA_MESSAGE)))
    return value


def validate_rows(
    rows: list[dict[str, str]], headings: dict[str, str], *, target_class: SchoolClass | None
) -> tuple[list[ParsedRow], list[RowError]]:
    """Check every row; nothing is written here."""
    errors: list[RowError] = []
    parsed: list[ParsedRow] = []
    today = timezone.localdate()
    seen: dict[tuple, int] = {}
    for cells in rows:
        row = ParsedRow(line=int(cells["_line"]))
        row.last_name = _check_text(row, cells, "last_name", headings, errors, required=True, limit=100)
        row.first_name = _check_text(row, cells, "first_name", headings, errors, required=True, limit=100)
        row.external_id = _check_text(row, cells, "external_id", headings, errors, required=False, limit=40)
        row.class_name = _check_text(
            row, cells, "class_name", headings, errors, required=target_class is None, limit=20
        )
        if cells.get("date_of_birth"):
            row.date_of_birth = _parse_date(cells["date_of_birth"])
            if row.date_of_birth is None:
                message = _("Not a date. Write it like 31.12.2011.")
                errors.append(RowError(row.line, headings["date_of_birth"], message))
            elif not 8 <= (today.year - row.date_of_birth.year) <= 27:
                message = _("This date of birth is not possible for a student at this school.")
                errors.append(RowError(row.line, headings["date_of_birth"], message))
        if target_class is not None and row.class_name and row.class_name != target_class.name:
            message = _("This student is in class %(row)s, not in %(chosen)s.") % {
                "row": row.class_name,
                "chosen": target_class.name,
            }
            errors.append(RowError(row.line, headings["class_name"], message))
        row.grade = _grade(row, cells, headings, errors, target_class)
        key = (
            (row.external_id,)
            if row.external_id
            else (row.last_name.lower(), row.first_name.lower(), row.date_of_birth)
        )
        if key in seen:
            message = _("This student is already in line %(line)s of the file.") % {"line": seen[key]}
            errors.append(RowError(row.line, "", message))
        else:
            seen[key] = row.line
        parsed.append(row)
    return parsed, errors


def _grade(row: ParsedRow, cells, headings, errors: list, target_class: SchoolClass | None) -> int | None:
    if target_class is not None:
        return target_class.grade
    if cells.get("grade"):
        grade = _parse_grade(cells["grade"])
        if grade is None or not 5 <= grade <= 13:
            errors.append(
                RowError(row.line, headings["grade"], _("The grade must be a number from 5 to 13."))
            )
        return grade
    match = _LEADING_GRADE.match(row.class_name)
    if match and 5 <= int(match.group(1)) <= 13:
        return int(match.group(1))
    if row.class_name:
        column = headings.get("grade") or headings.get("class_name", "")
        errors.append(
            RowError(row.line, column, _("The grade is missing and the class name does not tell it."))
        )
    return None


def _find_existing(school: School, row: ParsedRow) -> Student | None:
    students = Student.objects.filter(school=school)
    if row.external_id:
        return students.filter(external_id=row.external_id).first()
    return students.filter(
        last_name__iexact=row.last_name, first_name__iexact=row.first_name, date_of_birth=row.date_of_birth
    ).first()


def _check_class_grades(school: School, rows: list[ParsedRow], school_year: str) -> list[RowError]:
    existing = {c.name: c.grade for c in SchoolClass.objects.filter(school=school, school_year=school_year)}
    errors: list[RowError] = []
    grades: dict[str, int] = {}
    for row in rows:
        if not row.class_name or row.grade is None:
            continue
        expected = existing.get(row.class_name, grades.setdefault(row.class_name, row.grade))
        if expected != row.grade:
            message = _("Class %(name)s is in grade %(grade)s, not %(row)s.") % {
                "name": row.class_name,
                "grade": expected,
                "row": row.grade,
            }
            errors.append(RowError(row.line, "", message))
    return errors


@transaction.atomic
def do_import_students(
    school: School, data: bytes, *, target_class: SchoolClass | None = None, actor
) -> ImportResult:
    """Import a file into `school` (into `target_class`, or into the classes its rows name, created for the
    current school year when missing). All or nothing: raises ImportRefused with every error when any row is
    wrong. Existing students (same ID, else same name and date of birth) are moved, not duplicated.
    Needs students.import_students; logs the import and each student created."""
    require(actor, "students.import_students", school)
    if target_class is not None and target_class.school_id != school.pk:
        raise ValueError("target class of another school")
    school_year = target_class.school_year if target_class else current_school_year()
    raw_rows, headings, errors = read_rows(data)
    if errors:
        raise ImportRefused(errors)
    rows, errors = validate_rows(raw_rows, headings, target_class=target_class)
    errors += _check_class_grades(school, rows, school_year) if target_class is None else []
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: (e.line, e.column)))
    result = ImportResult()
    classes: dict[str, SchoolClass] = {}
    for row in rows:
        school_class = target_class or classes.get(row.class_name)
        if school_class is None:
            school_class, made = SchoolClass.objects.get_or_create(
                school=school,
                school_year=school_year,
                name=row.class_name,
                defaults={"municipality": school.municipality, "grade": row.grade},
            )
            classes[row.class_name] = school_class
            if made:
                result.classes_created.append(school_class.name)
                log_action(actor, "students.schoolclass.create", school_class, {"source": "import"})
        student = _find_existing(school, row)
        if student is None:
            student = Student(municipality=school.municipality, school=school, signup_code=_unique_code())
            student.signup_code_created = timezone.now()
            result.created += 1
            action = "students.student.create"
        else:
            result.updated += 1
            action = "students.student.update"
        student.first_name, student.last_name = row.first_name, row.last_name
        student.date_of_birth = row.date_of_birth or student.date_of_birth
        student.external_id = row.external_id or student.external_id
        student.school_class, student.grade = school_class, school_class.grade
        student.save()
        log_action(actor, action, student, {"source": "import", "line": row.line})
    log_action(
        actor,
        "students.import.run",
        school,
        {"created": result.created, "updated": result.updated, "classes": result.classes_created},
    )
    return result
