from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..validators import validate_municipality_slug


class Municipality(models.Model):
    """The tenant: one city or district that runs its own transition management."""

    slug = models.SlugField(
        _("URL name"), max_length=40, unique=True, validators=[validate_municipality_slug]
    )
    name = models.CharField(_("name"), max_length=120)
    official_key = models.CharField(
        _("official municipality key"), max_length=12, blank=True, help_text=_("Amtlicher Gemeindeschlüssel")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    imprint = models.TextField(_("imprint"), blank=True)
    privacy_notice = models.TextField(_("privacy notice"), blank=True)
    accessibility_statement = models.TextField(_("accessibility statement"), blank=True)
    shares_indicators = models.BooleanField(
        _("shares indicators"),
        default=False,
        help_text=_("Publish comparable indicators to other municipalities."),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:home", kwargs={"municipality": self.slug})
