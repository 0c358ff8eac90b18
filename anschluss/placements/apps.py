from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "anschluss.placements"
    label = "placements"
    verbose_name = _("Placements")

    def ready(self) -> None:
        # The services hold the Celery task of matching runs: importing them registers it with the Celery app.
        from . import services  # noqa: F401
