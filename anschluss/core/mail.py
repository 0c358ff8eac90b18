"""E-mail from services: rendered at once, sent only after the surrounding transaction commits.

Services call these helpers instead of Django's `send_mail` or `EmailMessage`: a change that is rolled back
never tells anyone about itself, and no slow mail server holds a row lock. Outside a transaction (a periodic
task in autocommit mode) the mail goes out at once. Every recipient gets an own mail, so nobody learns who
else got it. A mail server that refuses after the commit is logged; the committed change stands.
"""

from collections.abc import Callable, Iterable
from contextlib import nullcontext

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def _deliver(subject: str, body: str, address: str) -> None:
    EmailMessage(subject, body, to=[address]).send()


def _delivery(subject: str, body: str, address: str) -> Callable[[], None]:
    def deliver_after_commit() -> None:  # a named function: Django logs a failed callback by its name
        _deliver(subject, body, address)

    return deliver_after_commit


def send_mail_after_commit(to: Iterable[str], subject: str, body: str) -> int:
    """Send `subject` and `body` to each distinct non-empty address once the current transaction commits (at
    once without one). Returns the number of addresses the mail will go to."""
    addresses = sorted({address.strip() for address in to if address and address.strip()})
    subject = " ".join(str(subject).split())
    body = str(body)
    for address in addresses:
        # robust: one refused address neither hides the others nor turns the committed change into an error.
        transaction.on_commit(_delivery(subject, body, address), robust=True)
    return len(addresses)


def render_mail(
    subject_template: str, body_template: str, context: dict, *, language: str | None = None
) -> tuple[str, str]:
    """Subject (on one line) and body from two templates, in `language` (None: the active language)."""
    with translation.override(language) if language else nullcontext():
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return subject, body


def send_template_mail(
    to: Iterable[str],
    *,
    subject_template: str,
    body_template: str,
    context: dict,
    language: str | None = None,
) -> int:
    """Render the mail now (so a template error rolls the change back) and send it after the commit."""
    addresses = [address for address in to if address]
    if not addresses:
        return 0
    subject, body = render_mail(subject_template, body_template, context, language=language)
    return send_mail_after_commit(addresses, subject, body)
