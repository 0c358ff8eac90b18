"""Permission predicates of the offer portal (used by views, API, services and templates)."""

import rules

from anschluss.accounts.models import Membership, Role
from anschluss.accounts.rules import has_role
from anschluss.core.rules import is_platform_admin

from .models import OfferStatus

is_student = has_role(Role.STUDENT)
is_moderator = has_role(Role.COORDINATOR, Role.LIAISON)
is_company_staff = has_role(Role.COMPANY_STAFF)


def company_ids_of(user) -> frozenset[int]:
    """The companies a person works for (cached on the instance for the request)."""
    if not user.is_authenticated or user.municipality_id is None:
        return frozenset()
    cache = user.__dict__.setdefault("_offer_company_ids", {})
    if "ids" not in cache:
        from django_scopes import scope

        with scope(municipality=user.municipality_id):
            cache["ids"] = frozenset(
                Membership.objects.filter(user=user, role=Role.COMPANY_STAFF, is_active=True).values_list(
                    "organisation_id", flat=True
                )
            )
    return cache["ids"]


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
def accepts_applications(user, offer) -> bool:
    return offer.accepts_applications_here


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
# Young people
rules.add_perm("offers.apply_offer", is_student & accepts_applications)
rules.add_perm("offers.save_offer", is_student)
rules.add_perm("offers.save_search", is_student)
rules.add_perm("offers.view_own_applications", is_student)
# Applications: the applicant, the company, and the municipality's staff who follow up unanswered ones.
rules.add_perm(
    "offers.view_application",
    is_applicant | works_for_application_company | is_moderator | is_platform_admin,
)
rules.add_perm("offers.answer_application", works_for_application_company)
rules.add_perm("offers.change_own_application", is_applicant)
rules.add_perm("offers.view_received_applications", is_company_staff | is_moderator | is_platform_admin)
