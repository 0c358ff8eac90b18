"""Races that matter, on PostgreSQL (real row locks): the last place, and a double submit."""

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from anschluss.core.services import ServiceError
from anschluss.offers.models import Application
from anschluss.offers.services import do_accept_place, do_apply
from anschluss.testing.concurrency import at_the_same_time

from .factories import make_application, make_offer

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _race(world, calls):
    return at_the_same_time(world.main, calls)


def test_two_students_accept_the_last_place(world):
    offer = make_offer(world, places=1)
    first = make_application(world, offer, status="offer")
    second = make_application(world, offer, student="guardian", status="offer")
    results = _race(
        world,
        [
            lambda: do_accept_place(first, actor=world.users["student"]),
            lambda: do_accept_place(second, actor=world.users["guardian"]),
        ],
    )
    assert sum(isinstance(r, ServiceError) for r in results) == 1, results
    with scopes_disabled():
        assert Application.objects.filter(status="accepted").count() == 1


def test_double_submit_of_an_application(world):
    offer = make_offer(world)
    student = world.users["student"]
    results = _race(world, [lambda: do_apply(offer, message="Hallo", actor=student) for _ in range(2)])
    assert sum(isinstance(r, ServiceError) for r in results) == 1, results
    with scopes_disabled():
        assert Application.objects.count() == 1
