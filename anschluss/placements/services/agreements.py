"""Signatures on placement agreements: online by the parties with an account, or recorded as signed on paper."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.services import ServiceError, require

from ..models import PlacementAgreement
from ..rules import signing_parties


def _sign(agreement: PlacementAgreement, party: str, method: str, record: dict) -> PlacementAgreement:
    agreement = PlacementAgreement.objects.select_for_update().get(pk=agreement.pk)
    if getattr(agreement, f"{party}_signed"):
        raise ServiceError(_("This party has already signed."), field="party")
    setattr(agreement, f"{party}_signed", timezone.now())
    setattr(agreement, f"{party}_method", method)
    agreement.signatures = {**agreement.signatures, party: record}
    agreement.save()
    return agreement


def _check_party(party: str) -> None:
    if party not in PlacementAgreement.PARTIES:
        raise ServiceError(_("There is no such party."), field="party")


@transaction.atomic
def do_sign_agreement(agreement: PlacementAgreement, party: str, *, actor) -> PlacementAgreement:
    """Sign for `party` here: the student, a guardian, the company's staff or the school coordinator, each only
    for their own side. Needs placements.sign_agreement; logs placements.placementagreement.sign."""
    require(actor, "placements.sign_agreement", agreement)
    _check_party(party)
    if party not in signing_parties(actor, agreement):
        raise PermissionDenied
    agreement = _sign(
        agreement,
        party,
        PlacementAgreement.Method.ONLINE,
        {"user": actor.pk, "name": str(actor), "at": timezone.now().isoformat()},
    )
    log_action(actor, "placements.placementagreement.sign", agreement, {"party": party})
    return agreement


@transaction.atomic
def do_record_paper_signature(agreement: PlacementAgreement, party: str, *, actor) -> PlacementAgreement:
    """Record that `party` signed the printed agreement; the school coordinator of the student's school or a
    liaison/coordinator. Needs placements.record_paper_signature."""
    require(actor, "placements.record_paper_signature", agreement)
    _check_party(party)
    agreement = _sign(
        agreement,
        party,
        PlacementAgreement.Method.PAPER,
        {"recorded_by": actor.pk, "recorded_by_name": str(actor), "at": timezone.now().isoformat()},
    )
    log_action(actor, "placements.placementagreement.record_paper_signature", agreement, {"party": party})
    return agreement
