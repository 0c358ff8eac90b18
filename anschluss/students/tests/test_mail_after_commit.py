"""A guardian's invitation e-mail leaves only after the invitation is committed."""

import pytest
from django.db import transaction

from anschluss.students.models import Guardianship
from anschluss.students.services.consent import do_invite_guardian


class Rollback(Exception):
    pass


def test_a_rolled_back_invitation_sends_no_mail(
    world, in_scope, users, school, mailoutbox, django_capture_on_commit_callbacks
):
    before = Guardianship.objects.count()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        do_invite_guardian(school.stranger, email="mutter@example.org", actor=users["school_coordinator"])
        raise Rollback
    assert callbacks == [] and mailoutbox == []
    assert Guardianship.objects.count() == before


def test_the_invitation_is_mailed_after_the_commit(
    world, in_scope, users, school, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        invitation = do_invite_guardian(
            school.stranger, email="mutter@example.org", actor=users["school_coordinator"]
        )
        assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [["mutter@example.org"]]
    assert invitation.code[:4] in mailoutbox[0].body.replace("-", "")
