"""The proposed placements of a round: change by hand, see the unplaced with the nearest free places, confirm."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import permission_required
from anschluss.core.services import ServiceError

from ..explanations import unplaced_explanations
from ..forms import AssignForm
from ..models import PlacementRound
from ..queries import nearest_free_places
from ..services import CommuteWarning, do_assign_student, do_confirm_round, do_remove_placement
from ..students import round_students
from .common import back_to_round, get_placement, get_placement_round, get_round, report


def _eligible(round_: PlacementRound):
    return round_students(round_)


@require_safe
@permission_required("placements.manage_round", get_round)
def placement_list(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    placements = list(round_.placements.select_related("student__school", "place__company"))
    placed_ids = {p.student_id for p in placements}
    chose = set(round_.preferences.values_list("student_id", flat=True))
    students = list(_eligible(round_).exclude(pk__in=placed_ids).order_by("school__name", "last_name"))
    nearest = nearest_free_places(round_, students)
    why = unplaced_explanations(round_, placements, students)
    unplaced = [
        {"student": s, "nearest": nearest[s.pk], "chose": s.pk in chose, "why": why.get(s.pk, [])}
        for s in students
    ]
    places = list(round_.places.select_related("company"))
    log_reads(
        request.user,
        [p.student for p in placements] + [row["student"] for row in unplaced],
        reason="placements of the round",
    )
    context = {
        "round": round_,
        "placements": placements,
        "unplaced": unplaced,
        "places": places,
        "editable": round_.status == PlacementRound.Status.CLOSED,
    }
    return render(request, "placements/placement_list.html", context)


@require_POST
@permission_required("placements.manage_round", get_round)
def assign(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    form = AssignForm(request.POST, places=round_.places.select_related("company"))
    if not form.is_valid():
        messages.error(request, _("Choose a student and a place."))
        return back_to_round(request, round_, "placements:placement_list")
    student = get_object_or_404(_eligible(round_), pk=form.cleaned_data["student"])
    place = round_.places.get(pk=form.cleaned_data["place"])
    try:
        do_assign_student(
            round_,
            student,
            place,
            actor=request.user,
            accept_long_commute=form.cleaned_data["accept_long_commute"],
        )
    except CommuteWarning as warning:
        messages.warning(
            request,
            str(warning)
            + " "
            + _("Tick “Place here although the way is longer than allowed” to place anyway."),
        )
    except ServiceError as error:
        report(request, error)
    else:
        messages.success(
            request, _("%(student)s is placed at %(place)s.") % {"student": student, "place": place}
        )
    return back_to_round(request, round_, "placements:placement_list")


@require_POST
@permission_required("placements.manage_round", get_placement_round)
def placement_remove(request, municipality: str, pk: int):
    placement = get_placement(request, pk)
    try:
        do_remove_placement(placement, actor=request.user)
    except ServiceError as error:
        report(request, error)
    else:
        messages.success(request, _("%(student)s has no place now.") % {"student": placement.student})
    return back_to_round(request, placement.round, "placements:placement_list")


@require_POST
@permission_required("placements.manage_round", get_round)
def confirm(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    try:
        count = do_confirm_round(round_, actor=request.user)
    except ServiceError as error:
        report(request, error)
        return back_to_round(request, round_, "placements:placement_list")
    messages.success(
        request, _("%(count)s placements are confirmed. Everyone has been told.") % {"count": count}
    )
    return back_to_round(request, round_)
