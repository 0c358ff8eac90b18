"""Permission predicates of the offer portal (used by views, API, services and templates).

Everything is asked through `anschluss.core.permissions.allowed`. The platform admin is granted by name what
concerns offers (create, edit, moderate, close), never what shows a student's personal data: applications,
the list of received applications, a student's documents.
"""

import rules

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.accounts.rules import has_role
from anschluss.core.permissions import allowed
from anschluss.core.rules import is_platform_admin

from .models import ApplicationStatus, OfferStatus

is_student = has_role(Role.STUDENT)
is_moderator = has_role(Role.COORDINATOR, Role.LIAISON)
is_company_staff = has_role(Role.COMPANY_STAFF)


def company_ids_of(user) -> frozenset[int]:
    """The companies a person works for (the directory caches them on the instance for the request)."""
    return directory.organisation_ids(user, Role.COMPANY_STAFF)


@rules.predicate
def works_for_offer_company(user, offer) -> bool:
    return bool(offer is not None and offer.company_id and offer.company_id in company_ids_of(user))


@rules.predicate
def works_for_application_company(user, application) -> bool:
    return works_for_offer_company(user, application.offer)


@rules.predicate
def is_published(user, offer) -> bool:
    return offer is not None and offer.status == OfferStatus.PUBLISHED


@rules.predicate
def is_editable(user, offer) -> bool:
    return (
        offer is not None
        and not offer.source
        and offer.status
        in (
            OfferStatus.DRAFT,
            OfferStatus.IN_REVIEW,
            OfferStatus.PUBLISHED,
        )
    )


@rules.predicate
def is_applicant(user, application) -> bool:
    return user.is_authenticated and application.applicant_id == user.pk


@rules.predicate
def owns_saved_search(user, saved) -> bool:
    return bool(user.is_authenticated and saved is not None and saved.user_id == user.pk)


@rules.predicate
def accepts_applications(user, offer) -> bool:
    return offer.accepts_applications_here


@rules.predicate
def received_with_application(user, document) -> bool:
    """Staff of a company the student applied to (application not withdrawn) see a document the student
    attached to that application, and the certificates of confirmed milestones when the student shares their
    steps with companies."""
    if document is None or document._meta.label_lower != "students.document":
        return False
    if not user.is_authenticated or document.municipality_id != user.municipality_id:
        return False
    companies = company_ids_of(user)
    if not companies:
        return False
    student = document.student
    applications = student.offer_applications.filter(offer__company_id__in=companies).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    if applications.filter(documents=document).exists():
        return True
    return (
        applications.exists()
        and allowed(user, "students.view_shared_steps", student)
        and student.milestones.filter(evidence=document, confirmed__isnull=False).exists()
    )


can_manage = works_for_offer_company | is_moderator | is_platform_admin

# Offers
rules.add_perm("offers.view_offer", is_published | can_manage)
rules.add_perm("offers.add_offer", is_company_staff | is_moderator | is_platform_admin)
rules.add_perm("offers.manage_offers", is_company_staff | is_moderator | is_platform_admin)
rules.add_perm(
    "offers.change_offer", (works_for_offer_company | is_moderator | is_platform_admin) & is_editable
)
rules.add_perm("offers.submit_offer", works_for_offer_company | is_moderator | is_platform_admin)
rules.add_perm("offers.close_offer", can_manage)
rules.add_perm("offers.moderate_offer", is_moderator | is_platform_admin)
# Young people (the platform admin is no student)
rules.add_perm("offers.apply_offer", is_student & accepts_applications)
rules.add_perm("offers.save_offer", is_student)
rules.add_perm("offers.save_search", is_student)
rules.add_perm("offers.delete_saved_search", owns_saved_search)
rules.add_perm("offers.view_own_applications", is_student)
# Applications: the applicant, the company, and the municipality's staff who follow up unanswered ones.
# Personal data: never the platform admin.
rules.add_perm("offers.view_application", is_applicant | works_for_application_company | is_moderator)
rules.add_perm("offers.answer_application", works_for_application_company)
rules.add_perm("offers.change_own_application", is_applicant)
rules.add_perm("offers.view_received_applications", is_company_staff | is_moderator)
# A students.Document seen by a company it was sent to (asked by the students app's view_document).
rules.add_perm("offers.view_received_document", received_with_application)
