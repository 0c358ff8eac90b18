"""Shared pieces of the placement services: locking a round and checking its status.

Permissions are checked with `anschluss.core.services.require`; refusals raise `ServiceError`."""

from django.utils.translation import gettext as _

from anschluss.core.services import ServiceError

from ..models import PlacementRound


def locked_round(round_: PlacementRound) -> PlacementRound:
    """Re-read the round with a row lock. Every service that writes a round's placements or its matching input
    (settings, schools, status, places, choices) takes this lock first, before any other row of the round, and
    checks the round's status on the locked row: adoptions, manual changes, confirmations and changes of places
    or choices queue up behind each other, so an adoption's input check stays true until it commits, and the
    one lock order rules out deadlocks (on SQLite the IMMEDIATE transaction already serialises every write)."""
    return PlacementRound.objects.select_for_update().get(pk=round_.pk)


def require_status(round_: PlacementRound, *statuses: str) -> None:
    if round_.status not in statuses:
        raise ServiceError(
            _("This is not possible while the round is “%(status)s”.")
            % {"status": round_.get_status_display()}
        )
