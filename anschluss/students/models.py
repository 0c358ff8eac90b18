"""Students and their documents. Issue "Schools and students" builds the rest of this app on these models."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Student(models.Model):
    """A student's profile: who they are, which school they go to. Visible to no company by default."""

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
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


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
