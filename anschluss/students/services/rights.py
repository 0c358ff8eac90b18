"""Data rights: a student's export (Art. 15/20 GDPR), erasure (Art. 17) and the retention of school records
(VO-DV I § 9). What is erased when is explained in docs/students.md."""

import datetime

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_action
from anschluss.core.models import Municipality
from anschluss.core.services import require

from .. import interests, kaoa
from ..models import Student
from .consent import current_decisions
from .profile import answers_of


def export_data(student: Student, *, actor) -> dict:
    """Everything Anschluss holds about the student, as plain data (students.export_data). Logged."""
    require(actor, "students.export_data", student)
    log_action(actor, "students.student.export", student)
    cv = getattr(student, "cv", None)
    result = interests.profile(answers_of(student))
    return {
        "student": {
            "first_name": student.first_name,
            "last_name": student.last_name,
            "date_of_birth": student.date_of_birth,
            "school": student.school.name,
            "class": str(student.school_class or ""),
            "grade": student.grade,
            "username": student.user.username if student.user else None,
            "created": student.created,
            "shares_with_applications": {
                "cv": student.share_cv,
                "interests": student.share_interests,
                "strengths": student.share_strengths,
                "milestones": student.share_milestones,
            },
        },
        "milestones": [
            {
                "element": m.title,
                "detail": (kaoa.entry(m.level4).label if m.level4 and kaoa.entry(m.level4) else ""),  # type: ignore[union-attr]
                "date": m.date,
                "note": m.note,
                "confirmed": m.confirmed,
                "certificate": m.evidence.title if m.evidence else None,
            }
            for m in student.milestones.all()
        ],
        "interests": {"answers": answers_of(student), "scores": result.scores, "code": result.code},
        "strengths": [
            {"strength": s.label, "named_by": s.source, "note": s.note} for s in student.strengths.all()
        ],
        "cv": None
        if cv is None
        else {
            "street": cv.street,
            "postcode": cv.postcode,
            "city": cv.city,
            "phone": cv.phone,
            "email": cv.email,
            "place_of_birth": cv.place_of_birth,
            "languages": cv.languages,
            "computer_skills": cv.computer_skills,
            "other_skills": cv.other_skills,
            "hobbies": cv.hobbies,
            "has_photo": bool(cv.photo),
            "entries": [
                {
                    "section": e.section,
                    "from": e.start,
                    "until": e.end,
                    "what": e.title,
                    "where": e.organisation,
                }
                for e in cv.entries.all()
            ],
        },
        "cover_letters": [
            {"company": letter.company, "subject": letter.subject, "updated": letter.updated}
            for letter in student.cover_letters.all()
        ],
        "documents": [
            {"title": d.title, "kind": d.kind, "type": d.content_type, "size": d.size, "created": d.created}
            for d in student.documents.all()
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "recipient": c.recipient,
                "scope": c.scope,
                "decision": c.decision,
                "by": c.given_by_label,
                "as": c.given_as,
                "when": c.created,
                "revoked": c.revoked,
            }
            for c in student.consents.all()
        ],
        "guardians": [str(user) for user in directory.guardians_of(student)],
        "current_consents": sorted(p for p, c in current_decisions(student).items() if c.decision == "given"),
    }


def _delete_files(student: Student) -> None:
    for document in student.documents.all():
        document.file.delete(save=False)
    cv = getattr(student, "cv", None)
    if cv is not None and cv.photo:
        cv.photo.delete(save=False)


def _erase_own_content(student: Student) -> None:
    """What the student made themself: quiz, own strengths, CV, letters, uploaded files; sharing off."""
    _delete_files(student)
    student.documents.all().delete()
    student.interest_answers.all().delete()
    student.strengths.filter(source="student").delete()
    student.cover_letters.all().delete()
    if getattr(student, "cv", None) is not None:
        student.cv.delete()
    student.milestones.filter(confirmed__isnull=True).delete()
    for name in ("share_cv", "share_interests", "share_strengths", "share_milestones"):
        setattr(student, name, False)


def retention_ends(student: Student) -> datetime.date | None:
    """VO-DV I: the school's records are kept until the end of the period after the year the student left."""
    if student.left_school_on is None:
        return None
    return datetime.date(
        student.left_school_on.year + settings.STUDENTS_SCHOOL_RECORD_RETENTION_YEARS, 12, 31
    )


@transaction.atomic
def do_erase_student(student: Student, *, actor) -> bool:
    """Erase the student's data (students.erase_student). The student's own content goes at once, and the
    account is closed. The school's records (class, confirmed milestones, teachers' strengths) are deleted too
    when the student never had them confirmed or the retention period is over; otherwise they are kept until
    then and the retention job deletes them. Returns True if nothing is left."""
    require(actor, "students.erase_student", student)
    log_action(actor, "students.student.erase", student, {"requested_by_self": student.user_id == actor.pk})
    _erase_own_content(student)
    user = student.user
    if user is not None:
        directory.end(user, Role.STUDENT)
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
    student.user = None
    student.signup_code = None
    student.erasure_requested = timezone.now()
    ends = retention_ends(student)
    keeps_school_records = student.milestones.exists() or student.strengths.exists()
    if not keeps_school_records or (ends is not None and ends < timezone.localdate()):
        student.delete()
        return True
    student.save()
    return False


@transaction.atomic
def apply_retention(today: datetime.date | None = None) -> int:
    """Delete every student whose school records have passed their retention period. Run by a command in
    each municipality's scope; the system is the actor."""
    today = today or timezone.localdate()
    years = settings.STUDENTS_SCHOOL_RECORD_RETENTION_YEARS
    cutoff = datetime.date(today.year - years - 1, 12, 31)
    expired = Student.objects.filter(left_school_on__lte=cutoff)
    count = 0
    for student in expired:
        log_action(None, "students.student.retention_delete", student, {"left": str(student.left_school_on)})
        _delete_files(student)
        if student.user is not None:
            student.user.is_active = False
            student.user.save(update_fields=["is_active"])
        student.delete()
        count += 1
    return count


@shared_task(name="anschluss.students.apply_retention")
def apply_retention_everywhere() -> dict[str, int]:
    """The daily retention job: `apply_retention` in the scope of every municipality (inactive ones too: the
    duty to delete does not end with the service). Scheduled in settings.CELERY_BEAT_SCHEDULE; the command
    `apply_student_retention` runs it by hand. Returns the students deleted per municipality."""
    results = {}
    for municipality in Municipality.objects.order_by("pk"):
        with scope(municipality=municipality.pk):
            results[municipality.slug] = apply_retention()
    return results
