"""The class overview: per student, which expected milestones are done, and whether quiz and CV exist."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from . import interests, kaoa
from .models import Milestone, SchoolClass, Student
from .models.consent import LINKED_GUARDIAN
from .purposes import PURPOSES
from .services.consent import consented_purposes, policy_of
from .services.milestones import done_features

DONE, RECORDED, MISSING = "confirmed", "recorded", "missing"


@dataclass
class Row:
    student: Student
    has_account: bool
    milestones: list[tuple[kaoa.Entry, str]] = field(default_factory=list)
    interests_answered: int = 0
    has_cv: bool = False
    guardians: int = 0
    consents: list[str] = field(default_factory=list)  # purposes with a consent that holds now

    @property
    def interests_done(self) -> bool:
        return self.interests_answered == len(interests.items())

    @property
    def consent_names(self) -> list[str]:
        return [str(purpose.name) for purpose in PURPOSES if purpose.key in self.consents]

    @property
    def missing(self) -> list[kaoa.Entry]:
        return [entry for entry, status in self.milestones if status == MISSING]


def class_overview(school_class: SchoolClass) -> tuple[list[kaoa.Entry], list[Row]]:
    expected = kaoa.expected_features(school_class.grade)
    students = (
        school_class.students.select_related("user", "cv")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.all()), "consents")
        .annotate(
            answered=Count("interest_answers", distinct=True),
            cv_entries=Count("cv__entries", distinct=True),
            linked_guardians=Count("guardianships__user", filter=LINKED_GUARDIAN, distinct=True),
        )
        .order_by("last_name", "first_name")
    )
    policy = policy_of(school_class.municipality)
    rows = []
    for student in students:
        done = done_features(student)
        statuses = []
        for entry in expected:
            milestone = done.get(entry.key)
            status = MISSING if milestone is None else (DONE if milestone.is_confirmed else RECORDED)
            statuses.append((entry, status))
        rows.append(
            Row(
                student=student,
                has_account=student.user_id is not None,
                milestones=statuses,
                interests_answered=student.answered,
                has_cv=student.cv_entries > 0,
                guardians=student.linked_guardians,
                consents=consented_purposes(student, policy),
            )
        )
    return expected, rows


def status_label(status: str) -> str:
    return {DONE: _("confirmed"), RECORDED: _("recorded, not confirmed"), MISSING: _("missing")}[status]


def class_workbook(school_class: SchoolClass) -> bytes:
    """The overview as an XLSX file (openpyxl), one row per student."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from anschluss.core.spreadsheets import append_row, sheet_title

    expected, rows = class_overview(school_class)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title(school_class.name, "Klasse")
    header = [
        _("Last name"),
        _("First name"),
        _("Account"),
        *[entry.label for entry in expected],
        _("Interest quiz"),
        _("CV"),
        _("Guardians linked"),
        *[_("Consent: %(purpose)s") % {"purpose": purpose.name} for purpose in PURPOSES],
    ]
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    yes, no = _("yes"), _("no")
    for row in rows:
        quiz = (
            yes if row.interests_done else (f"{row.interests_answered}/60" if row.interests_answered else no)
        )
        append_row(
            sheet,
            [
                row.student.last_name,
                row.student.first_name,
                yes if row.has_account else no,
                *[status_label(status) for _entry, status in row.milestones],
                quiz,
                yes if row.has_cv else no,
                row.guardians,
                *[yes if purpose.key in row.consents else no for purpose in PURPOSES],
            ],
        )
    for index, column in enumerate(sheet.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(
            40, max(12, *(len(str(c.value or "")) for c in column))
        )
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
