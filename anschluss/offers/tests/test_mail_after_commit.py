"""The offers app's e-mails leave after the commit: a rolled-back application tells nobody."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from anschluss.offers.models import Application
from anschluss.offers.services import do_answer_application, do_apply, do_send_acknowledgement_reminders

from .factories import make_application, make_offer


class Rollback(Exception):
    pass


def test_a_rolled_back_application_sends_no_mail(
    world, in_scope, mailoutbox, django_capture_on_commit_callbacks
):
    offer = make_offer(world, contact_email="ausbildung@example.org")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        do_apply(offer, message="Hallo, ich bin Mia.", actor=world.users["student"])
        raise Rollback
    assert callbacks == [] and mailoutbox == []
    assert not Application.objects.exists()


def test_the_company_hears_of_an_application_only_after_the_commit(
    world, in_scope, mailoutbox, django_capture_on_commit_callbacks
):
    offer = make_offer(world, contact_email="ausbildung@example.org")
    with django_capture_on_commit_callbacks() as callbacks:
        do_apply(offer, message="Hallo, ich bin Mia.", actor=world.users["student"])
    assert callbacks and mailoutbox == []
    for callback in callbacks:  # what the commit does
        callback()
    assert "ausbildung@example.org" in {m.to[0] for m in mailoutbox}


def test_the_student_hears_of_an_answer_after_the_commit(
    world, in_scope, mailoutbox, django_capture_on_commit_callbacks
):
    student = world.users["student"]
    student.email = "mia@example.org"
    student.save()
    application = make_application(world)
    with django_capture_on_commit_callbacks() as callbacks:
        do_answer_application(application, status="acknowledged", actor=world.users["company_staff"])
        assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [["mia@example.org"]]


def test_reminders_leave_after_the_commit(world, in_scope, mailoutbox, django_capture_on_commit_callbacks):
    make_application(world, acknowledge_due=timezone.now() - datetime.timedelta(hours=1))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        assert do_send_acknowledgement_reminders(world.main) == {"reminded": 1, "escalated": 0}
        raise Rollback
    assert callbacks == [] and mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert do_send_acknowledgement_reminders(world.main) == {"reminded": 1, "escalated": 0}
    assert mailoutbox
