"""Demo classes at Hauptschule Kley with invented students (names that are obviously made up), the student
persona in a class the teacher persona teaches, the guardian persona as that student's guardian, and some
milestones, strengths and quiz answers. Idempotent: run it as often as you like."""

import datetime

from django_scopes import scope

from anschluss.accounts import directory
from anschluss.accounts.models import Role, User
from anschluss.core.demo import DemoWorld, demo_loader
from anschluss.core.models import School

from . import interests
from .models import (
    Guardianship,
    InterestAnswer,
    Milestone,
    SchoolClass,
    Strength,
    Student,
    current_school_year,
)
from .services.common import new_code

# (class, grade, first names); every last name is "Beispiel…" or "Muster…", so nobody mistakes them for real.
CLASSES = [
    ("8a", 8, ["Ada", "Ben", "Cem", "Dana", "Elif", "Finn", "Gül", "Hugo"]),
    ("9b", 9, ["Ida", "Jan", "Kira", "Luca", "Mo", "Nele", "Omar", "Pia"]),
    ("10a", 10, ["Rosa", "Sami", "Tara", "Udo", "Vera", "Yusuf"]),
]
LAST_NAMES = ["Beispiel", "Muster", "Probe", "Fiktiv"]
PERSONA_CLASS = "9b"
# A grade 9 student: Potenzialanalyse, three exploration days and the portfolio in grade 8.
PERSONA_MILESTONES = [
    ("SBO_3_4_1", datetime.date(2025, 9, 1), "", True),
    ("SBO_4_1_1", datetime.date(2025, 10, 14), "Potenzialanalyse beim Bildungsträger", True),
    ("SBO_5_1_1", datetime.date(2026, 2, 3), "Elektro – Beispiel-Elektrotechnik", True),
    ("SBO_5_1_2", datetime.date(2026, 3, 10), "Gesundheit – Zahnarztpraxis", False),
]


def _student(school: School, school_class: SchoolClass, first: str, last: str, born: datetime.date, **extra):
    student, _created = Student.objects.update_or_create(
        school=school,
        external_id=f"demo-{first.lower()}-{last.lower()}",
        defaults={
            "municipality": school.municipality,
            "school_class": school_class,
            "grade": school_class.grade,
            "first_name": first,
            "last_name": last,
            "date_of_birth": born,
            **extra,
        },
    )
    if student.user_id is None and not student.signup_code:
        from django.utils import timezone

        student.signup_code, student.signup_code_created = new_code(), timezone.now()
        student.save(update_fields=["signup_code", "signup_code_created"])
    return student


def load_students_demo(school: School, users: dict[str, User]) -> dict[str, int]:
    """Create the demo classes of `school` (Hauptschule Kley) and link the personas. Returns counts."""
    with scope(municipality=school.municipality_id):
        year = current_school_year()
        teacher, persona = users["teacher"], users["student"]
        classes = {}
        for name, grade, first_names in CLASSES:
            school_class, _created = SchoolClass.objects.get_or_create(
                school=school,
                school_year=year,
                name=name,
                defaults={"municipality": school.municipality, "grade": grade},
            )
            classes[name] = school_class
            for index, first in enumerate(first_names):
                born = datetime.date(2026 - grade - 6, 1 + index % 12, 1 + index * 3 % 28)
                _student(school, school_class, first, LAST_NAMES[index % len(LAST_NAMES)], born)
        persona_class = classes[PERSONA_CLASS]
        persona_class.teachers.add(teacher)
        student = _student(
            school, persona_class, persona.first_name, persona.last_name, datetime.date(2011, 5, 17)
        )
        student.user, student.signup_code = persona, None
        student.save(update_fields=["user", "signup_code"])
        guardian = users["guardian"]
        Guardianship.link(student, guardian, accepted=student.created)
        for detail, date, note, confirmed in PERSONA_MILESTONES:
            Milestone.objects.get_or_create(
                student=student,
                detail=detail,
                defaults={
                    "municipality": school.municipality,
                    "feature": detail.rsplit("_", 1)[0],
                    "date": date,
                    "note": note,
                    "recorded_by": persona,
                    "confirmed_by": teacher if confirmed else None,
                    "confirmed": student.created if confirmed else None,
                },
            )
        Strength.objects.get_or_create(
            student=student,
            source=Strength.Source.TEACHER,
            key="hands",
            defaults={"municipality": school.municipality, "author": teacher, "note": "Potenzialanalyse"},
        )
        # Half of the quiz answered: the persona can show "pause and go on later".
        for number, item in enumerate(interests.items()[:30]):
            InterestAnswer.objects.get_or_create(
                student=student,
                item=item.key,
                defaults={"municipality": school.municipality, "value": 1 + number * 7 % 5},
            )
        directory.grant(persona, school, Role.STUDENT)
        return {"classes": len(classes), "students": Student.objects.filter(school=school).count()}


@demo_loader(30)
def load_demo(world: DemoWorld) -> dict[str, int]:
    return load_students_demo(world.organisations["project_school"], world.users)  # type: ignore[arg-type]
