"""Benchmark of the offer search on PostgreSQL: the product's own query next to hand-written SQL.

Creates its own database (anschluss_bench_search), loads 5,000 and then 200,000 synthetic offers, and times
for each size: text + radius, text only and a typo query. "product" is exactly what the search page runs
(anschluss.offers.search.result_page: the typo correction, then the first page of 20 and the total in one query);
"peer" is the same work written by hand in SQL, on the same data in the same run. Prints a table and
writes bench/results/search.json. Needs PostgreSQL at BENCH_PG (default postgres://postgres@127.0.0.1:5432).
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "anschluss_bench_search"
os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
os.environ.setdefault("ANSCHLUSS_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anschluss.settings")

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "5000,200000").split(",")]
REPEATS = int(os.environ.get("BENCH_REPEATS", "300"))
WARMUP = 30
PAGE_SIZE = 20
# Text queries people type: words of titles and occupations, and the same with typos.
TEXTS = [
    "Elektroniker",
    "Kfz",
    "Büromanagement",
    "Koch",
    "Tischler",
    "Lagerlogistik",
    "Friseur",
    "Mechatroniker",
]
TYPOS = ["Eletroniker", "Tischlerr", "Lagerlogisitk", "Mechatroniker Kfz", "Bueromanagement", "Frisör"]
CENTRE = (51.5136, 7.4653)
BOX = (51.42, 51.60, 7.30, 7.64)


def _server_connection():
    import psycopg

    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


def create_database() -> None:
    with _server_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    from django.db import connections

    connections.close_all()
    with _server_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def load(count: int, municipality, companies, occupations, rng: random.Random) -> None:
    """COPY `count` synthetic offers (generated search columns are computed by PostgreSQL)."""
    from django.db import connection
    from django.utils import timezone

    from anschluss.offers.models import Offer

    kinds = [
        ("apprenticeship", "Ausbildung {} (m/w/d)"),
        ("internship", "Schülerpraktikum {}"),
        ("exploration_day", "Berufsfelderkundung: {}"),
        ("dual_study", "Duales Studium mit {}"),
    ]
    sentences = [
        "Du lernst im Team.",
        "Wir freuen uns auf dich.",
        "Bring Neugier mit.",
        "Arbeitszeit 8 bis 15 Uhr.",
        "Du arbeitest mit Menschen.",
        "Du arbeitest mit Technik.",
        "Moderne Werkstatt.",
        "Gute Busanbindung.",
    ]
    now = timezone.now()
    columns = [
        "municipality_id",
        "kind",
        "status",
        "title",
        "description",
        "occupation_text",
        "company_id",
        "employer_name",
        "street",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "places",
        "school_certificate",
        "contact_name",
        "contact_email",
        "contact_phone",
        "apply_method",
        "external_url",
        "review_note",
        "source",
        "external_id",
        "source_url",
        "created",
        "updated",
        "published_at",
    ]
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(
            f"COPY {Offer._meta.db_table} ({', '.join(columns)}) FROM STDIN"
        ) as copy,
    ):
        for n in range(count):
            name, terms = occupations[n % len(occupations)]
            kind, pattern = kinds[rng.randrange(len(kinds))]
            status = "published" if rng.random() < 0.9 else "closed"
            copy.write_row(
                [
                    municipality.pk,
                    kind,
                    status,
                    pattern.format(name),
                    " ".join(rng.sample(sentences, 4)),
                    f"{name} {terms}",
                    companies[n % len(companies)],
                    "",
                    "Beispielweg 1",
                    "44137",
                    "Dortmund",
                    rng.uniform(BOX[0], BOX[1]),
                    rng.uniform(BOX[2], BOX[3]),
                    1 + n % 3,
                    "",
                    "",
                    "",
                    "",
                    "here",
                    "",
                    "",
                    "",
                    "",
                    "",
                    now,
                    now,
                    now,
                ]
            )
    # The steady state that autovacuum reaches on a live table: statistics and visibility map up to date.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Offer._meta.db_table}")


HAND_WHERE = """
    o.municipality_id = %(m)s AND o.status = 'published'
    AND (o.application_deadline IS NULL OR o.application_deadline >= CURRENT_DATE)
    {text} {radius}
