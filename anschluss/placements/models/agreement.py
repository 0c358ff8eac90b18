from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .matching import Placement


class PlacementAgreement(models.Model):
    """Praktikumsvereinbarung: signed by school, company, student and guardian, here or on paper."""

    PARTIES = ("school", "company", "student", "guardian")

    class Method(models.TextChoices):
        ONLINE = "online", _("Signed here")
        PAPER = "paper", _("Signed on paper")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="agreement")
    created = models.DateTimeField(auto_now_add=True)
    school_signed = models.DateTimeField(_("school signed"), null=True, blank=True)
    school_method = models.CharField(max_length=6, choices=Method.choices, blank=True)
    company_signed = models.DateTimeField(_("company signed"), null=True, blank=True)
    company_method = models.CharField(max_length=6, choices=Method.choices, blank=True)
    student_signed = models.DateTimeField(_("student signed"), null=True, blank=True)
    student_method = models.CharField(max_length=6, choices=Method.choices, blank=True)
    guardian_signed = models.DateTimeField(_("guardian signed"), null=True, blank=True)
    guardian_method = models.CharField(max_length=6, choices=Method.choices, blank=True)
    signatures = models.JSONField(default=dict, help_text=_("who signed for each party"))

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("placement agreement")
        verbose_name_plural = _("placement agreements")

    def __str__(self) -> str:
        return str(self.placement)

    @property
    def fully_signed(self) -> bool:
        return all(getattr(self, f"{party}_signed") for party in self.PARTIES)


class PlacementFeedback(models.Model):
    """Short feedback after the round, from the student or the company."""

    class Author(models.TextChoices):
        STUDENT = "student", _("Student")
        COMPANY = "company", _("Company")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="feedback")
    author = models.CharField(max_length=10, choices=Author.choices)
    rating = models.PositiveSmallIntegerField(_("rating"), help_text=_("1 (bad) to 5 (very good)"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["placement", "author"], name="feedback_once_per_side"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_author_display()}: {self.rating}/5"
