from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "anschluss.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Each app registers its notification kinds in its own notifications.py (core imports no app).
        autodiscover_modules("notifications")
