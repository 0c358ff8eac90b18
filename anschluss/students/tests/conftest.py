import pytest

from .world import school_world


@pytest.fixture
def school(world):
    """Classes, students and records on top of the shared world (see world.py)."""
    return school_world(world)


@pytest.fixture
def users(world):
    return world.users
