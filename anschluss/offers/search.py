"""The offer search: the one query the search page, the API, the saved-search digest and the benchmark run.

On PostgreSQL, free text uses the weighted `german` full-text document (title A, occupations B, description C)
with a GIN index; a word the offers do not contain is first corrected with pg_trgm against the vocabulary of
the offers' titles and occupations (typo tolerance: "Eletroniker" finds "Elektroniker"; migration 0002). On SQLite a case-insensitive match of every word,
with words spelled nearly alike (difflib) for typos.
Distance is the haversine formula in SQL, after a bounding box that the (latitude, longitude) index serves.
"""

import datetime
import difflib
import math
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import ASin, Coalesce, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone

from anschluss.core.geo import EARTH_RADIUS_KM

from .models import Offer, OfferStatus

SORTS = ("relevance", "distance", "newest", "deadline")
KM_PER_DEGREE = 111.2


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    field: str = ""  # occupational field slug
    occupation: str = ""  # occupation slug
    district: str = ""  # district slug
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    grade: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    sort: str = ""
    published_after: datetime.datetime | None = None

    @property
    def has_origin(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and self.q:
            return "relevance"
        if self.sort == "distance" and self.has_origin:
            return "distance"
        if self.sort in ("newest", "deadline"):
            return self.sort
        if self.q:
            return "relevance"
        return "distance" if self.has_origin else "newest"


def published_offers() -> QuerySet[Offer]:
    """Offers the public sees: published, and the deadline (if any) not passed."""
    today = timezone.localdate()
    return Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(
        Q(application_deadline__isnull=True) | Q(application_deadline__gte=today)
    )


def distance_expression(latitude: float, longitude: float):
    """Great-circle distance in km from a point to the offer (the formula of core.geo.distance_km)."""
    dlat = Radians(F("latitude") - Value(latitude))
    dlon = Radians(F("longitude") - Value(longitude))
    a = Power(Sin(dlat / 2), 2) + Value(math.cos(math.radians(latitude))) * Cos(
        Radians(F("latitude"))
    ) * Power(Sin(dlon / 2), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> Q:
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
    return Q(
        latitude__gte=latitude - dlat,
        latitude__lte=latitude + dlat,
        longitude__gte=longitude - dlon,
        longitude__lte=longitude + dlon,
    )


def corrections(words: list[str]) -> dict[str, list[str]]:
    """For each word the offers do not contain: up to three words of the offers spelled nearly alike."""
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.word, s.word FROM unnest(%s::text[]) AS q(word)"
            " CROSS JOIN LATERAL (SELECT word FROM offers_searchword WHERE word %% q.word"
            " ORDER BY word <-> q.word LIMIT 3) AS s"
            " WHERE NOT EXISTS (SELECT 1 FROM offers_searchword e WHERE e.word = q.word)",
            [words],
        )
        found: dict[str, list[str]] = {}
        for word, similar in cursor.fetchall():
            found.setdefault(word, []).append(similar)
    return found


def tsquery_sql(q: str) -> tuple[str, list]:
    """The query as SQL: every word (AND), each word OR its corrections; the user's own syntax is not parsed."""
    words = words_of(q)[:8]
    similar = corrections(words)
    parts, params = [], []
    for word in words:
        alternatives = [word, *similar.get(word, [])]
        parts.append("(" + " || ".join("plainto_tsquery('german', %s)" for _ in alternatives) + ")")
        params += alternatives
    return " && ".join(parts), params


def _text_postgresql(queryset: QuerySet, q: str) -> QuerySet:
    sql, params = tsquery_sql(q)
    if not sql:
        return queryset
    column = f'"{Offer._meta.db_table}"."search_document"'
    # The SQL is built from fixed fragments only; every word the user typed is a parameter.
    match = RawSQL(f"{column} @@ ({sql})", params, output_field=BooleanField())  # noqa: S611
    rank = RawSQL(f"ts_rank({column}, {sql})", params, output_field=FloatField())  # noqa: S611
    return queryset.filter(match).annotate(rank=rank)


_WORD = re.compile(r"[^\W\d_]+|\d+")
FALLBACK_VOCABULARY_ROWS = 5000


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if len(w) > 1]


