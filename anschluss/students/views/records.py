"""A student's record as the school sees it: milestones to confirm, strengths, guardians, consents; and the
municipality's consent rule."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, deny, permission_required
from anschluss.core.services import ServiceError

from .. import kaoa
from ..forms.consent import ConsentPolicyForm, GuardianInviteForm
from ..forms.milestones import MilestoneForm
from ..forms.profile import TeacherStrengthForm
from ..models import Guardianship, Milestone
from ..purposes import PURPOSES
from ..services.classes import code_is_valid, do_issue_signup_code
from ..services.common import format_code
from ..services.consent import (
    current_decisions,
    do_invite_guardian,
    do_update_consent_policy,
    has_consent,
    needs_guardian,
    policy_of,
)
from ..services.milestones import do_confirm_milestone, do_delete_milestone, do_record_milestone
from ..services.profile import do_add_teacher_strength
from ..services.rights import do_erase_student, retention_ends
from .common import student_or_deny
from .confirm import ask, confirmed


def consent_rows(student) -> list[dict]:
    decisions = current_decisions(student)
    policy = policy_of(student.municipality)
    return [
        {
            "purpose": purpose,
            "decision": decisions.get(purpose.key),
            "valid": has_consent(student, purpose.key),
            "needs_guardian": needs_guardian(student, purpose.key, policy),
        }
        for purpose in PURPOSES
    ]


@require_safe
def student_detail(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.confirm_milestone", reason="student record (school)")
    if student is None:
        return deny(request)
    context = {
        "student": student,
        "milestones": student.milestones.select_related("evidence", "confirmed_by"),
        "expected": kaoa.expected_features(student.grade),
        "strengths": student.strengths.select_related("author"),
        "strength_form": TeacherStrengthForm(),
        "invite_form": GuardianInviteForm(),
        "guardianships": Guardianship.of_student(student),
        "consents": consent_rows(student),
        "can_manage": allowed(request.user, "students.manage_student", student),
        "code": format_code(student.signup_code) if code_is_valid(student) else "",
        "retention_ends": retention_ends(student),
    }
    return render(request, "students/school/student_detail.html", context)


def _back(student):
    return redirect("students:student_detail", municipality=student.municipality.slug, pk=student.pk)


@require_POST
def student_code(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.manage_student")
    if student is None:
        return deny(request)
    try:
        do_issue_signup_code(student, actor=request.user)
        messages.success(
            request,
            _("New code: %(code)s. The old code no longer works.")
            % {"code": format_code(student.signup_code)},
        )
    except ServiceError as error:
        messages.error(request, str(error))
    return _back(student)


@require_POST
def milestone_confirm(request, municipality: str, pk: int):
    milestone: Milestone = get_object_or_404(Milestone.objects.select_related("student"), pk=pk)
    if not allowed(request.user, "students.confirm_milestone", milestone.student):
        return deny(request)
    do_confirm_milestone(milestone, actor=request.user)
    messages.success(request, _("The milestone is confirmed."))
    return _back(milestone.student)


@require_http_methods(["GET", "POST"])
def milestone_delete(request, municipality: str, pk: int):
    """Asks first (views/confirm.py): the student in "du", the school in "Sie"; only "Yes" deletes."""
    milestone: Milestone = get_object_or_404(Milestone.objects.select_related("student"), pk=pk)
    student = milestone.student
    by_school = allowed(request.user, "students.confirm_milestone", student)
    if not (
        by_school
        or (milestone.confirmed is None and allowed(request.user, "students.record_milestone", student))
    ):
        return deny(request)
    if by_school:
        back = reverse("students:student_detail", kwargs={"municipality": municipality, "pk": student.pk})
    else:
        back = reverse("students:milestones", kwargs={"municipality": municipality})
    if not confirmed(request):
        # The question shows the student's milestone (and, to the school, their name): a read.
        log_reads(request.user, [student], "milestone to delete")
        item = f"{milestone.title} ({milestone.date:%d.%m.%Y})"
        if by_school:
            item = f"{student}: {item}"
        return ask(request, question=_("Delete this entry?"), item=item, back=back, formal=by_school)
    do_delete_milestone(milestone, actor=request.user)
    messages.success(request, _("The entry is deleted."))
    return redirect(back)


@require_POST
def teacher_strength(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.add_teacher_strength")
    if student is None:
        return deny(request)
    form = TeacherStrengthForm(request.POST)
    if form.is_valid():
        do_add_teacher_strength(student, **form.cleaned_data, actor=request.user)
        messages.success(request, _("The strength is added."))
    else:
        messages.error(request, _("Please choose a strength from the list."))
    return _back(student)


@require_http_methods(["GET", "POST"])
def school_milestone_add(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.confirm_milestone")
    if student is None:
        return deny(request)
    form = MilestoneForm(
        request.POST if request.method == "POST" else None, request.FILES or None, for_student=False
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_record_milestone(student, **form.cleaned_data, actor=request.user)
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The milestone is recorded and confirmed."))
            return _back(student)
    log_reads(request.user, [student], "milestone form of the school")
    return render(
        request, "students/milestone_form.html", {"form": form, "student": student, "by_school": True}
    )


@require_POST
def guardian_invite(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.invite_guardian")
    if student is None:
        return deny(request)
    form = GuardianInviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the e-mail address."))
        return _back(student)
    join_url = request.build_absolute_uri(
        reverse("students:guardian_join", kwargs={"municipality": municipality})
    )
    invitation = do_invite_guardian(
        student, email=form.cleaned_data["email"], actor=request.user, join_url=join_url
    )
    if invitation.email:
        messages.success(request, _("The invitation is sent to %(email)s.") % {"email": invitation.email})
    else:
        messages.success(
            request, _("Letter code for the guardians: %(code)s") % {"code": format_code(invitation.code)}
        )
    return _back(student)


@require_http_methods(["GET", "POST"])
def student_erase(request, municipality: str, pk: int):
    student = student_or_deny(request, pk, "students.manage_student")
    if student is None:
        return deny(request)
    if request.method == "POST" and request.POST.get("confirm") != "yes":
        messages.error(request, pgettext("formal", "Please tick the box to confirm."))
    elif request.method == "POST":
        class_pk = student.school_class_id
        gone = do_erase_student(student, actor=request.user)
        messages.success(
            request,
            _("All data of the student is deleted.")
            if gone
            else _(
                "The student's own data is deleted. The school's records are kept until the retention period ends."
            ),
        )
        if class_pk:
            return redirect("students:class_detail", municipality=municipality, pk=class_pk)
        return redirect("students:class_list", municipality=municipality)
    log_reads(request.user, [student], "erasure confirmation")
    return render(request, "students/erase_confirm.html", {"student": student, "by_school": True})


@require_http_methods(["GET", "POST"])
@permission_required("students.change_consent_policy")
def consent_policy(request, municipality: str):
    policy = policy_of(request.municipality)
    initial = {"guardian_age": policy.guardian_age, "guardian_purposes": policy.guardian_purposes}
    form = ConsentPolicyForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            do_update_consent_policy(request.municipality, **form.cleaned_data, actor=request.user)
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The consent rule is saved."))
            return redirect("students:consent_policy", municipality=municipality)
    return render(request, "students/consent_policy.html", {"form": form})
