"""Applications: apply, answer (acknowledge, interview, offer, decline), accept a place, withdraw, remind."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_action
from anschluss.core.notifications import notify
from anschluss.core.services import ServiceError, require

from ..models import Application, ApplicationEvent, ApplicationStatus, Offer
from ..models.application import TRANSITIONS
from .people import company_staff, mail_contact


def _record(application: Application, status: str, note: str = "") -> None:
    application.status = status
    application.status_changed = timezone.now()
    ApplicationEvent.objects.create(
        municipality=application.municipality, application=application, status=status, note=note
    )


def _about(application: Application) -> dict:
    """The parameters of a notification about an application: the offer's title and the employer."""
    return {"offer": application.offer.title, "company": application.offer.employer}


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
    require(actor, "offers.apply_offer", offer)
    if not message.strip():
        raise ServiceError(_("Write a short message to the company."), field="message")
    if Application.objects.filter(offer=offer, applicant=actor).exists():
        raise ServiceError(_("You have already applied for this offer."))
    student = directory.student_of(actor)
    documents = list(documents)
    if documents and (student is None or any(d.student_id != student.pk for d in documents)):
        raise ServiceError(_("You can only send your own documents."), field="documents")
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
        raise ServiceError(_("You have already applied for this offer.")) from None
    application.documents.set(documents)
    ApplicationEvent.objects.create(
        municipality=offer.municipality, application=application, status=ApplicationStatus.SENT
    )
    staff = company_staff(offer.company)
    context = {**_about(application), "days": settings.OFFERS_ACKNOWLEDGE_DAYS}
    notify(staff, "offers.application_new", application, context)
    mail_contact(offer, staff, "application_new", application, context)
    log_action(
        actor, "offers.application.create", application, {"offer": offer.pk, "documents": len(documents)}
    )
    return application


# The notification the applicant gets for each answer of the company (texts in offers/notifications.py).
STATUS_KINDS: dict[str, str] = {
    ApplicationStatus.ACKNOWLEDGED: "offers.application_acknowledged",
    ApplicationStatus.INTERVIEW: "offers.application_interview",
    ApplicationStatus.OFFER: "offers.application_offer",
    ApplicationStatus.DECLINED: "offers.application_declined",
}


@transaction.atomic
def do_answer_application(application: Application, *, status: str, note: str = "", actor) -> Application:
    """The company moves an application on (offers.answer_application); the student is told."""
    require(actor, "offers.answer_application", application)
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("offer", "applicant")
        .get(pk=application.pk)
    )
    if TRANSITIONS.get(application.status, {}).get(status) != "company":
        raise ServiceError(
            _("This answer is not possible in the application's current state."), field="status"
        )
    if application.acknowledged_at is None:
        application.acknowledged_at = timezone.now()
    _record(application, status, note.strip())
    application.save()
    notify([application.applicant], STATUS_KINDS[status], application, _about(application))
    log_action(actor, "offers.application.answer", application, {"status": status})
    return application


@transaction.atomic
def do_withdraw_application(application: Application, *, actor) -> Application:
    """The applicant withdraws (offers.change_own_application); the company is told."""
    require(actor, "offers.change_own_application", application)
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("offer").get(pk=application.pk)
    )
    if TRANSITIONS.get(application.status, {}).get(ApplicationStatus.WITHDRAWN) != "student":
        raise ServiceError(_("This application can no longer be withdrawn."))
    _record(application, ApplicationStatus.WITHDRAWN)
    application.save()
    notify(
        company_staff(application.offer.company),
        "offers.application_withdrawn",
        application,
        _about(application),
    )
    log_action(actor, "offers.application.withdraw", application)
    return application


@transaction.atomic
def do_accept_place(application: Application, *, actor) -> Application:
    """The applicant accepts an offered place (offers.change_own_application).

    The offer is locked: when two students accept the last place at once, the second is refused.
    """
    require(actor, "offers.change_own_application", application)
    offer = Offer.objects.select_for_update().get(pk=application.offer_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.OFFER:
        raise ServiceError(_("There is no place offered to you for this offer."))
    taken = Application.objects.filter(offer=offer, status=ApplicationStatus.ACCEPTED).count()
    if taken >= offer.places:
        raise ServiceError(_("Sorry, all places of this offer are taken."))
    _record(application, ApplicationStatus.ACCEPTED)
    application.save()
    application.offer = offer
    notify(company_staff(offer.company), "offers.application_accepted", application, _about(application))
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
        notify(staff, "offers.application_reminder", application, _about(application))
        mail_contact(application.offer, staff, "application_reminder", application, _about(application))
        application.reminder_sent_at = now
        application.save(update_fields=["reminder_sent_at"])
        log_action(actor, "offers.application.remind", application)
        reminded += 1
    cutoff = now - datetime.timedelta(days=settings.OFFERS_ESCALATE_DAYS)
    for application in waiting.filter(reminder_sent_at__lt=cutoff, escalated_at__isnull=True):
        liaisons = directory.members_in_municipality(municipality, Role.LIAISON)
        notify(liaisons, "offers.application_escalation", application, _about(application))
        application.escalated_at = now
        application.save(update_fields=["escalated_at"])
        log_action(actor, "offers.application.escalate", application)
        escalated += 1
    return {"reminded": reminded, "escalated": escalated}
