"""What young people keep: offers they like and searches that tell them about new matches."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class SavedOffer(models.Model):
    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_offers")
    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="saved_by")
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["-created"]
        constraints = [models.UniqueConstraint(fields=["user", "offer"], name="saved_offer_unique")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.offer_id}"


class SavedSearch(models.Model):
    """A search (its query string) that sends a daily e-mail with offers published since the last one."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=200)
    query = models.CharField(_("search"), max_length=1000, blank=True)
    notify = models.BooleanField(_("e-mail me new offers"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    last_notified = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="saved_search_unique_query"),
        ]

    def __str__(self) -> str:
        return self.name
