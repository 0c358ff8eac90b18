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

    # Who is whose guardian is the directory's question (accounts.directory.guardians_of, children_of,
    # is_guardian_of); the invitations themselves are this app's, and are looked up only here.

    @classmethod
    def linked(cls):
        """The guardian rule, in one place: an accepted invitation linked to an active account. The directory
        (accounts.directory.guardians_of, children_of, is_guardian_of) asks it through the app registry."""
        return cls.objects.filter(user__isnull=False, user__is_active=True, accepted__isnull=False)

    @classmethod
    def linked_student_ids(cls):
        """The students with at least one guardian by the rule of `linked` (a subquery of ids)."""
        return cls.linked().values("student_id")

    @classmethod
    def invite(cls, student, *, code: str, email: str = "", invited_by=None) -> "Guardianship":
        """A new invitation for the student's guardians, with its one-time code."""
        return cls.objects.create(
            municipality_id=student.municipality_id,
            student=student,
            code=code,
            email=email,
            invited_by=invited_by,
        )

    @classmethod
    def code_in_use(cls, code: str) -> bool:
        return cls.objects.filter(code=code).exists()

    @classmethod
    def open_invitation(cls, code: str) -> "Guardianship | None":
        """The invitation with this code that nobody has accepted yet (in the current municipality)."""
        return cls.objects.filter(code=code, user__isnull=True).select_related("student").first()

    @classmethod
    def locked(cls, pk: int) -> "Guardianship":
        """The invitation, locked for the rest of the transaction (one code, one acceptance)."""
        return cls.objects.select_for_update().get(pk=pk)

    @classmethod
    def of_student(cls, student):
        """The student's invitations and linked guardians, for the school's record page (newest first)."""
        return cls.objects.filter(student=student).select_related("user")

    @classmethod
    def link(cls, student, user, *, accepted) -> "Guardianship":
        """Link an account as the student's accepted guardian, if it is not yet (the demo's personas)."""
        guardianship, _created = cls.objects.get_or_create(
            student=student,
            user=user,
            defaults={"municipality_id": student.municipality_id, "accepted": accepted},
        )
        return guardianship


# The rule of Guardianship.linked as a condition on the joined guardianships of a Student query, for counts
# over a whole class (keep the two together).
LINKED_GUARDIAN = models.Q(guardianships__accepted__isnull=False, guardianships__user__is_active=True)


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
