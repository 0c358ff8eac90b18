"""What a search asks for: the words, the filters, the place and radius, the order."""

import datetime
from dataclasses import dataclass

SORTS = ("relevance", "distance", "newest", "deadline")


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
    def text(self) -> str:
        """The words as typed, white space folded, at most 200 characters."""
        return " ".join(self.q.split())[:200]

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
