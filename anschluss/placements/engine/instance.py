"""A matching instance in compressed form (CSR): fast to build, fast to match, small in memory.

Students are numbered 0..n-1, places 0..m-1. Student s ranks the places pref_place[indptr[s]:indptr[s+1]],
best first; pref_priority holds, for each of those pairs, the student's priority at that place: lower is
better, and no two students share a priority at the same place (a seeded lottery breaks every tie).
Pairs beyond the maximum commute are removed when the instance is built and remembered in `too_far`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# The priority of a student at a place packs, most significant first: the locality tier, the misfit of
# interests (0 = perfect fit) and the lottery number. Lexicographic order = integer order.
TIER_SAME_QUARTER = 0
TIER_SAME_DISTRICT = 1
TIER_OTHER = 2
_LOTTERY_BITS = 32
_FIT_BITS = 10
_FIT_SCALE = (1 << _FIT_BITS) - 1


def priority_key(tier: int, fit: float, lottery: int) -> int:
    """Pack (tier, fit in [0, 1], lottery) into one integer; a better student has a smaller key."""
    misfit = round((1.0 - min(1.0, max(0.0, fit))) * _FIT_SCALE)
    return (tier << (_FIT_BITS + _LOTTERY_BITS)) | (misfit << _LOTTERY_BITS) | lottery


def unpack_priority(key: Any) -> tuple[Any, Any, Any]:
    """(tier, fit, lottery) of a key from priority_key; works on one int and on an int64 array alike."""
    lottery = key & ((1 << _LOTTERY_BITS) - 1)
    misfit = (key >> _LOTTERY_BITS) & _FIT_SCALE
    tier = key >> (_FIT_BITS + _LOTTERY_BITS)
    return tier, 1.0 - misfit / _FIT_SCALE, lottery


@dataclass
class Instance:
    capacity: np.ndarray  # int32[m]
    indptr: np.ndarray  # int64[n+1]
    pref_place: np.ndarray  # int32[E]
    pref_priority: np.ndarray  # int64[E]
    pref_distance_km: np.ndarray  # float32[E] commute of each pair (0 where unknown)
    too_far: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # student -> [(place, km)]
    seed: int = 0

    @property
    def n_students(self) -> int:
        return len(self.indptr) - 1

    @property
    def n_places(self) -> int:
        return len(self.capacity)

    def choices(self, student: int) -> np.ndarray:
        return self.pref_place[self.indptr[student] : self.indptr[student + 1]]

    def priorities(self, student: int) -> np.ndarray:
        return self.pref_priority[self.indptr[student] : self.indptr[student + 1]]

    def priority_of(self, student: int, place: int) -> int | None:
        choices = self.choices(student)
        hits = np.nonzero(choices == place)[0]
        return int(self.priorities(student)[hits[0]]) if len(hits) else None


def build_instance(
    capacities: Sequence[int],
    preferences: Sequence[Sequence[int]],
    *,
    tiers: Sequence[Sequence[int]] | None = None,
    fits: Sequence[Sequence[float]] | None = None,
    distances_km: Sequence[Sequence[float]] | None = None,
    max_commute_km: float | None = None,
    seed: int = 0,
) -> Instance:
    """Build an instance from per-student lists (same length as each student's preferences).

    The lottery is one random order of all students (single tie-breaking), drawn from `seed`, so a run is
    reproducible. Pairs farther than `max_commute_km` are dropped from the lists.
    """
    n = len(preferences)
    rng = np.random.default_rng(seed)
    lottery = rng.permutation(n)
    indptr = [0]
    places: list[int] = []
    keys: list[int] = []
    dists: list[float] = []
    too_far: dict[int, list[tuple[int, float]]] = {}
    for s, prefs in enumerate(preferences):
        seen = set()
        for k, place in enumerate(prefs):
            if place in seen:
                raise ValueError(f"student {s} ranks place {place} twice")
            seen.add(place)
            distance = float(distances_km[s][k]) if distances_km is not None else 0.0
            if max_commute_km is not None and distance > max_commute_km:
                too_far.setdefault(s, []).append((int(place), distance))
                continue
            tier = tiers[s][k] if tiers is not None else TIER_OTHER
            fit = fits[s][k] if fits is not None else 0.0
            places.append(int(place))
            keys.append(priority_key(tier, fit, int(lottery[s])))
            dists.append(distance)
        indptr.append(len(places))
    capacity = np.asarray(capacities, dtype=np.int32)
    if len(places) and (min(places) < 0 or max(places) >= len(capacity)):
        raise ValueError("a preference names a place that does not exist")
    return Instance(
        capacity=capacity,
        indptr=np.asarray(indptr, dtype=np.int64),
        pref_place=np.asarray(places, dtype=np.int32),
        pref_priority=np.asarray(keys, dtype=np.int64),
        pref_distance_km=np.asarray(dists, dtype=np.float32),
        too_far=too_far,
        seed=seed,
    )
