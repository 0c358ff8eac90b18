"""Periodic tasks of the offer portal: thin wrappers that open a municipality's scope and call a service.

They sit beside the services they run. Their Celery names stay those of the former `anschluss.offers.tasks`
module, which settings.CELERY_BEAT_SCHEDULE names; OffersConfig.ready imports this module, so that every
process that sets up Django (web, worker, beat) knows them.
"""

from celery import shared_task
from django.conf import settings
from django_scopes import scope

from anschluss.core.models import Municipality

from .applications import do_send_acknowledgement_reminders
from .offers import do_expire_offers
from .saved import do_send_search_digests

TASK_PREFIX = "anschluss.offers.tasks."


def _each_municipality(function, **kwargs) -> dict[str, object]:
    results = {}
    for municipality in Municipality.objects.filter(is_active=True):
        with scope(municipality=municipality.pk):
            results[municipality.slug] = function(municipality, **kwargs)
    return results


@shared_task(name=TASK_PREFIX + "expire_offers")
def expire_offers() -> dict:
    return _each_municipality(do_expire_offers)


@shared_task(name=TASK_PREFIX + "send_acknowledgement_reminders")
def send_acknowledgement_reminders() -> dict:
    return _each_municipality(do_send_acknowledgement_reminders)


@shared_task(name=TASK_PREFIX + "send_search_digests")
def send_search_digests() -> dict:
    return _each_municipality(do_send_search_digests)


@shared_task(name=TASK_PREFIX + "import_ba_offers")
def import_ba_offers() -> dict:
    from ..ba.importer import do_import_ba_offers  # the importer uses the offer services: import it late

    if not settings.BA_IMPORT_ENABLED:
        return {"skipped": "BA_IMPORT_ENABLED is off"}
    municipality = Municipality.objects.filter(is_active=True, name=settings.BA_IMPORT_PLACE).first()
    if municipality is None:
        return {"skipped": f"no municipality named {settings.BA_IMPORT_PLACE}"}
    with scope(municipality=municipality.pk):
        return do_import_ba_offers(municipality).as_dict()
