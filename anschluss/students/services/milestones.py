"""KAoA milestones: recorded by the student or the school, with a certificate; confirmed by a teacher."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError, require

from .. import kaoa
from ..models import Document, Milestone, Student
from .documents import store_upload


@transaction.atomic
def do_record_milestone(
    student: Student,
    *,
    detail: str,
    date: datetime.date,
    note: str = "",
    level4: str = "",
    evidence=None,
    actor,
) -> Milestone:
    """Record a standard element for `student` (needs students.record_milestone). `evidence` is an uploaded
    certificate, checked and stored in the student's library. Recorded by a teacher or coordinator, it counts
    as confirmed at once. Logs students.milestone.record."""
    require(actor, "students.record_milestone", student)
    entry = kaoa.entry(detail)
    if entry is None or entry.level != 3:
        raise ServiceError(_("Please choose a step from the list."), field="detail")
    if level4 and (kaoa.entry(level4) is None or kaoa.entry(level4).parent != detail):  # type: ignore[union-attr]
        raise ServiceError(_("This detail does not belong to the step you chose."), field="level4")
    if date > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."), field="date")
    document = None
    if evidence is not None:
        document = store_upload(
            student,
            evidence,
            kind=Document.Kind.CERTIFICATE,
            title=entry.label[:200],
            actor=actor,
            field="evidence",
        )
    by_school = allowed(actor, "students.confirm_milestone", student)
    milestone = Milestone.objects.create(
        municipality=student.municipality,
        student=student,
        feature=entry.parent,
        detail=detail,
        level4=level4,
        date=date,
        note=note,
        evidence=document,
        recorded_by=actor,
        confirmed_by=actor if by_school else None,
        confirmed=timezone.now() if by_school else None,
    )
    log_action(actor, "students.milestone.record", milestone, {"detail": detail, "confirmed": by_school})
    return milestone


@transaction.atomic
def do_confirm_milestone(milestone: Milestone, *, actor) -> Milestone:
    """A teacher or the coordinator confirms a milestone the student recorded (students.confirm_milestone)."""
    require(actor, "students.confirm_milestone", milestone.student)
    if milestone.confirmed is None:
        milestone.confirmed, milestone.confirmed_by = timezone.now(), actor
        milestone.save(update_fields=["confirmed", "confirmed_by"])
        log_action(actor, "students.milestone.confirm", milestone)
    return milestone


@transaction.atomic
def do_delete_milestone(milestone: Milestone, *, actor) -> None:
    """Remove a milestone: the school always may; the student only while it is unconfirmed."""
    student = milestone.student
    if not (
        allowed(actor, "students.confirm_milestone", student)
        or (milestone.confirmed is None and allowed(actor, "students.record_milestone", student))
    ):
        raise PermissionDenied("students.record_milestone")
    log_action(actor, "students.milestone.delete", milestone, {"detail": milestone.detail})
    milestone.delete()


def done_features(student: Student) -> dict[str, Milestone]:
    """feature key -> the latest positive milestone of that feature (confirmed ones win)."""
    done: dict[str, Milestone] = {}
    for milestone in sorted(student.milestones.all(), key=lambda m: (m.confirmed is not None, m.date)):
        entry = kaoa.entry(milestone.detail)
        if entry is not None and entry.is_positive:
            done[milestone.feature] = milestone
    return done
