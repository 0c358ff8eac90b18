"""The student's own profile: quiz answers, strengths, and what an application shows a company."""

from django.db import transaction
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.services import ServiceError, require

from .. import interests
from ..models import InterestAnswer, Strength, Student
from ..strengths import STRENGTHS
from .consent import has_consent


@transaction.atomic
def do_save_interest_answers(student: Student, answers: dict[str, int], *, actor) -> int:
    """Save (or change) quiz answers as they come, one page or one click at a time (students.edit_profile).
    Unknown items or values outside 1–5 are refused as a whole. Returns how many are now answered."""
    require(actor, "students.edit_profile", student)
    keys = interests.item_keys()
    if any(key not in keys or value not in range(1, 6) for key, value in answers.items()):
        raise ServiceError(_("Please choose one of the five answers."))
    for key, value in answers.items():
        InterestAnswer.objects.update_or_create(
            student=student, item=key, defaults={"municipality": student.municipality, "value": value}
        )
    if answers:
        log_action(actor, "students.interests.answer", student, {"items": sorted(answers)})
    return student.interest_answers.count()


@transaction.atomic
def do_reset_interests(student: Student, *, actor) -> None:
    """Start the quiz again: delete all answers (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    student.interest_answers.all().delete()
    log_action(actor, "students.interests.reset", student)


def answers_of(student: Student) -> dict[str, int]:
    return dict(student.interest_answers.values_list("item", "value"))


@transaction.atomic
def do_set_own_strengths(student: Student, keys: list[str], *, actor) -> None:
    """The strengths the student names for themself, replacing the previous choice (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    if any(key not in STRENGTHS for key in keys):
        raise ServiceError(_("Please choose from the list."), field="keys")
    own = student.strengths.filter(source=Strength.Source.STUDENT)
    own.exclude(key__in=keys).delete()
    present = set(own.values_list("key", flat=True))
    for key in keys:
        if key not in present:
            Strength.objects.create(
                municipality=student.municipality,
                student=student,
                source=Strength.Source.STUDENT,
                key=key,
                author=actor,
            )
    log_action(actor, "students.strengths.set", student, {"keys": sorted(keys)})


@transaction.atomic
def do_add_teacher_strength(student: Student, *, key: str, note: str, actor) -> Strength:
    """A teacher or the coordinator names a strength, e.g. after the Potenzialanalyse."""
    require(actor, "students.add_teacher_strength", student)
    if key not in STRENGTHS:
        raise ServiceError(_("Please choose from the list."), field="key")
    strength = Strength.objects.create(
        municipality=student.municipality,
        student=student,
        source=Strength.Source.TEACHER,
        key=key,
        note=note,
        author=actor,
    )
    log_action(actor, "students.strength.add", strength, {"key": key})
    return strength


SHARING_FIELDS = ("share_cv", "share_interests", "share_strengths", "share_milestones")


@transaction.atomic
def do_update_sharing(student: Student, *, actor, **choices: bool) -> Student:
    """What an application shows the company; everything starts off (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    for name in SHARING_FIELDS:
        setattr(student, name, bool(choices.get(name, False)))
    student.save(update_fields=list(SHARING_FIELDS))
    log_action(
        actor, "students.sharing.update", student, {name: getattr(student, name) for name in SHARING_FIELDS}
    )
    return student


def shared_profile(student: Student) -> dict:
    """What a company may see of a student it received an application from (for the offer portal's
    applications): name and school always; the parts the student ticked under "What companies see" only while
    the consent for the purpose "applications" holds (given by a guardian where the municipality's rule needs
    one). Revoking it hides them on the next request."""
    profile: dict = {
        "name": str(student),
        "school": student.school.name,
        "school_class": str(student.school_class or ""),
        "consented": has_consent(student, "applications"),
    }
    if not profile["consented"]:
        return profile
    if student.share_cv and hasattr(student, "cv"):
        profile["cv"] = student.cv
        profile["cv_entries"] = sorted(student.cv.entries.all(), key=lambda e: e.sort_key, reverse=True)
    if student.share_interests:
        result = interests.profile(answers_of(student))
        if result.complete:
            profile["interests"] = result
    if student.share_strengths:
        profile["strengths"] = list(student.strengths.all())
    if student.share_milestones:
        profile["milestones"] = list(
            student.milestones.filter(confirmed__isnull=False).select_related("evidence").order_by("-date")
        )
    return profile
