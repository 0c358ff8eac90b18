"""Public read API of the published offers of one municipality, with the search's filters."""

from django.http import QueryDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from .forms import OfferSearchForm
from .models import Offer
from .search import list_columns, search_offers


class OfferSerializer(serializers.ModelSerializer):
    employer = serializers.CharField(read_only=True)
    occupations: serializers.SlugRelatedField = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug"
    )
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    url = serializers.SerializerMethodField()
    distance_km = serializers.SerializerMethodField()

    class Meta:
        model = Offer
        fields = [
            "id",
            "url",
            "kind",
            "title",
            "description",
            "employer",
            "occupations",
            "street",
            "postcode",
            "city",
            "district",
            "latitude",
            "longitude",
            "distance_km",
            "start_date",
            "end_date",
            "places",
            "min_grade",
            "max_grade",
            "school_certificate",
            "application_deadline",
            "apply_method",
            "external_url",
            "source",
            "source_url",
            "published_at",
        ]

    def get_url(self, offer: Offer) -> str:
        request = self.context.get("request")
        path = offer.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path

    def get_distance_km(self, offer: Offer) -> float | None:
        distance = getattr(offer, "distance", None)
        return round(distance, 2) if distance is not None else None


FILTERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Free text (typos are tolerated on PostgreSQL)"),
    OpenApiParameter(
        "kind", OpenApiTypes.STR, enum=["internship", "exploration_day", "apprenticeship", "dual_study"]
    ),
    OpenApiParameter("field", OpenApiTypes.STR, description="Occupational field slug"),
    OpenApiParameter("occupation", OpenApiTypes.STR, description="Occupation slug"),
    OpenApiParameter("district", OpenApiTypes.STR, description="District slug"),
    OpenApiParameter("grade", OpenApiTypes.INT, description="The student's grade (7–13)"),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE),
    OpenApiParameter("near", OpenApiTypes.STR, description="Postcode, part of town or school"),
    OpenApiParameter("radius", OpenApiTypes.INT, enum=[2, 5, 10, 20, 50], description="km around `near`"),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=["relevance", "distance", "newest", "deadline"]),
]


PATH = [
    OpenApiParameter(
        "municipality", OpenApiTypes.STR, OpenApiParameter.PATH, description="URL name, e.g. dortmund"
    ),
]


@extend_schema_view(
    list=extend_schema(parameters=PATH + FILTERS),
    retrieve=extend_schema(
        parameters=[*PATH, OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)]
    ),
)
class OfferViewSet(viewsets.ReadOnlyModelViewSet):
    """Published offers of the municipality in the URL. An invalid filter answers 400 with the reason."""

    serializer_class = OfferSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        if self.action != "list":
            return list_columns(Offer.objects.filter(status="published")).prefetch_related("occupations")
        query = QueryDict(mutable=True)
        for key in [p.name for p in FILTERS]:
            if key in self.request.query_params:
                query[key] = self.request.query_params[key]
        form = OfferSearchForm(query, municipality=self.request.municipality)  # type: ignore[attr-defined]
        params = form.params()
        if form.errors:
            raise ValidationError({field: [str(e) for e in errors] for field, errors in form.errors.items()})
        return list_columns(search_offers(params)).prefetch_related("occupations")
