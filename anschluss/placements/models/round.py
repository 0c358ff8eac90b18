from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class PlacementRound(models.Model):
    """Praktikumsrunde: a period in which students of given schools and grades are placed near their school."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for choices")
        CLOSED = "closed", _("Choices closed")
        CONFIRMED = "confirmed", _("Placements confirmed")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    iso_year = models.PositiveSmallIntegerField(_("year"))
    week_from = models.PositiveSmallIntegerField(_("first ISO week"))
    week_to = models.PositiveSmallIntegerField(_("last ISO week"))
    schools = models.ManyToManyField(
        "core.School", related_name="placement_rounds", verbose_name=_("schools")
    )
    grades = models.JSONField(_("grades"), default=list, help_text=_("e.g. [8, 9]"))
    choices_open = models.DateTimeField(_("choices open"))
    choices_close = models.DateTimeField(_("choices close"))
    max_choices = models.PositiveSmallIntegerField(_("places a student may rank"), default=5)
    max_commute_km = models.FloatField(_("maximum commute (km)"), default=8.0)
    use_locality = models.BooleanField(_("priority for the school's quarter and district"), default=True)
    use_interest_fit = models.BooleanField(_("priority for students whose interests fit"), default=True)
    seed = models.PositiveIntegerField(_("lottery seed"), default=2026)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("placement round")
        verbose_name_plural = _("placement rounds")
        ordering = ["-iso_year", "-week_from"]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> tuple[date, date]:
        return date.fromisocalendar(self.iso_year, self.week_from, 1), date.fromisocalendar(
            self.iso_year, self.week_to, 5
        )

    @property
    def accepts_choices(self) -> bool:
        now = timezone.now()
        return self.status == self.Status.OPEN and self.choices_open <= now <= self.choices_close


class RoundPlace(models.Model):
    """Places a company offers for a round: a site, an occupation or field, and how many students it takes."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(PlacementRound, on_delete=models.CASCADE, related_name="places")
    company = models.ForeignKey("core.Company", on_delete=models.PROTECT, related_name="round_places")
    title = models.CharField(_("what students do"), max_length=200)
    occupation = models.ForeignKey(
        "occupations.Occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("occupation"),
    )
    field = models.ForeignKey(
        "occupations.OccupationalField",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("occupational field"),
    )
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    capacity = models.PositiveSmallIntegerField(_("students"))
    supervisor = models.CharField(_("supervisor"), max_length=200, blank=True)
    supervisor_contact = models.CharField(_("supervisor's phone or e-mail"), max_length=200, blank=True)
    hosts_again = models.BooleanField(_("will host again"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("place in a round")
        verbose_name_plural = _("places in a round")
        ordering = ["company__name", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="roundplace_capacity_positive")
        ]

    def __str__(self) -> str:
        return f"{self.company.name}: {self.title}"
