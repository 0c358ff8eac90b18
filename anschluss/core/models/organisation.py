from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    COMPANY = "company", _("Company")
    EMPLOYMENT_AGENCY = "employment_agency", _("Employment agency (Agentur für Arbeit)")
    JOBCENTER = "jobcenter", _("Jobcenter")
    CHAMBER_OF_COMMERCE = "chamber_ihk", _("Chamber of industry and commerce (IHK)")
    CHAMBER_OF_CRAFTS = "chamber_hwk", _("Chamber of crafts (HWK)")
    SCHOOL_AUTHORITY = "school_authority", _("School authority (Schulamt)")
    YOUTH_WELFARE = "youth_welfare", _("Youth welfare (Jugendhilfe)")
    COUNSELLING_OFFICE = "counselling_office", _("Education counselling office")
    MUNICIPAL_OFFICE = "municipal_office", _("Municipal coordination office")
    ECONOMIC_DEVELOPMENT = "economic_development", _("Economic development agency")
    OTHER = "other", _("Other")


class SchoolForm(models.TextChoices):
    """School forms of NRW: the abbreviations of the official key table (SVWS `Schulform`)."""

    BK = "BK", _("Vocational college (Berufskolleg)")
    FW = "FW", _("Waldorf school")
    G = "G", _("Primary school")
    GE = "GE", _("Comprehensive school (Gesamtschule)")
    GM = "GM", _("Community school (Gemeinschaftsschule)")
    GY = "GY", _("Grammar school (Gymnasium)")
    H = "H", _("Secondary general school (Hauptschule)")
    HI = "HI", _("Hibernia school")
    PS = "PS", _("PRIMUS school trial")
    R = "R", _("Intermediate school (Realschule)")
    S = "S", _("Special needs school (primary/secondary general)")
    KS = "KS", _("Hospital school")
    SB = "SB", _("Special needs school (vocational)")
    SG = "SG", _("Special needs school (grammar)")
    SK = "SK", _("Secondary school (Sekundarschule)")
    SR = "SR", _("Special needs school (intermediate)")
    V = "V", _("Volksschule")
    WB = "WB", _("Adult education college (Weiterbildungskolleg)")
    WF = "WF", _("Waldorf special needs school")


class Organisation(models.Model):
    """Any body taking part: school, company, chamber, agency, office."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="organisations"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    district = models.ForeignKey(
        "core.District", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("district")
    )
    quarter = models.ForeignKey(
        "core.Quarter", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("quarter")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return ", ".join(part for part in [self.street, f"{self.postcode} {self.city}".strip()] if part)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class School(Organisation):
    """A school, identified by its six-digit NRW school number."""

    # NRW school numbers are unique across the state (MTI keeps `municipality` on Organisation, so a
    # per-municipality constraint is not possible here).
    school_number = models.CharField(_("school number"), max_length=8, unique=True)
    school_form = models.CharField(_("school form"), max_length=2, choices=SchoolForm.choices)
    is_project_school = models.BooleanField(
        _("project school"), default=False, help_text=_('Takes part in "Ausbildung im Quartier".')
    )
    social_index = models.PositiveSmallIntegerField(
        _("social index"),
        null=True,
        blank=True,
        help_text=_("MSB NRW school social index, 1 (low) to 9 (high)"),
    )
    pupils = models.PositiveIntegerField(_("pupils (rounded)"), null=True, blank=True)
    is_public = models.BooleanField(_("public school"), default=True)

    # The scoped manager is inherited from Organisation.

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]


class Company(Organisation):
    """A company that hosts internships and offers apprenticeships."""

    class Size(models.TextChoices):
        MICRO = "micro", _("1–9 employees")
        SMALL = "small", _("10–49 employees")
        MEDIUM = "medium", _("50–249 employees")
        LARGE = "large", _("250 or more employees")

    class TrainingChamber(models.TextChoices):
        NONE = "", _("No training authorisation")
        IHK = "ihk", _("IHK")
        HWK = "hwk", _("HWK")
        OTHER = "other", _("Other competent body")

    industry = models.CharField(_("industry"), max_length=120, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    training_chamber = models.CharField(
        _("training authorisation"),
        max_length=10,
        choices=TrainingChamber.choices,
        blank=True,
        help_text=_("The body with which the company is registered to train apprentices."),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]

    @property
    def may_train(self) -> bool:
        return bool(self.training_chamber)
