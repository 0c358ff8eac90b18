"""The public side: search with list and map, offer detail with JSON-LD, company page."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from anschluss.core.models import Company
from anschluss.core.permissions import allowed

from ..forms import OfferSearchForm, SaveSearchForm
from ..jsonld import as_script_content, job_posting
from ..models import Application, OfferKind, SavedOffer
from ..search import list_columns, published_offers, result_page
from .common import get_offer, not_found_unless


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
def search(request, municipality: str):
    form = OfferSearchForm(request.GET or None, municipality=request.municipality, user=request.user)
    params = form.params()
    page = result_page(params, request.GET.get("page"), municipality=request.municipality)
    query = _query_without_page(request)
    context = {
        "form": form,
        "params": params,
        "origin": form.origin,
        "page": page,
        "query": query,
        "has_filters": bool(query),
        "kinds": OfferKind.choices,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
        "can_save_search": allowed(request.user, "offers.save_search", request.municipality),
        "save_search_form": SaveSearchForm(initial={"query": query}),
        "saved_ids": _saved_ids(request),
    }
    return render(request, "offers/search.html", context)


def _saved_ids(request) -> set[int]:
    if not allowed(request.user, "offers.save_offer", request.municipality):
        return set()
    return set(SavedOffer.objects.filter(user=request.user).values_list("offer_id", flat=True))


@require_safe
def detail(request, municipality: str, pk: int):
    offer = get_offer(request, pk)
    not_found_unless(request, "offers.view_offer", offer)
    user = request.user
    own_application = (
        Application.objects.filter(offer=offer, applicant=user).first() if user.is_authenticated else None
    )
    context = {
        "offer": offer,
        "occupations": offer.occupations.select_related("field"),
        "jsonld": as_script_content(job_posting(offer)) if offer.is_open else "",
        "own_application": own_application,
        "can_apply": allowed(user, "offers.apply_offer", offer) and own_application is None,
        "can_save": allowed(user, "offers.save_offer", offer),
        "is_saved": user.is_authenticated and SavedOffer.objects.filter(user=user, offer=offer).exists(),
        "can_change": allowed(user, "offers.change_offer", offer),
        "can_moderate": allowed(user, "offers.moderate_offer", offer),
        "can_close": allowed(user, "offers.close_offer", offer),
        "can_submit": allowed(user, "offers.submit_offer", offer),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "offers/detail.html", context)


@require_safe
def company(request, municipality: str, pk: int):
    company = get_object_or_404(Company, pk=pk)
    offers = list_columns(published_offers().filter(company=company)).order_by("-published_at")
    return render(request, "offers/company.html", {"company": company, "offers": offers})
