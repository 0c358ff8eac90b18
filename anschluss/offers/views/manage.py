"""Managing offers: the company's list, create, edit, submit, and moderation (review queue, publish, reject)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.core.permissions import allowed, permission_required
from anschluss.core.services import ServiceError

from ..forms import OfferForm, RejectForm
from ..models import Offer, OfferStatus
from ..rules import company_ids_of
from ..services import (
    do_close_offer,
    do_create_offer,
    do_publish_offer,
    do_reject_offer,
    do_submit_offer,
    do_update_offer,
)
from .common import check, get_offer, report


@require_safe
@permission_required("offers.manage_offers")
def manage(request, municipality: str):
    offers = Offer.objects.select_related("company").order_by("-updated")
    if not allowed(request.user, "offers.moderate_offer", request.municipality):
        offers = offers.filter(company_id__in=company_ids_of(request.user))
    status = request.GET.get("status", "")
    if status in OfferStatus.values:
        offers = offers.filter(status=status)
    page = Paginator(offers, 25).get_page(request.GET.get("page"))
    return render(
        request, "offers/manage.html", {"page": page, "status": status, "statuses": OfferStatus.choices}
    )


@require_safe
@permission_required("offers.moderate_offer")
def review(request, municipality: str):
    offers = Offer.objects.filter(status=OfferStatus.IN_REVIEW).select_related("company").order_by("updated")
    return render(request, "offers/review.html", {"offers": offers, "reject_form": RejectForm()})


def _offer_data(form) -> tuple[dict, list]:
    data = dict(form.cleaned_data)
    occupations = list(data.pop("occupations", []))
    return data, occupations


@require_http_methods(["GET", "POST"])
@permission_required("offers.add_offer")
def create(request, municipality: str):
    form = OfferForm(request.POST or None, municipality=request.municipality, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, occupations = _offer_data(form)
        try:
            offer = do_create_offer(
                request.municipality, data=data, occupations=occupations, actor=request.user
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The offer is saved as a draft. Send it to review when it is ready."))
            return redirect(offer.get_absolute_url())
    return render(request, "offers/offer_form.html", {"form": form, "offer": None})


@require_http_methods(["GET", "POST"])
def edit(request, municipality: str, pk: int):
    offer = get_offer(request, pk)
    denied = check(request, "offers.change_offer", offer)
    if denied:
        return denied
    form = OfferForm(
        request.POST or None, instance=offer, municipality=request.municipality, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data, occupations = _offer_data(form)
        try:
            do_update_offer(
                Offer.objects.get(pk=offer.pk), data=data, occupations=occupations, actor=request.user
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(offer.get_absolute_url())
    return render(request, "offers/offer_form.html", {"form": form, "offer": offer})


def _offer_action(perm: str, service, success: str, with_note: bool = False):
    @require_POST
    def view(request, municipality: str, pk: int):
        offer = get_offer(request, pk)
        denied = check(request, perm, offer)
        if denied:
            return denied
        try:
            if with_note:
                form = RejectForm(request.POST)
                service(offer, note=form.data.get("note", ""), actor=request.user)
            else:
                service(offer, actor=request.user)
        except ServiceError as error:
            report(request, error)
        else:
            messages.success(request, _(success))
        return redirect(offer.get_absolute_url())

    return view


submit = _offer_action("offers.submit_offer", do_submit_offer, gettext_noop("The offer is sent to review."))
publish = _offer_action("offers.moderate_offer", do_publish_offer, gettext_noop("The offer is published."))
reject = _offer_action(
    "offers.moderate_offer", do_reject_offer, gettext_noop("The offer is sent back to the company."), True
)
close = _offer_action("offers.close_offer", do_close_offer, gettext_noop("The offer is closed."))
