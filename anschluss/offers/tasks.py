"""Periodic tasks of the offer portal: thin wrappers that open a municipality's scope and call a service."""

from celery import shared_task
from django_scopes import scope

from anschluss.core.models import Municipality


def _each_municipality(function, **kwargs) -> dict[str, object]:
    results = {}
    for municipality in Municipality.objects.filter(is_active=True):
        with scope(municipality=municipality.pk):
            results[municipality.slug] = function(municipality, **kwargs)
    return results


@shared_task
def expire_offers() -> dict:
    from .services import do_expire_offers

    return _each_municipality(do_expire_offers)


@shared_task
def send_acknowledgement_reminders() -> dict:
    from .services import do_send_acknowledgement_reminders

    return _each_municipality(do_send_acknowledgement_reminders)


@shared_task
def send_search_digests() -> dict:
    from .services import do_send_search_digests

    return _each_municipality(do_send_search_digests)


@shared_task
def import_ba_offers() -> dict:
    from django.conf import settings

    from .ba.importer import do_import_ba_offers

    if not settings.BA_IMPORT_ENABLED:
        return {"skipped": "BA_IMPORT_ENABLED is off"}
    municipality = Municipality.objects.filter(is_active=True, name=settings.BA_IMPORT_PLACE).first()
    if municipality is None:
        return {"skipped": f"no municipality named {settings.BA_IMPORT_PLACE}"}
    with scope(municipality=municipality.pk):
        return do_import_ba_offers(municipality).as_dict()
