"""Reads of the placements app: what a student may choose from, what is still free, which rounds someone sees."""

from dataclasses import dataclass

from django.db.models import Count, Q

from . import people
from .instance_builder import commute_km, commute_minutes, field_of, with_fields
from .models import Placement, PlacementRound, Preference, RoundPlace


@dataclass
class PlaceOption:
    place: RoundPlace
    km: float
    minutes: int | None
    field_id: int | None
    free: int = 0


def place_options(round_: PlacementRound, school, *, field_id: int | None = None) -> list[PlaceOption]:
    """The round's places sorted by the way from `school` (nearest first), optionally of one field."""
    places = with_fields(round_.places.select_related("company", "field")).annotate(
        taken=Count("placements", distinct=True)
    )
    options = [
        PlaceOption(
            p, round(commute_km(school, p), 1), commute_minutes(school, p), field_of(p), p.capacity - p.taken
        )
        for p in places
    ]
    if field_id is not None:
        options = [o for o in options if o.field_id == field_id]
    return sorted(options, key=lambda o: (o.km, o.place.company.name, o.place.pk))


def nearest_free_places(round_: PlacementRound, student, *, limit: int = 3) -> list[PlaceOption]:
    """Places of the round that still have a free seat, nearest to the student's school first."""
    return [o for o in place_options(round_, student.school) if o.free > 0][:limit]


def chosen_place_ids(round_: PlacementRound, student) -> list[int]:
    return list(
        Preference.objects.filter(round=round_, student=student)
        .order_by("rank")
        .values_list("place_id", flat=True)
    )


def rounds_for(user, municipality) -> list[PlacementRound]:
    """The rounds a person works with: all for liaisons and coordinators, their schools' for school staff,
    open ones (to offer places) and those with their placements for company staff."""
    rounds = PlacementRound.objects.prefetch_related("schools")
    if user.has_perm("placements.manage_round", municipality):
        return list(rounds)
    visible = Q(pk__in=[])
    school_ids = people.school_ids_of(user)
    if school_ids:
        visible |= Q(schools__in=school_ids)
    company_ids = people.company_ids_of(user)
    if company_ids:
        visible |= Q(status__in=[PlacementRound.Status.DRAFT, PlacementRound.Status.OPEN]) | Q(
            places__company__in=company_ids
        )
    return list(rounds.filter(visible).distinct())


def open_rounds_for_student(student) -> list[PlacementRound]:
    rounds = PlacementRound.objects.filter(status=PlacementRound.Status.OPEN, schools=student.school_id)
    return [r for r in rounds if student.grade in r.grades]


def placements_of_student(student) -> list[Placement]:
    return list(
        Placement.objects.filter(student=student, status=Placement.Status.CONFIRMED).select_related(
            "round", "place__company", "agreement"
        )
    )
