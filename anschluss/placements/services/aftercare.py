"""After the round: asking companies to host again (one click from an e-mail) and short feedback."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core import mail
from anschluss.core.audit import log_action
from anschluss.core.notifications import notify
from anschluss.core.services import ServiceError, require

from ..models import Placement, PlacementFeedback, PlacementRound, RoundPlace
from .base import require_status

HOST_AGAIN_SALT = "placements.host_again"
HOST_AGAIN_MAX_AGE = 180 * 24 * 3600  # the link works for half a year


def host_again_token(place: RoundPlace) -> str:
    return signing.dumps({"place": place.pk, "m": place.municipality_id}, salt=HOST_AGAIN_SALT)


def place_for_token(token: str, municipality) -> RoundPlace | None:
    """The place a host-again link is about, or None for a forged, expired or other municipality's link."""
    try:
        data = signing.loads(token, salt=HOST_AGAIN_SALT, max_age=HOST_AGAIN_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("m") != municipality.pk:
        return None
    return RoundPlace.objects.select_related("company", "round").filter(pk=data.get("place")).first()


@transaction.atomic
def do_request_host_again(round_: PlacementRound, *, actor) -> int:
    """Ask every company that hosted students in a confirmed round whether it will host again: an e-mail with a
    one-click link to the company's address, and a notification (inbox and mail) to its staff. Returns places
    asked."""
    require(actor, "placements.manage_round", round_)
    require_status(round_, PlacementRound.Status.CONFIRMED)
    places = list(round_.places.filter(placements__isnull=False).distinct().select_related("company"))
    for place in places:
        staff = list(directory.members(place.company_id, Role.COMPANY_STAFF))
        link = reverse(
            "placements:host_again",
            kwargs={"municipality": round_.municipality.slug, "token": host_again_token(place)},
        )
        context = {"round": round_, "place": place}
        notify(staff, "placements.host_again", place, context, url=link)
        # The company's general address is no person with an inbox: a plain mail from the same templates.
        if place.company.email and place.company.email not in {u.email for u in staff}:
            mail.send_template_mail(
                [place.company.email],
                subject_template="placements/emails/host_again_subject.txt",
                body_template="placements/emails/host_again_body.txt",
                context={**context, "link": settings.SITE_URL + link, "site_url": settings.SITE_URL},
            )
    log_action(actor, "placements.placementround.request_host_again", round_, {"places": len(places)})
    return len(places)


@transaction.atomic
def do_answer_host_again(place: RoundPlace, hosts_again: bool, *, actor) -> RoundPlace:
    """Store the company's answer. The signed link is the permission: whoever holds it answers for the company
    (actor may be anonymous). Logs placements.roundplace.answer_host_again."""
    place.hosts_again = hosts_again
    place.save(update_fields=["hosts_again"])
    log_action(actor, "placements.roundplace.answer_host_again", place, {"hosts_again": hosts_again})
    return place


@transaction.atomic
def do_give_feedback(placement: Placement, *, rating: int, comment: str, actor) -> PlacementFeedback:
    """Short feedback (1–5 and a comment) once per side: the student on their placement, company staff on the
    company's. Needs placements.give_feedback and a confirmed placement."""
    require(actor, "placements.give_feedback", placement)
    if placement.status != Placement.Status.CONFIRMED:
        raise ServiceError(_("Feedback is possible once the placement is confirmed."))
    if not 1 <= int(rating) <= 5:
        raise ServiceError(_("Choose a rating from 1 to 5."), field="rating")
    if placement.student.user_id == actor.pk:
        author = PlacementFeedback.Author.STUDENT
    elif placement.place.company_id in directory.organisation_ids(actor, Role.COMPANY_STAFF):
        author = PlacementFeedback.Author.COMPANY
    else:
        raise PermissionDenied
    try:
        with transaction.atomic():
            feedback = PlacementFeedback.objects.create(
                municipality_id=placement.municipality_id,
                placement=placement,
                author=author,
                rating=int(rating),
                comment=comment.strip(),
                given_by=actor,
            )
    except IntegrityError:
        raise ServiceError(_("You have already given feedback.")) from None
    log_action(
        actor, "placements.placementfeedback.give", feedback, {"author": author, "rating": int(rating)}
    )
    return feedback
