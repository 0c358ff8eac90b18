"""What the placement sections of a start page show, computed once per page.

Notifications (reminders, confirmed placements, host-again questions) are in the core inbox on the start page."""

from django import template

from anschluss.accounts import directory
from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed

from ..models import PlacementAgreement
from ..queries import chosen_place_ids, open_rounds_for_student, placements_of_student, rounds_for
from ..rules import signing_parties

register = template.Library()


@register.simple_tag(takes_context=True)
def placements_start(context) -> dict:
    request = context["request"]
    user, municipality = request.user, request.municipality
    data: dict = {}
    student = directory.student_of(user)
    if student is not None:
        data["open_rounds"] = [
            (r, len(chosen_place_ids(r, student))) for r in open_rounds_for_student(student)
        ]
        data["placements"] = placements_of_student(student)
    if allowed(user, "placements.view_rounds", municipality):
        data["rounds"] = rounds_for(user, municipality)[:5]
    agreements = PlacementAgreement.objects.select_related("placement__student", "placement__place__company")
    data["to_sign"] = [
        a
        for a in agreements.filter(placement__round__status="confirmed")[:200]
        if set(signing_parties(user, a)) - {p for p in a.PARTIES if getattr(a, f"{p}_signed")}
    ][:10]
    # The agreements waiting for a signature name students: a read of each (not of the reader's own record).
    log_reads(
        user,
        [a.placement.student for a in data["to_sign"] if a.placement.student.user_id != user.pk],
        reason="placement agreements to sign",
    )
    return data
