"""How far and how long a student's way from school to a place is.

`CommuteEstimator` is the interface; `StraightLineCommute` estimates from coordinates with a detour factor
and an average door-to-door speed. A public-transport travel-time source (e.g. from GTFS) can implement the
same interface later without the matching code changing.
"""

import math
from dataclasses import dataclass
from typing import Protocol

EARTH_RADIUS_KM = 6371.0088


class CommuteEstimator(Protocol):
    def distance_km(self, origin: tuple[float, float], destination: tuple[float, float]) -> float: ...

    def minutes(self, origin: tuple[float, float], destination: tuple[float, float]) -> float: ...


def straight_line_km(origin: tuple[float, float], destination: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = origin, destination
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class StraightLineCommute:
    """Straight line × detour factor; minutes at an average speed plus a fixed start-up time.

    Defaults: streets and bus lines are about 1.3 times the straight line in a German city; 15 km/h door to
    door by bus, tram or bike including walking and waiting, plus 5 minutes.
    """

    detour_factor: float = 1.3
    speed_kmh: float = 15.0
    fixed_minutes: float = 5.0

    def distance_km(self, origin: tuple[float, float], destination: tuple[float, float]) -> float:
        return straight_line_km(origin, destination) * self.detour_factor

    def minutes(self, origin: tuple[float, float], destination: tuple[float, float]) -> float:
        return self.fixed_minutes + self.distance_km(origin, destination) / self.speed_kmh * 60
