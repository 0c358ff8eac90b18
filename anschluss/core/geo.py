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
