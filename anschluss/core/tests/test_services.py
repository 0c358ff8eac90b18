import pytest
from django.core.exceptions import PermissionDenied
from django_scopes import scope

from anschluss.core.models import AccessibilityFeedback, AuditEntry
from anschluss.core.services import do_mark_feedback_handled, do_submit_accessibility_feedback


def test_anyone_can_report_a_barrier_and_it_is_logged(world, in_scope):
    from django.contrib.auth.models import AnonymousUser

    feedback = do_submit_accessibility_feedback(
        world.main,
        page_url="/dortmund/",
        message="Der Kontrast ist zu schwach.",
        contact="",
        actor=AnonymousUser(),
    )
    assert AccessibilityFeedback.objects.get() == feedback
    entry = AuditEntry.objects.get(action="core.accessibilityfeedback.submit")
    assert entry.actor_label == "anonymous"


def test_only_coordinators_mark_feedback_handled(world, in_scope):
    feedback = AccessibilityFeedback.objects.create(municipality=world.main, message="Fokus unsichtbar")
    with pytest.raises(PermissionDenied):
        do_mark_feedback_handled(feedback, actor=world.users["teacher"])
    feedback.refresh_from_db()
    assert not feedback.handled
    do_mark_feedback_handled(feedback, actor=world.users["coordinator"])
    feedback.refresh_from_db()
    assert feedback.handled
    assert AuditEntry.objects.filter(
        action="core.accessibilityfeedback.handle", actor_label="koordination"
    ).exists()


def test_coordinator_of_other_municipality_cannot_handle(world):
    with scope(municipality=world.main.pk):
        feedback = AccessibilityFeedback.objects.create(municipality=world.main, message="x")
        with pytest.raises(PermissionDenied):
            do_mark_feedback_handled(feedback, actor=world.users["other_municipality_coordinator"])
