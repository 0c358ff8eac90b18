"""Creating and changing placement rounds and the places companies offer for them."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_action
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError, require

from ..models import PlacementRound, RoundPlace
from .base import locked_round, require_status

ROUND_FIELDS = [
    "name",
    "iso_year",
    "week_from",
    "week_to",
    "grades",
    "choices_open",
    "choices_close",
    "max_choices",
    "max_commute_km",
    "use_locality",
    "use_interest_fit",
    "seed",
]
PLACE_FIELDS = [
    "company",
    "title",
    "occupation",
    "field",
    "street",
    "postcode",
    "latitude",
    "longitude",
    "capacity",
    "supervisor",
    "supervisor_contact",
]
# Status changes by hand; confirming has its own service.
TRANSITIONS: dict[str, set[str]] = {
    PlacementRound.Status.DRAFT: {PlacementRound.Status.OPEN},
    PlacementRound.Status.OPEN: {PlacementRound.Status.CLOSED, PlacementRound.Status.DRAFT},
    PlacementRound.Status.CLOSED: {PlacementRound.Status.OPEN},
}


def validate_weeks(iso_year: int, week_from: int, week_to: int) -> None:
    last_week = date(iso_year, 12, 28).isocalendar()[1]
    if not (1 <= week_from <= last_week and 1 <= week_to <= last_week):
        raise ServiceError(
            _("%(year)s has the weeks 1 to %(last)s.") % {"year": iso_year, "last": last_week},
            field="week_from",
        )
    if week_from > week_to:
        raise ServiceError(_("The first week must not be after the last week."), field="week_to")


def validate_round(data: dict[str, Any]) -> None:
    validate_weeks(data["iso_year"], data["week_from"], data["week_to"])
    if data["choices_open"] >= data["choices_close"]:
        raise ServiceError(_("The choices must open before they close."), field="choices_close")
    if not data["grades"] or not all(5 <= int(g) <= 13 for g in data["grades"]):
        raise ServiceError(_("Choose at least one grade between 5 and 13."), field="grades")
    if not 1 <= data["max_choices"] <= 10:
        raise ServiceError(_("Students may rank between 1 and 10 places."), field="max_choices")
    if data["max_commute_km"] <= 0:
        raise ServiceError(_("The maximum commute must be more than 0 km."), field="max_commute_km")


def _check_schools(municipality_id: int, schools) -> list:
    schools = list(schools)
    if not schools:
        raise ServiceError(_("Choose at least one school."), field="schools")
    if any(school.municipality_id != municipality_id for school in schools):
        raise ServiceError(_("Choose schools of this municipality."), field="schools")
    return schools


@transaction.atomic
def do_create_round(municipality, *, schools, actor, **data) -> PlacementRound:
    """Create a round in draft; needs placements.manage_round. Logs placements.placementround.create."""
    require(actor, "placements.manage_round", municipality)
    data = {key: data[key] for key in ROUND_FIELDS if key in data}
    data["grades"] = sorted({int(g) for g in data.get("grades", [])})
    round_ = PlacementRound(municipality=municipality, created_by=actor, **data)
    validate_round({field: getattr(round_, field) for field in ROUND_FIELDS})
    schools = _check_schools(municipality.pk, schools)
    round_.save()
    round_.schools.set(schools)
    log_action(actor, "placements.placementround.create", round_, {"schools": [s.pk for s in schools]})
    return round_


@transaction.atomic
def do_update_round(round_: PlacementRound, *, schools=None, actor, **data) -> PlacementRound:
    """Change a round that is not confirmed yet; needs placements.manage_round. Under the round's row lock,
    like everything that changes a matching's input."""
    require(actor, "placements.manage_round", round_)
    round_ = locked_round(round_)
    require_status(
        round_, PlacementRound.Status.DRAFT, PlacementRound.Status.OPEN, PlacementRound.Status.CLOSED
    )
    changed = {}
    for key in ROUND_FIELDS:
        if key in data:
            value = sorted({int(g) for g in data[key]}) if key == "grades" else data[key]
            setattr(round_, key, value)
            changed[key] = str(value)
    validate_round({field: getattr(round_, field) for field in ROUND_FIELDS})
    round_.save()
    if schools is not None:
        schools = _check_schools(round_.municipality_id, schools)
        round_.schools.set(schools)
        changed["schools"] = str([s.pk for s in schools])
    log_action(actor, "placements.placementround.update", round_, changed)
    return round_


