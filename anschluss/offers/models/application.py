"""Applications of students to offers, with every status change kept with its date."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class ApplicationStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Received by the company")
    INTERVIEW = "interview", _("Invited to an interview")
    OFFER = "offer", _("Place offered")
    ACCEPTED = "accepted", _("Place accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Which status may follow which, and who moves it: the company ("company") or the applicant ("student").
TRANSITIONS: dict[str, dict[str, str]] = {
    ApplicationStatus.SENT: {
        ApplicationStatus.ACKNOWLEDGED: "company",
        ApplicationStatus.DECLINED: "company",
        ApplicationStatus.WITHDRAWN: "student",
    },
    ApplicationStatus.ACKNOWLEDGED: {
        ApplicationStatus.INTERVIEW: "company",
        ApplicationStatus.OFFER: "company",
        ApplicationStatus.DECLINED: "company",
        ApplicationStatus.WITHDRAWN: "student",
    },
    ApplicationStatus.INTERVIEW: {
        ApplicationStatus.OFFER: "company",
        ApplicationStatus.DECLINED: "company",
        ApplicationStatus.WITHDRAWN: "student",
    },
    ApplicationStatus.OFFER: {
        ApplicationStatus.ACCEPTED: "student",
        ApplicationStatus.WITHDRAWN: "student",
        ApplicationStatus.DECLINED: "company",
    },
    ApplicationStatus.ACCEPTED: {ApplicationStatus.WITHDRAWN: "student"},
    ApplicationStatus.DECLINED: {},
    ApplicationStatus.WITHDRAWN: {},
}
OPEN_STATUSES = [
    ApplicationStatus.SENT,
    ApplicationStatus.ACKNOWLEDGED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
]


class Application(models.Model):
    """A student's application to an offer. The company must acknowledge it within a few days."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offer_applications"
    )
    student = models.ForeignKey(
        "students.Student",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offer_applications",
    )
    message = models.TextField(_("message"))
    documents = models.ManyToManyField(
        "students.Document", blank=True, related_name="offer_applications", verbose_name=_("documents")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.SENT
    )
    created = models.DateTimeField(_("sent"), auto_now_add=True)
    status_changed = models.DateTimeField(_("last change"), auto_now_add=True)
    acknowledge_due = models.DateTimeField(_("answer due"))
    acknowledged_at = models.DateTimeField(_("received"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created"]
        constraints = [
            # One application per person and offer: a double submit cannot create two.
            models.UniqueConstraint(fields=["offer", "applicant"], name="application_unique_per_offer"),
        ]
        indexes = [models.Index(fields=["status", "acknowledge_due"])]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.offer}"

    def get_absolute_url(self) -> str:
        return reverse(
            "offers:application_detail", kwargs={"municipality": self.municipality.slug, "pk": self.pk}
        )

    def allowed_transitions(self, side: str) -> list[str]:
        return [status for status, who in TRANSITIONS.get(self.status, {}).items() if who == side]


class ApplicationEvent(models.Model):
    """One status change of an application, shown to the student with its date."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus.choices)
    note = models.TextField(_("note"), blank=True)
    created = models.DateTimeField(_("when"), auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.status}"
