"""Placement agreements: the list a person may see, one agreement, its PDF, signing and paper signatures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, permission_required
from anschluss.core.services import ServiceError

from ..forms import PartyForm
from ..models import PlacementAgreement
from ..pdf import agreement_context, render_agreement_pdf
from ..rules import signing_parties
from ..services import do_record_paper_signature, do_sign_agreement
from ..students import students_of
from .common import get_agreement, get_round, report


def visible_agreements(user, round_):
    agreements = PlacementAgreement.objects.filter(placement__round=round_).select_related(
        "placement__student__school", "placement__place__company"
    )
    if allowed(user, "placements.manage_round", round_):
        return agreements
    return agreements.filter(
        Q(placement__student__in=students_of(user).values("pk"))
        | Q(placement__student__in=directory.children_of(user).values("pk"))
        | Q(placement__place__company_id__in=directory.organisation_ids(user, Role.COMPANY_STAFF))
        | Q(placement__student__user=user)
    )


@require_safe
@permission_required("placements.view_agreements", get_round)
def agreement_list(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    agreements = list(visible_agreements(request.user, round_).order_by("placement__student__last_name"))
    log_reads(request.user, [a.placement.student for a in agreements], reason="placement agreements")
    return render(request, "placements/agreement_list.html", {"round": round_, "agreements": agreements})


@require_safe
@permission_required("placements.view_agreement", get_agreement)
def agreement_detail(request, municipality: str, pk: int):
    agreement = get_agreement(request, pk)
    log_reads(request.user, [agreement.placement.student], reason="placement agreement")
    context = {
        **agreement_context(agreement),
        "can_sign": signing_parties(request.user, agreement),
        "can_record": allowed(request.user, "placements.record_paper_signature", agreement),
    }
    return render(request, "placements/agreement_detail.html", context)


@require_safe
@permission_required("placements.view_agreement", get_agreement)
def agreement_pdf(request, municipality: str, pk: int):
    agreement = get_agreement(request, pk)
    log_reads(request.user, [agreement.placement.student], reason="placement agreement PDF")
    response = HttpResponse(render_agreement_pdf(agreement), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="praktikumsvereinbarung-{agreement.pk}.pdf"'
    return response


def _signature_view(service):
    def view(request, municipality: str, pk: int):
        agreement = get_agreement(request, pk)
        form = PartyForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose who signs."))
        else:
            try:
                service(agreement, form.cleaned_data["party"], actor=request.user)
            except PermissionDenied:
                messages.error(request, _("You cannot sign for this party."))
            except ServiceError as error:
                report(request, error)
            else:
                messages.success(request, _("The signature is recorded."))
        return redirect(
            "placements:agreement_detail", municipality=request.municipality.slug, pk=agreement.pk
        )

    return view


agreement_sign = require_POST(
    permission_required("placements.sign_agreement", get_agreement)(_signature_view(do_sign_agreement))
)
agreement_paper = require_POST(
    permission_required("placements.record_paper_signature", get_agreement)(
        _signature_view(do_record_paper_signature)
    )
)
