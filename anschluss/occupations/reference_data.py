"""Import the KldB 2010, KAoA's occupational fields and the NRW training occupations. Idempotent."""

import csv
import json
import re
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from anschluss.core.audit import log_action

from .fields import kaoa_field_for
from .models import KldbEntry, Occupation, OccupationalField

DATA_DIR = Path(__file__).resolve().parent / "data"
_TAGS = re.compile(r"&nbsp;|<[^>]+>")


def _clean(text: str) -> str:
    return " ".join(_TAGS.sub(" ", text or "").split())


def read_fields() -> list[tuple[str, str]]:
    data = json.loads((DATA_DIR / "KAOABerufsfeld.json").read_text(encoding="utf-8"))
    return [(entry["historie"][-1]["kuerzel"], entry["historie"][-1]["text"]) for entry in data["daten"]]


def read_kldb() -> list[dict]:
    rows = []
    with (DATA_DIR / "kldb2010_v2020_gliederung_mit_erlaeuterung.csv").open(
        encoding="utf-8-sig", newline=""
    ) as f:
        for raw in csv.reader(f, delimiter=";"):
            if not raw or not raw[0].strip().isdigit():
                continue
            level = int(raw[1])
            rows.append(
                {
                    "code": raw[0].strip().zfill(level),
                    "level": level,
                    "title": _clean(raw[2])[:300],
                    "short_title": _clean(raw[3])[:200],
                    "description": _clean(raw[4]),
                }
            )
    return rows


def read_occupations() -> list[dict]:
    """One row per NRW key; where the catalogue lists a key twice, the current entry wins over an expired one."""
    rows: dict[str, dict] = {}
    with (DATA_DIR / "nrw_bk_fachklassen_anlageA_flat.csv").open(encoding="utf-8", newline="") as f:
        for raw in csv.DictReader(f):
            key = raw["schluessel"] + raw["schluessel2"]
            row = {
                "nrw_key": key,
                "name": raw["bezeichnung"].strip(),
                "nrw_field": raw["berufsfeld"].strip(),
                "is_current": raw["istAusgelaufen"] == "False",
            }
            if key not in rows or row["is_current"]:
                rows[key] = row
    return list(rows.values())


@transaction.atomic
def import_occupations(*, actor=None) -> dict[str, int]:
    fields = {}
    for position, (key, name) in enumerate(read_fields()):
        fields[key], _ = OccupationalField.objects.update_or_create(
            key=key, defaults={"name": name, "slug": slugify(name), "position": position}
        )
    _import_kldb(read_kldb())
    _import_training_occupations(read_occupations(), fields)
    _apply_profiles(read_profiles())
    counts = {
        "fields": OccupationalField.objects.count(),
        "kldb": KldbEntry.objects.count(),
        "occupations": Occupation.objects.filter(is_current=True).count(),
    }
    log_action(actor, "occupations.referencedata.import", None, counts)
    return counts


def _import_kldb(rows: list[dict]) -> None:
    """Insert new codes and update changed ones in bulk (2,195 rows), parents after their level is saved."""
    existing = {entry.code: entry for entry in KldbEntry.objects.all()}
    for level in range(1, 6):
        new, changed = [], []
        for row in (r for r in rows if r["level"] == level):
            parent_code = row["code"][:-1] if level > 1 else None
            parent = existing.get(parent_code) if parent_code else None
            values = {
                **{k: row[k] for k in ("level", "title", "short_title", "description")},
                "parent": parent,
            }
            entry = existing.get(row["code"])
            if entry is None:
                new.append(KldbEntry(code=row["code"], **values))
            elif any(getattr(entry, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(entry, key, value)
                changed.append(entry)
        for entry in KldbEntry.objects.bulk_create(new, batch_size=500):
            existing[entry.code] = entry
        KldbEntry.objects.bulk_update(changed, ["level", "title", "short_title", "description", "parent"])
        # bulk_create does not set primary keys on every backend: read them back for the next level's parents.
        existing = {entry.code: entry for entry in KldbEntry.objects.all()}


def _import_training_occupations(rows: list[dict], fields: dict[str, OccupationalField]) -> None:
    existing = {occupation.nrw_key: occupation for occupation in Occupation.objects.all()}
    used_slugs: set[str] = set()
    new, changed = [], []
    for row in rows:
        slug = slugify(row["name"].replace("/-", "-"))[:190]
        if slug in used_slugs:
            slug = f"{slug}-{row['nrw_key']}"
        used_slugs.add(slug)
        field_key = kaoa_field_for(row["name"], row["nrw_field"])
        values = {
            "name": row["name"],
            "slug": slug,
            "nrw_field": row["nrw_field"],
            "is_current": row["is_current"],
            "field": fields.get(field_key) if field_key else None,
        }
        occupation = existing.get(row["nrw_key"])
        if occupation is None:
            new.append(Occupation(nrw_key=row["nrw_key"], **values))
        elif any(getattr(occupation, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(occupation, key, value)
            changed.append(occupation)
    Occupation.objects.bulk_create(new, batch_size=500)
    Occupation.objects.bulk_update(changed, ["name", "slug", "nrw_field", "is_current", "field"])


def read_profiles() -> list[dict]:
    """Our own descriptions, search words and KldB codes of the most common occupations (see SOURCE.md)."""
    with (DATA_DIR / "occupation_profiles.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _apply_profiles(rows: list[dict]) -> None:
    occupations = {o.nrw_key: o for o in Occupation.objects.filter(nrw_key__in=[r["nrw_key"] for r in rows])}
    codes = {e.code: e for e in KldbEntry.objects.filter(code__in=[r["kldb_code"] for r in rows], level=5)}
    missing = [r["nrw_key"] for r in rows if r["nrw_key"] not in occupations]
    missing += [r["kldb_code"] for r in rows if r["kldb_code"] not in codes]
    if missing:
        raise ValueError(f"occupation_profiles.csv names unknown NRW keys or KldB codes: {missing}")
    changed = []
    for row in rows:
        occupation = occupations[row["nrw_key"]]
        values = {
            "description": row["description"].strip(),
            "search_terms": row["search_terms"].strip(),
            "kldb": codes[row["kldb_code"]],
        }
        if any(getattr(occupation, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(occupation, key, value)
            changed.append(occupation)
    Occupation.objects.bulk_update(changed, ["description", "search_terms", "kldb"])
