"""Services that change a round's matching input judge the round as it is stored, under its row lock, and not
by a copy read before an adoption or a status change committed. (The race itself: test_concurrency.py.)"""

import pytest

from anschluss.core.services import ServiceError
from anschluss.placements import services
from anschluss.placements.models import PlacementRound, Preference, RoundPlace

from . import factories


def _closed_behind_their_back(open_round, personas) -> PlacementRound:
    """The caller still holds `open_round` as open; meanwhile a liaison closed the choices."""
    services.do_set_round_status(
        PlacementRound.objects.get(pk=open_round.pk), PlacementRound.Status.CLOSED, actor=personas["liaison"]
    )
    assert open_round.status == PlacementRound.Status.OPEN
    return open_round


def test_a_choice_after_the_round_closed_is_refused(world, open_round, personas):
    place = factories.place(world, open_round)
    factories.persona_student(world)
    stale = _closed_behind_their_back(open_round, personas)
    with pytest.raises(ServiceError):
        services.do_set_choices(stale, [place.pk], actor=personas["student"])
    assert not Preference.objects.exists()


def test_a_company_cannot_add_a_place_after_the_round_closed(world, open_round, personas):
    stale = _closed_behind_their_back(open_round, personas)
    with pytest.raises(ServiceError):
        services.do_offer_place(
            stale,
            company=world.orgs["company"],
            field=factories.field(),
            capacity=2,
            actor=personas["company_staff"],
        )
    assert not RoundPlace.objects.exists()


def test_a_company_cannot_resize_a_place_after_the_round_closed(world, open_round, personas):
    place = factories.place(world, open_round, capacity=2)
    assert place.round.status == PlacementRound.Status.OPEN  # the copy the request started with
    _closed_behind_their_back(open_round, personas)
    with pytest.raises(ServiceError):
        services.do_update_place(place, capacity=1, actor=personas["company_staff"])
    place.refresh_from_db()
    assert place.capacity == 2
