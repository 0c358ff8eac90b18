"""Text and distance in one index scan: PostgreSQL only (SQLite keeps the bounding box on latitude, longitude).

geo_cells: the offer's cell on each of the four levels of the grid of `anschluss.core.geo` (same sizes and ids:
change both together; a test compares them). One GIN index over (search_document, geo_cells) answers "these words
within 5 km" by intersecting the word's posting list with those of a few dozen cells, instead of combining a
full-text bitmap with a latitude/longitude range that holds a fifth of all offers. It replaces the GIN index on
search_document alone (a multicolumn GIN index serves conditions on either column).

fastupdate off (here and on the vocabulary's trigram index): new entries go straight into the index instead of
a pending list that every search then reads row by row until VACUUM merges it. Offers are written seldom and
searched all the time; with the pending list, 5,000 freshly imported offers made each search 1.4 ms slower.
"""

from django.db import migrations

from anschluss.core.migration_sql import postgresql_only


def _cell(level: int, size_lat: str, size_lon: str) -> str:
    return (
        f"{level}::bigint * 10000000000"
        f" + floor((latitude + 90) / {size_lat}::double precision)::bigint * 100000"
        f" + floor((longitude + 180) / {size_lon}::double precision)::bigint"
    )


CELLS = ", ".join(
    _cell(level, size_lat, size_lon)
    for level, (size_lat, size_lon) in enumerate(
        [("0.005", "0.008"), ("0.02", "0.032"), ("0.08", "0.128"), ("0.32", "0.512")]
    )
)

FORWARD = [
    f"""ALTER TABLE offers_offer ADD COLUMN geo_cells bigint[] GENERATED ALWAYS AS (
        CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL ELSE ARRAY[{CELLS}] END
    ) STORED""",
    "CREATE INDEX offers_offer_search ON offers_offer USING gin (search_document, geo_cells) WITH (fastupdate = off)",
    "ALTER INDEX offers_searchword_trgm SET (fastupdate = off)",
    "DROP INDEX IF EXISTS offers_offer_search_document",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS offers_offer_search_document ON offers_offer USING gin (search_document)",
    "ALTER INDEX offers_searchword_trgm RESET (fastupdate)",
    "DROP INDEX IF EXISTS offers_offer_search",
    "ALTER TABLE offers_offer DROP COLUMN IF EXISTS geo_cells",
]


class Migration(migrations.Migration):
    dependencies = [("offers", "0002_search_postgresql")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
