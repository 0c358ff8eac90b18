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

    def register_application_section(self, function):
        """For apps of the same layer, which do not import offers (the students app: what an applicant
        shares with companies): `apps.get_app_config("offers").register_application_section(function)` in
        their ready(). See sections.py."""
        from .sections import register_application_section

        return register_application_section(function)
