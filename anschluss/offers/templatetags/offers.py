from django import template
from django.utils import formats

from ..models import Application, ApplicationStatus, Offer, OfferStatus, SavedOffer
from ..rules import company_ids_of

register = template.Library()


@register.filter
def km(value) -> str:
    """A distance for people: one decimal below 10 km, whole kilometres above."""
    if value is None:
        return ""
    return formats.number_format(value, 1 if value < 10 else 0)


@register.simple_tag(takes_context=True)
def offers_summary(context) -> dict:
    """Numbers and lists for the start-page sections of the offer portal."""
    request = context["request"]
    user = request.user
    municipality = request.municipality
    roles = user.roles_in(municipality.pk)
    summary: dict = {}
    if "student" in roles:
        summary["applications"] = list(
            Application.objects.filter(applicant=user).select_related("offer").order_by("-status_changed")[:5]
        )
        summary["saved_count"] = SavedOffer.objects.filter(user=user).count()
    if "company_staff" in roles:
        companies = company_ids_of(user)
        summary["waiting"] = Application.objects.filter(
            offer__company_id__in=companies, status=ApplicationStatus.SENT
        ).count()
        summary["offers_by_status"] = {
            status: Offer.objects.filter(company_id__in=companies, status=status).count()
            for status in (OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.PUBLISHED)
        }
    if roles & {"coordinator", "liaison"}:
        summary["in_review"] = Offer.objects.filter(status=OfferStatus.IN_REVIEW).count()
        summary["escalated"] = Application.objects.filter(
            status=ApplicationStatus.SENT, escalated_at__isnull=False
        ).count()
    return summary
