"""The student's own milestones (KAoA standard elements): what they did, with certificates."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from anschluss.core.services import ServiceError

from .. import kaoa
from ..forms.milestones import MilestoneForm
from ..services.milestones import do_record_milestone, done_features
from .common import own_student


@require_safe
@own_student
def milestones(request, municipality: str, student):
    done = done_features(student)
    expected = [(entry, done.get(entry.key)) for entry in kaoa.expected_features(student.grade)]
    context = {
        "student": student,
        "milestones": student.milestones.select_related("evidence"),
        "expected": expected,
    }
    return render(request, "students/me/milestones.html", context)


@require_http_methods(["GET", "POST"])
@own_student
def milestone_add(request, municipality: str, student):
    form = MilestoneForm(
        request.POST if request.method == "POST" else None, request.FILES or None, for_student=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_record_milestone(student, **form.cleaned_data, actor=request.user)
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Saved. Your teacher will confirm it."))
            return redirect("students:milestones", municipality=municipality)
    return render(
        request, "students/milestone_form.html", {"form": form, "student": student, "by_school": False}
    )
