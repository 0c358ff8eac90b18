import pytest
from django_scopes import scopes_disabled

from . import factories


@pytest.fixture
def market(world, in_scope):
    """A closed round: two one-seat places, three students with choices (the student persona first)."""
    r, places, students = factories.market(world)
    return r, places, students


@pytest.fixture
def open_round(world, in_scope):
    r = factories.round_(world)
    return r


@pytest.fixture
def agreement(world, in_scope):
    return factories.confirmed_agreement(world)


@pytest.fixture
def unscoped():
    with scopes_disabled():
        yield
