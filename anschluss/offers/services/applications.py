"""Applications: apply, answer (acknowledge, interview, offer, decline), accept a place, withdraw, remind."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from anschluss.core.audit import log_action

from ..models import Application, ApplicationEvent, ApplicationStatus, Offer
from ..models.application import TRANSITIONS
from .errors import OfferError
from .notify import absolute, company_staff, liaisons, notify, send_template_mail


def student_of(user):
    """The student record of a signed-in young person, if the school has created one."""
    from anschluss.students.models import Student

    return Student.objects.filter(user=user).select_related("school").first()


def _record(application: Application, status: str, note: str = "") -> None:
    application.status = status
    application.status_changed = timezone.now()
    ApplicationEvent.objects.create(
        municipality=application.municipality, application=application, status=status, note=note
    )


def _tell_student(application: Application, text: str) -> None:
    url = application.get_absolute_url()
    notify([application.applicant], application.municipality, text, url)
    send_template_mail(
        [application.applicant.email or ""],
        "application_status",
        {"application": application, "text": text, "url": absolute(url)},
    )


@transaction.atomic
def do_apply(offer: Offer, *, message: str, documents=(), actor) -> Application:
    """Apply to an offer with a message and documents from the own library (offers.apply_offer).

    The offer row is locked, so that a double submit waits for the first and is then refused. The company
    is told by e-mail and on its start page, and must acknowledge within OFFERS_ACKNOWLEDGE_DAYS days.
    """
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("company", "municipality")
        .get(pk=offer.pk)
    )
    if actor is None or not actor.has_perm("offers.apply_offer", offer):
        raise PermissionDenied
    if not message.strip():
        raise OfferError(_("Write a short message to the company."))
    if Application.objects.filter(offer=offer, applicant=actor).exists():
        raise OfferError(_("You have already applied for this offer."))
    student = student_of(actor)
    documents = list(documents)
    if documents and (student is None or any(d.student_id != student.pk for d in documents)):
        raise OfferError(_("You can only send your own documents."))
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                municipality=offer.municipality,
                offer=offer,
                applicant=actor,
                student=student,
                message=message.strip(),
                acknowledge_due=now + datetime.timedelta(days=settings.OFFERS_ACKNOWLEDGE_DAYS),
            )
    except IntegrityError:
        raise OfferError(_("You have already applied for this offer.")) from None
    application.documents.set(documents)
    ApplicationEvent.objects.create(
        municipality=offer.municipality, application=application, status=ApplicationStatus.SENT
    )
    staff = company_staff(offer.company)
    url = application.get_absolute_url()
    notify(staff, offer.municipality, _("New application for “%s”.") % offer.title, url)
    send_template_mail(
        [u.email for u in staff] + [offer.contact_email],
        "application_new",
        {
            "application": application,
            "offer": offer,
            "url": absolute(url),
            "days": settings.OFFERS_ACKNOWLEDGE_DAYS,
        },
    )
    log_action(
        actor, "offers.application.create", application, {"offer": offer.pk, "documents": len(documents)}
    )
    return application


STATUS_MESSAGES: dict[str, str] = {
    ApplicationStatus.ACKNOWLEDGED: gettext_noop("The company has received your application for “%s”."),
    ApplicationStatus.INTERVIEW: gettext_noop("The company invites you to an interview for “%s”."),
    ApplicationStatus.OFFER: gettext_noop("The company offers you a place: “%s”. Please answer."),
    ApplicationStatus.DECLINED: gettext_noop("The company has decided against your application for “%s”."),
}


@transaction.atomic
def do_answer_application(application: Application, *, status: str, note: str = "", actor) -> Application:
    """The company moves an application on (offers.answer_application); the student is told."""
    if actor is None or not actor.has_perm("offers.answer_application", application):
        raise PermissionDenied
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("offer", "applicant")
        .get(pk=application.pk)
    )
    if TRANSITIONS.get(application.status, {}).get(status) != "company":
        raise OfferError(_("This answer is not possible in the application's current state."))
    if application.acknowledged_at is None:
        application.acknowledged_at = timezone.now()
    _record(application, status, note.strip())
    application.save()
    _tell_student(application, _(STATUS_MESSAGES[status]) % application.offer.title)
    log_action(actor, "offers.application.answer", application, {"status": status})
    return application


@transaction.atomic
def do_withdraw_application(application: Application, *, actor) -> Application:
    """The applicant withdraws (offers.change_own_application); the company is told."""
    if actor is None or not actor.has_perm("offers.change_own_application", application):
        raise PermissionDenied
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("offer").get(pk=application.pk)
    )
    if TRANSITIONS.get(application.status, {}).get(ApplicationStatus.WITHDRAWN) != "student":
        raise OfferError(_("This application can no longer be withdrawn."))
    _record(application, ApplicationStatus.WITHDRAWN)
    application.save()
    notify(
        company_staff(application.offer.company),
        application.municipality,
        _("An application for “%s” was withdrawn.") % application.offer.title,
        application.get_absolute_url(),
    )
    log_action(actor, "offers.application.withdraw", application)
    return application


@transaction.atomic
def do_accept_place(application: Application, *, actor) -> Application:
    """The applicant accepts an offered place (offers.change_own_application).

    The offer is locked: when two students accept the last place at once, the second is refused.
    """
    if actor is None or not actor.has_perm("offers.change_own_application", application):
        raise PermissionDenied
    offer = Offer.objects.select_for_update().get(pk=application.offer_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.OFFER:
        raise OfferError(_("There is no place offered to you for this offer."))
    taken = Application.objects.filter(offer=offer, status=ApplicationStatus.ACCEPTED).count()
    if taken >= offer.places:
        raise OfferError(_("Sorry, all places of this offer are taken."))
    _record(application, ApplicationStatus.ACCEPTED)
    application.save()
    notify(
        company_staff(offer.company),
        application.municipality,
        _("A place for “%s” was accepted.") % offer.title,
        application.get_absolute_url(),
    )
    log_action(actor, "offers.application.accept", application)
    return application


@transaction.atomic
def do_send_acknowledgement_reminders(municipality, *, now=None, actor=None) -> dict[str, int]:
    """Remind companies of applications not acknowledged in time; after OFFERS_ESCALATE_DAYS more, tell the
    liaisons. Run by the periodic task; each application is reminded and escalated at most once."""
    now = now or timezone.now()
    waiting = Application.objects.filter(
        municipality=municipality, status=ApplicationStatus.SENT, acknowledge_due__lt=now
    ).select_related("offer", "offer__company", "offer__municipality", "municipality")
    reminded = escalated = 0
    for application in waiting.filter(reminder_sent_at__isnull=True):
        staff = company_staff(application.offer.company)
        url = application.get_absolute_url()
        notify(
            staff, municipality, _("Please answer the application for “%s”.") % application.offer.title, url
        )
        send_template_mail(
            [u.email for u in staff] + [application.offer.contact_email],
            "application_reminder",
            {"application": application, "url": absolute(url)},
        )
        application.reminder_sent_at = now
        application.save(update_fields=["reminder_sent_at"])
        log_action(actor, "offers.application.remind", application)
        reminded += 1
    cutoff = now - datetime.timedelta(days=settings.OFFERS_ESCALATE_DAYS)
    for application in waiting.filter(reminder_sent_at__lt=cutoff, escalated_at__isnull=True):
        people = liaisons(municipality)
        url = application.get_absolute_url()
        notify(
            people,
            municipality,
            _("A company has not answered an application for “%s”.") % application.offer.title,
            url,
        )
        send_template_mail(
            [u.email for u in people],
            "application_escalation",
            {"application": application, "url": absolute(url)},
        )
        application.escalated_at = now
        application.save(update_fields=["escalated_at"])
        log_action(actor, "offers.application.escalate", application)
        escalated += 1
    return {"reminded": reminded, "escalated": escalated}
