"""Celery: eager (in-process) when CELERY_BROKER_URL is unset, real workers on Redis when it is set.

Tasks are found in each app's `tasks.py` and in every module of its `services/` package (tasks sit beside
the services they run). A task keeps its registered name when it moves: `@shared_task(name="<old name>")`.
Periodic tasks (settings.CELERY_BEAT_SCHEDULE) run under `celery beat` with a broker, and under
`manage.py run_periodic` (anschluss/core/periodic.py) on the embedded default without one.
"""

import importlib
import os
import pkgutil

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anschluss.settings")

app = Celery("anschluss")
app.config_from_object("django.conf:settings", namespace="CELERY")


def service_modules() -> list[str]:
    """Every module of every installed app's `services` package (and a plain `services.py`), by dotted name.

    Called lazily, when Celery imports its default modules: Django's app registry is ready then."""
    from django.apps import apps

    names: list[str] = []
    for config in apps.get_app_configs():
        try:
            package = importlib.import_module(f"{config.name}.services")
        except ModuleNotFoundError as error:
            if error.name == f"{config.name}.services":
                continue
            raise
        names.append(package.__name__)
        for module in pkgutil.walk_packages(getattr(package, "__path__", []), prefix=f"{package.__name__}."):
            names.append(module.name)
    return names


app.autodiscover_tasks()  # <app>.tasks
app.autodiscover_tasks(
    service_modules, related_name=""
)  # <app>.services and its modules (each imported itself)
