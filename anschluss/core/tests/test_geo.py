"""The grid of cells behind the distance search: every point within the radius lies in a cell of the cover."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from anschluss.core.geo import (
    GRID_LEVEL_STRIDE,
    GRID_MAX_COVER,
    GRID_ROW_STRIDE,
    distance_km,
    grid_cell,
    grid_cover,
)

# Germany and a margin: where municipalities are.
latitudes = st.floats(min_value=46.0, max_value=56.0)
longitudes = st.floats(min_value=5.0, max_value=16.0)


def point_at(latitude: float, longitude: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` away in direction `bearing` (radians), on the sphere."""
    angular = km / 6371.0088
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    lat2 = math.asin(
        math.sin(lat1) * math.cos(angular) + math.cos(lat1) * math.sin(angular) * math.cos(bearing)
    )
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angular) * math.cos(lat1),
        math.cos(angular) - math.sin(lat1) * math.sin(lat2),
    )
    return math.degrees(lat2), math.degrees(lon2)


@settings(max_examples=300, deadline=None)
@given(
    latitude=latitudes,
    longitude=longitudes,
    radius=st.sampled_from([1, 2, 5, 10, 20, 50]),
    share=st.floats(min_value=0, max_value=1),
    bearing=st.floats(min_value=0, max_value=2 * math.pi),
)
def test_every_point_within_the_radius_is_in_the_cover(latitude, longitude, radius, share, bearing):
    cover = grid_cover(latitude, longitude, radius)
    level = cover[0] // GRID_LEVEL_STRIDE
    assert all(cell // GRID_LEVEL_STRIDE == level for cell in cover)
    point = point_at(latitude, longitude, radius * share, bearing)
    assert distance_km(latitude, longitude, *point) <= radius + 1e-6
    assert grid_cell(*point, level) in cover


@given(latitude=latitudes, longitude=longitudes, radius=st.sampled_from([1, 2, 5, 10, 20, 50]))
def test_the_cover_stays_small_and_fine(latitude, longitude, radius):
    cover = grid_cover(latitude, longitude, radius)
    assert len(cover) <= GRID_MAX_COVER
    # The finest level that fits is used: 5 km needs the 2 km cells, not the 9 km ones.
    if radius == 5:
        assert cover[0] // GRID_LEVEL_STRIDE == 1


def test_cells_outside_the_circle_are_left_out():
    """Not the whole square of cells around the circle: the corner cells, farther than the radius, are dropped."""
    cover = set(grid_cover(51.5136, 7.4653, 5))
    rows = {cell // GRID_ROW_STRIDE for cell in cover}
    columns = {cell % GRID_ROW_STRIDE for cell in cover}
    corners = {
        row * GRID_ROW_STRIDE + column
        for row in (min(rows), max(rows))
        for column in (min(columns), max(columns))
    }
    assert len(cover) < len(rows) * len(columns)
    assert not corners & cover
