"""Helpers of the placement views: loading objects of the request's municipality (another's is a 404 because
the scope filters it out) and turning a service's refusal into a message where there is no form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from anschluss.core.services import ServiceError

from ..models import MatchRun, Placement, PlacementAgreement, PlacementRound, RoundPlace


def get_round(request, pk, **kwargs) -> PlacementRound:
    return get_object_or_404(PlacementRound, pk=pk)


def get_place(request, pk, **kwargs) -> RoundPlace:
    return get_object_or_404(RoundPlace.objects.select_related("round", "company"), pk=pk)


def get_run(request, pk, **kwargs) -> MatchRun:
    return get_object_or_404(MatchRun.objects.select_related("round"), pk=pk)


def get_run_round(request, pk, **kwargs) -> PlacementRound:
    return get_run(request, pk).round


def get_placement(request, pk, **kwargs) -> Placement:
    return get_object_or_404(Placement.objects.select_related("round", "student", "place__company"), pk=pk)


def get_placement_round(request, pk, **kwargs) -> PlacementRound:
    return get_placement(request, pk).round


def get_agreement(request, pk, **kwargs) -> PlacementAgreement:
    return get_object_or_404(
        PlacementAgreement.objects.select_related(
            "placement__round", "placement__student__school", "placement__place__company"
        ),
        pk=pk,
    )


def report(request, error: ServiceError) -> None:
    messages.error(request, str(error))


def back_to_round(request, round_: PlacementRound, name: str = "placements:round_detail"):
    return redirect(name, municipality=request.municipality.slug, pk=round_.pk)