def _vocabulary(queryset: QuerySet) -> set[str]:
    """The words of the titles and occupations of the offers (the small embedded database only)."""
    vocabulary: set[str] = set()
    for title, occupations in queryset.values_list("title", "occupation_text")[:FALLBACK_VOCABULARY_ROWS]:
        vocabulary.update(words_of(f"{title} {occupations}"))
    return vocabulary


def _text_fallback(queryset: QuerySet, q: str) -> QuerySet:
    """Every word must match title, occupations or description; a word with a typo matches the words of the
    offers that are spelled nearly alike (difflib), so "Eletroniker" still finds "Elektroniker"."""
    vocabulary = _vocabulary(queryset)
    for word in words_of(q)[:8]:
        candidates = {word, *difflib.get_close_matches(word, vocabulary, n=5, cutoff=0.75)}
        condition = Q()
        for candidate in candidates:
            condition |= (
                Q(title__icontains=candidate)
                | Q(occupation_text__icontains=candidate)
                | Q(description__icontains=candidate)
            )
        queryset = queryset.filter(condition)
    rank = Case(
        When(title__icontains=q, then=Value(3.0)),
        When(occupation_text__icontains=q, then=Value(2.0)),
        default=Value(1.0),
        output_field=FloatField(),
    )
    return queryset.annotate(rank=rank)


def _offers_with_occupations(**lookup) -> QuerySet:
    return Offer.occupations.through.objects.filter(**lookup).values("offer_id")


def search_offers(params: SearchParams, queryset: QuerySet[Offer] | None = None) -> QuerySet[Offer]:
    """Published offers matching `params`, annotated with `rank` (text) and `distance` (origin), sorted."""
    qs = published_offers() if queryset is None else queryset
    if params.kind:
        qs = qs.filter(kind=params.kind)
    if params.field:
        qs = qs.filter(pk__in=_offers_with_occupations(occupation__field__slug=params.field))
    if params.occupation:
        qs = qs.filter(pk__in=_offers_with_occupations(occupation__slug=params.occupation))
    if params.district:
        qs = qs.filter(district__slug=params.district)
    if params.date_from:
        qs = qs.filter(
            Q(end_date__gte=params.date_from) | Q(end_date__isnull=True, start_date__gte=params.date_from)
        )
    if params.date_to:
        qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__lte=params.date_to))
    if params.grade is not None:
        qs = qs.filter(Q(min_grade__isnull=True) | Q(min_grade__lte=params.grade))
        qs = qs.filter(Q(max_grade__isnull=True) | Q(max_grade__gte=params.grade))
    if params.published_after is not None:
        qs = qs.filter(published_at__gt=params.published_after)
    q = " ".join(params.q.split())[:200]
    if q:
        qs = _text_postgresql(qs, q) if connection.vendor == "postgresql" else _text_fallback(qs, q)
    if params.has_origin:
        assert params.latitude is not None and params.longitude is not None
        distance = distance_expression(params.latitude, params.longitude)
        if params.radius_km:
            qs = qs.filter(bounding_box(params.latitude, params.longitude, params.radius_km))
            qs = qs.alias(distance_filter=distance).filter(distance_filter__lte=params.radius_km)
        qs = qs.annotate(distance=distance)
    orders: dict[str, list] = {
        "relevance": [F("rank").desc(), "-published_at", "-id"],
        "distance": [F("distance").asc(nulls_last=True), "-id"],
        "newest": ["-published_at", "-id"],
        "deadline": [Coalesce("application_deadline", Value(datetime.date(9999, 12, 31))).asc(), "-id"],
    }
    return qs.order_by(*orders[params.effective_sort])


def list_columns(queryset: QuerySet[Offer]) -> QuerySet[Offer]:
    """Only what a result list shows, with the company in the same query."""
    return queryset.select_related("company", "district").only(
        "id",
        "municipality_id",
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
