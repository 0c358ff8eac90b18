"""What a search asks for: the words, the filters, the place and radius, the order."""

import datetime
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy, ngettext

from anschluss.core.models import District
from anschluss.occupations.models import Occupation, OccupationalField

from ..models import OfferKind
from .origin import Origin, resolve_place, school_origin

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


# The values the search's filters take (the form builds its choices from them, the API its enums).
GRADES = tuple(range(7, 14))
RADII_KM = (2, 5, 10, 20, 50)
SORT_VALUES = ("distance", "newest", "deadline")  # and "" for the best match


@dataclass
class ParsedSearch:
    """What `parse_search` found: the valid filters, the search's origin, and the reason for each filter left
    out (field name -> translated message)."""

    params: SearchParams
    origin: Origin | None = None
    errors: dict[str, Any] = dataclass_field(default_factory=dict)  # field -> message (str or lazy str)


MAX_LENGTH = 200
# Django's own message (and translation) for input with NUL characters, which PostgreSQL cannot compare.
NULL_CHARACTERS = gettext_lazy("Null characters are not allowed.")


def _too_long(value: str) -> str:
    # Django's own message (and translation) of a CharField's max_length.
    return ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        MAX_LENGTH,
    ) % {"limit_value": MAX_LENGTH, "show_value": len(value)}


def _invalid_choice(value) -> str:
    return gettext("Select a valid choice. %(value)s is not one of the available choices.") % {"value": value}


def _date(value: str) -> datetime.date | None:
    return forms.DateField().clean(value)


def parse_search(data, *, municipality, school=None) -> ParsedSearch:
    """Turn the search's URL parameters (a QueryDict or a dict of strings) into typed filter values.

    The one parser of a search: the search form shows its `errors` beside the fields, the API answers them
    with a 400, and a saved search is re-read through it for the daily digest. An invalid filter is left out.
    `school` is the searching student's school, for "near my school"."""

    def value(name: str) -> str:
        raw = data.get(name, "")
        return raw.strip() if isinstance(raw, str) else str(raw)

    errors: dict[str, Any] = {}
    params = SearchParams()
    q = value("q")
    if "\x00" in q:
        errors["q"] = NULL_CHARACTERS
    elif len(q) > MAX_LENGTH:
        errors["q"] = _too_long(q)
    else:
        params.q = q

    def choice(name: str, valid) -> str:
        chosen = value(name)
        if not chosen:
            return ""
        if "\x00" in chosen or not valid(chosen):
            errors[name] = _invalid_choice(chosen)
            return ""
        return chosen

    params.kind = choice("kind", lambda v: v in OfferKind.values)
    params.field = choice("field", lambda v: OccupationalField.objects.filter(slug=v).exists())
    params.occupation = choice("occupation", lambda v: Occupation.objects.filter(slug=v).exists())
    params.district = choice(
        "district", lambda v: District.objects.filter(municipality=municipality, slug=v).exists()
    )
    grade = choice("grade", lambda v: v in {str(g) for g in GRADES})
    params.grade = int(grade) if grade else None
    radius = choice("radius", lambda v: v in {str(r) for r in RADII_KM})
    params.sort = choice("sort", lambda v: v in SORT_VALUES)
    for name in ("date_from", "date_to"):
        if value(name):
            try:
                setattr(params, name, _date(value(name)))
            except forms.ValidationError as error:
                errors[name] = " ".join(error.messages)
    if params.date_from and params.date_to and params.date_from > params.date_to:
        errors["date_to"] = gettext("“Until” must not be before “From”.")
        params.date_to = None
    origin = None
    near = value("near")
    if "\x00" in near:
        errors["near"] = NULL_CHARACTERS
    elif len(near) > MAX_LENGTH:
        errors["near"] = _too_long(near)
    elif near:
        origin = resolve_place(near, municipality)
        if origin is None:
            errors["near"] = gettext(
                "We do not know the place “%(place)s”. Try a postcode in %(city)s, e.g. 44137."
            ) % {"place": near, "city": municipality.name}
    if school is not None and value("from_school").lower() not in ("", "0", "false"):
        origin = school_origin(school) or origin
    if radius and origin is None and "near" not in errors:
        errors["radius"] = gettext("Enter a place or choose “Near my school” to search by distance.")
    if origin is not None:
        params.latitude, params.longitude = origin.latitude, origin.longitude
        params.radius_km = float(radius) if radius else None
    return ParsedSearch(params, origin, errors)
