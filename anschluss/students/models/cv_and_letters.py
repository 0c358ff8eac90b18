"""What the student writes for applications: the German tabular CV (Lebenslauf) and cover letters."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


def photo_path(instance: "CurriculumVitae", filename: str) -> str:
    return f"students/{instance.municipality_id}/photos/{uuid.uuid4().hex}"


class CurriculumVitae(models.Model):
    """The student's tabular CV (Lebenslauf). Name and date of birth come from the student's profile."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.OneToOneField(
        "students.Student", on_delete=models.CASCADE, related_name="cv", verbose_name=_("student")
    )
    street = models.CharField(_("street and house number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=100, blank=True)
    languages = models.TextField(_("languages"), blank=True)
    computer_skills = models.TextField(_("computer skills"), blank=True)
    other_skills = models.TextField(_("other skills"), blank=True)
    hobbies = models.TextField(_("hobbies and interests"), blank=True)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    photo_content_type = models.CharField(max_length=40, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("CV")
        verbose_name_plural = _("CVs")

    def __str__(self) -> str:
        return str(self.student)


class CvEntry(models.Model):
    """One line of the CV table: a school, an internship, a job, voluntary work."""

    class Section(models.TextChoices):
        SCHOOL = "school", _("School education")
        EXPERIENCE = "experience", _("Practical experience")
        VOLUNTEERING = "volunteering", _("Voluntary work")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    cv = models.ForeignKey(CurriculumVitae, on_delete=models.CASCADE, related_name="entries")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    start = models.CharField(_("from"), max_length=7, help_text=_("Month and year, e.g. 08/2021."))
    end = models.CharField(
        _("until"),
        max_length=7,
        blank=True,
        help_text=_("Month and year. Leave empty if it is still going on."),
    )
    title = models.CharField(_("what"), max_length=200)
    organisation = models.CharField(_("where (school, company, club)"), max_length=200, blank=True)
    place = models.CharField(_("town"), max_length=100, blank=True)
    description = models.CharField(_("details"), max_length=300, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("CV entry")
        verbose_name_plural = _("CV entries")

    def __str__(self) -> str:
        return self.title

    @property
    def sort_key(self) -> tuple[int, int]:
        """Newest first, as a German CV lists them (reverse chronological)."""
        month, _sep, year = self.start.partition("/")
        if not year:
            month, year = "0", month
        return (int(year or 0), int(month or 0))


class CoverLetter(models.Model):
    """A cover letter (Anschreiben) for one company, in the parts a German letter has."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="cover_letters", verbose_name=_("student")
    )
    company = models.CharField(_("company"), max_length=200)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    company_street = models.CharField(_("street and house number"), max_length=200, blank=True)
    company_city = models.CharField(_("postcode and town"), max_length=200, blank=True)
    subject = models.CharField(_("subject line"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    motivation = models.TextField(_("why this job and this company"), blank=True)
    qualities = models.TextField(_("what you bring"), blank=True)
    closing = models.TextField(_("closing"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("cover letter")
        verbose_name_plural = _("cover letters")
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.subject
