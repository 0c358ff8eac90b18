"""Who is who around a placement: the only module of this app that asks the students and accounts apps.

Everything the placement workflow needs to know about students, their guardians, their teachers and their
interests goes through these functions, so that the students app can grow (classes, guardians, consent,
interest profiles) without the placement code changing.

Wired to the students app as it is now:
- a school coordinator (StuBO) looks after every student of their school, a teacher the students of the
  classes they teach (`SchoolClass.teachers`);
- guardians are the accepted `Guardianship`s with an account;
- the interest fit of a field is the field's score (0–100) in the student's RIASEC profile from the interest
  quiz, divided by 100; a student who has not finished the quiz gets a neutral 0.5, so that the lottery
  alone orders them within their locality tier.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from anschluss.accounts.models import Membership, Role, User
from anschluss.occupations.models import OccupationalField
from anschluss.students import interests
from anschluss.students.models import Guardianship, InterestAnswer, Student

SCHOOL_STAFF = (Role.TEACHER, Role.SCHOOL_COORDINATOR)
NEUTRAL_FIT = 0.5


def _organisation_ids(user, roles: Iterable[str]) -> set[int]:
    if not getattr(user, "is_authenticated", False) or user.municipality_id is None:
        return set()
    return set(
        Membership.objects.filter(user=user, role__in=list(roles), is_active=True).values_list(
            "organisation_id", flat=True
        )
    )


def school_ids_of(user, roles: Iterable[str] = SCHOOL_STAFF) -> set[int]:
    """The schools where the user is a teacher or school coordinator (or holds one of `roles`)."""
    return _organisation_ids(user, roles)


def company_ids_of(user) -> set[int]:
    """The companies for which the user is company staff."""
    return _organisation_ids(user, [Role.COMPANY_STAFF])


def student_of(user) -> Student | None:
    """The student profile of a signed-in student, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Student.objects.filter(user=user).select_related("school").first()


def students_of(user) -> QuerySet[Student]:
    """The students a school coordinator (their schools) or a teacher (their classes) looks after."""
    if not getattr(user, "is_authenticated", False):
        return Student.objects.none()
    whole_schools = Q(school_id__in=school_ids_of(user, [Role.SCHOOL_COORDINATOR]))
    own_classes = Q(school_id__in=school_ids_of(user, [Role.TEACHER]), school_class__teachers=user)
    return Student.objects.filter(whole_schools | own_classes).distinct().select_related("school")


def can_teacher_see(user, student: Student) -> bool:
    return students_of(user).filter(pk=student.pk).exists()


def school_coordinators_of(school_id: int) -> list[User]:
    return _members_of(school_id, [Role.SCHOOL_COORDINATOR])


def teachers_of(student: Student) -> list[User]:
    """The teachers of the student's class and the school coordinators of the student's school."""
    coordinators = _members_of(student.school_id, [Role.SCHOOL_COORDINATOR])
    teachers = list(student.school_class.teachers.filter(is_active=True)) if student.school_class else []
    return list({user.pk: user for user in [*teachers, *coordinators]}.values())


def company_staff_of(company_id: int) -> list[User]:
    return _members_of(company_id, [Role.COMPANY_STAFF])


def _members_of(organisation_id: int, roles: Iterable[str]) -> list[User]:
    user_ids = Membership.objects.filter(
        organisation_id=organisation_id, role__in=list(roles), is_active=True
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=list(user_ids), is_active=True).order_by("pk"))


def guardian_users(student: Student) -> list[User]:
    """The accounts of the student's guardians who accepted their invitation."""
    user_ids = Guardianship.objects.filter(
        student=student, user__isnull=False, accepted__isnull=False
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=list(user_ids), is_active=True).order_by("pk"))


def is_guardian_of(user, student: Student) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and Guardianship.objects.filter(student=student, user=user, accepted__isnull=False).exists()
    )


def children_of(user) -> QuerySet[Student]:
    """The students whose guardian the user is."""
    if not getattr(user, "is_authenticated", False):
        return Student.objects.none()
    ids = Guardianship.objects.filter(user=user, accepted__isnull=False).values_list("student_id", flat=True)
    return Student.objects.filter(pk__in=list(ids))


def interest_fit(student: Student, occupational_field_id: int | None) -> float:
    """How well an occupational field fits the student's interests, 0 (not at all) to 1 (very well)."""
    return interest_fits([student], [occupational_field_id])[(student.pk, occupational_field_id)]


def interest_fits(
    students: Iterable[Student], field_ids: Iterable[int | None]
) -> dict[tuple[int, int | None], float]:
    """interest_fit for many pairs at once, with one query for all answers: {(student_id, field_id): fit}."""
    students, fields = list(students), set(field_ids)
    keys = dict(OccupationalField.objects.filter(pk__in=[f for f in fields if f]).values_list("pk", "key"))
    answers: dict[int, dict[str, int]] = {}
    rows = InterestAnswer.objects.filter(student__in=[s.pk for s in students]).values_list(
        "student_id", "item", "value"
    )
    for student_id, item, value in rows:
        answers.setdefault(student_id, {})[item] = value
    fits = {}
    for student in students:
        result = interests.profile(answers.get(student.pk, {}))
        scores = dict(interests.field_ranking(result)) if result.complete else {}
        for field in fields:
            score = scores.get(keys.get(field, "")) if field else None
            fits[(student.pk, field)] = score / 100 if score is not None else NEUTRAL_FIT
    return fits


def eligible_students(school_ids: Iterable[int], grades: Iterable[int]) -> QuerySet[Student]:
    """The students of these schools in these grades: who takes part in a round."""
    return Student.objects.filter(school_id__in=list(school_ids), grade__in=list(grades)).select_related(
        "school", "user"
    )
