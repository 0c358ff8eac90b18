from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .. import kaoa


class Milestone(models.Model):
    """A KAoA standard element a student took part in (SBO 2–10), with date and evidence; a teacher confirms."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="milestones", verbose_name=_("student")
    )
    feature = models.CharField(_("standard element"), max_length=20, help_text=_("For example SBO_5_1."))
    detail = models.CharField(_("detail"), max_length=20, blank=True)
    level4 = models.CharField(_("further detail"), max_length=20, blank=True)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    evidence = models.ForeignKey(
        "students.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certificate"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        entry = kaoa.entry(self.detail or self.feature)
        return entry.label if entry else self.feature

    @property
    def feature_entry(self) -> "kaoa.Entry | None":
        return kaoa.entry(self.feature)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed is not None
