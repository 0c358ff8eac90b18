"""Guardians and consent: who may decide for a student, and every decision as a record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Guardianship(models.Model):
    """A guardian of a student, invited by a letter code or an e-mail; linked to an account once accepted."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="guardianships", verbose_name=_("student")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="guardianships",
        verbose_name=_("guardian"),
    )
    code = models.CharField(_("invitation code"), max_length=12, null=True, blank=True, unique=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("guardianship")
        verbose_name_plural = _("guardianships")
        ordering = ["-invited"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "user"],
                condition=models.Q(user__isnull=False),
                name="guardianship_unique_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user or self.email or self.code} → {self.student}"


class ConsentPolicy(models.Model):
    """A municipality's rule for who decides: below `guardian_age`, the listed purposes need a guardian."""

    municipality = models.OneToOneField(
        "core.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    guardian_age = models.PositiveSmallIntegerField(
        _("guardian decides below this age"),
        default=16,
        help_text=_("Students younger than this need a guardian's consent for the purposes ticked below."),
    )
    guardian_purposes = models.JSONField(_("purposes that need a guardian"), default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("consent rule")
        verbose_name_plural = _("consent rules")

    def __str__(self) -> str:
        return str(self.municipality)


class Consent(models.Model):
    """One decision about one purpose: given or refused, by whom, when; revoked later or not. Never edited."""

    class Decision(models.TextChoices):
        GIVEN = "given", _("given")
        REFUSED = "refused", _("refused")

    class GivenAs(models.TextChoices):
        STUDENT = "student", _("student")
        GUARDIAN = "guardian", _("guardian")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="consents", verbose_name=_("student")
    )
    purpose = models.CharField(_("purpose"), max_length=40)
    recipient = models.CharField(_("recipient"), max_length=200)
    scope = models.TextField(_("which data"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    given_by_label = models.CharField(_("decided by"), max_length=200)
    given_as = models.CharField(_("decided as"), max_length=10, choices=GivenAs.choices)
    created = models.DateTimeField(_("when"), auto_now_add=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["student", "purpose", "-created"])]

    def __str__(self) -> str:
        return f"{self.student} – {self.purpose} – {self.decision}"
