"""The services of the offer portal: life cycle, moderation, applications with deadlines, saved searches."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from anschluss.core.models import AuditEntry, Notification
from anschluss.core.services import ServiceError
from anschluss.offers.models import Application, Offer, OfferStatus, SavedSearch
from anschluss.offers.services import (
    do_accept_place,
    do_answer_application,
    do_apply,
    do_close_offer,
    do_create_offer,
    do_expire_offers,
    do_publish_offer,
    do_reject_offer,
    do_save_search,
    do_send_acknowledgement_reminders,
    do_send_search_digests,
    do_submit_offer,
    do_toggle_saved_offer,
    do_update_offer,
    do_withdraw_application,
)

from .factories import make_application, make_offer

pytestmark = pytest.mark.django_db


def _data(world, **extra):
    return {
        "kind": "internship",
        "title": "Praktikum Elektro",
        "description": "Kabel verlegen.",
        "company": world.orgs["company"],
        "places": 2,
        **extra,
    }


def test_life_cycle_from_draft_to_closed(world, in_scope, occupations):
    staff, coordinator = world.users["company_staff"], world.users["coordinator"]
    offer = do_create_offer(
        world.main, data=_data(world), occupations=[occupations["electronics"]], actor=staff
    )
    assert offer.status == OfferStatus.DRAFT
    assert "Elektroniker" in offer.occupation_text and "Strom" in offer.occupation_text
    # The company's address is used when the offer has none of its own.
    assert offer.district == world.orgs["company"].district
    do_submit_offer(offer, actor=staff)
    with pytest.raises(PermissionDenied):
        do_publish_offer(offer, actor=staff)
    do_publish_offer(offer, actor=coordinator)
    assert offer.status == OfferStatus.PUBLISHED and offer.published_at
    assert Notification.objects.filter(user=staff).count() == 1
    # A change by the company sends it back to review.
    do_update_offer(offer, data={"title": "Praktikum Elektrotechnik"}, actor=staff)
    assert offer.status == OfferStatus.IN_REVIEW
    do_close_offer(offer, actor=staff)
    assert offer.status == OfferStatus.CLOSED
    actions = set(AuditEntry.objects.filter(target_id=str(offer.pk)).values_list("action", flat=True))
    assert {
        "offers.offer.create",
        "offers.offer.submit",
        "offers.offer.publish",
        "offers.offer.close",
    } <= actions


def test_company_staff_cannot_create_for_another_company(world, in_scope):
    with pytest.raises(PermissionDenied):
        do_create_offer(
            world.main,
            data=_data(world, company=world.orgs["other_company"]),
            actor=world.users["company_staff"],
        )
    with pytest.raises(PermissionDenied):
        do_create_offer(world.main, data=_data(world), actor=world.users["student"])
    assert not Offer.objects.exists()


def test_bad_input_is_refused_and_nothing_changes(world, in_scope):
    staff = world.users["company_staff"]
    today = timezone.localdate()
    with pytest.raises(ServiceError):
        do_create_offer(
            world.main,
            data=_data(world, start_date=today, end_date=today - datetime.timedelta(days=1)),
            actor=staff,
        )
    with pytest.raises(ServiceError):
        do_create_offer(world.main, data=_data(world, apply_method="external"), actor=staff)
    assert not Offer.objects.exists()


def test_reject_needs_a_note(world, in_scope):
    offer = make_offer(world, status="in_review")
    with pytest.raises(ServiceError):
        do_reject_offer(offer, note=" ", actor=world.users["liaison"])
    do_reject_offer(offer, note="Bitte Arbeitszeiten nennen.", actor=world.users["liaison"])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and offer.review_note


def test_expire_offers_after_deadline_or_end(world, in_scope):
    today = timezone.localdate()
    past = make_offer(world, application_deadline=today - datetime.timedelta(days=1))
    ended = make_offer(
        world, end_date=today - datetime.timedelta(days=1), start_date=today - datetime.timedelta(days=5)
    )
    current = make_offer(world, application_deadline=today)
    assert do_expire_offers(world.main) == 2
    statuses = dict(Offer.objects.values_list("pk", "status"))
    assert statuses[past.pk] == statuses[ended.pk] == OfferStatus.EXPIRED
    assert statuses[current.pk] == OfferStatus.PUBLISHED


def test_apply_tells_the_company_and_refuses_a_second_application(
    world, in_scope, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.OFFERS_ACKNOWLEDGE_DAYS = 3
    offer = make_offer(world, contact_email="ausbildung@example.org")
    student = world.users["student"]
    with django_capture_on_commit_callbacks(execute=True):
        application = do_apply(offer, message="Hallo, ich bin Mia.", actor=student)
    assert application.status == "sent"
    assert application.acknowledge_due - application.created >= datetime.timedelta(
        days=3
    ) - datetime.timedelta(seconds=5)
    assert Notification.objects.filter(user=world.users["company_staff"]).exists()
    assert {m.to[0] for m in mailoutbox} >= {"ausbildung@example.org", world.users["company_staff"].email}
    with pytest.raises(ServiceError):
        do_apply(offer, message="Nochmal", actor=student)
    assert Application.objects.count() == 1


def test_apply_needs_a_message_and_an_open_offer(world, in_scope):
    student = world.users["student"]
    with pytest.raises(ServiceError):
        do_apply(make_offer(world), message="  ", actor=student)
    with pytest.raises(PermissionDenied):
        do_apply(make_offer(world, status="closed"), message="Hallo", actor=student)
    with pytest.raises(PermissionDenied):
        do_apply(make_offer(world), message="Hallo", actor=world.users["teacher"])
    assert not Application.objects.exists()


def test_apply_with_documents_from_the_own_library_only(world, in_scope):
    from django.core.files.base import ContentFile

    from anschluss.students.models import Document
    from anschluss.students.tests.world import PDF_BYTES, school_world

    school = school_world(world)
    others = Document(
        municipality=world.main,
        student=school.stranger,
        title="Fremder Lebenslauf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    others.file.save("upload", ContentFile(PDF_BYTES), save=False)
    others.save()
    offer, student = make_offer(world), world.users["student"]
    with pytest.raises(ServiceError):
        do_apply(offer, message="Hallo", documents=[school.document, others], actor=student)
    assert not Application.objects.exists()
    application = do_apply(offer, message="Hallo", documents=[school.document], actor=student)
    assert list(application.documents.all()) == [school.document]
    assert application.student == school.student


def test_acknowledgement_reaches_the_student(world, in_scope, mailoutbox):
    application = make_application(world)
    with pytest.raises(PermissionDenied):
        do_answer_application(application, status="acknowledged", actor=world.users["other_company_staff"])
    do_answer_application(application, status="acknowledged", actor=world.users["company_staff"])
    application.refresh_from_db()
    assert application.status == "acknowledged" and application.acknowledged_at
    assert list(application.events.values_list("status", flat=True)) == ["sent", "acknowledged"]
    assert Notification.objects.filter(user=world.users["student"]).count() == 1
    with pytest.raises(ServiceError):
        do_answer_application(application, status="accepted", actor=world.users["company_staff"])


def test_reminder_then_liaison(world, in_scope, mailoutbox, settings):
    settings.OFFERS_ESCALATE_DAYS = 2
    past = timezone.now() - datetime.timedelta(days=1)
    application = make_application(world, acknowledge_due=past)
    answered = make_application(world, acknowledge_due=past, student="guardian", status="acknowledged")
    assert do_send_acknowledgement_reminders(world.main) == {"reminded": 1, "escalated": 0}
    # Run again the same day: nobody is reminded twice, nobody told yet.
    assert do_send_acknowledgement_reminders(world.main) == {"reminded": 0, "escalated": 0}
    later = timezone.now() + datetime.timedelta(days=3)
    assert do_send_acknowledgement_reminders(world.main, now=later) == {"reminded": 0, "escalated": 1}
    assert Notification.objects.filter(user=world.users["liaison"]).count() == 1
    application.refresh_from_db()
    answered.refresh_from_db()
    assert application.escalated_at and answered.reminder_sent_at is None


def test_accepting_the_last_place(world, in_scope):
    offer = make_offer(world, places=1)
    first = make_application(world, offer, status="offer")
    second = make_application(world, offer, student="guardian", status="offer")
    do_accept_place(first, actor=world.users["student"])
    with pytest.raises(ServiceError):
        do_accept_place(second, actor=world.users["guardian"])
    with pytest.raises(PermissionDenied):
        do_withdraw_application(second, actor=world.users["student"])
    do_withdraw_application(second, actor=world.users["guardian"])
    second.refresh_from_db()
    assert second.status == "withdrawn"


def test_saved_offer_toggles(world, in_scope):
    offer = make_offer(world)
    assert do_toggle_saved_offer(offer, actor=world.users["student"]) is True
    assert do_toggle_saved_offer(offer, actor=world.users["student"]) is False
    with pytest.raises(PermissionDenied):
        do_toggle_saved_offer(offer, actor=world.users["company_staff"])


def test_saved_search_digest_sends_only_new_offers(
    world, in_scope, mailoutbox, django_capture_on_commit_callbacks
):
    student = world.users["student"]
    student.email = "mia@example.org"
    student.save()
    with pytest.raises(ServiceError):
        do_save_search(world.main, query="page=2", name="", actor=student)
    saved = do_save_search(world.main, query="q=Elektro&page=3", name="Elektro", actor=student)
    assert saved.query == "q=Elektro"
    assert do_save_search(world.main, query="q=Elektro", name="again", actor=student) == saved
    make_offer(
        world, title="Praktikum Elektrowerkstatt", published_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    make_offer(world, title="Praktikum Bäckerei", published_at=timezone.now() + datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert do_send_search_digests(world.main, now=timezone.now() + datetime.timedelta(minutes=2)) == 1
    assert (
        len(mailoutbox) == 1
        and "Elektrowerkstatt" in mailoutbox[0].body
        and "Bäckerei" not in mailoutbox[0].body
    )
    # Nothing new: no mail.
    with django_capture_on_commit_callbacks(execute=True):
        assert do_send_search_digests(world.main, now=timezone.now() + datetime.timedelta(minutes=3)) == 0
    assert len(mailoutbox) == 1
    assert SavedSearch.objects.count() == 1
