"""Build the engine's Instance from the database: the round's students with choices, its places, the
priorities (locality tier, then interest fit, then the seeded lottery) and the commute of every pair.

Every build also yields the instance's fingerprint, a SHA-256 over a canonical serialisation of all the engine
is given: a run stores it, and adopting the run rebuilds it to notice choices, students or places that changed
since."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import F

from anschluss.placements.engine import CommuteEstimator, Instance, StraightLineCommute, build_instance
from anschluss.placements.engine.instance import TIER_OTHER, TIER_SAME_DISTRICT, TIER_SAME_QUARTER

from .models import PlacementRound, Preference, RoundPlace
from .students import interest_fits, round_students

# The one place that decides how the way from school is estimated: a public-transport travel-time source
# implementing CommuteEstimator can replace the straight line here.
COMMUTE: CommuteEstimator = StraightLineCommute()


@dataclass
class BuiltInstance:
    instance: Instance
    student_ids: list[int]  # engine index -> Student pk
    place_ids: list[int]  # engine index -> RoundPlace pk
    eligible: int  # students of the round's schools and grades
    without_choices: int  # of them, how many chose nothing
    fingerprint: str  # SHA-256 (hex) of the complete input, see input_fingerprint


def point(obj) -> tuple[float, float] | None:
    if obj.latitude is None or obj.longitude is None:
        return None
    return (obj.latitude, obj.longitude)


def commute_km(school, place: RoundPlace) -> float:
    origin = point(school)
    return COMMUTE.distance_km(origin, (place.latitude, place.longitude)) if origin else 0.0


def commute_minutes(school, place: RoundPlace) -> int | None:
    origin = point(school)
    return round(COMMUTE.minutes(origin, (place.latitude, place.longitude))) if origin else None


def locality_tier(school, place: RoundPlace) -> int:
    """0: the place is in the school's quarter; 1: in its district; 2: elsewhere."""
    company = place.company
    if school.quarter_id is not None and company.quarter_id == school.quarter_id:
        return TIER_SAME_QUARTER
    if school.district_id is not None and company.district_id == school.district_id:
        return TIER_SAME_DISTRICT
    return TIER_OTHER


def with_fields(places):
    """Annotate each place with the occupational field of its occupation (used when it names no field)."""
    return places.annotate(occupation_field_id=F("occupation__field_id"))


def field_of(place: RoundPlace) -> int | None:
    return place.field_id if place.field_id is not None else getattr(place, "occupation_field_id", None)


# Increase when the serialisation below changes: runs fingerprinted the old way then count as out of date.
FINGERPRINT_VERSION = 1

# The engine's arrays in a fixed byte order and width, so that equal instances hash equally everywhere.
_FINGERPRINT_ARRAYS = (
    ("capacity", "<i4"),
    ("indptr", "<i8"),
    ("pref_place", "<i4"),
    ("pref_priority", "<i8"),
    ("pref_distance_km", "<f4"),
)


def input_fingerprint(
    instance: Instance, student_ids: list[int], place_ids: list[int], settings: dict[str, Any]
) -> str:
    """SHA-256 (hex) over everything the engine is given: the round's settings, which student and which place
    each engine index stands for, the capacities, every student's ranked choices with the priority (locality
    tier, interest fit, lottery) and commute of each pair, and the pairs dropped as too far."""
    digest = hashlib.sha256()
    header = {
        "version": FINGERPRINT_VERSION,
        "settings": settings,
        "students": student_ids,
        "places": place_ids,
        "too_far": sorted(
            [student, [[place, km] for place, km in pairs]] for student, pairs in instance.too_far.items()
        ),
    }
    digest.update(json.dumps(header, sort_keys=True, separators=(",", ":")).encode())
    for name, dtype in _FINGERPRINT_ARRAYS:
        data = np.ascontiguousarray(getattr(instance, name), dtype=dtype).tobytes()
        digest.update(f"\n{name}:{dtype}:{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def build_round_instance(round_: PlacementRound) -> BuiltInstance:
    places = list(with_fields(round_.places.select_related("company")).order_by("pk"))
    place_index = {place.pk: index for index, place in enumerate(places)}
    # In the order of the students' ids: the lottery numbers follow this order, so the same input always gives
    # the same instance (names are not unique, and a renamed student keeps the lottery number).
    eligible = list(round_students(round_).order_by("pk"))
    by_student: dict[int, list[int]] = {}
    for student_id, place_id in (
        Preference.objects.filter(round=round_, student__in=[s.pk for s in eligible])
        .order_by("student_id", "rank")
        .values_list("student_id", "place_id")
    ):
        by_student.setdefault(student_id, []).append(place_id)
    students = [s for s in eligible if by_student.get(s.pk)]
    fits = interest_fits(students, {field_of(p) for p in places}) if round_.use_interest_fit else {}
    preferences, tiers, fit_rows, distances = [], [], [], []
    for student in students:
        chosen = [places[place_index[pk]] for pk in by_student[student.pk]]
        preferences.append([place_index[p.pk] for p in chosen])
        tiers.append(
            [locality_tier(student.school, p) if round_.use_locality else TIER_OTHER for p in chosen]
        )
        fit_rows.append([fits.get((student.pk, field_of(p)), 0.0) for p in chosen])
        distances.append([commute_km(student.school, p) for p in chosen])
    instance = build_instance(
        [p.capacity for p in places],
        preferences,
        tiers=tiers,
        fits=fit_rows,
        distances_km=distances,
        max_commute_km=round_.max_commute_km,
        seed=round_.seed,
    )
    student_ids, place_ids = [s.pk for s in students], [p.pk for p in places]
    settings = {
        "max_commute_km": round_.max_commute_km,
        "use_locality": round_.use_locality,
        "use_interest_fit": round_.use_interest_fit,
        "seed": round_.seed,
    }
    return BuiltInstance(
        instance=instance,
        student_ids=student_ids,
        place_ids=place_ids,
        eligible=len(eligible),
        without_choices=len(eligible) - len(students),
        fingerprint=input_fingerprint(instance, student_ids, place_ids, settings),
    )


def current_fingerprint(round_: PlacementRound) -> str:
    """The fingerprint of the round's input as it is now (compare with MatchRun.input_fingerprint)."""
    return build_round_instance(round_).fingerprint
