"""The API's exception handler (REST_FRAMEWORK["EXCEPTION_HANDLER"]).

A service that refuses raises `core.services.ServiceError`: the API answers 400 with the translated message,
as `{"detail": message}`, or `{field: [message]}` when the error names a field (the shape of DRF's validation
errors). Everything else, PermissionDenied (403) and Http404 included, as DRF does.
"""

from typing import Any

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from anschluss.core.services import ServiceError


def service_error_data(error: ServiceError) -> dict[str, Any]:
    message = str(error.message)
    return {error.field: [message]} if error.field else {"detail": message}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ServiceError):
        set_rollback()
        return Response(service_error_data(exc), status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
