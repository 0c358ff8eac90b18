"""Reads of the placements app: what a student may choose from, what is still free, which rounds someone sees."""

from dataclasses import dataclass

from django.db.models import Count, Q

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.permissions import allowed

from .instance_builder import commute_km, commute_minutes, current_fingerprint, field_of, with_fields
from .models import MatchRun, Placement, PlacementRound, Preference, RoundPlace


@dataclass
class PlaceOption:
    place: RoundPlace
    km: float
    minutes: int | None
    field_id: int | None
    free: int = 0
    too_far: bool = False  # beyond the round's maximum commute: students cannot choose it


def place_options(round_: PlacementRound, school, *, field_id: int | None = None) -> list[PlaceOption]:
    """The round's places sorted by the way from `school` (nearest first), optionally of one field; each
    knows whether it is beyond the round's maximum commute."""
    places = with_fields(round_.places.select_related("company", "field")).annotate(
        taken=Count("placements", distinct=True)
    )
    options = []
    for p in places:
        km = commute_km(school, p)
        options.append(
            PlaceOption(
                p,
                round(km, 1),
                commute_minutes(school, p),
                field_of(p),
                p.capacity - p.taken,
                too_far=km > round_.max_commute_km,
            )
        )
    if field_id is not None:
        options = [o for o in options if o.field_id == field_id]
    return sorted(options, key=lambda o: (o.km, o.place.company.name, o.place.pk))


def nearest_free_places(round_: PlacementRound, students, *, limit: int = 3) -> dict[int, list[PlaceOption]]:
    """For each student (pk): the round's places that still have a free seat, nearest to their school first.
    One pass over the places per school, not per student."""
    by_school: dict[int, list[PlaceOption]] = {}
    nearest = {}
    for student in students:
        if student.school_id not in by_school:
            by_school[student.school_id] = [o for o in place_options(round_, student.school) if o.free > 0][
                :limit
            ]
        nearest[student.pk] = by_school[student.school_id]
    return nearest


def out_of_date_runs(round_: PlacementRound, runs) -> set[int]:
    """The pks of those finished `runs` of the round whose input has changed since they were computed (the
    same test adopting a run makes). The round's input is fingerprinted once, and only while runs can still
    be started or adopted."""
    done = [run for run in runs if run.status == MatchRun.Status.DONE]
    if not done or round_.status not in (PlacementRound.Status.OPEN, PlacementRound.Status.CLOSED):
        return set()
    fingerprint = current_fingerprint(round_)
    return {run.pk for run in done if not run.matches_input(fingerprint)}


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
    if allowed(user, "placements.view_all_rounds", municipality):
        return list(rounds)
    visible = Q(pk__in=[])
    school_ids = directory.organisation_ids(user, Role.TEACHER, Role.SCHOOL_COORDINATOR)
    if school_ids:
        visible |= Q(schools__in=school_ids)
    company_ids = directory.organisation_ids(user, Role.COMPANY_STAFF)
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
