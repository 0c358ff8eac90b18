from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, scope


class Role(models.TextChoices):
    """The roles of the glossary. A person may hold several, each through a membership of an organisation."""

    STUDENT = "student", _("Student")
    GUARDIAN = "guardian", _("Guardian")
    TEACHER = "teacher", _("Teacher")
    SCHOOL_COORDINATOR = "school_coordinator", _("School coordinator (StuBO)")
    COMPANY_STAFF = "company_staff", _("Company staff")
    LIAISON = "liaison", _("Company liaison")
    PARTNER_COUNSELLOR = "partner_counsellor", _("Partner counsellor")
    COUNSELLOR = "counsellor", _("Education counsellor")
    COORDINATOR = "coordinator", _("Municipal coordinator")
    STATISTICS_READER = "statistics_reader", _("Statistics reader")


# Roles that never see other people's data; every other role must use a second factor.
ROLES_WITHOUT_SECOND_FACTOR = frozenset({Role.STUDENT, Role.GUARDIAN})


class AnschlussUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person who signs in: with an e-mail address, or (students) with a username only."""

    email = models.EmailField(_("e-mail address"), blank=True, null=True, unique=True)  # type: ignore[assignment]
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("The municipality this person belongs to; empty for platform admins."),
    )
    is_demo_persona = models.BooleanField(
        _("demo persona"),
        default=False,
        help_text=_("A fixed demo account; may skip the second factor in demo mode."),
    )

    objects = AnschlussUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("username"), name="user_unique_username_ci")]

    def __str__(self) -> str:
        return self.get_full_name() or self.get_username()

    def save(self, *args, **kwargs):
        if self.email == "":
            self.email = None
        super().save(*args, **kwargs)

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and self.is_superuser

    def roles_in(self, municipality_id: int | None) -> frozenset[str]:
        """The roles this person holds in a municipality, cached on the instance for the request."""
        if municipality_id is None or municipality_id != self.municipality_id:
            return frozenset()
        cache = self.__dict__.setdefault("_roles_cache", {})
        if municipality_id not in cache:
            with scope(municipality=municipality_id):
                cache[municipality_id] = frozenset(
                    Membership.objects.filter(user=self, is_active=True).values_list("role", flat=True)
                )
        return cache[municipality_id]

    @property
    def roles(self) -> frozenset[str]:
        return self.roles_in(self.municipality_id)

    @property
    def needs_second_factor(self) -> bool:
        """Everyone who can see other people's data: platform admins and all roles but students and guardians."""
        return self.is_superuser or bool(self.roles - ROLES_WITHOUT_SECOND_FACTOR)


class Membership(models.Model):
    """A person's role at an organisation (a teacher at a school, staff of a company, ...)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"
