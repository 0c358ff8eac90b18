"""Students choose places (phone first, works without JavaScript); schools see who has not chosen yet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.accounts import directory
from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, permission_required
from anschluss.core.services import ServiceError
from anschluss.occupations.models import OccupationalField

from ..models import Preference
from ..queries import chosen_place_ids, place_options
from ..services import do_remind_students, do_set_choices
from ..services.choices import students_without_choices
from ..students import round_students, students_of
from .common import back_to_round, get_round, report


def _new_list(current: list[int], action: str, place_id: int) -> list[int]:
    """The list after one step: add to the end, remove, or move one position up."""
    if action == "add" and place_id not in current:
        return [*current, place_id]
    if action == "remove":
        return [pk for pk in current if pk != place_id]
    if action == "up" and place_id in current:
        index = current.index(place_id)
        if index > 0:
            current = current.copy()
            current[index - 1], current[index] = current[index], current[index - 1]
    return current


def _field_filter(request) -> tuple[int | None, str]:
    raw = request.GET.get("field", "")
    if not raw:
        return None, ""
    if raw.isdigit() and OccupationalField.objects.filter(pk=int(raw)).exists():
        return int(raw), ""
    return None, _("There is no such occupational field. You see all places.")


@require_http_methods(["GET", "POST"])
@permission_required("placements.choose_places", get_round)
def choose(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    student = directory.student_of(request.user)
    if student is None:  # placements.choose_places needs a student record; this only guards the lookup
        raise PermissionDenied
    current = chosen_place_ids(round_, student)
    if request.method == "POST":
        raw = request.POST.get("place", "")
        action = request.POST.get("action", "")
        if not raw.isdigit() or action not in ("add", "remove", "up"):
            messages.error(request, _("That did not work. Please try again."))
        else:
            try:
                do_set_choices(round_, _new_list(current, action, int(raw)), actor=request.user)
            except ServiceError as error:
                report(request, error)
            else:
                messages.success(request, _("Saved."))
        target = request.path + (
            f"?field={request.POST['field']}" if request.POST.get("field", "").isdigit() else ""
        )
        return redirect(target)
    field_id, filter_error = _field_filter(request)
    options = place_options(round_, student.school)
    by_id = {option.place.pk: option for option in options}
    context = {
        "round": round_,
        "student": student,
        "chosen": [by_id[pk] for pk in current if pk in by_id],
        # Places beyond the round's maximum commute are not offered: the matching would drop them anyway.
        "options": [
            o
            for o in options
            if o.place.pk not in current and not o.too_far and (field_id is None or o.field_id == field_id)
        ],
        "fields": OccupationalField.objects.filter(pk__in={o.field_id for o in options if not o.too_far}),
        "field_id": field_id,
        "filter_error": filter_error,
        "full": len(current) >= round_.max_choices,
    }
    return render(request, "placements/choose.html", context)


@require_safe
@permission_required("placements.view_choices", get_round)
def choice_overview(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    missing = students_without_choices(round_, request.user)
    students = round_students(round_)
    if not allowed(request.user, "placements.manage_round", round_):
        students = students.filter(pk__in=students_of(request.user).values("pk"))
    chosen = (
        Preference.objects.filter(round=round_, student__in=students).values("student").distinct().count()
    )
    missing = list(missing)
    log_reads(request.user, missing, reason="students without choices")
    context = {"round": round_, "missing": missing, "total": students.count(), "chosen": chosen}
    return render(request, "placements/choice_overview.html", context)


@require_POST
@permission_required("placements.remind_students", get_round)
def remind(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    ids = [int(value) for value in request.POST.getlist("student") if value.isdigit()]
    try:
        count = do_remind_students(round_, ids, actor=request.user)
    except ServiceError as error:
        report(request, error)
    else:
        messages.success(request, _("%(count)s students were reminded.") % {"count": count})
    return back_to_round(request, round_, "placements:choice_overview")
