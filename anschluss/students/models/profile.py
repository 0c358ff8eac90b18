from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class InterestAnswer(models.Model):
    """One answer of the interest quiz (1 = I would not like it at all … 5 = I would like it a lot)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student",
        on_delete=models.CASCADE,
        related_name="interest_answers",
        verbose_name=_("student"),
    )
    item = models.CharField(_("question"), max_length=3)
    value = models.PositiveSmallIntegerField(
        _("answer"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated = models.DateTimeField(auto_now=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("interest answer")
        verbose_name_plural = _("interest answers")
        ordering = ["item"]
        constraints = [
            models.UniqueConstraint(fields=["student", "item"], name="interest_answer_unique_item"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="interest_answer_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}={self.value}"


class Strength(models.Model):
    """A strength, named by the student or by a teacher (e.g. after the Potenzialanalyse)."""

    class Source(models.TextChoices):
        STUDENT = "student", _("named by the student")
        TEACHER = "teacher", _("named by a teacher")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="strengths", verbose_name=_("student")
    )
    source = models.CharField(_("named by"), max_length=10, choices=Source.choices)
    key = models.CharField(_("strength"), max_length=30)
    note = models.CharField(_("note"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("strength")
        verbose_name_plural = _("strengths")
        ordering = ["source", "key"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from ..strengths import STRENGTHS

        return str(STRENGTHS.get(self.key, self.key))
