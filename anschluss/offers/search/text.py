"""Free text: the words of a query, typo corrections, and the text condition of each database.

PostgreSQL: the weighted `german` full-text document (title A, occupations B, description C, migration 0002);
a word the offers do not contain is first corrected with pg_trgm against `offers_searchword`, the vocabulary of
the offers' titles and occupations ("Eletroniker" finds "Elektroniker"). SQLite: every word must appear in the
title, the occupations or the description; a word with a typo also matches the offers' words spelled nearly
alike (difflib).
"""

import difflib
import re

from django.db import connection

_WORD = re.compile(r"[^\W\d_]+|\d+")
MAX_WORDS = 8
FALLBACK_VOCABULARY_ROWS = 5000
# A correction must be about as close to the typed word as the closest one: "eletroniker" is 0.67 (trigrams)
# from "elektroniker" but 0.37 from "mechatroniker", which would otherwise bring in every Kfz offer.
CORRECTION_SPREAD = 0.15


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if len(w) > 1]


def corrections(words: list[str]) -> dict[str, list[str]]:
    """PostgreSQL: for each word the offers do not contain, up to three of their words spelled nearly alike,
    and of those only the ones about as close as the closest ("eletroniker": elektroniker, not mechatroniker)."""
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.word, s.word, s.similarity FROM unnest(%s::text[]) AS q(word)"
            " CROSS JOIN LATERAL (SELECT word, similarity(word, q.word) AS similarity FROM offers_searchword"
            " WHERE word %% q.word ORDER BY word <-> q.word LIMIT 3) AS s"
            " WHERE NOT EXISTS (SELECT 1 FROM offers_searchword e WHERE e.word = q.word)",
            [words],
        )
        found: dict[str, list[tuple[str, float]]] = {}
        for word, similar, similarity in cursor.fetchall():
            found.setdefault(word, []).append((similar, similarity))
    return {word: closest(candidates) for word, candidates in found.items()}


def closest(candidates: list[tuple[str, float]]) -> list[str]:
    """The candidates whose score is within CORRECTION_SPREAD of the best one, best first."""
    if not candidates:
        return []
    best = max(score for _word, score in candidates)
    ranked = sorted(candidates, key=lambda candidate: -candidate[1])
    return [word for word, score in ranked if score >= best - CORRECTION_SPREAD]


def tsquery_sql(q: str) -> tuple[str, list]:
    """PostgreSQL: every word (AND), each word OR its corrections; the user's own syntax is not parsed."""
    words = words_of(q)[:MAX_WORDS]
    similar = corrections(words)
    parts, params = [], []
    for word in words:
        alternatives = [word, *similar.get(word, [])]
        parts.append("(" + " || ".join("plainto_tsquery('german', %s)" for _ in alternatives) + ")")
        params += alternatives
    return " && ".join(parts), params


def like_pattern(text: str) -> str:
    """`%text%` for LIKE with the escape character backslash: the user's % and _ match only themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fallback_alternatives(q: str, vocabulary: set[str]) -> list[list[str]]:
    """SQLite: for every word, the word and the vocabulary's words spelled nearly alike (difflib), the closest
    ones only."""
    alternatives = []
    for word in words_of(q)[:MAX_WORDS]:
        candidates = []
        for other in difflib.get_close_matches(word, vocabulary - {word}, n=4, cutoff=0.75):
            candidates.append((other, difflib.SequenceMatcher(None, word, other).ratio()))
        alternatives.append([word, *closest(candidates)])
    return alternatives


def vocabulary_of(rows) -> set[str]:
    """The words of (title, occupations) rows."""
    vocabulary: set[str] = set()
    for title, occupations in rows:
        vocabulary.update(words_of(f"{title} {occupations}"))
    return vocabulary
