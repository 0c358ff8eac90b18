"""Tell people: an e-mail in plain German and a line on their start page."""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from anschluss.accounts.models import Membership, Role
from anschluss.core import mail
from anschluss.core.audit import log_action

from ..models import Notification


def absolute(url: str) -> str:
    return settings.SITE_URL + url


def send_template_mail(recipients: Iterable[str], template: str, context: dict) -> int:
    """Render offers/emails/<template>_subject.txt and <template>.txt in the platform's language; the mail
    leaves after the surrounding transaction commits (`core.mail`)."""
    return mail.send_template_mail(
        recipients,
        subject_template=f"offers/emails/{template}_subject.txt",
        body_template=f"offers/emails/{template}.txt",
        context=context,
        language=settings.LANGUAGE_CODE,
    )


def notify(users: Iterable, municipality, text: str, url: str = "") -> None:
    """A line on the start page of each user (texts are stored translated into the platform's language)."""
    Notification.objects.bulk_create(
        [Notification(municipality=municipality, user=user, text=str(text)[:300], url=url) for user in users]
    )


def company_staff(company) -> list:
    if company is None:
        return []
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=company, role=Role.COMPANY_STAFF, is_active=True
        ).select_related("user")
    ]


def liaisons(municipality) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            municipality=municipality, role=Role.LIAISON, is_active=True
        ).select_related("user")
    ]


@transaction.atomic
def do_mark_notifications_read(user, municipality, *, actor) -> int:
    """Mark all of the actor's own notifications as read."""
    count = Notification.objects.filter(municipality=municipality, user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        log_action(actor, "offers.notification.read", None, {"count": count}, municipality=municipality)
    return count
