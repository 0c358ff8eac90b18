"""Permission predicates of the placements app ("placements.<verb>_<noun>").

Objects: a PlacementRound, a RoundPlace, a Placement or a PlacementAgreement; the municipality for lists.
Who is whose (a user's schools and companies, the student of a user, guardians) is asked of the directory
(`anschluss.accounts.directory`); which students a teacher looks after, of placements/students.py.

The platform admin gets only what is granted here by name (`is_platform_admin`): the list of all rounds (names,
weeks, status), nothing that shows a student. Agreements, choices, match results, placements and explanations
stay with those of the municipality who work with them.
"""

import rules

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.accounts.rules import has_role
from anschluss.core.rules import is_platform_admin

from .students import looks_after

SCHOOL_STAFF = (Role.TEACHER, Role.SCHOOL_COORDINATOR)

is_manager = has_role(Role.LIAISON, Role.COORDINATOR)
is_school_staff = has_role(Role.TEACHER, Role.SCHOOL_COORDINATOR)
is_company_staff = has_role(Role.COMPANY_STAFF)
is_student = has_role(Role.STUDENT)
is_any_school_coordinator = has_role(Role.SCHOOL_COORDINATOR)


def _round_of(obj):
    for path in ("round", "place.round", "placement.round"):
        target = obj
        for attr in path.split("."):
            target = getattr(target, attr, None)
        if target is not None:
            return target
    return obj


def _placement_of(obj):
    return getattr(obj, "placement", obj)


@rules.predicate
def staffs_a_round_school(user, obj) -> bool:
    round_ = _round_of(obj)
    school_ids = directory.organisation_ids(user, *SCHOOL_STAFF)
    return bool(school_ids) and round_.schools.filter(pk__in=school_ids).exists()


@rules.predicate
def offers_a_place_in_round(user, obj) -> bool:
    company_ids = directory.organisation_ids(user, Role.COMPANY_STAFF)
    return bool(company_ids) and _round_of(obj).places.filter(company_id__in=company_ids).exists()


@rules.predicate
def staffs_the_company(user, obj) -> bool:
    company_id = getattr(obj, "company_id", None)
    if company_id is None:
        company_id = _placement_of(obj).place.company_id
    return company_id in directory.organisation_ids(user, Role.COMPANY_STAFF)


@rules.predicate
def looks_after_the_student(user, obj) -> bool:
    return looks_after(user, _placement_of(obj).student)


@rules.predicate
def coordinates_the_students_school(user, obj) -> bool:
    return _placement_of(obj).student.school_id in directory.organisation_ids(user, Role.SCHOOL_COORDINATOR)


@rules.predicate
def is_the_student(user, obj) -> bool:
    return _placement_of(obj).student.user_id == user.pk


@rules.predicate
def is_a_guardian(user, obj) -> bool:
    return directory.is_guardian_of(user, _placement_of(obj).student)


@rules.predicate
def may_choose_in_round(user, obj) -> bool:
    student = directory.student_of(user)
    return (
        student is not None
        and obj.schools.filter(pk=student.school_id).exists()
        and student.grade in obj.grades
    )


rules.add_perm("placements.view_rounds", is_manager | is_school_staff | is_company_staff | is_platform_admin)
# Every round of the municipality in the round list (school and company staff see theirs).
rules.add_perm("placements.view_all_rounds", is_manager | is_platform_admin)
# The agreements of a round (students' names): school staff of the round's schools see their students', company
# staff with places in the round their company's.
rules.add_perm(
    "placements.view_agreements",
    is_manager | (is_school_staff & staffs_a_round_school) | (is_company_staff & offers_a_place_in_round),
)
rules.add_perm("placements.manage_round", is_manager)
rules.add_perm("placements.offer_place", is_manager | is_company_staff)
rules.add_perm("placements.change_place", is_manager | (is_company_staff & staffs_the_company))
rules.add_perm("placements.choose_places", is_student & may_choose_in_round)
rules.add_perm("placements.view_choices", is_manager | (is_school_staff & staffs_a_round_school))
rules.add_perm("placements.remind_students", is_manager | (is_school_staff & staffs_a_round_school))
rules.add_perm(
    "placements.view_agreement",
    is_manager
    | (is_school_staff & looks_after_the_student)
    | (is_company_staff & staffs_the_company)
    | (is_student & is_the_student)
    | is_a_guardian,
)
rules.add_perm(
    "placements.record_paper_signature",
    is_manager | (is_any_school_coordinator & coordinates_the_students_school),
)
rules.add_perm(
    "placements.give_feedback", (is_student & is_the_student) | (is_company_staff & staffs_the_company)
)
rules.add_perm(
    "placements.sign_agreement",
    (is_student & is_the_student)
    | is_a_guardian
    | (is_company_staff & staffs_the_company)
    | (is_any_school_coordinator & coordinates_the_students_school),
)


def signing_parties(user, agreement) -> list[str]:
    """The parties of the agreement for which `user` may sign here (school, company, student, guardian)."""
    parties = []
    if is_any_school_coordinator(user, agreement) and coordinates_the_students_school(user, agreement):
        parties.append("school")
    if is_company_staff(user, agreement) and staffs_the_company(user, agreement):
        parties.append("company")
    if is_student(user, agreement) and is_the_student(user, agreement):
        parties.append("student")
    if is_a_guardian(user, agreement):
        parties.append("guardian")
    return parties
