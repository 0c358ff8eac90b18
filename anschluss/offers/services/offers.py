"""Offers: create, edit, send to review, publish, send back, close, expire."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.models import Company, Postcode
from anschluss.core.notifications import notify
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError, require

from ..models import Offer, OfferKind, OfferStatus
from .people import company_staff

EDITABLE_FIELDS = [
    "kind",
    "title",
    "description",
    "company",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "start_date",
    "end_date",
    "places",
    "min_grade",
    "max_grade",
    "school_certificate",
    "application_deadline",
    "contact_name",
    "contact_email",
    "contact_phone",
    "apply_method",
    "external_url",
]


def sync_occupation_text(offer: Offer) -> None:
    """Keep the occupation names the search weighs in step with the offer's occupations."""
    text = " ".join(f"{o.name} {o.search_terms}".strip() for o in offer.occupations.all())[:1000]
    if text != offer.occupation_text:
        Offer.objects.filter(pk=offer.pk).update(occupation_text=text)
        offer.occupation_text = text


def _place(offer: Offer) -> None:
    """Fill the site from the company, and coordinates from the postcode, where they are missing."""
    company: Company | None = offer.company
    if company is not None and not offer.street and not offer.postcode:
        offer.street, offer.postcode, offer.city = company.street, company.postcode, company.city
        offer.latitude, offer.longitude = company.latitude, company.longitude
    if company is not None and offer.district_id is None:
        offer.district_id = company.district_id
    if offer.latitude is None and offer.postcode:
        point = Postcode.objects.filter(municipality=offer.municipality, code=offer.postcode).first()
        if point is not None:
            offer.latitude, offer.longitude = point.latitude, point.longitude


def validate_offer(offer: Offer) -> None:
    """Refuse an offer that contradicts itself (ServiceError at the first field concerned)."""
    errors: list[tuple[str, str]] = []
    if offer.start_date and offer.end_date and offer.end_date < offer.start_date:
        errors.append(("end_date", _("The end must not be before the start.")))
    if offer.min_grade and offer.max_grade and offer.min_grade > offer.max_grade:
        errors.append(("max_grade", _("The lowest grade must not be above the highest grade.")))
    if offer.apply_method == "external" and not offer.external_url:
        errors.append(("external_url", _("Give the link where young people apply.")))
    one_day = offer.end_date is None or offer.end_date == offer.start_date
    if offer.kind == OfferKind.EXPLORATION_DAY and offer.start_date and not one_day:
        errors.append(("end_date", _("An exploration day lasts one day: start and end must be the same.")))
    if errors:
        fields = {field for field, _message in errors}
        raise ServiceError(
            " ".join(message for _field, message in errors), field=errors[0][0] if len(fields) == 1 else None
        )


def _apply_data(offer: Offer, data: dict) -> None:
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(offer, name, data[name])


@transaction.atomic
def do_create_offer(municipality, *, data: dict, occupations=(), actor) -> Offer:
    """Create a draft offer. Company staff only for their own company; needs offers.add_offer."""
    require(actor, "offers.add_offer", municipality)
    offer = Offer(municipality=municipality, created_by=actor if actor.is_authenticated else None)
    _apply_data(offer, data)
    if offer.company is None or offer.company.municipality_id != municipality.pk:
        raise ServiceError(_("Choose the company that makes the offer."), field="company")
    require(actor, "offers.submit_offer", offer)
    validate_offer(offer)
    _place(offer)
    offer.save()
    offer.occupations.set(occupations)
    sync_occupation_text(offer)
    log_action(actor, "offers.offer.create", offer, {"kind": offer.kind})
    return offer


@transaction.atomic
def do_update_offer(offer: Offer, *, data: dict, occupations=None, actor) -> Offer:
    """Change an offer; a published offer changed by its company goes back to review. offers.change_offer."""
    require(actor, "offers.change_offer", offer)
    _apply_data(offer, data)
    validate_offer(offer)
    _place(offer)
    back_to_review = offer.status == OfferStatus.PUBLISHED and not allowed(
        actor, "offers.moderate_offer", offer
    )
    if back_to_review:
        offer.status = OfferStatus.IN_REVIEW
    offer.save()
    if occupations is not None:
        offer.occupations.set(occupations)
        sync_occupation_text(offer)
    log_action(
        actor, "offers.offer.change", offer, {"fields": sorted(data), "back_to_review": back_to_review}
    )
    return offer


def _transition(offer: Offer, allowed_from: list[str], to: str) -> None:
    if offer.status not in allowed_from:
        raise ServiceError(_("This is not possible in the offer's current state."))
    offer.status = to


@transaction.atomic
def do_submit_offer(offer: Offer, *, actor) -> Offer:
    """Send a draft to review (offers.submit_offer). Moderators publish directly instead."""
    require(actor, "offers.submit_offer", offer)
    _transition(offer, [OfferStatus.DRAFT], OfferStatus.IN_REVIEW)
    offer.save(update_fields=["status", "updated"])
    log_action(actor, "offers.offer.submit", offer)
    return offer


@transaction.atomic
def do_publish_offer(offer: Offer, *, actor) -> Offer:
    """Publish an offer after review (offers.moderate_offer) and tell the company."""
    require(actor, "offers.moderate_offer", offer)
    _transition(offer, [OfferStatus.DRAFT, OfferStatus.IN_REVIEW], OfferStatus.PUBLISHED)
    offer.published_at = timezone.now()
    offer.review_note = ""
    offer.save(update_fields=["status", "published_at", "review_note", "updated"])
    notify(company_staff(offer.company), "offers.offer_published", offer, {"offer": offer.title})
    log_action(actor, "offers.offer.publish", offer)
    return offer


@transaction.atomic
def do_reject_offer(offer: Offer, *, note: str, actor) -> Offer:
    """Send an offer in review back to its company as a draft, with a note (offers.moderate_offer)."""
    require(actor, "offers.moderate_offer", offer)
    if not note.strip():
        raise ServiceError(_("Tell the company what to change."), field="note")
    _transition(offer, [OfferStatus.IN_REVIEW], OfferStatus.DRAFT)
    offer.review_note = note.strip()
    offer.save(update_fields=["status", "review_note", "updated"])
    notify(company_staff(offer.company), "offers.offer_rejected", offer, {"offer": offer.title})
    log_action(actor, "offers.offer.reject", offer, {"note": offer.review_note})
    return offer


@transaction.atomic
def do_close_offer(offer: Offer, *, actor) -> Offer:
    """Close an offer (offers.close_offer): it disappears from the search; applications stay."""
    require(actor, "offers.close_offer", offer)
    _transition(offer, [OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.PUBLISHED], OfferStatus.CLOSED)
    offer.closed_at = timezone.now()
    offer.save(update_fields=["status", "closed_at", "updated"])
    log_action(actor, "offers.offer.close", offer)
    return offer


@transaction.atomic
def do_expire_offers(municipality, *, today=None, actor=None) -> int:
    """Expire published offers whose deadline, or else whose end, has passed. Run by the periodic task."""
    today = today or timezone.localdate()
    published = Offer.objects.filter(municipality=municipality, status=OfferStatus.PUBLISHED)
    expired = published.filter(application_deadline__lt=today) | published.filter(
        application_deadline__isnull=True, end_date__lt=today
    )
    ids = list(expired.values_list("pk", flat=True))
    if ids:
        Offer.objects.filter(pk__in=ids).update(status=OfferStatus.EXPIRED, closed_at=timezone.now())
        log_action(
            actor,
            "offers.offer.expire",
            None,
            {"count": len(ids), "ids": ids[:100]},
            municipality=municipality,
        )
    return len(ids)
