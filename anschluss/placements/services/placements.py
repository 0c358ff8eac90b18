"""Manual changes to a round's proposed placements, and confirming them for everyone."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_action
from anschluss.core.notifications import notify
from anschluss.core.services import ServiceError, require

from ..instance_builder import commute_km
from ..models import Placement, PlacementAgreement, PlacementRound, Preference, RoundPlace
from ..students import round_students
from .base import locked_round, require_status


class CommuteWarning(ServiceError):
    """The place is farther from the student's school than the round allows; repeat with accept_long_commute."""


def free_seats(place: RoundPlace, *, ignoring_student=None) -> int:
    taken = place.placements.exclude(student=ignoring_student) if ignoring_student else place.placements.all()
    return place.capacity - taken.count()


@transaction.atomic
def do_assign_student(
    round_: PlacementRound, student, place: RoundPlace, *, actor, accept_long_commute: bool = False
) -> Placement:
    """Place a student at a place by hand, or move them there. Checks: round closed for choices and not
    confirmed, the student takes part in the round, the place belongs to it and has a free seat; a place beyond
    the maximum commute raises CommuteWarning unless accepted. Needs placements.manage_round."""
    require(actor, "placements.manage_round", round_)
    round_ = locked_round(round_)
    require_status(round_, PlacementRound.Status.CLOSED)
    if place.round_id != round_.pk:
        raise ServiceError(_("This place is not part of the round."), field="place")
    eligible = round_students(round_)
    if not eligible.filter(pk=student.pk).exists():
        raise ServiceError(_("This student does not take part in the round."), field="student")
    if free_seats(place, ignoring_student=student) < 1:
        raise ServiceError(_("This place has no free seat."), field="place")
    km = commute_km(student.school, place)
    if km > round_.max_commute_km and not accept_long_commute:
        raise CommuteWarning(
            _("The way from the school is about %(km).1f km, more than the %(max).1f km of this round.")
            % {"km": km, "max": round_.max_commute_km},
            field="accept_long_commute",
        )
    rank = (
        Preference.objects.filter(round=round_, student=student, place=place)
        .values_list("rank", flat=True)
        .first()
    )
    placement, created = Placement.objects.update_or_create(
        round=round_,
        student=student,
        defaults={
            "municipality_id": round_.municipality_id,
            "place": place,
            "rank": rank,
            "distance_km": round(km, 1),
            "source_run": None,
        },
    )
    log_action(
        actor,
        "placements.placement.assign",
        placement,
        {"place": place.pk, "new": created, "long_commute": km > round_.max_commute_km},
    )
    return placement


@transaction.atomic
def do_remove_placement(placement: Placement, *, actor) -> None:
    """Take a proposed placement back (the student is unplaced again); needs placements.manage_round."""
    require(actor, "placements.manage_round", placement.round)
    round_ = locked_round(placement.round)
    require_status(round_, PlacementRound.Status.CLOSED)
    log_action(actor, "placements.placement.remove", placement, {"place": placement.place_id})
    placement.delete()


@transaction.atomic
def do_confirm_round(round_: PlacementRound, *, actor) -> int:
    """Confirm all proposed placements: agreements are created and students, guardians, companies and school
    coordinators are notified (inbox and e-mail). Needs placements.manage_round; under the round's row lock,
    so a second confirmation at the same time fails instead of confirming twice. Returns the number confirmed."""
    require(actor, "placements.manage_round", round_)
    round_ = locked_round(round_)
    require_status(round_, PlacementRound.Status.CLOSED)
    placements = list(round_.placements.select_related("student__user", "student__school", "place__company"))
    if not placements:
        raise ServiceError(_("There are no placements to confirm."))
    now = timezone.now()
    round_.placements.update(status=Placement.Status.CONFIRMED, confirmed=now)
    PlacementAgreement.objects.bulk_create(
        PlacementAgreement(municipality_id=round_.municipality_id, placement=p) for p in placements
    )
    round_.status = PlacementRound.Status.CONFIRMED
    round_.save(update_fields=["status"])
    _tell_everyone(round_, placements)
    log_action(actor, "placements.placementround.confirm", round_, {"placements": len(placements)})
    return len(placements)


def _tell_everyone(round_: PlacementRound, placements: list[Placement]) -> None:
    """Notify the student and their guardians of each placement (leading to its agreement), and the company
    staff and school coordinators of the round's placements at their company or school (the agreement list)."""
    slug = round_.municipality.slug
    agreements = dict(
        PlacementAgreement.objects.filter(placement__round=round_).values_list("placement_id", "pk")
    )
    by_company: dict[int, list[Placement]] = {}
    by_school: dict[int, list[Placement]] = {}
    for placement in placements:
        student, company = placement.student, placement.place.company
        link = reverse(
            "placements:agreement_detail", kwargs={"municipality": slug, "pk": agreements[placement.pk]}
        )
        context = {"round": round_, "placement": placement, "company": company.name}
        if student.user is not None:
            notify([student.user], "placements.placement_confirmed", placement, context, url=link)
        notify(
            directory.guardians_of(student),
            "placements.child_placed",
            placement,
            {**context, "student": student.first_name},
            url=link,
        )
        by_company.setdefault(company.pk, []).append(placement)
        by_school.setdefault(student.school_id, []).append(placement)
    agreement_list = reverse("placements:agreement_list", kwargs={"municipality": slug, "pk": round_.pk})
    for company_id, company_placements in by_company.items():
        notify(
            directory.members(company_id, Role.COMPANY_STAFF),
            "placements.company_placements",
            round_,
            {"round": round_},
            url=agreement_list,
            mail_context={"placements": company_placements},
        )
    for school_id, school_placements in by_school.items():
        notify(
            directory.members(school_id, Role.SCHOOL_COORDINATOR),
            "placements.school_placements",
            round_,
            {"round": round_},
            url=agreement_list,
            mail_context={"placements": school_placements},
        )