@transaction.atomic
def do_set_round_status(round_: PlacementRound, status: str, *, actor) -> PlacementRound:
    """Open a round for choices, close the choices, or re-open them; needs placements.manage_round."""
    require(actor, "placements.manage_round", round_)
    round_ = locked_round(round_)
    if status not in TRANSITIONS.get(round_.status, set()):
        raise ServiceError(_("The round cannot change to this status."), field="status")
    old = round_.status
    round_.status = status
    round_.save(update_fields=["status"])
    log_action(actor, "placements.placementround.set_status", round_, {"from": old, "to": status})
    return round_


def _check_place(round_: PlacementRound, place: RoundPlace, actor) -> None:
    if place.company.municipality_id != round_.municipality_id:
        raise ServiceError(_("Choose a company of this municipality."), field="company")
    if not allowed(
        actor, "placements.manage_round", round_
    ) and place.company_id not in directory.organisation_ids(actor, Role.COMPANY_STAFF):
        raise ServiceError(_("You can only offer places of your own company."), field="company")
    if place.latitude is None or place.longitude is None:
        if not place.company.has_location:
            raise ServiceError(
                _("The company has no location. Enter the coordinates of the site."), field="latitude"
            )
        place.latitude, place.longitude = place.company.latitude, place.company.longitude
        place.street = place.street or place.company.street
        place.postcode = place.postcode or place.company.postcode
    if place.capacity is None or place.capacity < 1:
        raise ServiceError(_("A place takes at least one student."), field="capacity")
    if place.occupation is None and place.field is None:
        raise ServiceError(_("Choose an occupation or an occupational field."), field="occupation")
    if place.field is None and place.occupation is not None:
        place.field = place.occupation.field


def _company_may_edit(round_: PlacementRound, actor) -> None:
    if allowed(actor, "placements.manage_round", round_):
        require_status(
            round_, PlacementRound.Status.DRAFT, PlacementRound.Status.OPEN, PlacementRound.Status.CLOSED
        )
    else:
        require_status(round_, PlacementRound.Status.DRAFT, PlacementRound.Status.OPEN)


@transaction.atomic
def do_offer_place(round_: PlacementRound, *, actor, **data) -> RoundPlace:
    """Offer places for a round: company staff for their own company, liaisons and coordinators for any.
    The site defaults to the company's address. Needs placements.offer_place; logs placements.roundplace.offer.
    Under the round's row lock: a new place changes the matching's input, so it waits for an adoption."""
    require(actor, "placements.offer_place", round_)
    round_ = locked_round(round_)
    _company_may_edit(round_, actor)
    place = RoundPlace(municipality_id=round_.municipality_id, round=round_)
    for key in PLACE_FIELDS:
        if key in data:
            setattr(place, key, data[key])
    _check_place(round_, place, actor)
    place.save()
    log_action(actor, "placements.roundplace.offer", place, {"capacity": place.capacity})
    return place


@transaction.atomic
def do_update_place(place: RoundPlace, *, actor, **data) -> RoundPlace:
    """Change an offered place; its capacity cannot drop below the students already placed there. Under the
    round's row lock, so an adoption in progress finishes first and its placements count against the new
    capacity (and a run adopted later sees the new capacity in its input check)."""
    require(actor, "placements.change_place", place)
    round_ = locked_round(place.round)
    _company_may_edit(round_, actor)
    for key in PLACE_FIELDS:
        if key in data and not (key == "company" and not allowed(actor, "placements.manage_round", round_)):
            setattr(place, key, data[key])
    _check_place(round_, place, actor)
    if place.placements.count() > place.capacity:
        raise ServiceError(_("More students are already placed here than this capacity."), field="capacity")
    place.save()
    log_action(actor, "placements.roundplace.update", place, {"capacity": place.capacity})
    return place
