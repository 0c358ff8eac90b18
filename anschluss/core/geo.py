"""Geographic helpers: distances on the earth's surface, good enough for a city's commutes."""

import math

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest(lat: float, lon: float, candidates, key=lambda c: (c.latitude, c.longitude)):
    """The candidate closest to (lat, lon); candidates without coordinates are skipped."""
    best, best_distance = None, math.inf
    for candidate in candidates:
        clat, clon = key(candidate)
        if clat is None or clon is None:
            continue
        d = distance_km(lat, lon, clat, clon)
        if d < best_distance:
            best, best_distance = candidate, d
    return best


# A fixed grid of cells over the earth, in four levels; a cell of one level is four by four cells of the level
# below. PostgreSQL stores each offer's cells (one per level) in a generated column with a GIN index beside its
# full-text document, so "these words within 5 km" is one index scan (offers migration 0003, which repeats these
# numbers in SQL: change both together). Sizes in degrees (latitude, longitude): about 0.55 km, 2.2 km, 8.9 km
# and 35 km in Germany.
GRID_LEVELS = ((0.005, 0.008), (0.02, 0.032), (0.08, 0.128), (0.32, 0.512))
GRID_LEVEL_STRIDE = 10_000_000_000
GRID_ROW_STRIDE = 100_000
# A cover of at most this many cells keeps the index scan short; the finest level that stays within it wins.
GRID_MAX_COVER = 40
KM_PER_DEGREE_LATITUDE = 111.2


def grid_cell(latitude: float, longitude: float, level: int) -> int:
    """The id of the cell of `level` that contains the point (the SQL of offers migration 0003 computes the same)."""
    size_lat, size_lon = GRID_LEVELS[level]
    row = math.floor((latitude + 90) / size_lat)
    column = math.floor((longitude + 180) / size_lon)
    return level * GRID_LEVEL_STRIDE + row * GRID_ROW_STRIDE + column


def grid_cells(latitude: float, longitude: float) -> list[int]:
    """The point's cell on every level, as the database stores them."""
    return [grid_cell(latitude, longitude, level) for level in range(len(GRID_LEVELS))]


def grid_cover(latitude: float, longitude: float, radius_km: float) -> list[int]:
    """Cells of one level that together contain every point within `radius_km` of the centre.

    A cell is left out only when its nearest point is clearly farther than the radius (2 % and 100 m to spare
    for the flat-earth estimate used here); the exact distance is checked on the rows afterwards. Not meant for
    places near the poles or the 180th meridian."""
    cos_lat = max(math.cos(math.radians(latitude)), 0.01)
    km_lat, km_lon = KM_PER_DEGREE_LATITUDE, KM_PER_DEGREE_LATITUDE * cos_lat
    reach = radius_km * 1.02 + 0.1
    cover: list[int] = []
    for level, (size_lat, size_lon) in enumerate(GRID_LEVELS):
        rows = range(
            math.floor((latitude - reach / km_lat + 90) / size_lat),
            math.floor((latitude + reach / km_lat + 90) / size_lat) + 1,
        )
        columns = range(
            math.floor((longitude - reach / km_lon + 180) / size_lon),
            math.floor((longitude + reach / km_lon + 180) / size_lon) + 1,
        )
        cover = []
        for row in rows:
            south = row * size_lat - 90
            dy = (min(max(latitude, south), south + size_lat) - latitude) * km_lat
            for column in columns:
                west = column * size_lon - 180
                dx = (min(max(longitude, west), west + size_lon) - longitude) * km_lon
                if math.hypot(dx, dy) <= reach:
                    cover.append(level * GRID_LEVEL_STRIDE + row * GRID_ROW_STRIDE + column)
        if len(cover) <= GRID_MAX_COVER:
            break
    return cover
