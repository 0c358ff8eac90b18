"""The offer portal's contributions to the occupation pages: a section (core.sections, slot
"occupations.occupation") and the number of current offers on the list (occupations.sections)."""

from django.db.models import Count

from anschluss.core import sections
from anschluss.occupations.models import Occupation
from anschluss.occupations.sections import register_count

from .search import list_columns, published_offers

OFFERS_SHOWN = 5


def current_offers(request, occupation) -> tuple[str, dict]:
    """The section "Current offers": a few of the newest; the search (linked with the count) has all of them,
    with map and filters."""
    offers = published_offers().filter(occupations=occupation)
    return "offers/occupation_section.html", {
        "occupation": occupation,
        "offers": list_columns(offers).order_by("-published_at")[:OFFERS_SHOWN],
        "offer_count": offers.count(),
    }


def offer_counts(occupations) -> dict[int, int]:
    """The number of current offers of each occupation of a list."""
    links = Occupation.offers.through.objects.filter(
        offer__in=published_offers(), occupation__in=[o.pk for o in occupations]
    )
    return {
        row["occupation_id"]: row["n"] for row in links.values("occupation_id").annotate(n=Count("offer_id"))
    }


def register_occupation_sections() -> None:
    sections.register("occupations.occupation", current_offers)
    register_count("offer_count", offer_counts)
