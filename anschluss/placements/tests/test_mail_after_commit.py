"""The placements app's e-mails leave after the commit: a rolled-back confirmation or reminder tells nobody."""

import pytest
from django.db import transaction

from anschluss.core.models import Notification
from anschluss.placements import services
from anschluss.placements.models import PlacementRound

from . import factories


class Rollback(Exception):
    pass


def test_a_rolled_back_confirmation_sends_no_mail(
    world, market, personas, mailoutbox, django_capture_on_commit_callbacks
):
    r, (near, far), students = market
    services.do_assign_student(r, students[0], near, actor=personas["liaison"])
    services.do_assign_student(r, students[1], far, actor=personas["liaison"])
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        assert services.do_confirm_round(r, actor=personas["liaison"]) == 2
        raise Rollback
    assert callbacks == [] and mailoutbox == []
    r.refresh_from_db()
    assert r.status == PlacementRound.Status.CLOSED and not Notification.objects.exists()
    with django_capture_on_commit_callbacks() as callbacks:
        services.do_confirm_round(r, actor=personas["liaison"])
        assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert "stubo.kley@example.org" in {m.to[0] for m in mailoutbox}


def test_a_rolled_back_reminder_sends_no_mail(
    world, open_round, personas, mailoutbox, django_capture_on_commit_callbacks
):
    r, student = open_round, factories.persona_student(world)
    address = "mia@example.org"
    personas["student"].email = address
    personas["student"].save(update_fields=["email"])
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        assert services.do_remind_students(r, [student.pk], actor=personas["liaison"]) == 1
        raise Rollback
    assert callbacks == [] and mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.do_remind_students(r, [student.pk], actor=personas["liaison"])
    assert [m.to for m in mailoutbox] == [[address]]
