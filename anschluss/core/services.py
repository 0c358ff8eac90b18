"""Writes of the core. Each do_* function checks its permission, writes atomically and logs the action."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .audit import log_action
from .models import AccessibilityFeedback, Municipality


@transaction.atomic
def do_submit_accessibility_feedback(
    municipality: Municipality, *, page_url: str, message: str, contact: str, actor
) -> AccessibilityFeedback:
    """Store a report of an accessibility barrier. Anyone may send one, signed in or not."""
    feedback = AccessibilityFeedback.objects.create(
        municipality=municipality, page_url=page_url, message=message, contact=contact
    )
    log_action(actor, "core.accessibilityfeedback.submit", feedback)
    return feedback


@transaction.atomic
def do_mark_feedback_handled(feedback: AccessibilityFeedback, *, actor) -> AccessibilityFeedback:
    """Mark a feedback report as handled; needs core.change_accessibilityfeedback."""
    if not actor.has_perm("core.change_accessibilityfeedback", feedback):
        raise PermissionDenied
    feedback.handled = True
    feedback.save(update_fields=["handled"])
    log_action(actor, "core.accessibilityfeedback.handle", feedback)
    return feedback
