"""Who may see and do what with classes and students.

Predicates take (user, obj). obj is a School, SchoolClass, Student, or something that belongs to a student
(Document, Milestone, CoverLetter …). A teacher sees the students of the classes they teach, the school
coordinator (StuBO) every class of their school, the student themself and their guardians their own record.
People are found in the directory (accounts/directory.py): the schools of a user in a role, the guardians of a
student (an accepted guardianship with an active account).

The platform admin gets only what a permission grants by name, and only where no student's personal data is
involved (the municipality's consent rule); never a class, a student's record, documents, CV or consents.
What a company sees of a student's documents is decided where applications live, and this module only asks
that permission (`offers.view_received_document`): it does not read applications itself.
"""

import rules

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.accounts.rules import has_role
from anschluss.core.permissions import allowed
from anschluss.core.rules import is_platform_admin

is_school_staff = has_role(Role.TEACHER, Role.SCHOOL_COORDINATOR)
is_municipal_coordinator = has_role(Role.COORDINATOR)


def student_of(obj):
    """The student an object belongs to (the object itself for a Student), else None."""
    if obj is None:
        return None
    if obj._meta.label_lower == "students.student":
        return obj
    return getattr(obj, "student", None)


def _school_id_of(obj) -> int | None:
    if obj is None:
        return None
    label = obj._meta.label_lower
    if label in ("core.school", "core.organisation"):
        return obj.pk
    if label == "students.schoolclass":
        return obj.school_id
    student = student_of(obj)
    return student.school_id if student is not None else None


def _same_municipality(user, obj) -> bool:
    return (
        obj is not None
        and user.is_authenticated
        and getattr(obj, "municipality_id", None) == user.municipality_id
    )


@rules.predicate
def is_coordinator_of_school(user, obj) -> bool:
    """The school coordinator (StuBO) of the object's school."""
    return _same_municipality(user, obj) and _school_id_of(obj) in directory.organisation_ids(
        user, Role.SCHOOL_COORDINATOR
    )


@rules.predicate
def is_teacher_of_class(user, obj) -> bool:
    """A teacher of the class (for a SchoolClass) or of the student's class, at that school."""
    if not _same_municipality(user, obj):
        return False
    if _school_id_of(obj) not in directory.organisation_ids(user, Role.TEACHER):
        return False
    if obj._meta.label_lower == "students.schoolclass":
        school_class = obj
    else:
        student = student_of(obj)
        school_class = student.school_class if student is not None else None
    return school_class is not None and school_class.teachers.filter(pk=user.pk).exists()


@rules.predicate
def is_the_student(user, obj) -> bool:
    student = student_of(obj)
    return bool(_same_municipality(user, student) and student.user_id == user.pk)


@rules.predicate
def is_guardian_of(user, obj) -> bool:
    """An accepted guardian of the student, with an active account (the directory's one guardian rule)."""
    student = student_of(obj)
    return _same_municipality(user, student) and directory.is_guardian_of(user, student)


@rules.predicate
def is_certificate(user, obj) -> bool:
    return getattr(obj, "kind", None) == "certificate"


@rules.predicate
def received_with_application(user, obj) -> bool:
    """A company's staff see a document the student sent them with an application. Which ones is decided
    where applications live, so that this app does not read them:"""
    if obj is None or obj._meta.label_lower != "students.document":
        return False
    return allowed(user, "offers.view_received_document", obj)


@rules.predicate
def shares_steps_with_companies(user, student) -> bool:
    """The student shows companies they applied to their confirmed milestones: ticked under "What companies
    see", and the consent for applications holds now. A building block for the offer portal, which asks it
    by name (`students.view_shared_steps`) once it knows the user's company received an application."""
    from .services.consent import has_consent

    return bool(
        student is not None
        and student._meta.label_lower == "students.student"
        and student.share_milestones
        and has_consent(student, "applications")
    )


is_school_of_student = is_teacher_of_class | is_coordinator_of_school

rules.add_perm("students.view_class_list", is_school_staff)
rules.add_perm("students.add_class", is_coordinator_of_school)
rules.add_perm("students.change_class", is_coordinator_of_school)
rules.add_perm("students.view_class", is_school_of_student)
rules.add_perm("students.import_students", is_coordinator_of_school)
rules.add_perm("students.add_student", is_coordinator_of_school)
rules.add_perm("students.manage_student", is_coordinator_of_school)
rules.add_perm("students.view_student", is_the_student | is_guardian_of | is_school_of_student)
rules.add_perm("students.record_milestone", is_the_student | is_school_of_student)
rules.add_perm("students.confirm_milestone", is_school_of_student)
rules.add_perm("students.edit_profile", is_the_student)
rules.add_perm("students.add_teacher_strength", is_school_of_student)
# Teachers see certificates (to confirm milestones), never the student's CV or letters; a company sees only
# what the student sent it (received_with_application).
rules.add_perm(
    "students.view_document",
    is_the_student | is_guardian_of | (is_school_of_student & is_certificate) | received_with_application,
)
rules.add_perm("students.invite_guardian", is_school_of_student)
rules.add_perm("students.decide_consent", is_the_student | is_guardian_of)
rules.add_perm("students.export_data", is_the_student | is_guardian_of)
rules.add_perm("students.erase_student", is_the_student | is_coordinator_of_school)
rules.add_perm("students.change_consent_policy", is_municipal_coordinator | is_platform_admin)
rules.add_perm("students.view_shared_steps", shares_steps_with_companies)
