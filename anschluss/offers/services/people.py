"""Whom the offer portal tells: the staff of a company (from the directory), and a company's contact address."""

from django.conf import settings

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core import mail


def company_staff(company) -> list:
    """The active staff of a company (none for an offer without a company, e.g. an imported one)."""
    if company is None:
        return []
    return list(directory.members(company.pk, Role.COMPANY_STAFF))


def mail_contact(offer, staff, name: str, target, context: dict) -> int:
    """Mail the offer's contact address, which belongs to no account, in the platform's language: the same
    mail as the staff get through core.notifications.notify (templates offers/emails/<name>_*.txt). Not when
    the address is one of the staff's, who are mailed already."""
    address = (offer.contact_email or "").strip()
    if not address or address.lower() in {(user.email or "").lower() for user in staff}:
        return 0
    link = target.get_absolute_url()
    return mail.send_template_mail(
        [address],
        subject_template=f"offers/emails/{name}_subject.txt",
        body_template=f"offers/emails/{name}_body.txt",
        context={
            **context,
            "target": target,
            "user": None,
            "link": settings.SITE_URL + link,
            "site_url": settings.SITE_URL,
        },
        language=settings.LANGUAGE_CODE,
    )
