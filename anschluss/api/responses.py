"""Error answers that several endpoints share, for their OpenAPI schema."""

from drf_spectacular.utils import OpenApiResponse

NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="Not found (or another municipality's object)",
)
INVALID_FILTER = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description="An invalid filter: each one named with the reason",
)
SERVICE_ERROR = OpenApiResponse(
    {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="The service refused (api/exceptions.py): the reason, at the field it is about where there is one",
)
