"""Template tags for the start page sections of the students app."""

from django import template

from anschluss.accounts import directory

from .. import interests
from ..models import SchoolClass
from ..services.documents import cv_of
from ..services.profile import answers_of

register = template.Library()


@register.simple_tag(takes_context=True)
def student_summary(context) -> dict | None:
    """The signed-in student's progress for their start page, or None without a profile."""
    user = context["request"].user
    student = directory.student_of(user)
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
    """The students whose accepted guardian the signed-in user is (their names link to their pages)."""
    return list(directory.children_of(context["request"].user).order_by("first_name", "pk"))


@register.simple_tag(takes_context=True)
def my_classes(context) -> list:
    user = context["request"].user
    return list(SchoolClass.objects.filter(teachers=user).select_related("school"))
