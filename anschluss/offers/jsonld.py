"""schema.org JobPosting for an offer (Google for Jobs and other crawlers read it from the detail page)."""

import json

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Offer, OfferKind

EMPLOYMENT_TYPE: dict[str, str] = {
    OfferKind.INTERNSHIP: "INTERN",
    OfferKind.EXPLORATION_DAY: "OTHER",
    OfferKind.APPRENTICESHIP: "FULL_TIME",
    OfferKind.DUAL_STUDY: "FULL_TIME",
}


def job_posting(offer: Offer) -> dict:
    data: dict = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": escape(offer.description).replace("\n", "<br>"),
        "identifier": {"@type": "PropertyValue", "name": "Anschluss", "value": str(offer.pk)},
        "datePosted": (offer.published_at or offer.created).date().isoformat(),
        "employmentType": EMPLOYMENT_TYPE.get(offer.kind, "OTHER"),
        "hiringOrganization": {"@type": "Organization", "name": offer.employer},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": offer.street,
                "postalCode": offer.postcode,
                "addressLocality": offer.city,
                "addressCountry": "DE",
            },
        },
        "url": settings.SITE_URL + offer.get_absolute_url(),
        "totalJobOpenings": offer.places,
    }
    if offer.company is not None and offer.company.website:
        data["hiringOrganization"]["sameAs"] = offer.company.website
    if offer.has_location:
        data["jobLocation"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": offer.latitude,
            "longitude": offer.longitude,
        }
    if offer.application_deadline:
        data["validThrough"] = offer.application_deadline.isoformat() + "T23:59:59"
    if offer.start_date:
        data["jobStartDate"] = offer.start_date.isoformat()
    if offer.kind in (OfferKind.APPRENTICESHIP, OfferKind.DUAL_STUDY):
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "high school",
        }
    occupations = [o for o in offer.occupations.all() if o.kldb_id]
    if occupations:
        data["occupationalCategory"] = [f"KldB 2010 {o.kldb_code} {o.name}" for o in occupations]
    return data


_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_script_content(data: dict) -> SafeString:
    """JSON that is safe inside <script> (no "</script>" can end it early)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))
