"""The API turns a service's refusal (core.services.ServiceError) into a 400, and leaves the rest to DRF."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from anschluss.core.models import Municipality
from anschluss.core.services import ServiceError


class Refusing(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    def post(self, request):
        refusal = request.data.get("refusal")
        if refusal == "service":
            raise ServiceError("The offer is closed.")
        if refusal == "field":
            raise ServiceError("Choose a date in the future.", field="start_date")
        if refusal == "translated":
            raise ServiceError(_("Page not found"))
        if refusal == "permission":
            raise PermissionDenied("offers.change_offer")
        if refusal == "missing":
            raise Http404
        if refusal == "write-then-refuse":
            Municipality.objects.create(slug="halbfertig", name="Halbfertig")
            raise ServiceError("Refused after a write.")
        return Response({"ok": True})


def post(data):
    return Refusing.as_view()(APIRequestFactory().post("/", data, format="json"))


def test_a_service_error_is_a_400_with_its_message():
    response = post({"refusal": "service"})
    assert response.status_code == 400
    assert response.data == {"detail": "The offer is closed."}


def test_a_service_error_about_a_field_is_a_400_at_that_field():
    response = post({"refusal": "field"})
    assert response.status_code == 400
    assert response.data == {"start_date": ["Choose a date in the future."]}


def test_the_message_is_translated_into_the_request_language():
    with translation.override("de"):
        response = post({"refusal": "translated"})
        expected = str(_("Page not found"))
    assert expected != "Page not found"  # Django's own catalogue has it in German
    assert response.status_code == 400
    assert response.data == {"detail": expected}


def test_permission_denied_and_not_found_stay_as_drf_answers_them():
    assert post({"refusal": "permission"}).status_code == 403
    assert post({"refusal": "missing"}).status_code == 404
    assert post({}).data == {"ok": True}


@pytest.mark.django_db(transaction=True)
def test_a_refusal_rolls_back_the_request_transaction():
    # As with ATOMIC_REQUESTS: the view runs in a transaction, which the 400 must not commit.
    view = transaction.atomic(Refusing.as_view())
    connection.settings_dict["ATOMIC_REQUESTS"] = True
    try:
        response = view(APIRequestFactory().post("/", {"refusal": "write-then-refuse"}, format="json"))
    finally:
        connection.settings_dict["ATOMIC_REQUESTS"] = False
    assert response.status_code == 400
    assert not Municipality.objects.filter(slug="halbfertig").exists()
