"""Full-text and trigram search columns and GIN indexes: PostgreSQL only (SQLite uses the plain fallback).

search_document: the weighted `german` document (title A, occupations B, description C).
search_text: title and occupations in lower case; a trigger collects their words into offers_searchword, a
small vocabulary with a trigram index that corrects typos ("eletroniker" -> "elektroniker") before the
full-text query runs. Generated columns and the trigger keep everything current on every write (services,
imports, bulk loads).
"""

from django.db import migrations

from anschluss.core.migration_sql import postgresql_only

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE offers_offer ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('german'::regconfig, coalesce(occupation_text, '')), 'B')
        || setweight(to_tsvector('german'::regconfig, coalesce(description, '')), 'C')
    ) STORED""",
    """ALTER TABLE offers_offer ADD COLUMN search_text text GENERATED ALWAYS AS (
        lower(coalesce(title, '') || ' ' || coalesce(occupation_text, ''))
    ) STORED""",
    "CREATE INDEX offers_offer_search_document ON offers_offer USING gin (search_document)",
    "CREATE TABLE offers_searchword (word text PRIMARY KEY)",
    "CREATE INDEX offers_searchword_trgm ON offers_searchword USING gin (word gin_trgm_ops)",
    """CREATE FUNCTION offers_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO offers_searchword (word)
        SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_text, '[^[:alpha:]]+') AS w WHERE length(w) > 2
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER offers_offer_collect_words AFTER INSERT OR UPDATE OF title, occupation_text
    ON offers_offer FOR EACH ROW EXECUTE FUNCTION offers_collect_words()""",
    """INSERT INTO offers_searchword (word)
    SELECT DISTINCT w FROM offers_offer, regexp_split_to_table(search_text, '[^[:alpha:]]+') AS w
    WHERE length(w) > 2 ON CONFLICT DO NOTHING""",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS offers_offer_collect_words ON offers_offer",
    "DROP FUNCTION IF EXISTS offers_collect_words()",
    "DROP TABLE IF EXISTS offers_searchword",
    "DROP INDEX IF EXISTS offers_offer_search_document",
    "ALTER TABLE offers_offer DROP COLUMN IF EXISTS search_text",
    "ALTER TABLE offers_offer DROP COLUMN IF EXISTS search_document",
]


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
