"""Public read API of the occupations (shared reference data)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from anschluss.api.pagination import StrictLimitOffsetPagination
from anschluss.api.responses import INVALID_FILTER, NOT_FOUND

from .models import Occupation, OccupationalField


class OccupationalFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = OccupationalField
        fields = ["key", "name", "slug"]


class OccupationSerializer(serializers.ModelSerializer):
    field = OccupationalFieldSerializer(read_only=True, allow_null=True)
    kldb_code = serializers.CharField(read_only=True)

    class Meta:
        model = Occupation
        fields = ["slug", "name", "nrw_key", "kldb_code", "field", "description", "is_current"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Part of the name or an everyday word"),
            OpenApiParameter("field", OpenApiTypes.STR, description="Occupational field slug"),
            OpenApiParameter(
                "current",
                OpenApiTypes.BOOL,
                description="true: only occupations trained today; false: only expired ones",
            ),
        ],
        responses={200: OccupationSerializer(many=True), 400: INVALID_FILTER},
    ),
    retrieve=extend_schema(responses={200: OccupationSerializer, 404: NOT_FOUND}),
)
class OccupationViewSet(viewsets.ReadOnlyModelViewSet):
    """Training occupations (NRW), with their KldB 2010 code and KAoA occupational field.

    Filters: `q` (name or everyday words), `field` (occupational field slug), `current` (true/false).
    """

    serializer_class = OccupationSerializer
    pagination_class = StrictLimitOffsetPagination
    permission_classes = [AllowAny]
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Occupation.objects.select_related("field", "kldb").order_by("name")
        params = self.request.query_params
        for name in ("q", "field"):
            if "\x00" in params.get(name, ""):
                # Django's own message, already translated; PostgreSQL cannot compare such text at all.
                raise ValidationError({name: [_("Null characters are not allowed.")]})
        if params.get("q"):
            queryset = queryset.filter(
                Q(name__icontains=params["q"]) | Q(search_terms__icontains=params["q"])
            )
        if params.get("field"):
            queryset = queryset.filter(field__slug=params["field"])
        current = params.get("current")
        if current is not None:
            if current not in ("true", "false"):
                raise ValidationError({"current": [_("Enter “true” or “false”.")]})
            queryset = queryset.filter(is_current=current == "true")
        return queryset
