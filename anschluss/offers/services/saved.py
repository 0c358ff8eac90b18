"""Saved offers and saved searches, and the daily digest of new matches."""

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.notifications import notify
from anschluss.core.services import ServiceError, require

from ..models import Offer, SavedOffer, SavedSearch
from ..search import OfferHit, find_offers
from ..search.origin import own_school
from ..search.params import parse_search

MAX_SAVED_SEARCHES = 20
# Parameters that do not change which offers match.
NOT_A_FILTER = {"page", "sort"}


def normalise_query(query: str) -> str:
    data = QueryDict(query, mutable=True)
    for key in NOT_A_FILTER:
        data.pop(key, None)
    for key in [k for k, v in data.lists() if not any(x.strip() for x in v)]:
        data.pop(key)
    return data.urlencode()[:1000]


@transaction.atomic
def do_toggle_saved_offer(offer: Offer, *, actor) -> bool:
    """Save an offer to the actor's list, or remove it when it is there (offers.save_offer). True = saved."""
    require(actor, "offers.save_offer", offer)
    existing = SavedOffer.objects.filter(user=actor, offer=offer).first()
    if existing is not None:
        existing.delete()
        log_action(actor, "offers.savedoffer.delete", offer)
        return False
    SavedOffer.objects.create(municipality=offer.municipality, user=actor, offer=offer)
    log_action(actor, "offers.savedoffer.create", offer)
    return True


@transaction.atomic
def do_save_search(municipality, *, query: str, name: str, notify: bool = True, actor) -> SavedSearch:
    """Keep a search (its URL query) and send new matches every day (offers.save_search)."""
    require(actor, "offers.save_search", municipality)
    query = normalise_query(query)
    if not query:
        raise ServiceError(_("Choose at least one search word or filter before you save the search."))
    existing = SavedSearch.objects.filter(user=actor, query=query).first()
    if existing is not None:
        return existing
    if SavedSearch.objects.filter(user=actor).count() >= MAX_SAVED_SEARCHES:
        raise ServiceError(_("You can keep at most %d searches. Delete one first.") % MAX_SAVED_SEARCHES)
    saved = SavedSearch.objects.create(
        municipality=municipality,
        user=actor,
        query=query,
        name=(name.strip() or query)[:200],
        notify=notify,
        last_notified=timezone.now(),
    )
    log_action(actor, "offers.savedsearch.create", saved)
    return saved


@transaction.atomic
def do_delete_saved_search(saved: SavedSearch, *, actor) -> None:
    """Delete one of the actor's own saved searches (offers.delete_saved_search)."""
    require(actor, "offers.delete_saved_search", saved)
    log_action(actor, "offers.savedsearch.delete", saved)
    saved.delete()


def new_matches(saved: SavedSearch, *, limit: int = 20) -> list[OfferHit]:
    params = parse_search(
        QueryDict(saved.query), municipality=saved.municipality, school=own_school(saved.user)
    ).params
    params.published_after = saved.last_notified
    params.sort = "newest"
    return find_offers(params, municipality=saved.municipality, limit=limit)[1]


def do_send_search_digests(municipality, *, now=None, actor=None) -> int:
    """For every saved search with e-mail on: one notification (inbox, and a mail to those with an address)
    with the offers published since the last one."""
    now = now or timezone.now()
    sent = 0
    searches = SavedSearch.objects.filter(municipality=municipality, notify=True).select_related(
        "user", "municipality"
    )
    for saved in searches:
        with transaction.atomic():
            offers = new_matches(saved)
            if offers and saved.user.is_active:
                url = reverse("offers:search", kwargs={"municipality": municipality.slug}) + "?" + saved.query
                listing = "\n".join(
                    f"- {o.title} ({o.employer})\n  {settings.SITE_URL}{o.get_absolute_url()}" for o in offers
                )
                notify(
                    [saved.user],
                    "offers.search_digest",
                    saved,
                    {"name": saved.name, "count": len(offers), "offers": listing},
                    url=url,
                )
                log_action(actor, "offers.savedsearch.digest", saved, {"offers": len(offers)})
                sent += 1
            SavedSearch.objects.filter(pk=saved.pk).update(last_notified=now)
    return sent
