"""Two liaisons at once: adopting or confirming the same round in parallel never places a student twice.
Threads with their own database connections; PostgreSQL only (SQLite serialises every write anyway)."""

import threading

import pytest
from django.db import connection
from django_scopes import scope

from anschluss.placements import services
from anschluss.placements.models import MatchRun, Placement, PlacementAgreement, RoundPlace
from anschluss.placements.services import matching
from anschluss.testing.concurrency import at_the_same_time, until_another_session_waits_for_a_lock

from . import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def in_parallel(world, *calls):
    return at_the_same_time(world.main, calls)


def test_two_adoptions_at_once(world):
    with scope(municipality=world.main.pk):
        r, _places, _students = factories.market(world)
        stable = factories.finished_run(world, r)
        welfare = factories.finished_run(world, r, MatchRun.Mode.WELFARE)
    liaison, coordinator = world.users["liaison"], world.users["coordinator"]
    outcomes = in_parallel(
        world,
        lambda: services.do_adopt_run(stable, actor=liaison),
        lambda: services.do_adopt_run(welfare, actor=coordinator),
    )
    assert outcomes == [2, 2]
    with scope(municipality=world.main.pk):
        placements = list(Placement.objects.filter(round=r))
        assert len(placements) == 2 and len({p.student_id for p in placements}) == 2
        assert len({p.source_run_id for p in placements}) == 1


def test_two_confirmations_at_once(world):
    with scope(municipality=world.main.pk):
        r, (near, far), students = factories.market(world)
        services.do_assign_student(r, students[0], near, actor=world.users["liaison"])
        services.do_assign_student(r, students[1], far, actor=world.users["liaison"])
    outcomes = in_parallel(
        world,
        lambda: services.do_confirm_round(r, actor=world.users["liaison"]),
        lambda: services.do_confirm_round(r, actor=world.users["coordinator"]),
    )
    assert sorted(o if isinstance(o, int) else -1 for o in outcomes) == [-1, 2]
    with scope(municipality=world.main.pk):
        assert PlacementAgreement.objects.filter(placement__round=r).count() == 2


def test_adopt_while_assigning_by_hand(world):
    with scope(municipality=world.main.pk):
        r, (near, _far), students = factories.market(world)
        run = factories.finished_run(world, r)
    outcomes = in_parallel(
        world,
        lambda: services.do_adopt_run(run, actor=world.users["liaison"]),
        lambda: services.do_assign_student(r, students[2], near, actor=world.users["coordinator"]),
    )
    with scope(municipality=world.main.pk):
        placements = list(Placement.objects.filter(round=r))
        per_place = {}
        for p in placements:
            per_place[p.place_id] = per_place.get(p.place_id, 0) + 1
        assert len({p.student_id for p in placements}) == len(placements)
        assert all(count <= 1 for count in per_place.values()), outcomes


def test_adopt_while_a_place_loses_a_seat(world, monkeypatch):
    """A liaison adopts a run that fills a two-seat place while a coordinator lowers it to one seat (a company
    may no longer edit a round closed for choices). Whichever goes first, the round never ends with more
    students at a place than it has seats: the change of the place waits for the round's row lock."""
    with scope(municipality=world.main.pk):
        r, (near, _far), _students = factories.market(world)
        near.capacity = 2
        near.save(update_fields=["capacity"])
        run = factories.finished_run(world, r)
        assert run.stats["placed"] == 3
    check = matching.check_run_is_current
    checked = threading.Event()

    def check_then_hold(round_, run):
        # Between the adoption's input check and its commit: let the change of the place start, and hold the
        # transaction open until it queues behind the round's lock (without that lock it would not queue, and
        # the adoption would commit on outdated input after the wait runs out).
        check(round_, run)
        checked.set()
        until_another_session_waits_for_a_lock()

    monkeypatch.setattr(matching, "check_run_is_current", check_then_hold)

    def lower_the_capacity():
        assert checked.wait(timeout=30)
        place = RoundPlace.objects.get(pk=near.pk)
        return services.do_update_place(place, capacity=1, actor=world.users["coordinator"])

    outcomes = in_parallel(
        world, lambda: services.do_adopt_run(run, actor=world.users["liaison"]), lower_the_capacity
    )
    with scope(municipality=world.main.pk):
        for place in RoundPlace.objects.filter(round=r):
            assert place.placements.count() <= place.capacity, outcomes
    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1, outcomes
