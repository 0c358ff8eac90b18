from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# First path segments that belong to the platform, so no municipality may use them as its URL name.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "accounts",
        "api",
        "i18n",
        "static",
        "media",
        "start",
        "healthz",
        "imprint",
        "privacy",
        "accessibility",
    }
)


def validate_municipality_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(_("%(slug)s is reserved by the platform."), params={"slug": value})
