"""Why a student got their place, and why not each choice above it. Codes, not sentences: the web layer
translates them (placements/explanations.py)."""

from dataclasses import dataclass, field

from .instance import Instance, unpack_priority
from .result import Result

PLACED = "placed"  # this is your place: your n-th choice
FULL_HIGHER_PRIORITY = "full_higher_priority"  # all seats went to students with a higher priority
FULL_MORE_STUDENTS = "full_more_students"  # welfare mode: the seats placed more students elsewhere
TOO_FAR = "too_far"  # beyond the maximum commute
UNPLACED = "unplaced"  # no place on the list could take you


@dataclass(frozen=True)
class Reason:
    code: str
    place: int | None
    rank: int | None = None  # position on the student's list, 0 = first choice
    data: dict = field(default_factory=dict)


def _cutoff(instance: Instance, result: Result, place: int) -> int | None:
    """The worst priority among the students placed at `place` (None when it has a free seat)."""
    members = (result.place == place).nonzero()[0]
    if len(members) < instance.capacity[place]:
        return None
    return max(int(instance.pref_priority[instance.indptr[s] + result.rank[s]]) for s in members)


def explain(instance: Instance, result: Result, student: int) -> list[Reason]:
    reasons = []
    own_rank = int(result.rank[student])
    choices = instance.choices(student)
    keys = instance.priorities(student)
    higher = range(len(choices)) if own_rank < 0 else range(own_rank)
    for position in higher:
        place = int(choices[position])
        key = int(keys[position])
        cutoff = _cutoff(instance, result, place)
        tier, fit, _lottery = unpack_priority(key)
        data = {"your_tier": tier, "your_fit": round(fit, 2)}
        if cutoff is not None:
            cutoff_tier, cutoff_fit, _ = unpack_priority(cutoff)
            data |= {"last_admitted_tier": cutoff_tier, "last_admitted_fit": round(cutoff_fit, 2)}
        code = FULL_HIGHER_PRIORITY if result.mode == "stable" else FULL_MORE_STUDENTS
        reasons.append(Reason(code, place, position, data))
    for place, distance in instance.too_far.get(student, []):
        reasons.append(Reason(TOO_FAR, place, None, {"distance_km": round(distance, 1)}))
    if own_rank >= 0:
        edge = instance.indptr[student] + own_rank
        tier, fit, _ = unpack_priority(int(instance.pref_priority[edge]))
        data = {
            "tier": tier,
            "fit": round(fit, 2),
            "distance_km": round(float(instance.pref_distance_km[edge]), 1),
        }
        reasons.insert(0, Reason(PLACED, int(result.place[student]), own_rank, data))
    else:
        reasons.insert(0, Reason(UNPLACED, None))
    return reasons
