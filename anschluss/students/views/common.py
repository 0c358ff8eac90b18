"""Helpers for the students' views: finding the student a page is about, and checking the permission."""

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404

from anschluss.core.permissions import deny

from ..models import Student
from ..services.rights import audit_read


def allowed(user, perm: str, obj) -> bool:
    """The predicate alone, without Django's rule that superusers may do everything: platform admins run the
    platform, they do not read students' records (privacy by default)."""
    return rules.has_perm(perm, user, obj)


def own_student(view):
    """For the student's own pages ("me/…"): passes the signed-in student's profile as `student`.
    Anonymous visitors go to the login; people without a student profile here get deny() (403, or 404 in
    another municipality)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        student = Student.objects.filter(user=request.user).select_related("school", "school_class").first()
        if student is None or not allowed(request.user, "students.edit_profile", student):
            return deny(request)
        return view(request, *args, student=student, **kwargs)

    return wrapped


def student_or_deny(request, pk: int, perm: str, *, reason: str = ""):
    """The student `pk` of this municipality (404 otherwise) if the user has `perm` on them, else None.
    With a reason, the read is logged (not when the student reads their own record)."""
    student: Student = get_object_or_404(Student.objects.select_related("school", "school_class"), pk=pk)
    if not allowed(request.user, perm, student):
        return None
    if reason:
        audit_read(request.user, student, reason)
    return student
