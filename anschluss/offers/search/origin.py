"""Where a search starts from, its origin: a postcode, a place name in the municipality, or a school.

Addresses are resolved offline: a five-digit postcode anywhere in the text wins; otherwise the name of an
Ortsteil (quarter), a district or a school. That covers what young people type ("44388", "Lütgendortmund",
"Hauptschule Kley") without sending their input to a geocoding service.
"""

import re
from dataclasses import dataclass

from django.db.models import Avg

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.models import District, Postcode, Quarter, School

_POSTCODE = re.compile(r"\b(\d{5})\b")


@dataclass(frozen=True)
class Origin:
    latitude: float
    longitude: float
    label: str


def _centre_of_postcodes(postcodes) -> tuple[float, float] | None:
    centre = postcodes.aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
    if centre["lat"] is None:
        return None
    return centre["lat"], centre["lon"]


def resolve_place(text: str, municipality) -> Origin | None:
    """The point for what someone typed, or None when we do not know the place."""
    text = (text or "").strip()
    if not text:
        return None
    match = _POSTCODE.search(text)
    if match:
        point = Postcode.objects.filter(municipality=municipality, code=match.group(1)).first()
        if point is None:
            return None
        return Origin(point.latitude, point.longitude, point.code)
    words = re.sub(r"\s+", " ", re.sub(r"[,;]", " ", text)).strip()
    name = words.removeprefix(municipality.name).strip() or words
    quarter = Quarter.objects.filter(municipality=municipality, name__iexact=name).first()
    if quarter is not None:
        centre = _centre_of_postcodes(quarter.postcodes.all())
        if centre:
            return Origin(*centre, quarter.name)
    district = District.objects.filter(municipality=municipality, name__iexact=name).first()
    if district is not None:
        centre = _centre_of_postcodes(
            Postcode.objects.filter(municipality=municipality, quarters__district=district)
        )
        if centre:
            return Origin(*centre, district.name)
    school = (
        School.objects.filter(municipality=municipality, name__icontains=name, latitude__isnull=False)
        .order_by("name")
        .first()
    )
    if school is not None and len(name) >= 4:
        return Origin(school.latitude, school.longitude, school.name)  # type: ignore[arg-type]
    return None


def school_origin(school) -> Origin | None:
    if school is None or school.latitude is None or school.longitude is None:
        return None
    return Origin(school.latitude, school.longitude, school.name)


def own_school(user):
    """The school of a signed-in student: from the student record, else from the membership (directory)."""
    if not user.is_authenticated:
        return None
    student = directory.student_of(user)
    if student is not None:
        return student.school
    school_ids = directory.organisation_ids(user, Role.STUDENT)
    if not school_ids:
        return None
    return School.objects.filter(pk__in=school_ids).order_by("pk").first()
