"""Import Dortmund's districts, quarters, postcodes and schools from the copies in core/data/dortmund.

Idempotent: running it again updates what changed and adds nothing twice. Everything is validated before
anything is written (rule 7 of ARCHITECTURE.md); one audit entry records the import.
"""

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .audit import log_action
from .models import District, Municipality, Postcode, Quarter, School, SchoolForm

DATA_DIR = Path(__file__).resolve().parent / "data" / "dortmund"

# The 12 Stadtbezirke in the city's official numbering.
DORTMUND_DISTRICTS = [
    "Innenstadt-West",
    "Innenstadt-Nord",
    "Innenstadt-Ost",
    "Eving",
    "Scharnhorst",
    "Brackel",
    "Aplerbeck",
    "Hörde",
    "Hombruch",
    "Lütgendortmund",
    "Huckarde",
    "Mengede",
]

# The SVWS source names the city centre "Mitte"; the mapping splits it by district.
CITY_CENTRE_QUARTER_NAMES = {
    "Innenstadt-West": "Innenstadt-West (Mitte)",
    "Innenstadt-Nord": "Nordstadt",
    "Innenstadt-Ost": "Innenstadt-Ost (Mitte)",
}


class ReferenceDataError(ValueError):
    pass


@dataclass(frozen=True)
class SchoolRow:
    school_number: str
    name: str
    school_form: str
    street: str
    postcode: str
    city: str
    email: str
    website: str
    latitude: float
    longitude: float
    district: str
    pupils: int | None
    social_index: int | None
    is_public: bool


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _optional_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value else None


def read_schools() -> list[SchoolRow]:
    rows, errors = [], []
    for line, raw in enumerate(_read_csv("dortmund_schulen.csv"), start=2):
        form = raw["schulform_kuerzel"].strip()
        if form not in SchoolForm.values:
            errors.append(f"line {line}: unknown school form {form!r}")
            continue
        if raw["stadtbezirk_osm"] and raw["stadtbezirk_osm"] not in DORTMUND_DISTRICTS:
            errors.append(f"line {line}: unknown district {raw['stadtbezirk_osm']!r}")
            continue
        name = " ".join(
            part for part in [raw["name"].strip(), raw["name2"].strip(), raw["name3"].strip()] if part
        )
        website = raw["url"].strip()
        if website and not website.startswith(("http://", "https://")):
            website = "https://" + website
        rows.append(
            SchoolRow(
                school_number=raw["schulnummer"].strip(),
                name=name[:200],
                school_form=form,
                street=raw["strasse"].strip(),
                postcode=raw["plz"].strip(),
                city=raw["ort"].strip(),
                email=raw["email"].strip(),
                website=website,
                latitude=float(raw["lat"]),
                longitude=float(raw["lon"]),
                district=raw["stadtbezirk_osm"].strip(),
                pupils=_optional_int(raw["schuelerzahl_2024_25_gerundet"]),
                social_index=_optional_int(raw["sozialindex_2025_26"]),
                is_public=raw["oeffentlich_privat"].strip() == "öffentlich",
            )
        )
    if errors:
        raise ReferenceDataError("; ".join(errors))
    return rows


def read_quarters() -> dict[tuple[str, str], set[str]]:
    """(quarter name, district) -> postcodes."""
    postcodes_of: dict[str, set[str]] = defaultdict(set)
    for raw in _read_csv("dortmund_ortsteile_plz_svws.csv"):
        postcodes_of[raw["ortsteil"]].add(raw["plz"])
    quarters: dict[tuple[str, str], set[str]] = {}
    for raw in _read_csv("dortmund_ortsteil_stadtbezirk.csv"):
        district = raw["stadtbezirk"]
        if district not in DORTMUND_DISTRICTS:
            raise ReferenceDataError(f"unknown district {district!r} for {raw['ortsteil']!r}")
        only = set(raw["only_postcodes"].split())
        codes = only or postcodes_of[raw["ortsteil"]]
        name = CITY_CENTRE_QUARTER_NAMES[district] if raw["ortsteil"] == "Mitte" else raw["ortsteil"]
        quarters[(name, district)] = codes
    return quarters


def read_postcodes(schools: list[SchoolRow]) -> dict[str, tuple[float, float, bool]]:
    """Postcode -> (lat, lon, approximate). Fallback points are replaced by the mean of the schools inside."""
    result = {}
    for raw in _read_csv("dortmund_plz_centroids_geonames.csv"):
        code = raw["plz"]
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
        approximate = bool(raw["note"].strip())
        if approximate:
            inside = [s for s in schools if s.postcode == code]
            if inside:
                lat = statistics.fmean(s.latitude for s in inside)
                lon = statistics.fmean(s.longitude for s in inside)
        result[code] = (round(lat, 6), round(lon, 6), approximate)
    return result


def _nearest_district(row: SchoolRow, schools: list[SchoolRow]) -> str:
    from .geo import distance_km

    located = [s for s in schools if s.district]
    best = min(located, key=lambda s: distance_km(row.latitude, row.longitude, s.latitude, s.longitude))
    return best.district


@transaction.atomic
def import_dortmund(municipality: Municipality, *, actor=None) -> dict[str, int]:
    """Import (or update) districts, postcodes, quarters and schools; returns counts of what exists afterwards."""
    schools = read_schools()
    quarters = read_quarters()
    postcodes = read_postcodes(schools)

    districts = {}
    for number, name in enumerate(DORTMUND_DISTRICTS, start=1):
        districts[name], _ = District.objects.update_or_create(
            municipality=municipality, name=name, defaults={"number": number, "slug": slugify(name)}
        )
    postcode_objects = {}
    for code, (lat, lon, approximate) in postcodes.items():
        postcode_objects[code], _ = Postcode.objects.update_or_create(
            municipality=municipality,
            code=code,
            defaults={"latitude": lat, "longitude": lon, "is_approximate": approximate},
        )
    quarter_objects = {}
    for (name, district_name), codes in quarters.items():
        quarter, _ = Quarter.objects.update_or_create(
            municipality=municipality, name=name, defaults={"district": districts[district_name]}
        )
        quarter.postcodes.set([postcode_objects[c] for c in codes if c in postcode_objects])
        quarter_objects[(name, district_name)] = (quarter, codes)

    for row in schools:
        district_name = row.district or _nearest_district(row, schools)
        candidates = [
            q
            for (_n, d), (q, codes) in quarter_objects.items()
            if d == district_name and row.postcode in codes
        ]
        School.objects.update_or_create(
            municipality=municipality,
            school_number=row.school_number,
            defaults={
                "kind": "school",
                "name": row.name,
                "school_form": row.school_form,
                "street": row.street,
                "postcode": row.postcode,
                "city": row.city,
                "email": row.email,
                "website": row.website,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "district": districts[district_name],
                "quarter": candidates[0] if len(candidates) == 1 else None,
                "pupils": row.pupils,
                "social_index": row.social_index,
                "is_public": row.is_public,
            },
        )
    counts = {
        "districts": District.objects.filter(municipality=municipality).count(),
        "quarters": Quarter.objects.filter(municipality=municipality).count(),
        "postcodes": Postcode.objects.filter(municipality=municipality).count(),
        "schools": School.objects.filter(municipality=municipality).count(),
    }
    log_action(actor, "core.referencedata.import", municipality, counts)
    return counts
