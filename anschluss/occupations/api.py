"""Public read API of the occupations (shared reference data)."""

from django.db.models import Q
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from .models import Occupation, OccupationalField


class OccupationalFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = OccupationalField
        fields = ["key", "name", "slug"]


class OccupationSerializer(serializers.ModelSerializer):
    field = OccupationalFieldSerializer(read_only=True)
    kldb_code = serializers.CharField(read_only=True)

    class Meta:
        model = Occupation
        fields = ["slug", "name", "nrw_key", "kldb_code", "field", "description", "is_current"]


class OccupationViewSet(viewsets.ReadOnlyModelViewSet):
    """Training occupations (NRW), with their KldB 2010 code and KAoA occupational field.

    Filters: `q` (name or everyday words), `field` (occupational field slug), `current` (true/false).
    """

    serializer_class = OccupationSerializer
    permission_classes = [AllowAny]
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Occupation.objects.select_related("field", "kldb").order_by("name")
        params = self.request.query_params
        if params.get("q"):
            queryset = queryset.filter(
                Q(name__icontains=params["q"]) | Q(search_terms__icontains=params["q"])
            )
        if params.get("field"):
            queryset = queryset.filter(field__slug=params["field"])
        if params.get("current", "").lower() in ("true", "1"):
            queryset = queryset.filter(is_current=True)
        return queryset