"""
HAND_TEXT = "AND o.search_document @@ ({tsq})"
HAND_HAVERSINE = """(power(sin(radians(o.latitude - %(lat)s) / 2), 2)
        + %(coslat)s * cos(radians(o.latitude)) * power(sin(radians(o.longitude - %(lon)s) / 2), 2))"""
HAND_DISTANCE = f"12742.0176 * asin(sqrt({HAND_HAVERSINE}))"
# distance <= r  <=>  haversine <= sin(r / 2R)^2: no asin and sqrt for every candidate.
HAND_RADIUS = f"AND o.geo_cells && %(cells)s::bigint[] AND {HAND_HAVERSINE} <= %(limit)s"


def hand_written(cursor, municipality_id: int, q: str, origin, radius):
    """The peer: typo correction against the vocabulary, then the first page and the total in one statement,
    written by hand on the same tables and indexes."""
    import math
    import re

    from anschluss.core.geo import grid_cover

    words = [w.lower() for w in re.findall(r"[^\W\d_]+|\d+", q) if len(w) > 1][:8]
    cursor.execute(
        """SELECT word, other FROM (
             SELECT q.word, s.word AS other, s.sim, max(s.sim) OVER (PARTITION BY q.word) AS best
             FROM unnest(%s::text[]) AS q(word)
             CROSS JOIN LATERAL (SELECT word, similarity(word, q.word) AS sim FROM offers_searchword
                                 WHERE word %% q.word ORDER BY word <-> q.word LIMIT 3) AS s
             WHERE NOT EXISTS (SELECT 1 FROM offers_searchword e WHERE e.word = q.word)) AS t
           WHERE sim >= best - 0.15 ORDER BY sim DESC""",
        [words],
    )
    similar: dict = {}
    for word, other in cursor.fetchall():
        similar.setdefault(word, []).append(other)
    params: dict = {"m": municipality_id}
    groups = []
    for i, word in enumerate(words):
        names = []
        for j, alternative in enumerate([word, *similar.get(word, [])]):
            params[f"w{i}_{j}"] = alternative
            names.append(f"plainto_tsquery('german', %(w{i}_{j})s)")
        groups.append("(" + " || ".join(names) + ")")
    tsq = " && ".join(groups)
    radius_sql, distance = "", "NULL"
    if origin:
        lat, lon = origin
        params.update(
            lat=lat,
            lon=lon,
            limit=math.sin(radius / 12742.0176) ** 2,
            coslat=math.cos(math.radians(lat)),
            cells=grid_cover(lat, lon, radius),
        )
        radius_sql, distance = HAND_RADIUS, HAND_DISTANCE
    where = HAND_WHERE.format(text=HAND_TEXT.format(tsq=tsq), radius=radius_sql)
    # Fixed SQL fragments; the words are parameters.
    cursor.execute(
        f"""SELECT o.id, o.kind, o.title, o.employer_name, c.name, o.city, d.name, o.latitude, o.longitude,
                   o.start_date, o.end_date, o.application_deadline, o.places, o.source, o.rank, o.distance,
                   o.total
            FROM (SELECT o.id, o.kind, o.title, o.employer_name, o.company_id, o.city, o.district_id,
                         o.latitude, o.longitude, o.start_date, o.end_date, o.application_deadline, o.places,
                         o.source, o.published_at, ts_rank(o.search_document, {tsq}) AS rank, {distance} AS distance,
                         count(*) OVER () AS total
                  FROM offers_offer o WHERE {where}
                  ORDER BY rank DESC, o.published_at DESC, o.id DESC LIMIT {PAGE_SIZE}) o
            LEFT JOIN core_organisation c ON c.id = o.company_id
            LEFT JOIN core_district d ON d.id = o.district_id
            ORDER BY o.rank DESC, o.published_at DESC, o.id DESC""",  # noqa: S608
        params,
    )
    rows = cursor.fetchall()
    return (rows[0][-1] if rows else 0), rows


def product(municipality, q: str, origin, radius):
    """What the search page runs (offers.views.search: result_page)."""
    from anschluss.offers.search import SearchParams, result_page

    params = SearchParams(q=q)
    if origin:
        params.latitude, params.longitude, params.radius_km = origin[0], origin[1], radius
    page = result_page(params, 1, municipality=municipality, per_page=PAGE_SIZE)
    return page.paginator.count, list(page.object_list)


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def at(p):
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000

    return {
        "p50_ms": round(at(50), 3),
        "p95_ms": round(at(95), 3),
        "p99_ms": round(at(99), 3),
        "qps": round(len(samples) / sum(samples), 1),
        "mean_ms": round(statistics.fmean(samples) * 1000, 3),
    }


def measure(ours, peer, cases) -> tuple[dict, dict]:
    """Both sides on the same cases, interleaved (which goes first alternates), so that a drift of the machine
    during the run, a cache warming up or another process, falls on both alike."""
    for case in cases[:WARMUP]:
        ours(*case)
        peer(*case)
    samples: dict = {ours: [], peer: []}
    for n, case in enumerate(cases):
        for run in (ours, peer) if n % 2 == 0 else (peer, ours):
            start = time.perf_counter()
            run(*case)
            samples[run].append(time.perf_counter() - start)
    return percentiles(samples[ours]), percentiles(samples[peer])


def main() -> int:
    create_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django_scopes import scope, scopes_disabled

    from anschluss.core.models import Company, Municipality
    from anschluss.occupations.reference_data import read_profiles

    results: dict = {"database": "PostgreSQL", "repeats": REPEATS, "page_size": PAGE_SIZE, "sizes": {}}
    try:
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            results["server_version"] = cursor.fetchone()[0]
        rng = random.Random(2026)  # noqa: S311 - benchmark data
        with scopes_disabled():
            municipality = Municipality.objects.create(slug="bench", name="Bench")
            companies = [
                Company.objects.create(
                    municipality=municipality, kind="company", name=f"Beispielbetrieb {n}"
                ).pk
                for n in range(60)
            ]
        # Occupation names as offers use them (the profile's everyday words: "Elektriker, Elektro, ...").
        occupations = [
            (row["search_terms"].split(",")[-1].strip(), row["search_terms"]) for row in read_profiles()
        ]
        loaded = 0
        for size in SIZES:
            load(size - loaded, municipality, companies, occupations, rng)
            loaded = size
            case_rng = random.Random(size)  # noqa: S311
            origins = [(case_rng.uniform(51.46, 51.56), case_rng.uniform(7.36, 7.58)) for _ in range(REPEATS)]
            workloads = {
                "text_radius": [(TEXTS[i % len(TEXTS)], origins[i], 5) for i in range(REPEATS)],
                "text": [(TEXTS[i % len(TEXTS)], None, None) for i in range(REPEATS)],
                "typo": [(TYPOS[i % len(TYPOS)], None, None) for i in range(REPEATS)],
            }
            size_results = {}
            with scope(municipality=municipality.pk), connection.cursor() as cursor:
                for name, cases in workloads.items():
                    counts = {case[0]: product(municipality, *case)[0] for case in cases[: len(TEXTS)]}
                    hand = {
                        case[0]: hand_written(cursor, municipality.pk, *case)[0]
                        for case in cases[: len(TEXTS)]
                    }
                    assert counts == hand, f"{name}: product and peer disagree: {counts} vs {hand}"
                    ours, peer = measure(
                        lambda *case: product(municipality, *case),
                        lambda *case: hand_written(cursor, municipality.pk, *case),
                        cases,
                    )
                    size_results[name] = {
                        "product": ours,
                        "hand_sql": peer,
                        "p95_ratio": round(ours["p95_ms"] / peer["p95_ms"], 3),
                        "mean_matches": round(statistics.fmean(counts.values()), 1),
                    }
            results["sizes"][str(size)] = size_results
    finally:
        drop_database()
    report(results)
    out = ROOT / "bench" / "results" / "search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return check_goals(results)


def report(results: dict) -> None:
    print(
        f"Offer search on PostgreSQL {results.get('server_version', '')}, {results['repeats']} queries each"
    )
    print(
        f"{'offers':>8} {'query':<12} {'who':<9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'q/s':>8} {'ratio':>6}"
    )
    for size, workloads in results["sizes"].items():
        for name, figures in workloads.items():
            for who in ("product", "hand_sql"):
                f = figures[who]
                ratio = f"{figures['p95_ratio']:.2f}" if who == "product" else ""
                print(
                    f"{size:>8} {name:<12} {who:<9} {f['p50_ms']:>8.2f} {f['p95_ms']:>8.2f} {f['p99_ms']:>8.2f} "
                    f"{f['qps']:>8.0f} {ratio:>6}"
                )


def check_goals(results: dict) -> int:
    """Print the goals of the issue and whether they are met (the exit code stays 0: figures, not a gate)."""
    big = results["sizes"].get("200000", {}).get("text_radius")
    small = results["sizes"].get("5000", {})
    goals = []
    if big:
        goals.append(("200,000: text + radius p95 <= 20 ms", big["product"]["p95_ms"] <= 20))
        goals.append(("200,000: text + radius <= 1.1x hand-written SQL (p95)", big["p95_ratio"] <= 1.1))
    if small:
        goals.append(
            ("5,000: every query p95 <= 5 ms", all(w["product"]["p95_ms"] <= 5 for w in small.values()))
        )
    for text, met in goals:
        print(f"{'met    ' if met else 'NOT MET'} {text}")
    results["goals"] = dict(goals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
