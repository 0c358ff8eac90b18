"""Students rank places; teachers and school coordinators remind those who have not chosen yet."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.core.audit import log_action
from anschluss.core.notifications import notify
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError, require

from ..instance_builder import commute_km
from ..models import PlacementRound, Preference
from ..students import round_students, students_of
from .base import locked_round


@transaction.atomic
def do_set_choices(round_: PlacementRound, place_ids: list[int], *, actor) -> list[Preference]:
    """Replace the signed-in student's ranked list (first = most wanted). Needs placements.choose_places and
    an open choice window; at most round.max_choices places of this round, each once, none newly added beyond
    the round's maximum commute."""
    require(actor, "placements.choose_places", round_)
    student = directory.student_of(actor)
    if student is None:
        raise PermissionDenied
    # Choices are an adoption's input: wait for one in progress, then check the window on the locked row.
    round_ = locked_round(round_)
    if not round_.accepts_choices:
        raise ServiceError(_("You cannot choose at the moment."))
    if len(place_ids) != len(set(place_ids)):
        raise ServiceError(_("You chose one place twice."), field="place")
    if len(place_ids) > round_.max_choices:
        raise ServiceError(
            _("You can choose at most %(count)s places.") % {"count": round_.max_choices}, field="place"
        )
    places = {place.pk: place for place in round_.places.filter(pk__in=place_ids)}
    if set(places) != set(place_ids):
        raise ServiceError(_("This place is not part of the round."), field="place")
    already = set(Preference.objects.filter(round=round_, student=student).values_list("place_id", flat=True))
    # A place chosen before the maximum commute was lowered may stay; a new one must be within reach.
    if any(commute_km(student.school, places[pk]) > round_.max_commute_km for pk in set(place_ids) - already):
        raise ServiceError(
            _("This place is too far from your school. You can choose places up to %(km)s km away.")
            % {"km": round_.max_commute_km},
            field="place",
        )
    Preference.objects.filter(round=round_, student=student).delete()
    preferences = Preference.objects.bulk_create(
        Preference(
            municipality_id=round_.municipality_id, round=round_, student=student, place_id=pk, rank=rank
        )
        for rank, pk in enumerate(place_ids, start=1)
    )
    log_action(actor, "placements.preference.set", round_, {"student": student.pk, "places": place_ids})
    return preferences


def students_without_choices(round_: PlacementRound, user):
    """Students of the round the user looks after (all of them for liaisons and coordinators) who chose nothing."""
    students = round_students(round_)
    if not allowed(user, "placements.manage_round", round_):
        students = students.filter(pk__in=students_of(user).values("pk"))
    chosen = Preference.objects.filter(round=round_).values("student_id")
    return students.exclude(pk__in=chosen).order_by("school__name", "last_name", "first_name")


@transaction.atomic
def do_remind_students(round_: PlacementRound, student_ids: list[int], *, actor) -> int:
    """Remind students who have not chosen: a notification in their inbox, and an e-mail where they have one.
    Only students the actor looks after; needs placements.remind_students and an open round."""
    require(actor, "placements.remind_students", round_)
    if round_.status != PlacementRound.Status.OPEN:
        raise ServiceError(_("Students can only be reminded while the round is open."))
    students = list(students_without_choices(round_, actor).filter(pk__in=student_ids))
    if not students:
        raise ServiceError(_("Choose at least one student who has not chosen yet."), field="student")
    users = [s.user for s in students if s.user is not None and s.user.is_active]
    link = reverse("placements:choose", kwargs={"municipality": round_.municipality.slug, "pk": round_.pk})
    count = notify(users, "placements.choice_reminder", round_, {"round": round_}, url=link)
    log_action(
        actor, "placements.reminder.send", round_, {"students": [s.pk for s in students], "reached": count}
    )
    return len(students)
