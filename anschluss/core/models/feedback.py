from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class AccessibilityFeedback(models.Model):
    """A report of an accessibility barrier, sent through the form every page links to."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    contact = models.CharField(_("contact (optional)"), max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d}: {self.message[:40]}"
