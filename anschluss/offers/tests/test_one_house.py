"""The offer portal on the one way: notifications through core.notify, documents a company received,
periodic tasks beside their services, the occupation page's section, the demo's overdue application."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from anschluss.core.models import Notification
from anschluss.core.permissions import allowed
from anschluss.offers.services import (
    do_answer_application,
    do_send_acknowledgement_reminders,
    do_withdraw_application,
)

from .factories import make_application, make_offer

pytestmark = pytest.mark.django_db


def test_a_notification_reads_in_the_readers_language(world, in_scope, settings):
    settings.LANGUAGE_CODE = "de"
    student = world.users["student"]
    application = make_application(world, make_offer(world, title="Praktikum Elektro"))
    do_answer_application(application, status="acknowledged", actor=world.users["company_staff"])
    notification = Notification.objects.get(user=student)
    assert notification.kind == "offers.application_acknowledged"
    assert notification.params["offer"] == "Praktikum Elektro"
    with translation.override("en"):
        assert notification.text == "The company has received your application for “Praktikum Elektro”."


def test_a_student_without_email_gets_the_inbox_entry(
    world, in_scope, mailoutbox, django_capture_on_commit_callbacks
):
    student = world.users["student"]
    student.email = ""
    student.save()
    application = make_application(world)
    with django_capture_on_commit_callbacks(execute=True):
        do_answer_application(application, status="acknowledged", actor=world.users["company_staff"])
    assert Notification.objects.filter(user=student, kind="offers.application_acknowledged").count() == 1
    assert not [m for m in mailoutbox if m.to == [""]]


def test_old_offer_messages_still_show(world, in_scope):
    """Rows copied from the offer portal's former notifications (kind offers.message) keep their text."""
    notification = Notification.objects.create(
        municipality=world.main,
        user=world.users["student"],
        kind="offers.message",
        params={"text": "Ihr Angebot „Praktikum“ ist online."},
    )
    with translation.override("en"):
        assert notification.text == "Ihr Angebot „Praktikum“ ist online."


def _document(world, student, title="Lebenslauf", kind="cv"):
    from django.apps import apps

    from anschluss.students.tests.world import PDF_BYTES

    document = apps.get_model("students", "Document")(
        municipality=world.main,
        student=student,
        kind=kind,
        title=title,
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    document.file.save("upload", ContentFile(PDF_BYTES), save=False)
    document.save()
    return document


def test_a_company_sees_the_documents_it_received(world, in_scope):
    from anschluss.students.tests.world import school_world

    school = school_world(world)
    staff, other = world.users["company_staff"], world.users["other_company_staff"]
    attached, kept = school.document, _document(world, school.student, "Tagebuch", "other")
    application = make_application(world)
    application.student = school.student
    application.save()
    application.documents.set([attached])
    assert allowed(staff, "offers.view_received_document", attached)
    assert not allowed(staff, "offers.view_received_document", kept)
    assert not allowed(other, "offers.view_received_document", attached)
    assert not allowed(world.users["platform_admin"], "offers.view_received_document", attached)
    # A certificate of a confirmed milestone: only while the student shares their steps, with consent.
    from django.apps import apps

    certificate = _document(world, school.student, "Praktikumsbescheinigung", "certificate")
    apps.get_model("students", "Milestone").objects.create(
        municipality=world.main,
        student=school.student,
        feature="SBO_6_1",
        date=timezone.localdate(),
        evidence=certificate,
        confirmed=timezone.now(),
    )
    assert not allowed(staff, "offers.view_received_document", certificate)
    student = school.student
    student.share_milestones = True
    student.date_of_birth = timezone.localdate() - datetime.timedelta(days=365 * 17)
    student.save()
    assert not allowed(staff, "offers.view_received_document", certificate)  # no consent yet
    apps.get_model("students", "Consent").objects.create(
        municipality=world.main,
        student=student,
        purpose="applications",
        decision="given",
        given_as="student",
    )
    assert allowed(staff, "offers.view_received_document", certificate)
    # Withdrawn: the company sees nothing more.
    do_withdraw_application(application, actor=world.users["student"])
    assert not allowed(staff, "offers.view_received_document", attached)
    assert not allowed(staff, "offers.view_received_document", certificate)


def test_the_periodic_tasks_keep_their_names():
    """They moved beside their services; Celery must still find them under the names of the beat schedule."""
    from django.conf import settings

    from anschluss.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        if entry["task"].startswith("anschluss.offers."):
            assert entry["task"] in app.tasks, entry["task"]
    assert "anschluss.offers.tasks.expire_offers" in app.tasks


def test_the_occupation_page_shows_the_current_offers(world, occupations):
    offer = make_offer(world, title="Praktikum Stromkreise")
    with scopes_disabled():
        offer.occupations.add(occupations["electronics"])
        slug = occupations["electronics"].slug
    page = Client().get(f"/dortmund/occupations/{slug}/").content.decode()
    assert 'id="occupation-offers"' in page and "Praktikum Stromkreise" in page
    listing = Client().get(f"/dortmund/occupations/?q={occupations['electronics'].name[:8]}").content.decode()
    assert "(1 offer)" in listing or "(1 Angebot)" in listing


def test_the_demo_company_is_reminded_of_an_overdue_application(
    db, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with translation.override("en"):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from anschluss.core.models import Municipality
    from anschluss.offers.services import periodic

    with scopes_disabled():
        from anschluss.accounts.models import User

        staff = User.objects.get(username="ausbildung.elektro")
        main = Municipality.objects.get(pk=staff.municipality_id)
    with scope(municipality=main.pk):
        assert not Notification.objects.filter(user=staff, kind="offers.application_reminder").exists()
    with django_capture_on_commit_callbacks(execute=True):
        result = periodic.send_acknowledgement_reminders()
    assert result[main.slug]["reminded"] >= 1
    with scope(municipality=main.pk):
        assert Notification.objects.filter(user=staff, kind="offers.application_reminder").exists()
        # Reminded once: the next run finds nothing new for it.
        assert do_send_acknowledgement_reminders(main)["reminded"] == 0
