"""Offers: what a company offers young people (internship, exploration day, apprenticeship, dual study)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class OfferKind(models.TextChoices):
    INTERNSHIP = "internship", _("Internship")
    EXPLORATION_DAY = "exploration_day", _("Exploration day")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    DUAL_STUDY = "dual_study", _("Dual study")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")
    EXPIRED = "expired", _("Expired")


class OfferSource(models.TextChoices):
    LOCAL = "", _("This platform")
    BA = "ba", _("Jobsuche of the Bundesagentur für Arbeit")


class ApplyMethod(models.TextChoices):
    HERE = "here", _("Apply on this platform")
    EXTERNAL = "external", _("Apply on the company's website")


class SchoolCertificate(models.TextChoices):
    NONE = "", _("No certificate needed")
    HA9 = "ha9", _("Hauptschulabschluss (grade 9)")
    HA10 = "ha10", _("Hauptschulabschluss (grade 10)")
    MSA = "msa", _("Mittlerer Schulabschluss")
    FHR = "fhr", _("Fachhochschulreife")
    AHR = "ahr", _("Abitur")


class Offer(models.Model):
    """One offer of a company at one site. Its life: draft → in review → published → closed or expired."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    occupations = models.ManyToManyField(
        "occupations.Occupation", related_name="offers", blank=True, verbose_name=_("occupations")
    )
    # The occupations' names, kept in step by the services: the search weighs them between title and text.
    occupation_text = models.CharField(max_length=1000, blank=True, editable=False)
    company = models.ForeignKey(
        "core.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("company"),
    )
    employer_name = models.CharField(
        _("employer"),
        max_length=200,
        blank=True,
        help_text=_("For imported offers of companies not on the platform."),
    )
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    district = models.ForeignKey(
        "core.District", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("district")
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(_("number of places"), default=1)
    min_grade = models.PositiveSmallIntegerField(_("from grade"), null=True, blank=True)
    max_grade = models.PositiveSmallIntegerField(_("up to grade"), null=True, blank=True)
    school_certificate = models.CharField(
        _("expected school certificate"), max_length=5, choices=SchoolCertificate.choices, blank=True
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    apply_method = models.CharField(
        _("how to apply"), max_length=10, choices=ApplyMethod.choices, default=ApplyMethod.HERE
    )
    external_url = models.URLField(_("link to apply"), blank=True, max_length=500)
    review_note = models.TextField(_("note from the review"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=OfferSource.choices, blank=True)
    external_id = models.CharField(_("reference at the source"), max_length=100, blank=True)
    source_url = models.URLField(_("link at the source"), blank=True, max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "status", "kind"]),
            models.Index(fields=["latitude", "longitude"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "source", "external_id"],
                condition=~models.Q(external_id=""),
                name="offer_unique_external_id",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("offers:detail", kwargs={"municipality": self.municipality.slug, "pk": self.pk})

    @property
    def employer(self) -> str:
        return self.company.name if self.company_id and self.company else self.employer_name

    @property
    def place(self) -> str:
        """Where, in a word: the district, else the town."""
        return self.district.name if self.district_id and self.district else self.city

    @property
    def address(self) -> str:
        return ", ".join(part for part in [self.street, f"{self.postcode} {self.city}".strip()] if part)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_open(self) -> bool:
        """Published and the deadline (if any) has not passed."""
        if self.status != OfferStatus.PUBLISHED:
            return False
        return self.application_deadline is None or self.application_deadline >= timezone.localdate()

    @property
    def accepts_applications_here(self) -> bool:
        return self.is_open and self.apply_method == ApplyMethod.HERE and not self.source

    @property
    def iso_weeks(self) -> list[str]:
        """The ISO weeks an internship covers, e.g. ["2026-W10", "2026-W11"]."""
        if self.start_date is None:
            return []
        end = self.end_date or self.start_date
        weeks: list[str] = []
        day = self.start_date - datetime.timedelta(days=self.start_date.weekday())
        while day <= end and len(weeks) < 60:
            year, week, _weekday = day.isocalendar()
            weeks.append(f"{year}-W{week:02d}")
            day += datetime.timedelta(days=7)
        return weeks

    @property
    def grade_label(self) -> str:
        if self.min_grade and self.max_grade:
            return (
                f"{self.min_grade}–{self.max_grade}"
                if self.min_grade != self.max_grade
                else str(self.min_grade)
            )
        if self.min_grade:
            return f"≥ {self.min_grade}"
        if self.max_grade:
            return f"≤ {self.max_grade}"
        return ""
