"""School objects on top of the shared `world` fixture, for the matrix rows and this app's tests.

The student persona is in class 9b of Hauptschule Kley, taught by the teacher persona; the guardian persona is
linked to the student. Class 8a has another student whom the teacher does not teach.
"""

import datetime
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scopes_disabled

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def school_world(world) -> SimpleNamespace:
    """Create (once per world) the classes, students and their records; returns them."""
    if getattr(world, "school", None) is not None:
        return world.school
    from anschluss.students.models import (
        Consent,
        CoverLetter,
        CurriculumVitae,
        CvEntry,
        Document,
        Guardianship,
        Milestone,
        SchoolClass,
        Student,
        current_school_year,
    )

    users = world.users
    school = world.orgs["project_school"]
    with scopes_disabled():
        year = current_school_year()
        own = SchoolClass.objects.create(
            municipality=world.main, school=school, name="9b", grade=9, school_year=year
        )
        own.teachers.add(users["teacher"])
        other_class = SchoolClass.objects.create(
            municipality=world.main, school=school, name="8a", grade=8, school_year=year
        )
        student = Student.objects.create(
            municipality=world.main,
            school=school,
            school_class=own,
            grade=9,
            user=users["student"],
            first_name="Mia",
            last_name="Schülerin",
            # 14 or 15 years old, whenever the tests run: below the usual consent age of 16.
            date_of_birth=datetime.date(timezone.localdate().year - 15, 1, 1),
        )
        stranger = Student.objects.create(
            municipality=world.main,
            school=school,
            school_class=other_class,
            grade=8,
            first_name="Otto",
            last_name="Fremd",
            signup_code="ABCD2345",
            signup_code_created=timezone.now(),
        )
        Guardianship.objects.create(
            municipality=world.main, student=student, user=users["guardian"], accepted=timezone.now()
        )
        document = Document(
            municipality=world.main,
            student=student,
            kind=Document.Kind.CERTIFICATE,
            title="Praktikumsbescheinigung",
            content_type="application/pdf",
            size=len(PDF_BYTES),
        )
        document.file.save("upload", ContentFile(PDF_BYTES), save=False)
        document.save()
        milestone = Milestone.objects.create(
            municipality=world.main,
            student=student,
            feature="SBO_5_1",
            detail="SBO_5_1_1",
            date=datetime.date(2026, 2, 3),
            evidence=document,
            recorded_by=users["student"],
        )
        cv = CurriculumVitae.objects.create(municipality=world.main, student=student, city="Dortmund")
        entry = CvEntry.objects.create(
            municipality=world.main, cv=cv, section="school", start="08/2021", title="Hauptschule Kley"
        )
        letter = CoverLetter.objects.create(
            municipality=world.main, student=student, company="Beispiel Elektro", subject="Bewerbung"
        )
        consent = Consent.objects.create(
            municipality=world.main,
            student=student,
            purpose="internship_placement",
            recipient="Betriebe",
            scope="Name",
            decision="given",
            given_by=users["guardian"],
            given_by_label="Aylin Elternteil",
            given_as="guardian",
        )
    world.school = SimpleNamespace(
        own_class=own,
        other_class=other_class,
        student=student,
        stranger=stranger,
        document=document,
        milestone=milestone,
        cv=cv,
        entry=entry,
        letter=letter,
        consent=consent,
    )
    return world.school
