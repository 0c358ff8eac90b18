"""Telling people about a round: an entry on their start page, and an e-mail where they have an address.

E-mails leave after the transaction commits, so a rolled-back change never sends one.
"""

from collections.abc import Iterable

from django.conf import settings

from anschluss.core import mail

from .models import Notice, Placement, PlacementRound


def send_email(to: list[str], template: str, context: dict) -> None:
    """Render placements/emails/<template>_subject.txt and _body.txt now; send after the commit (`core.mail`)."""
    mail.send_template_mail(
        to,
        subject_template=f"placements/emails/{template}_subject.txt",
        body_template=f"placements/emails/{template}_body.txt",
        context={"site_url": settings.SITE_URL, **context},
    )


def notify(
    users: Iterable,
    kind: str,
    round_: PlacementRound,
    *,
    placement: Placement | None = None,
    context: dict | None = None,
) -> int:
    """A start-page notice for each user, and the e-mail `kind` to those with an address. Returns how many."""
    count = 0
    for user in {user.pk: user for user in users}.values():
        Notice.objects.create(
            municipality_id=round_.municipality_id, user=user, round=round_, placement=placement, kind=kind
        )
        if user.email:
            send_email(
                [user.email], kind, {"user": user, "round": round_, "placement": placement, **(context or {})}
            )
        count += 1
    return count
