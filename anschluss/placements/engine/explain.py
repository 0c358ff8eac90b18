"""Why a student got their place, and why not each choice above it. Codes, not sentences: the web layer
translates them (placements/explanations.py)."""

from dataclasses import dataclass, field

import numpy as np

from .instance import Instance, unpack_priority
from .result import Result
from .stable import place_cutoffs

PLACED = "placed"  # this is your place: your n-th choice
FULL_HIGHER_PRIORITY = "full_higher_priority"  # all seats went to students with a higher priority
FULL_MORE_STUDENTS = "full_more_students"  # welfare mode: the seats placed more students elsewhere
TOO_FAR = "too_far"  # beyond the maximum commute
UNPLACED = "unplaced"  # no place on the list could take you


@dataclass(slots=True)  # slots, not frozen: a state-wide round creates a few hundred thousand of them
class Reason:
    code: str
    place: int | None
    rank: int | None = None  # position on the student's list, 0 = first choice
    data: dict = field(default_factory=dict)


def explain(
    instance: Instance, result: Result, student: int, cutoffs: np.ndarray | None = None
) -> list[Reason]:
    """The reasons for one student: first the result (placed, or unplaced), then why not each higher choice,
    then the choices dropped as too far."""
    return explain_students(instance, result, np.array([student]), cutoffs)[0]


def explain_all(instance: Instance, result: Result) -> list[list[Reason]]:
    """The reasons for every student of the result."""
    return explain_students(instance, result, np.arange(instance.n_students))


def explain_students(
    instance: Instance, result: Result, students: np.ndarray, cutoffs: np.ndarray | None = None
) -> list[list[Reason]]:
    """The reasons for each of `students`, in that order. The priorities and the places' cutoffs
    (stable.place_cutoffs) are unpacked for all their pairs at once in NumPy; only the assembly of the
    Reason objects is a Python loop, so explaining a state-wide round stays linear and quick."""
    if cutoffs is None:
        cutoffs = place_cutoffs(instance, result)
    students = np.asarray(students, dtype=np.int64)
    starts = instance.indptr[students]
    own_rank = result.rank[students].astype(np.int64)
    # The higher choices: above the student's place, or the whole list when unplaced.
    counts = np.where(own_rank >= 0, own_rank, instance.indptr[students + 1] - starts)
    edges = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    tier, fit, _lottery = unpack_priority(instance.pref_priority[edges])
    cutoff = cutoffs[instance.pref_place[edges]]
    cutoff_tier, cutoff_fit, _ = unpack_priority(np.maximum(cutoff, 0))
    higher = zip(
        instance.pref_place[edges].tolist(),
        tier.tolist(),
        np.round(fit, 2).tolist(),
        (cutoff >= 0).tolist(),
        cutoff_tier.tolist(),
        np.round(cutoff_fit, 2).tolist(),
        strict=True,
    )
    # Each student's own pair (for the unplaced any valid pair: its values are not used).
    own_edge = np.clip(starts + np.maximum(own_rank, 0), 0, max(len(instance.pref_place) - 1, 0))
    if len(instance.pref_place) == 0:
        own_key, own_km = np.zeros(len(students), np.int64), np.zeros(len(students))
    else:
        own_key, own_km = instance.pref_priority[own_edge], instance.pref_distance_km[own_edge]
    own_tier, own_fit, _ = unpack_priority(own_key)
    own = zip(
        students.tolist(),
        own_rank.tolist(),
        counts.tolist(),
        result.place[students].tolist(),
        own_tier.tolist(),
        np.round(own_fit, 2).tolist(),
        np.round(own_km.astype(np.float64), 1).tolist(),
        strict=True,
    )
    code = FULL_HIGHER_PRIORITY if result.mode == "stable" else FULL_MORE_STUDENTS
    explained = []
    for student, rank, count, place, o_tier, o_fit, o_km in own:
        if rank >= 0:
            reasons = [Reason(PLACED, place, rank, {"tier": o_tier, "fit": o_fit, "distance_km": o_km})]
        else:
            reasons = [Reason(UNPLACED, None)]
        for position in range(count):
            choice, c_tier, c_fit, full, last_tier, last_fit = next(higher)
            data = {"your_tier": c_tier, "your_fit": c_fit}
            if full:
                data |= {"last_admitted_tier": last_tier, "last_admitted_fit": last_fit}
            reasons.append(Reason(code, choice, position, data))
        for choice, distance in instance.too_far.get(student, []):
            reasons.append(Reason(TOO_FAR, choice, None, {"distance_km": round(distance, 1)}))
        explained.append(reasons)
    return explained
