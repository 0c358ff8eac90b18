"""The engine's reasons (engine/explain.py codes) as short, plain sentences: why this place, why not a higher
choice. Written for students first; staff read the same sentences."""

from django.utils.translation import gettext as _

from .engine.explain import FULL_HIGHER_PRIORITY, FULL_MORE_STUDENTS, PLACED, TOO_FAR, UNPLACED
from .models import MatchRun


def _name(places: dict, place_id) -> str:
    place = places.get(place_id)
    return f"{place.company.name} ({place.title})" if place is not None else _("a place that was removed")


def _full_because(data: dict) -> str:
    yours, theirs = data.get("your_tier"), data.get("last_admitted_tier")
    if yours is not None and theirs is not None and theirs < yours:
        return _("The seats went to students whose school is closer to the company.")
    your_fit, their_fit = data.get("your_fit"), data.get("last_admitted_fit")
    if your_fit is not None and their_fit is not None and their_fit > your_fit:
        return _("The seats went to students whose interests fit this job better.")
    return _("Other students had the same priority. A fair lottery decided.")


def sentence(reason: dict, places: dict, max_commute_km: float) -> str:
    code, data = reason["code"], reason.get("data", {})
    values = {"rank": reason.get("rank"), "place": _name(places, reason.get("place"))}
    if code == PLACED:
        return _("You get your choice no. %(rank)s: %(place)s.") % values
    if code == FULL_HIGHER_PRIORITY:
        return _("Your choice no. %(rank)s (%(place)s) was full.") % values + " " + _full_because(data)
    if code == FULL_MORE_STUDENTS:
        return (
            _("Your choice no. %(rank)s (%(place)s) was full.") % values
            + " "
            + _("So that as many students as possible get a place, the seats went to others.")
        )
    if code == TOO_FAR:
        return _("%(place)s is about %(km)s km from your school. Allowed are %(max)s km.") % {
            **values,
            "km": data.get("distance_km"),
            "max": max_commute_km,
        }
    if code == UNPLACED:
        return _("None of your choices had a seat for you. Your school will find a place with you.")
    return _("No explanation is available.")


def explain_assignment(assignment: dict, places: dict, max_commute_km: float) -> list[str]:
    """All sentences for one student's entry of MatchRun.assignments, the result first."""
    return [sentence(reason, places, max_commute_km) for reason in assignment.get("reasons", [])]


def unplaced_explanations(round_, placements, students) -> dict[int, list[str]]:
    """Why each of `students` (without a placement) got no place in the run the round's placements were
    adopted from: {student pk: sentences}. Empty when the placements come from no single run (all by hand)."""
    run_ids = {p.source_run_id for p in placements if p.source_run_id is not None}
    if len(run_ids) != 1:
        return {}
    run = MatchRun.objects.filter(pk=run_ids.pop()).only("assignments").first()
    if run is None:
        return {}
    places = {p.pk: p for p in round_.places.select_related("company")}
    explained = {}
    for student in students:
        assignment = run.assignments.get(str(student.pk))
        # A student the run placed but who was taken off by hand has no explanation from the run.
        if assignment is not None and assignment["place"] is None:
            explained[student.pk] = explain_assignment(assignment, places, round_.max_commute_km)
    return explained
