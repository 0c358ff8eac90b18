from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from anschluss.core.permissions import allowed, deny

from ..models import Application, Offer


def get_offer(request, pk: int) -> Offer:
    """The offer of this municipality (another municipality's offer does not exist here: 404)."""
    return get_object_or_404(Offer.objects.select_related("company", "municipality", "district"), pk=pk)


def get_application(request, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("offer", "offer__company", "applicant", "student", "municipality"),
        pk=pk,
    )


def check(request, perm: str, obj):
    """None if the user has `perm` on obj, else the response of core.permissions.deny (login/404/403)."""
    if allowed(request.user, perm, obj):
        return None
    return deny(request)


def not_found_unless(request, perm: str, obj) -> None:
    """For objects whose existence is not public (unpublished offers): 404 instead of 403."""
    if not allowed(request.user, perm, obj):
        raise Http404


def report(request, error) -> None:
    """A refusal (a ServiceError or a message) where there is no form to show it on."""
    messages.error(request, str(error))
