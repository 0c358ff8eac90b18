"""Helpers for the students' views: finding the student a page is about, and checking the permission.

Permissions are checked with `core.permissions.allowed` (no superuser shortcut: platform admins run the
platform, they do not read students' records). Reads are logged with `core.audit.log_reads`:

- the student's own pages ("me/…") are shown only to the student themself and log nothing;
- every other page that shows a student's name with personal data (the school's pages, the guardians' pages,
  and the pages the student shares with them: consents, documents, milestones) logs a read each time it
  answers, with every student it shows, whoever reads it. The student reading such a shared page is logged too:
  one rule per page, so that no read by someone else can slip through a special case.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404

from anschluss.accounts import directory
from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, deny

from ..models import Student


def own_student(view):
    """For the student's own pages ("me/…"): passes the signed-in student's profile as `student`.
    Anonymous visitors go to the login; people without a student profile here get deny() (403, or 404 in
    another municipality)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        student = directory.student_of(request.user)
        if student is None or not allowed(request.user, "students.edit_profile", student):
            return deny(request)
        return view(request, *args, student=student, **kwargs)

    return wrapped


def student_or_deny(request, pk: int, perm: str, *, reason: str = ""):
    """The student `pk` of this municipality (404 otherwise) if the user has `perm` on them, else None.
    With a reason, the page shows the student's personal data and the read is logged."""
    student: Student = get_object_or_404(Student.objects.select_related("school", "school_class"), pk=pk)
    if not allowed(request.user, perm, student):
        return None
    if reason:
        log_reads(request.user, [student], reason)
    return student
