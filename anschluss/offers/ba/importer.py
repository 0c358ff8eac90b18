"""Import apprenticeships (angebotsart 4) and internships (34) from the Jobsuche into a municipality.

Everything is fetched and checked first; only then is anything written (rule 7). Imported offers carry their
source and a link to the Jobsuche; a later run updates them and closes those the Jobsuche no longer lists.
When the service is down or refuses, nothing changes and the result says why.
"""

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from anschluss.core.audit import log_action
from anschluss.occupations.models import Occupation

from ..models import Offer, OfferKind, OfferSource, OfferStatus
from ..services.offers import sync_occupation_text
from .client import BAUnavailable, fetch_jobs

KINDS = {4: OfferKind.APPRENTICESHIP, 34: OfferKind.INTERNSHIP}
PAGE_SIZE = 50
DETAIL_URL = "https://www.arbeitsagentur.de/jobsuche/jobdetail/{refnr}"


@dataclass
class ImportResult:
    fetched: int = 0
    created: int = 0
    updated: int = 0
    closed: int = 0
    pages: int = 0
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _normalise(name: str) -> str:
    name = re.sub(r"/-?(in|frau|r|e|köchin|zimmerin)\b", "", name.lower())
    return re.sub(r"[^a-zäöüß]+", " ", name).strip()


def parse_job(job: dict, angebotsart: int) -> dict:
    """One `stellenangebote` entry as offer fields; ValueError if it lacks what an offer needs."""
    refnr = str(job.get("refnr") or "").strip()
    title = str(job.get("titel") or job.get("beruf") or "").strip()
    if not refnr or not title:
        raise ValueError("an offer without refnr or titel")
    place = job.get("arbeitsort") or {}
    coordinates = place.get("koordinaten") or {}
    kind = KINDS[angebotsart]
    if kind == OfferKind.APPRENTICESHIP and "dual" in f"{title} {job.get('beruf', '')}".lower():
        kind = OfferKind.DUAL_STUDY
    start = parse_date(str(job.get("eintrittsdatum") or "")[:10]) if job.get("eintrittsdatum") else None
    return {
        "external_id": refnr[:100],
        "kind": kind,
        "title": title[:200],
        "occupation_name": str(job.get("beruf") or ""),
        "employer_name": str(job.get("arbeitgeber") or "")[:200],
        "description": str(job.get("beruf") or title),
        "street": str(place.get("strasse") or "")[:200],
        "postcode": str(place.get("plz") or "")[:5],
        "city": str(place.get("ort") or "")[:100],
        "latitude": float(coordinates["lat"]) if coordinates.get("lat") is not None else None,
        "longitude": float(coordinates["lon"]) if coordinates.get("lon") is not None else None,
        "start_date": start,
        "source_url": str(job.get("externeUrl") or DETAIL_URL.format(refnr=refnr))[:500],
    }


def fetch_all(fetch: Callable[..., dict] = fetch_jobs) -> tuple[list[dict], int]:
    """Every page of both kinds (up to BA_IMPORT_MAX_PAGES each), parsed. Raises BAUnavailable or ValueError."""
    rows: dict[str, dict] = {}
    pages = 0
    for angebotsart in KINDS:
        for page in range(1, settings.BA_IMPORT_MAX_PAGES + 1):
            data = fetch(
                {
                    "angebotsart": angebotsart,
                    "wo": settings.BA_IMPORT_PLACE,
                    "umkreis": settings.BA_IMPORT_RADIUS_KM,
                    "page": page,
                    "size": PAGE_SIZE,
                }
            )
            pages += 1
            jobs = data.get("stellenangebote") or []
            if not isinstance(jobs, list):
                raise ValueError("stellenangebote is not a list")
            for job in jobs:
                row = parse_job(job, angebotsart)
                rows[row["external_id"]] = row
            total = int(data.get("maxErgebnisse") or 0)
            if len(jobs) < PAGE_SIZE or page * PAGE_SIZE >= total:
                break
    return list(rows.values()), pages


def do_import_ba_offers(municipality, *, fetch: Callable[..., dict] = fetch_jobs, actor=None) -> ImportResult:
    """Create, update and close the municipality's offers from the Jobsuche (a system task; no permission)."""
    result = ImportResult()
    try:
        rows, result.pages = fetch_all(fetch)
    except (BAUnavailable, ValueError, TypeError, KeyError) as error:
        result.error = str(error) or error.__class__.__name__
        log_action(actor, "offers.baimport.fail", None, result.as_dict(), municipality=municipality)
        return result
    result.fetched = len(rows)
    occupations = {_normalise(o.name): o for o in Occupation.objects.filter(is_current=True)}
    with transaction.atomic():
        existing = {
            o.external_id: o for o in Offer.objects.filter(municipality=municipality, source=OfferSource.BA)
        }
        now = timezone.now()
        for row in rows:
            occupation = occupations.get(_normalise(row.pop("occupation_name")))
            offer = existing.get(row["external_id"])
            if offer is None:
                offer = Offer(municipality=municipality, source=OfferSource.BA, published_at=now, **row)
                result.created += 1
            else:
                for key, value in row.items():
                    setattr(offer, key, value)
                result.updated += 1
            offer.status = OfferStatus.PUBLISHED
            offer.apply_method = "external"
            offer.external_url = row["source_url"]
            offer.closed_at = None
            offer.save()
            offer.occupations.set([occupation] if occupation else [])
            sync_occupation_text(offer)
        seen = {row["external_id"] for row in rows}
        gone = [o.pk for key, o in existing.items() if key not in seen and o.status == OfferStatus.PUBLISHED]
        result.closed = Offer.objects.filter(pk__in=gone).update(status=OfferStatus.CLOSED, closed_at=now)
        log_action(actor, "offers.baimport.run", None, result.as_dict(), municipality=municipality)
    return result
