"""Classes, students and their documents.

The offer portal reads Student(school, user) and Document(student, kind, title, file, content_type, size) for
applications: keep those names.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


def current_school_year(today: datetime.date | None = None) -> str:
    """The NRW school year that contains `today`, as "2025/26"; a new one starts on 1 August."""
    today = today or timezone.localdate()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


class SchoolClass(models.Model):
    """A class of one school year (e.g. 9b in 2025/26) with the teachers who look after it."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey(
        "core.School", on_delete=models.CASCADE, related_name="classes", verbose_name=_("school")
    )
    name = models.CharField(_("class"), max_length=20, help_text=_("As the school writes it, e.g. 9b."))
    grade = models.PositiveSmallIntegerField(_("grade"))
    school_year = models.CharField(_("school year"), max_length=7, help_text=_("For example 2025/26."))
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="school_classes", verbose_name=_("teachers")
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["-school_year", "grade", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "name"], name="class_unique_name_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"


class Student(models.Model):
    """A student's profile: who they are, which school and class they go to. Visible to no company by default."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="student",
        verbose_name=_("account"),
    )
    school = models.ForeignKey(
        "core.School", on_delete=models.PROTECT, related_name="students", verbose_name=_("school")
    )
    school_class = models.ForeignKey(
        SchoolClass,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="students",
        verbose_name=_("class"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True)
    external_id = models.CharField(
        _("ID in the school administration"),
        max_length=40,
        blank=True,
        help_text=_(
            "For example the internal ID of SchILD-NRW; used to recognise a student on the next import."
        ),
    )
    # A one-time code for signing up, printed on the class's code sheet; cleared once used.
    signup_code = models.CharField(_("sign-up code"), max_length=12, null=True, blank=True, unique=True)
    signup_code_created = models.DateTimeField(null=True, blank=True)
    left_school_on = models.DateField(
        _("left school on"),
        null=True,
        blank=True,
        help_text=_("Starts the retention period for the school's records."),
    )
    erasure_requested = models.DateTimeField(_("erasure requested"), null=True, blank=True)
    # What an application shows the company (privacy by default: nothing).
    share_cv = models.BooleanField(_("my CV"), default=False)
    share_interests = models.BooleanField(_("my interest profile"), default=False)
    share_strengths = models.BooleanField(_("my strengths"), default=False)
    share_milestones = models.BooleanField(_("my career orientation steps and certificates"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["school", "external_id"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: datetime.date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def has_account(self) -> bool:
        return self.user_id is not None


def document_path(instance: "Document", filename: str) -> str:
    # A random name: the original file name may itself be personal data.
    return f"students/{instance.municipality_id}/documents/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file in a student's document library (CV, cover letter, certificate), stored outside the web root."""

    class Kind(models.TextChoices):
        CV = "cv", _("CV")
        COVER_LETTER = "cover_letter", _("Cover letter")
        CERTIFICATE = "certificate", _("Certificate")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        Student, on_delete=models.CASCADE, related_name="documents", verbose_name=_("student")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(
            self.content_type, "bin"
        )
