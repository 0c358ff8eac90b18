"""The students of a round as the placement workflow sees them: who takes part, whom a teacher looks after, and
how well an occupational field fits a student's interests.

Who belongs to which school or company, the student record of a user and a student's guardians are the
directory's (`anschluss.accounts.directory`); this module holds what is about students and placements:
- a school coordinator (StuBO) looks after every student of their school, a teacher the students of the
  classes they teach (`SchoolClass.teachers`);
- the interest fit of a field is the field's score (0–100) in the student's RIASEC profile from the interest
  quiz, divided by 100; a student who has not finished the quiz gets a neutral 0.5, so that the lottery
  alone orders them within their locality tier.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.occupations.models import OccupationalField
from anschluss.students import interests
from anschluss.students.models import InterestAnswer, Student

NEUTRAL_FIT = 0.5


def students_of(user) -> QuerySet[Student]:
    """The students a school coordinator (their schools) or a teacher (their classes) looks after."""
    if not getattr(user, "is_authenticated", False):
        return Student.objects.none()
    whole_schools = Q(school_id__in=directory.organisation_ids(user, Role.SCHOOL_COORDINATOR))
    own_classes = Q(school_id__in=directory.organisation_ids(user, Role.TEACHER), school_class__teachers=user)
    return Student.objects.filter(whole_schools | own_classes).distinct().select_related("school")


def looks_after(user, student: Student) -> bool:
    """Whether the user is the student's teacher or the school coordinator of the student's school."""
    return students_of(user).filter(pk=student.pk).exists()


def eligible_students(school_ids: Iterable[int], grades: Iterable[int]) -> QuerySet[Student]:
    """The students of these schools in these grades: who takes part in a round."""
    return Student.objects.filter(school_id__in=list(school_ids), grade__in=list(grades)).select_related(
        "school", "user"
    )


def round_students(round_) -> QuerySet[Student]:
    """The students who take part in the round (its schools, its grades)."""
    return eligible_students(round_.schools.values_list("pk", flat=True), round_.grades)


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
