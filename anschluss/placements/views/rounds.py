"""Rounds: the list, creating and changing a round, its status, and the places companies offer."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.permissions import allowed, permission_required
from anschluss.core.services import ServiceError

from ..forms import PlaceForm, RoundForm
from ..models import MatchRun, PlacementRound
from ..queries import rounds_for
from ..services import (
    do_create_round,
    do_offer_place,
    do_set_round_status,
    do_update_place,
    do_update_round,
)
from .common import back_to_round, get_place, get_round, report


@require_safe
@permission_required("placements.view_rounds")
def round_list(request, municipality: str):
    rounds = rounds_for(request.user, request.municipality)
    context = {
        "rounds": rounds,
        "can_manage": allowed(request.user, "placements.manage_round", request.municipality),
        "company_ids": directory.organisation_ids(request.user, Role.COMPANY_STAFF),
    }
    return render(request, "placements/round_list.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("placements.manage_round")
def round_create(request, municipality: str):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = do_create_round(
                request.municipality,
                schools=form.cleaned_data["schools"],
                actor=request.user,
                **form.service_data(),
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The round is saved as a draft."))
            return back_to_round(request, round_)
    return render(request, "placements/round_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("placements.manage_round", get_round)
def round_edit(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    form = RoundForm(request.POST or None, instance=PlacementRound.objects.get(pk=round_.pk))
    if request.method == "POST" and form.is_valid():
        try:
            do_update_round(
                round_, schools=form.cleaned_data["schools"], actor=request.user, **form.service_data()
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The round is saved."))
            return back_to_round(request, round_)
    return render(request, "placements/round_form.html", {"form": form, "round": round_})


@require_safe
@permission_required("placements.manage_round", get_round)
def round_detail(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    places = round_.places.select_related("company", "occupation", "field").annotate(
        taken=Count("placements", distinct=True), wanted=Count("preferences", distinct=True)
    )
    runs = round_.runs.all()[:10]
    context = {
        "round": round_,
        "places": places,
        "runs": runs,
        "modes": MatchRun.Mode.choices,
        "seats": sum(p.capacity for p in places),
        "placements": round_.placements.count(),
    }
    return render(request, "placements/round_detail.html", context)


@require_POST
@permission_required("placements.manage_round", get_round)
def round_status(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    try:
        do_set_round_status(round_, request.POST.get("status", ""), actor=request.user)
    except ServiceError as error:
        report(request, error)
    else:
        messages.success(request, _("The status of the round is changed."))
    return back_to_round(request, round_)


def _after_place_saved(request, round_):
    if allowed(request.user, "placements.manage_round", round_):
        return back_to_round(request, round_)
    return redirect("placements:round_list", municipality=request.municipality.slug)


@require_http_methods(["GET", "POST"])
@permission_required("placements.offer_place", get_round)
def place_create(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    form = PlaceForm(request.POST or None, user=request.user, round_=round_)
    if request.method == "POST" and form.is_valid():
        try:
            do_offer_place(round_, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Thank you. The places are offered."))
            return _after_place_saved(request, round_)
    return render(request, "placements/place_form.html", {"form": form, "round": round_})


@require_http_methods(["GET", "POST"])
@permission_required("placements.change_place", get_place)
def place_edit(request, municipality: str, pk: int):
    place = get_place(request, pk)
    form = PlaceForm(request.POST or None, instance=place, user=request.user, round_=place.round)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k != "company" or not form.fields["company"].disabled
        }
        try:
            do_update_place(form.instance, actor=request.user, **data)
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The places are saved."))
            return _after_place_saved(request, place.round)
    return render(request, "placements/place_form.html", {"form": form, "round": place.round, "place": place})
