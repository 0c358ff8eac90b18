"""The placements app notifies through the one notification system: inbox entries of registered kinds,
rendered in the reader's language, and mails from the app's templates to those with an address."""

from django.core import mail
from django.utils import translation

from anschluss.core.models import Notification
from anschluss.placements import services

from . import factories


def test_a_student_without_an_email_address_gets_the_reminder_in_the_inbox(
    world, open_round, personas, django_capture_on_commit_callbacks
):
    student = factories.persona_student(world)
    personas["student"].email = ""
    personas["student"].save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.do_remind_students(open_round, [student.pk], actor=personas["teacher"])
    notification = Notification.objects.get(user=personas["student"])
    assert notification.kind == "placements.choice_reminder"
    assert notification.params["round"] == open_round.name
    assert notification.url == f"/dortmund/placements/rounds/{open_round.pk}/choose/"
    assert notification.read_at is None
    assert mail.outbox == []


def test_the_text_is_rendered_in_the_readers_language(world, open_round, personas):
    student = factories.persona_student(world)
    services.do_remind_students(open_round, [student.pk], actor=personas["liaison"])
    notification = Notification.objects.get(user=personas["student"])
    with translation.override("en"):
        assert notification.text == f"Reminder: please choose your places for “{open_round.name}”."


def test_confirmation_notifies_with_links_to_the_agreements_and_mails_the_lists(
    world, market, personas, django_capture_on_commit_callbacks
):
    r, (near, far), students = market
    services.do_assign_student(r, students[0], near, actor=personas["liaison"])
    services.do_assign_student(r, students[1], far, actor=personas["liaison"])
    with django_capture_on_commit_callbacks(execute=True):
        services.do_confirm_round(r, actor=personas["liaison"])
    confirmed = Notification.objects.get(user=personas["student"], kind="placements.placement_confirmed")
    agreement = r.placements.get(student=students[0]).agreement
    assert confirmed.url == f"/dortmund/placements/agreements/{agreement.pk}/"
    assert confirmed.target_type == "placements.placement"
    child = Notification.objects.get(user=personas["guardian"], kind="placements.child_placed")
    with translation.override("en"):
        assert child.text == f"{students[0].first_name} has an internship place: {near.company.name}."
    company = Notification.objects.get(user=personas["company_staff"], kind="placements.company_placements")
    # The stored parameters hold the round's name only; the students' names go to the mail, never stored.
    assert company.params == {"round": r.name}
    assert company.url == f"/dortmund/placements/rounds/{r.pk}/agreements/"
    company_mail = next(m for m in mail.outbox if m.to == [personas["company_staff"].email])
    assert students[0].last_name in company_mail.body
    school_mail = next(m for m in mail.outbox if m.to == [personas["school_coordinator"].email])
    assert students[0].last_name in school_mail.body and students[1].last_name in school_mail.body


def test_host_again_goes_to_the_staff_inbox_and_to_the_companys_own_address(
    world, agreement, personas, django_capture_on_commit_callbacks
):
    company = agreement.placement.place.company
    company.email = "info@elektro-beispiel.example.org"
    company.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.do_request_host_again(agreement.placement.round, actor=personas["liaison"])
    notification = Notification.objects.get(user=personas["company_staff"])
    assert notification.kind == "placements.host_again"
    assert notification.url.startswith("/dortmund/placements/host-again/")
    by_address = {m.to[0]: m for m in mail.outbox}
    for address in (company.email, personas["company_staff"].email):
        assert "http://" in by_address[address].body or "https://" in by_address[address].body
        assert notification.url in by_address[address].body
