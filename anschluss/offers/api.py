"""Public read API of the published offers of one municipality, with the search's filters."""

from django.http import QueryDict
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from anschluss.api.pagination import StrictLimitOffsetPagination
from anschluss.api.responses import INVALID_FILTER, NOT_FOUND

from .forms import GRADE_CHOICES, RADIUS_CHOICES, OfferSearchForm
from .models import Offer, OfferKind, OfferStatus
from .search import SORTS, SearchParams, find_offers


class OfferSerializer(serializers.ModelSerializer):
    employer = serializers.CharField(read_only=True)
    occupations: serializers.SlugRelatedField = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug"
    )
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    url = serializers.SerializerMethodField()
    iso_weeks = serializers.ListField(child=serializers.CharField(), read_only=True)
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
            "iso_weeks",
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
    OpenApiParameter(
        "q", {"type": "string", "maxLength": 200}, description="Free text (typos are tolerated)"
    ),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=OfferKind.values),
    OpenApiParameter("field", OpenApiTypes.STR, description="Occupational field slug"),
    OpenApiParameter("occupation", OpenApiTypes.STR, description="Occupation slug"),
    OpenApiParameter("district", OpenApiTypes.STR, description="District slug"),
    OpenApiParameter(
        "grade",
        OpenApiTypes.INT,
        enum=[int(value) for value, _label in GRADE_CHOICES if value],
        description="The student's grade",
    ),
    OpenApiParameter("date_from", OpenApiTypes.DATE),
    OpenApiParameter("date_to", OpenApiTypes.DATE, description="Not before `date_from`"),
    OpenApiParameter(
        "near",
        {"type": "string", "maxLength": 200},
        description="Postcode, part of town or school of the municipality; an unknown place is a 400",
    ),
    OpenApiParameter(
        "radius",
        OpenApiTypes.INT,
        enum=[int(value) for value, _label in RADIUS_CHOICES if value],
        description="km around `near` (needs `near`)",
    ),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=list(SORTS)),
]


TYPED_FILTERS = ("kind", "grade", "date_from", "date_to", "radius", "sort")

PATH = [
    OpenApiParameter(
        "municipality", OpenApiTypes.STR, OpenApiParameter.PATH, description="URL name, e.g. dortmund"
    ),
]


@extend_schema_view(
    list=extend_schema(
        parameters=PATH + FILTERS,
        responses={200: OfferSerializer(many=True), 400: INVALID_FILTER, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        parameters=[*PATH, OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: OfferSerializer, 404: NOT_FOUND},
    ),
)
class OfferViewSet(viewsets.ReadOnlyModelViewSet):
    """Published offers of the municipality in the URL. An invalid filter answers 400 with the reason."""

    serializer_class = OfferSerializer
    pagination_class = StrictLimitOffsetPagination
    permission_classes = [AllowAny]

    def get_queryset(self):
        # Every column the serializer shows is read in the same query (not search.list_columns, which defers
        # the description and would cost one query per offer and column).
        if self.action != "list":
            return _with_relations(Offer.objects.filter(status=OfferStatus.PUBLISHED))
        query = QueryDict(mutable=True)
        for key in [p.name for p in FILTERS]:
            if key in self.request.query_params:
                query[key] = self.request.query_params[key]
        form = OfferSearchForm(query, municipality=self.request.municipality)  # type: ignore[attr-defined]
        params = form.params()
        errors = {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        # The web form sends empty fields for "any"; the API's schema gives these filters a type or a list of
        # values, so an empty one is a mistake worth naming.
        for key in TYPED_FILTERS:
            if query.get(key) == "":
                errors.setdefault(key, []).append(_("Leave out a filter you do not use."))
        if errors:
            raise ValidationError(errors)
        return SearchResults(params, self.request.municipality)  # type: ignore[attr-defined]


def _with_relations(queryset):
    return queryset.select_related("company", "district", "municipality").prefetch_related("occupations")


class SearchResults:
    """The search as the paginator sees a queryset: `count()` and a slice, each one search statement; the
    offers of a slice are then read whole, with their relations, in the search's order."""

    def __init__(self, params: SearchParams, municipality):
        self.params = params
        self.municipality = municipality

    def count(self) -> int:
        return find_offers(self.params, municipality=self.municipality, limit=1)[0]

    def __getitem__(self, page: slice) -> list[Offer]:
        offset = page.start or 0
        limit = None if page.stop is None else page.stop - offset
        hits = find_offers(self.params, municipality=self.municipality, limit=limit, offset=offset)[1]
        offers = _with_relations(Offer.objects.filter(pk__in=[hit.pk for hit in hits])).in_bulk()
        for hit in hits:
            offers[hit.pk].distance = hit.distance
        return [offers[hit.pk] for hit in hits]
