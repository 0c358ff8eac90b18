from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class District(models.Model):
    """Stadtbezirk: an administrative district of a municipality (Dortmund has 12)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="districts")
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("URL name"), max_length=80)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="district_unique_name"),
            models.UniqueConstraint(fields=["municipality", "slug"], name="district_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """A postcode of the municipality with a representative point (for distances from a postcode)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="postcodes")
    code = models.CharField(_("postcode"), max_length=5)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    is_approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("The point is estimated, not an official centroid.")
    )

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"], name="postcode_unique_code")]

    def __str__(self) -> str:
        return self.code


class Quarter(models.Model):
    """Quartier/Ortsteil: a neighbourhood inside a district; the unit of "Ausbildung im Quartier"."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="quarters")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="quarters")
    name = models.CharField(_("name"), max_length=80)
    postcodes = models.ManyToManyField(
        Postcode, related_name="quarters", blank=True, verbose_name=_("postcodes")
    )

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("quarter")
        verbose_name_plural = _("quarters")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="quarter_unique_name")]

    def __str__(self) -> str:
        return self.name
