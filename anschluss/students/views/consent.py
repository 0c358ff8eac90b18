"""Consent and visibility: the student's and the guardians' decisions, and what applications show companies."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, deny
from anschluss.core.services import ServiceError

from .. import interests, kaoa
from ..forms.profile import SharingForm
from ..models import Consent
from ..purposes import BY_KEY
from ..services.consent import do_decide_consent, do_revoke_consent, has_consent, needs_guardian
from ..services.milestones import done_features
from ..services.profile import SHARING_FIELDS, answers_of, do_update_sharing
from .common import own_student, student_or_deny
from .confirm import ask, confirmed
from .records import consent_rows


@require_http_methods(["GET", "POST"])
def consents(request, municipality: str, pk: int):
    """One page per student: each purpose with recipient and scope, the current decision, and the buttons."""
    student = student_or_deny(request, pk, "students.decide_consent", reason="consents")
    if student is None:
        return deny(request)
    if request.method == "POST":
        purpose, decision = request.POST.get("purpose", ""), request.POST.get("decision", "")
        if purpose not in BY_KEY or decision not in ("give", "refuse"):
            messages.error(request, _("Please choose yes or no for one purpose."))
        else:
            try:
                do_decide_consent(student, purpose=purpose, give=decision == "give", actor=request.user)
            except ServiceError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your decision is saved."))
        return redirect("students:consents", municipality=municipality, pk=pk)
    context = {
        "student": student,
        "rows": consent_rows(student),
        "history": student.consents.all(),
        "is_self": student.user_id == request.user.pk,
    }
    return render(request, "students/consents.html", context)


@require_http_methods(["GET", "POST"])
def consent_revoke(request, municipality: str, pk: int):
    """Asks first (views/confirm.py): the student in "du", guardians in "Sie"; only "Yes" revokes."""
    consent: Consent = get_object_or_404(Consent.objects.select_related("student"), pk=pk)
    if not allowed(request.user, "students.decide_consent", consent.student):
        return deny(request)
    if not confirmed(request):
        back = reverse("students:consents", kwargs={"municipality": municipality, "pk": consent.student_id})
        purpose = BY_KEY.get(consent.purpose)
        is_self = consent.student.user_id == request.user.pk
        return ask(
            request,
            question=_("Revoke this consent?"),
            explanation=(
                _("Then the data is no longer passed on for this purpose. You can agree again later.")
                if is_self
                else pgettext(
                    "formal",
                    "Then the data is no longer passed on for this purpose. You can agree again later.",
                )
            ),
            item=str(purpose.name) if purpose else consent.purpose,
            back=back,
            yes=_("Yes, revoke"),
            formal=not is_self,
            undoable=True,
        )
    do_revoke_consent(consent, actor=request.user)
    messages.success(
        request, _("The consent is revoked. From now on the data is no longer passed on for this purpose.")
    )
    return redirect("students:consents", municipality=municipality, pk=consent.student_id)


@require_http_methods(["GET", "POST"])
@own_student
def sharing(request, municipality: str, student):
    initial = {name: getattr(student, name) for name in SHARING_FIELDS}
    form = SharingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        do_update_sharing(student, **form.cleaned_data, actor=request.user)
        messages.success(request, _("Saved. Companies see only what you ticked, and only when you apply."))
        return redirect("students:sharing", municipality=municipality)
    context = {
        "form": form,
        "student": student,
        "consented": has_consent(student, "applications"),
        "needs_guardian": needs_guardian(student, "applications"),
    }
    return render(request, "students/me/sharing.html", context)


@require_safe
def child(request, municipality: str, pk: int):
    """A guardian's view of their child: milestones, interests done or not, consents."""
    student = student_or_deny(request, pk, "students.decide_consent")
    if student is None or student.user_id == request.user.pk:
        return deny(request)
    log_reads(request.user, [student], "child overview (guardian)")
    done = done_features(student)
    result = interests.profile(answers_of(student))
    context = {
        "student": student,
        "expected": [(entry, done.get(entry.key)) for entry in kaoa.expected_features(student.grade)],
        "milestones": student.milestones.select_related("evidence"),
        "quiz_complete": result.complete,
        "consents": consent_rows(student),
    }
    return render(request, "students/child.html", context)
