"""What young people keep: saved offers and searches."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from anschluss.core.permissions import permission_required
from anschluss.core.services import ServiceError

from ..forms import SaveSearchForm
from ..models import SavedOffer, SavedSearch
from ..services import do_delete_saved_search, do_save_search, do_toggle_saved_offer
from .common import check, get_offer, report


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_safe
@permission_required("offers.save_offer")
def saved(request, municipality: str):
    context = {
        "saved_offers": SavedOffer.objects.filter(user=request.user).select_related(
            "offer", "offer__company"
        ),
        "saved_searches": SavedSearch.objects.filter(user=request.user),
        "search_url": reverse("offers:search", kwargs={"municipality": municipality}),
    }
    return render(request, "offers/saved.html", context)


@require_POST
def toggle_saved(request, municipality: str, pk: int):
    offer = get_offer(request, pk)
    denied = check(request, "offers.save_offer", offer)
    if denied:
        return denied
    if do_toggle_saved_offer(offer, actor=request.user):
        messages.success(request, _("The offer is on your list now."))
    else:
        messages.success(request, _("The offer is no longer on your list."))
    return _back(request, offer.get_absolute_url())


@require_POST
@permission_required("offers.save_search")
def save_search(request, municipality: str):
    form = SaveSearchForm(request.POST)
    search_url = reverse("offers:search", kwargs={"municipality": municipality})
    if not form.is_valid():
        report(request, _("The search could not be saved."))
        return redirect(search_url)
    try:
        do_save_search(
            request.municipality,
            query=form.cleaned_data["query"],
            name=form.cleaned_data["name"],
            actor=request.user,
        )
    except ServiceError as error:
        report(request, error)
        return redirect(search_url + "?" + form.cleaned_data["query"])
    messages.success(request, _("Search saved. We will e-mail you new offers once a day."))
    return redirect(reverse("offers:saved", kwargs={"municipality": municipality}))


@require_POST
@permission_required("offers.save_search")
def delete_search(request, municipality: str, pk: int):
    saved_search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    do_delete_saved_search(saved_search, actor=request.user)
    messages.success(request, _("The search is deleted."))
    return redirect(reverse("offers:saved", kwargs={"municipality": municipality}))
