"""The service convention, and the writes of the core.

Every write goes through a `do_<verb>_<noun>(..., *, actor)` function in an app's `services/`, under
`transaction.atomic`: it calls `require(actor, perm, obj)`, writes, and logs with `core.audit.log_action`.
A service that refuses raises `ServiceError` with a translated message (and the name of the form field it is
about, if any); views turn it into a form error (`add_to_form`), the API into a 400 (`api.exceptions`).
A missing permission is not a ServiceError but `PermissionDenied` (403).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .audit import log_action
from .models import AccessibilityFeedback, Municipality, Notification
from .permissions import allowed


class ServiceError(Exception):
    """A service refused: `message` is translated and shown to the user; `field` names the form field."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)

    def add_to_form(self, form) -> None:
        """Show the error on `form`: at its field where the form has it, else above the form."""
        form.add_error(self.field if self.field in form.fields else None, str(self.message))


def require(user, perm: str, obj=None) -> None:
    """Raise PermissionDenied unless `user` may `perm` on `obj` (see core.permissions.allowed)."""
    if not allowed(user, perm, obj):
        raise PermissionDenied(perm)


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
    require(actor, "core.change_accessibilityfeedback", feedback)
    feedback.handled = True
    feedback.save(update_fields=["handled"])
    log_action(actor, "core.accessibilityfeedback.handle", feedback)
    return feedback


@transaction.atomic
def do_mark_notifications_read(*, actor, notification: Notification | None = None) -> int:
    """Mark one of the actor's own notifications, or all of them, as read. Returns how many changed."""
    unread = Notification.objects.filter(user=actor, read_at__isnull=True)
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    count = unread.update(read_at=timezone.now())
    if count:
        log_action(
            actor,
            "core.notification.read" if notification is not None else "core.notification.read_all",
            notification,
            {"count": count},
            municipality=actor.municipality,
        )
    return count
