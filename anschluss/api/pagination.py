"""Paging of the public API: `limit` and `offset` as in DRF, but a bad value is a 400 that names it.

DRF's own LimitOffsetPagination silently replaces a bad value with the default, so a client with a typo gets
the first page and never learns why.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination


class StrictLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 200

    def _number(self, request, name: str, minimum: int, default):
        raw = request.query_params.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise ValidationError(
                {name: [_("Enter a whole number from %(minimum)d.") % {"minimum": minimum}]}
            )
        return value

    def get_limit(self, request):
        limit = self._number(request, self.limit_query_param, 1, self.default_limit)
        return min(limit, self.max_limit) if limit is not None else None

    def get_offset(self, request):
        return self._number(request, self.offset_query_param, 0, 0)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1 if parameter["name"] == self.limit_query_param else 0
        return parameters
