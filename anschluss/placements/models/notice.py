from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .matching import Placement
from .round import PlacementRound


class Notice(models.Model):
    """An entry on a person's start page about a round: a reminder to choose, a confirmed placement, ..."""

    class Kind(models.TextChoices):
        CHOICE_REMINDER = "choice_reminder", _("Reminder to choose places")
        PLACEMENT_CONFIRMED = "placement_confirmed", _("Placement confirmed (student)")
        CHILD_PLACED = "child_placed", _("Placement confirmed (guardian)")
        COMPANY_PLACEMENTS = "company_placements", _("Placements confirmed (company)")
        SCHOOL_PLACEMENTS = "school_placements", _("Placements confirmed (school)")
        HOST_AGAIN = "host_again", _("Question: host again?")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placement_notices"
    )
    round = models.ForeignKey(PlacementRound, on_delete=models.CASCADE, related_name="notices")
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.round}"
