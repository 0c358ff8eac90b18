"""The one query of the offer search, for the search page, the API, the saved-search digest and the benchmark.

It is composed here as SQL, one condition per filter, because the page runs it on every keystroke of a town's
young people: one statement returns the page, each hit's rank and distance and the total (`COUNT(*) OVER ()`),
without building an ORM expression tree per request (bench/bench_search.py measures it against SQL written by
hand). Every value the user typed is a parameter; only fixed fragments are joined into the text.

The municipality is not taken from the request's scope: raw SQL does not pass django-scopes, so each function
asks for it by name, and a forgotten municipality is a TypeError, not a leak.
"""

import math
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from anschluss.core.geo import EARTH_RADIUS_KM, grid_cover
from anschluss.core.models import District, Organisation
from anschluss.occupations.models import Occupation, OccupationalField

from ..models import Offer, OfferStatus
from .hits import COLUMNS, OfferHit
from .params import SearchParams
from .text import fallback_alternatives, like_pattern, tsquery_sql, vocabulary_of

KM_PER_DEGREE = 111.2
OFFERS = Offer._meta.db_table
OFFER_OCCUPATIONS = Offer.occupations.through._meta.db_table


@dataclass
class Sql:
    """Conditions and their parameters, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def where(self) -> str:
        return " AND ".join(self.clauses)


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _open_offers(municipality_id: int) -> Sql:
    """Published offers of the municipality whose deadline (if any) has not passed."""
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    sql = Sql()
    sql.add("o.municipality_id = %s", municipality_id)
    sql.add("o.status = %s", OfferStatus.PUBLISHED.value)
    sql.add("(o.application_deadline IS NULL OR o.application_deadline >= %s)", today)
    return sql


def _with_occupation(column: str) -> str:
    return (
        f"o.id IN (SELECT oo.offer_id FROM {OFFER_OCCUPATIONS} oo"  # noqa: S608 - fixed fragments only
        f" JOIN {Occupation._meta.db_table} oc ON oc.id = oo.occupation_id"
        f" JOIN {OccupationalField._meta.db_table} f ON f.id = oc.field_id WHERE {column} = %s)"
    )


def _filters(sql: Sql, params: SearchParams, municipality_id: int) -> None:
    date = connection.ops.adapt_datefield_value
    if params.kind:
        sql.add("o.kind = %s", params.kind)
    if params.field:
        sql.add(_with_occupation("f.slug"), params.field)
    if params.occupation:
        sql.add(_with_occupation("oc.slug"), params.occupation)
    if params.district:
        sql.add(
            f"o.district_id IN (SELECT id FROM {District._meta.db_table}"  # noqa: S608
            " WHERE slug = %s AND municipality_id = %s)",
            params.district,
            municipality_id,
        )
    if params.date_from:
        start = date(params.date_from)
        sql.add("(o.end_date >= %s OR (o.end_date IS NULL AND o.start_date >= %s))", start, start)
    if params.date_to:
        sql.add("(o.start_date IS NULL OR o.start_date <= %s)", date(params.date_to))
    if params.grade is not None:
        sql.add("(o.min_grade IS NULL OR o.min_grade <= %s)", params.grade)
        sql.add("(o.max_grade IS NULL OR o.max_grade >= %s)", params.grade)
    if params.published_after is not None:
        sql.add("o.published_at > %s", connection.ops.adapt_datetimefield_value(params.published_after))


def _text(sql: Sql, q: str, base: Sql) -> tuple[str, list]:
    """Adds the text condition; returns the rank expression and its parameters."""
    if _postgresql():
        tsquery, words = tsquery_sql(q)
        if not tsquery:
            return "NULL", []
        sql.add(f"o.search_document @@ ({tsquery})", *words)
        return f"ts_rank(o.search_document, {tsquery})", words
    # SQLite: the vocabulary of the offers the other conditions leave (a small database).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT o.title, o.occupation_text FROM {OFFERS} o WHERE {base.where} LIMIT %s",  # noqa: S608
            [*base.params, 5000],
        )
        vocabulary = vocabulary_of(cursor.fetchall())
    for alternatives in fallback_alternatives(q, vocabulary):
        patterns = [like_pattern(w) for word in alternatives for w in {word, word[:1].upper() + word[1:]}]
        columns = ("o.title", "o.occupation_text", "o.description")
        any_column = " OR ".join(f"{c} LIKE %s ESCAPE '\\'" for _ in patterns for c in columns)
        sql.add(f"({any_column})", *[p for p in patterns for _ in columns])
    phrase = like_pattern(q)
    rank = (
        "CASE WHEN o.title LIKE %s ESCAPE '\\' THEN 3.0"
        " WHEN o.occupation_text LIKE %s ESCAPE '\\' THEN 2.0 ELSE 1.0 END"
    )
    return rank, [phrase, phrase]


def _haversine(latitude: float, longitude: float) -> tuple[str, list]:
    """The haversine term a of the distance to the offer: distance = 2R asin(sqrt(a)), growing with a."""
    expression = (
        "(power(sin(radians(o.latitude - %s) / 2), 2)"
        " + %s * cos(radians(o.latitude)) * power(sin(radians(o.longitude - %s) / 2), 2))"
    )
    return expression, [latitude, math.cos(math.radians(latitude)), longitude]


def _distance(latitude: float, longitude: float) -> tuple[str, list]:
    """Great-circle distance in km from the point to the offer (the formula of core.geo.distance_km)."""
    haversine, params = _haversine(latitude, longitude)
    return f"{2 * EARTH_RADIUS_KM!r} * asin(sqrt({haversine}))", params


def _near(sql: Sql, latitude: float, longitude: float, radius_km: float) -> None:
    """A first cut that an index serves, then the exact distance. PostgreSQL: the grid cells of core.geo that
    cover the circle, in the same GIN index as the text (migration 0003); SQLite: the bounding box. The exact
    test compares the haversine term with the radius turned into it (no asin and sqrt for every candidate)."""
    if _postgresql():
        sql.add("o.geo_cells && %s::bigint[]", grid_cover(latitude, longitude, radius_km))
    else:
        dlat = radius_km / KM_PER_DEGREE
        dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
        sql.add("o.latitude BETWEEN %s AND %s", latitude - dlat, latitude + dlat)
        sql.add("o.longitude BETWEEN %s AND %s", longitude - dlon, longitude + dlon)
    haversine, params = _haversine(latitude, longitude)
    limit = math.sin(min(radius_km / (2 * EARTH_RADIUS_KM), math.pi / 2)) ** 2
    sql.add(f"{haversine} <= %s", *params, limit)


# What the page's inner query reads of each offer: the columns of a hit (hits.COLUMNS) and of the orders.
OFFER_COLUMNS = (
    "id",
    "kind",
    "title",
    "employer_name",
    "company_id",
    "city",
    "district_id",
    "latitude",
    "longitude",
    "start_date",
    "end_date",
    "application_deadline",
    "places",
    "source",
    "published_at",
)

ORDERS = {
    "relevance": "rank DESC, o.published_at DESC, o.id DESC",
    "distance": "distance ASC NULLS LAST, o.id DESC",
    "newest": "o.published_at DESC, o.id DESC",
    "deadline": "COALESCE(o.application_deadline, '9999-12-31') ASC, o.id DESC",
}


def find_offers(
    params: SearchParams, *, municipality, limit: int | None = None, offset: int = 0
) -> tuple[int, list[OfferHit]]:
    """Open offers of `municipality` matching `params`, best first: (total, hits[offset:offset + limit]).
    The total is 0 when `offset` is past the last hit."""
    base = _open_offers(municipality.pk)
    sql = Sql(list(base.clauses), list(base.params))
    _filters(sql, params, municipality.pk)
    rank, rank_params = "NULL", list[object]()
    if params.text:
        rank, rank_params = _text(sql, params.text, base)
    distance, distance_params = "NULL", list[object]()
    if params.has_origin:
        assert params.latitude is not None and params.longitude is not None
        distance, distance_params = _distance(params.latitude, params.longitude)
        if params.radius_km:
            _near(sql, params.latitude, params.longitude, params.radius_km)
    # The page is chosen on the offers alone; only its rows are joined with their company and district.
    page = (
        f"SELECT {', '.join(f'o.{column}' for column in OFFER_COLUMNS)}, {rank} AS rank,"  # noqa: S608
        f" {distance} AS distance, COUNT(*) OVER () AS total FROM {OFFERS} o"
        f" WHERE {sql.where} ORDER BY {ORDERS[params.effective_sort]}"
    )
    values = [*rank_params, *distance_params, *sql.params]
    if limit is not None:
        page += " LIMIT %s OFFSET %s"
        values += [limit, offset]
    statement = (
        f"SELECT {', '.join(COLUMNS)}, o.rank, o.distance, o.total FROM ({page}) o"  # noqa: S608
        f" LEFT JOIN {Organisation._meta.db_table} c ON c.id = o.company_id"
        f" LEFT JOIN {District._meta.db_table} d ON d.id = o.district_id"
        f" ORDER BY {ORDERS[params.effective_sort]}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return total, [OfferHit.from_row(row, municipality.slug) for row in rows]
