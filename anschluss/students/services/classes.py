"""Classes, students and the one-time sign-up codes with which students create their account."""

import datetime

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError  # raised by validate_password, not by this module
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role, User
from anschluss.core.audit import log_action
from anschluss.core.models import School
from anschluss.core.services import ServiceError, require

from ..models import SchoolClass, Student
from .common import new_code, normalise_code


@transaction.atomic
def do_create_class(
    school: School, *, name: str, grade: int, school_year: str, teachers: list[User], actor
) -> SchoolClass:
    """Create a class at `school`; needs students.add_class on the school. Logs students.schoolclass.create."""
    require(actor, "students.add_class", school)
    school_class = SchoolClass.objects.create(
        municipality=school.municipality, school=school, name=name, grade=grade, school_year=school_year
    )
    school_class.teachers.set(teachers)
    log_action(actor, "students.schoolclass.create", school_class, {"teachers": [t.pk for t in teachers]})
    return school_class


@transaction.atomic
def do_update_class(
    school_class: SchoolClass, *, name: str, grade: int, school_year: str, teachers: list[User], actor
) -> SchoolClass:
    """Change a class; needs students.change_class. The grade of its students follows the class."""
    require(actor, "students.change_class", school_class)
    school_class.name, school_class.grade, school_class.school_year = name, grade, school_year
    school_class.save()
    school_class.teachers.set(teachers)
    school_class.students.update(grade=grade)
    log_action(actor, "students.schoolclass.update", school_class, {"teachers": [t.pk for t in teachers]})
    return school_class


def _unique_code(in_use=None) -> str:
    """A fresh code; `in_use(code)` says whether it is taken (default: a student's sign-up code)."""
    in_use = in_use or (lambda code: Student.objects.filter(signup_code=code).exists())
    while True:
        code = new_code()
        if not in_use(code):
            return code


@transaction.atomic
def do_add_student(
    school_class: SchoolClass,
    *,
    first_name: str,
    last_name: str,
    date_of_birth: datetime.date | None = None,
    external_id: str = "",
    actor,
) -> Student:
    """Add a student to a class by hand, with a fresh sign-up code; needs students.add_student."""
    require(actor, "students.add_student", school_class)
    student = Student.objects.create(
        municipality=school_class.municipality,
        school=school_class.school,
        school_class=school_class,
        grade=school_class.grade,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        external_id=external_id,
        signup_code=_unique_code(),
        signup_code_created=timezone.now(),
    )
    log_action(actor, "students.student.create", student, {"class": school_class.pk})
    return student


def code_is_valid(student: Student) -> bool:
    if not student.signup_code or student.user_id or student.signup_code_created is None:
        return False
    age = timezone.now() - student.signup_code_created
    return age <= datetime.timedelta(days=settings.STUDENTS_CODE_VALID_DAYS)


@transaction.atomic
def do_issue_signup_code(student: Student, *, actor) -> Student:
    """A new code for a student without an account (the old one stops working); needs students.manage_student."""
    require(actor, "students.manage_student", student)
    if student.user_id:
        raise ServiceError(_("This student already has an account."))
    student.signup_code = _unique_code()
    student.signup_code_created = timezone.now()
    student.save(update_fields=["signup_code", "signup_code_created"])
    log_action(actor, "students.signupcode.issue", student)
    return student


@transaction.atomic
def do_prepare_code_sheet(school_class: SchoolClass, *, actor) -> list[Student]:
    """The students of a class for its code sheet: each without an account gets a valid code (expired ones are
    renewed). Needs students.change_class; logs that the sheet was printed."""
    require(actor, "students.change_class", school_class)
    students = list(school_class.students.filter(user__isnull=True).order_by("last_name", "first_name"))
    for student in students:
        if not code_is_valid(student):
            student.signup_code = _unique_code()
            student.signup_code_created = timezone.now()
            student.save(update_fields=["signup_code", "signup_code_created"])
    log_action(actor, "students.codesheet.print", school_class, {"students": len(students)})
    return students


def student_for_code(raw_code: str) -> Student | None:
    """The student whose valid, unused sign-up code this is (in the current municipality's scope)."""
    code = normalise_code(raw_code)
    if not code:
        return None
    student = Student.objects.filter(signup_code=code).select_related("school").first()
    return student if student is not None and code_is_valid(student) else None


def suggested_username(student: Student) -> str:
    from django.utils.text import slugify

    def ascii_part(text: str) -> str:
        for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            text = text.lower().replace(umlaut, plain)
        return slugify(text).replace("-", "")

    parts = [ascii_part(student.first_name), ascii_part(student.last_name)[:1]]
    base = ".".join(p for p in parts if p) or "schueler"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


@transaction.atomic
def do_sign_up_student(raw_code: str, *, username: str, password: str, actor) -> User:
    """Create the student's account from a valid one-time code; the code is used up. Anyone may call this
    (the code is the permission). Refuses with ServiceError at the form field concerned."""
    student = student_for_code(raw_code)
    if student is None:
        raise ServiceError(
            _("This code does not work. Check it or ask your teacher for a new one."), field="code"
        )
    # Lock the row: two sign-ups with one code must not both succeed.
    student = Student.objects.select_for_update().get(pk=student.pk)
    if student.user_id:
        raise ServiceError(_("This code has already been used."), field="code")
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(_("This username is taken. Please choose another one."), field="username")
    user = User(
        username=username,
        first_name=student.first_name,
        last_name=student.last_name,
        municipality=student.municipality,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="password1") from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise ServiceError(
            _("This username is taken. Please choose another one."), field="username"
        ) from None
    directory.grant(user, student.school, Role.STUDENT)
    student.user = user
    student.signup_code = None
    student.save(update_fields=["user", "signup_code"])
    log_action(user, "students.student.sign_up", student, {"username": user.username})
    return user
