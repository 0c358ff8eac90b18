"""The offer search: the query (query.py), its words and typos (text.py), its rows (hits.py).

`result_page` is what the search page runs; `find_offers` serves the API and the saved-search digest.
`published_offers` and `list_columns` are the plain ORM querysets of other offer lists (company, occupation).
"""

from django.conf import settings
from django.core.paginator import Page
from django.db.models import Q, QuerySet
from django.utils import timezone

from anschluss.core.paginator import OneQueryPaginator

from ..models import Offer, OfferStatus
from .hits import OfferHit
from .params import SORTS, SearchParams
from .query import find_offers
from .text import words_of

__all__ = [
    "SORTS",
    "OfferHit",
    "SearchParams",
    "find_offers",
    "list_columns",
    "published_offers",
    "result_page",
    "words_of",
]


def result_page(params: SearchParams, number, *, municipality, per_page: int | None = None) -> Page:
    """The page of hits the search page shows: one statement for the page and the total (one more for typos
    on PostgreSQL, or for the vocabulary on SQLite)."""

    def fetch(offset: int, limit: int):
        return find_offers(params, municipality=municipality, limit=limit, offset=offset)

    return OneQueryPaginator(fetch, per_page or settings.OFFERS_PAGE_SIZE).get_page(number)


def published_offers() -> QuerySet[Offer]:
    """Offers the public sees: published, and the deadline (if any) not passed."""
    today = timezone.localdate()
    return Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(
        Q(application_deadline__isnull=True) | Q(application_deadline__gte=today)
    )


def list_columns(queryset: QuerySet[Offer]) -> QuerySet[Offer]:
    """Only what a result list shows, with the company, district and municipality in the same query."""
    return queryset.select_related("company", "district", "municipality").only(
        "id",
        "municipality__slug",
        "kind",
        "title",
        "employer_name",
        "company__name",
        "street",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "district__name",
        "start_date",
        "end_date",
        "application_deadline",
        "places",
        "published_at",
        "source",
    )
