"""Writes of the offer portal. Every do_* function checks its permission, runs atomically and logs the action."""

# The periodic tasks beside the services they run (their Celery names: anschluss.offers.tasks.<name>).
from . import periodic
from .applications import (
    do_accept_place,
    do_answer_application,
    do_apply,
    do_send_acknowledgement_reminders,
    do_withdraw_application,
)
from .offers import (
    do_close_offer,
    do_create_offer,
    do_expire_offers,
    do_publish_offer,
    do_reject_offer,
    do_submit_offer,
    do_update_offer,
)
from .saved import do_delete_saved_search, do_save_search, do_send_search_digests, do_toggle_saved_offer

__all__ = [
    "do_accept_place",
    "do_answer_application",
    "do_apply",
    "do_close_offer",
    "do_create_offer",
    "do_delete_saved_search",
    "do_expire_offers",
    "do_publish_offer",
    "do_reject_offer",
    "do_save_search",
    "do_send_acknowledgement_reminders",
    "do_send_search_digests",
    "do_submit_offer",
    "do_toggle_saved_offer",
    "do_update_offer",
    "do_withdraw_application",
    "periodic",
]
