"""Template tags for the start page sections of the students app."""

from django import template

from .. import interests
from ..models import Guardianship, SchoolClass, Student
from ..services.documents import cv_of
from ..services.profile import answers_of

register = template.Library()


@register.simple_tag(takes_context=True)
def student_summary(context) -> dict | None:
    """The signed-in student's progress for their start page, or None without a profile."""
    user = context["request"].user
    student = Student.objects.filter(user=user).select_related("school_class").first()
    if student is None:
        return None
    answered = len(answers_of(student))
    cv = cv_of(student)
    return {
        "student": student,
        "answered": answered,
        "total": len(interests.items()),
        "quiz_done": answered == len(interests.items()),
        "has_cv": bool(cv.pk and cv.entries.exists()),
        "milestones": student.milestones.count(),
    }


@register.simple_tag(takes_context=True)
def guardian_children(context) -> list:
    user = context["request"].user
    guardianships = Guardianship.objects.filter(user=user, accepted__isnull=False).select_related("student")
    return [g.student for g in guardianships]


@register.simple_tag(takes_context=True)
def my_classes(context) -> list:
    user = context["request"].user
    return list(SchoolClass.objects.filter(teachers=user).select_related("school"))
