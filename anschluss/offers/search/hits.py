"""One row of a result list: what the list and the map show of an offer, read in the search's own query."""

import datetime
from dataclasses import dataclass, fields

from django.urls import reverse

from ..models import OfferKind

# The columns of a hit, in the order of OfferHit's fields; query.py adds rank, distance and the total.
COLUMNS = (
    "o.id",
    "o.kind",
    "o.title",
    "o.employer_name",
    "c.name",
    "o.city",
    "d.name",
    "o.latitude",
    "o.longitude",
    "o.start_date",
    "o.end_date",
    "o.application_deadline",
    "o.places",
    "o.source",
)


def _date(value) -> datetime.date | None:
    """SQLite hands back dates of expressions as text."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class OfferHit:
    pk: int
    kind: str
    title: str
    employer_name: str
    company_name: str | None
    city: str
    district_name: str | None
    latitude: float | None
    longitude: float | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    application_deadline: datetime.date | None
    places: int
    source: str
    rank: float | None
    distance: float | None
    municipality_slug: str

    @classmethod
    def from_row(cls, row, municipality_slug: str) -> "OfferHit":
        names = [f.name for f in fields(cls) if f.name != "municipality_slug"]
        hit = cls(**dict(zip(names, row, strict=False)), municipality_slug=municipality_slug)
        hit.start_date = _date(hit.start_date)
        hit.end_date = _date(hit.end_date)
        hit.application_deadline = _date(hit.application_deadline)
        return hit

    @property
    def id(self) -> int:
        return self.pk

    @property
    def employer(self) -> str:
        return self.company_name or self.employer_name

    @property
    def place(self) -> str:
        return self.district_name or self.city

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def get_kind_display(self) -> str:
        return str(OfferKind(self.kind).label)

    def get_absolute_url(self) -> str:
        return reverse("offers:detail", kwargs={"municipality": self.municipality_slug, "pk": self.pk})
