"""Applications: apply, the student's list, one application (student and company), answers."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.accounts import directory
from anschluss.core import sections
from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, permission_required
from anschluss.core.services import ServiceError

from ..forms import AnswerForm, ApplicationForm
from ..models import Application, ApplicationStatus
from ..rules import company_ids_of
from ..services import do_accept_place, do_answer_application, do_apply, do_withdraw_application
from .common import check, get_application, get_offer, report


@require_http_methods(["GET", "POST"])
def apply(request, municipality: str, pk: int):
    offer = get_offer(request, pk)
    denied = check(request, "offers.apply_offer", offer)
    if denied:
        return denied
    student = directory.student_of(request.user)
    form = ApplicationForm(request.POST or None, student=student)
    if request.method == "POST" and form.is_valid():
        try:
            application = do_apply(
                offer,
                message=form.cleaned_data["message"],
                documents=form.cleaned_data.get("documents") or [],
                actor=request.user,
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Your application has been sent. The company will answer you."))
            return redirect(application.get_absolute_url())
    return render(request, "offers/apply.html", {"offer": offer, "form": form})


@require_safe
@permission_required("offers.view_own_applications")
def my_applications(request, municipality: str):
    applications = Application.objects.filter(applicant=request.user).select_related(
        "offer", "offer__company"
    )
    return render(request, "offers/my_applications.html", {"applications": applications})


@require_safe
@permission_required("offers.view_received_applications")
def received(request, municipality: str):
    """Applications to the offers of the person's companies (moderators: all, for follow-up)."""
    applications = Application.objects.select_related("offer", "offer__company", "applicant", "student")
    if not allowed(request.user, "offers.moderate_offer", request.municipality):
        applications = applications.filter(offer__company_id__in=company_ids_of(request.user))
    waiting = request.GET.get("waiting") == "1"
    if waiting:
        applications = applications.filter(status=ApplicationStatus.SENT)
    page = Paginator(applications.order_by("acknowledge_due", "pk"), 25).get_page(request.GET.get("page"))
    # The page shows the applicants' names with their applications: one read entry per application shown.
    log_reads(request.user, page.object_list, reason="received applications")
    return render(request, "offers/received.html", {"page": page, "waiting": waiting})


@require_safe
def application_detail(request, municipality: str, pk: int):
    application = get_application(request, pk)
    denied = check(request, "offers.view_application", application)
    if denied:
        return denied
    user = request.user
    own = application.applicant_id == user.pk
    log_reads(user, [application], reason="own application" if own else "application to an offer")
    can_answer = allowed(user, "offers.answer_application", application)
    is_applicant = own
    # Only the company applied to sees what the student shares (contributed by the students app, see
    # core/sections.py, slot "offers.application") and opens the attached documents; nothing once the application is withdrawn.
    company_sees = can_answer and application.status != ApplicationStatus.WITHDRAWN
    context = {
        "application": application,
        "events": application.events.all(),
        "documents": application.documents.all(),
        "is_applicant": application.applicant_id == user.pk,
        "can_answer": can_answer and bool(application.allowed_transitions("company")),
        "answer_form": AnswerForm(application=application) if can_answer else None,
        "student_actions": application.allowed_transitions("student")
        if application.applicant_id == user.pk
        else [],
        "documents_linked": is_applicant or company_sees,
        "sections": sections.render("offers.application", request, application)
        if company_sees and application.student is not None
        else [],
    }
    return render(request, "offers/application_detail.html", context)


@require_POST
def answer(request, municipality: str, pk: int):
    application = get_application(request, pk)
    denied = check(request, "offers.answer_application", application)
    if denied:
        return denied
    form = AnswerForm(request.POST, application=application)
    if not form.is_valid():
        report(request, _("Choose an answer."))
    else:
        try:
            do_answer_application(
                application,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
            messages.success(request, _("Your answer has been saved. The applicant is told."))
        except ServiceError as error:
            report(request, error)
    return redirect(application.get_absolute_url())


@require_POST
def respond(request, municipality: str, pk: int):
    """The applicant withdraws or accepts an offered place."""
    application = get_application(request, pk)
    denied = check(request, "offers.change_own_application", application)
    if denied:
        return denied
    action = request.POST.get("action")
    try:
        if action == "withdraw":
            do_withdraw_application(application, actor=request.user)
            messages.success(request, _("You have withdrawn your application."))
        elif action == "accept":
            do_accept_place(application, actor=request.user)
            messages.success(request, _("Great! You have accepted the place."))
        else:
            report(request, _("Unknown action."))
    except ServiceError as error:
        report(request, error)
    return redirect(application.get_absolute_url())
