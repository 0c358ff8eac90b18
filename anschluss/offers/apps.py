from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "anschluss.offers"
    label = "offers"
    verbose_name = _("Offers")

    def ready(self) -> None:
        # The periodic tasks live beside their services (services/periodic.py): importing the services
        # registers them with Celery in every process that sets up Django (web, worker, beat).
        from . import services  # noqa: F401

        # The section "current offers" on an occupation's page (occupations imports no offers).
        from .occupation_section import register_occupation_sections

        register_occupation_sections()
