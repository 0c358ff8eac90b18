"""The public REST API, version 1: a DRF router per app, and the OpenAPI 3 schema at a stable URL."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from anschluss.occupations.api import OccupationViewSet
from anschluss.offers.api import OfferViewSet

app_name = "api"


class PublicAPIRootView(APIRootView):
    """The list of endpoints is public; each endpoint sets its own permissions."""

    permission_classes = [AllowAny]


class Router(DefaultRouter):
    APIRootView = PublicAPIRootView


router = Router()
# Apps register their viewsets here, e.g. router.register("offers", OfferViewSet, basename="offer").
router.register("occupations", OccupationViewSet, basename="occupation")
# A municipality's data: the `municipality` in the path opens its scope (core.middleware), as for its pages.
router.register(r"municipalities/(?P<municipality>[\w-]+)/offers", OfferViewSet, basename="offer")


def not_found(request, path: str) -> JsonResponse:
    """Any other address under /api/ answers in JSON like the endpoints do, not with the HTML error page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/", include(router.urls)),
    re_path(r"^(?P<path>.*)$", not_found, name="not_found"),
]
