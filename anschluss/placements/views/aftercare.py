"""After the round: asking companies to host again, their one-click answer, and feedback."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from anschluss.core.permissions import permission_required
from anschluss.core.services import ServiceError

from ..forms import FeedbackForm, HostAgainForm
from ..services import do_answer_host_again, do_give_feedback, do_request_host_again
from ..services.aftercare import place_for_token
from .common import back_to_round, get_placement, get_round, report


@require_POST
@permission_required("placements.manage_round", get_round)
def host_again_request(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    try:
        count = do_request_host_again(round_, actor=request.user)
    except ServiceError as error:
        report(request, error)
    else:
        messages.success(request, _("%(count)s companies were asked.") % {"count": count})
    return back_to_round(request, round_)


@require_http_methods(["GET", "POST"])
def host_again(request, municipality: str, token: str):
    """The page behind the link in the e-mail: the signed link itself is the permission."""
    place = place_for_token(token, request.municipality)
    if place is None:
        raise Http404
    form = HostAgainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_answer_host_again(place, form.cleaned_data["hosts_again"], actor=request.user)
        return render(request, "placements/host_again.html", {"place": place, "answered": True})
    return render(request, "placements/host_again.html", {"place": place, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required("placements.give_feedback", get_placement)
def feedback(request, municipality: str, pk: int):
    placement = get_placement(request, pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_give_feedback(
                placement,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                actor=request.user,
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("accounts:start")
    return render(request, "placements/feedback.html", {"placement": placement, "form": form})
