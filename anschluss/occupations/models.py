"""Occupations: the federal KldB 2010, the NRW training occupations and KAoA's 16 occupational fields.

These are shared reference data, the same for every municipality, so they are not tenant-scoped.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OccupationalField(models.Model):
    """Berufsfeld: one of KAoA's 16 occupational fields."""

    key = models.CharField(_("key"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("URL name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("occupational field")
        verbose_name_plural = _("occupational fields")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class KldbEntry(models.Model):
    """One position of the KldB 2010 (Fassung 2020): level 1 (1 digit) to level 5 (5 digits)."""

    code = models.CharField(_("KldB code"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("level"))
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    class Meta:
        verbose_name = _("KldB 2010 entry")
        verbose_name_plural = _("KldB 2010")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def requirement_level(self) -> int | None:
        """The fifth digit: 1 helper, 2 skilled, 3 specialist, 4 expert (only on level 5)."""
        return int(self.code[4]) if self.level == 5 else None


class Occupation(models.Model):
    """Ausbildungsberuf: a state-recognised training occupation (NRW Fachklassen catalogue)."""

    nrw_key = models.CharField(
        _("NRW key"), max_length=6, unique=True, help_text=_("Fachklasse key and variant")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("URL name"), max_length=200, unique=True)
    field = models.ForeignKey(
        OccupationalField,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("occupational field"),
    )
    kldb = models.ForeignKey(
        KldbEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("KldB 2010"),
        limit_choices_to={"level": 5},
    )
    nrw_field = models.CharField(_("NRW vocational field"), max_length=4, blank=True)
    is_current = models.BooleanField(_("current"), default=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Plain German for 13-year-olds: what you do, where, what you need."),
    )
    search_terms = models.CharField(
        _("search words"),
        max_length=300,
        blank=True,
        help_text=_("Everyday words people search for, e.g. “Kfz” for Kraftfahrzeugmechatroniker."),
    )

    class Meta:
        verbose_name = _("training occupation")
        verbose_name_plural = _("training occupations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, municipality_slug: str) -> str:
        from django.urls import reverse

        return reverse("occupations:detail", kwargs={"municipality": municipality_slug, "slug": self.slug})

    @property
    def kldb_code(self) -> str:
        return self.kldb.code if self.kldb is not None else ""
