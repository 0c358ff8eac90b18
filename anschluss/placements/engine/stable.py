"""Student-proposing deferred acceptance with capacities, in NumPy rounds.

Each round, every student without a place proposes to the next place on their list; each place keeps the best
`capacity` of the students it holds plus its new proposers and rejects the rest. Only places that received
proposals are re-sorted. The result is the student-optimal stable matching; with strict priorities (the
lottery breaks ties) it is unique and independent of the order of proposals.
"""

import numpy as np

from .instance import Instance
from .result import Result

_PRIORITY_BITS = 44  # see instance.priority_key
# Below this many students still proposing, the last rounds run one proposal at a time: each vectorised round
# costs a pass over all students, which is wasted when only a handful are still looking.
_TAIL = 3000


def stable_match(instance: Instance) -> Result:
    """The student-optimal stable matching of `instance`."""
    n, m = instance.n_students, instance.n_places
    if m >= 1 << (63 - _PRIORITY_BITS):
        raise ValueError("too many places for the packed sort key")
    indptr, pref_place = instance.indptr, instance.pref_place
    # One sortable key per pair: the place, then the student's priority there.
    sort_key = (pref_place.astype(np.int64) << _PRIORITY_BITS) | instance.pref_priority
    capacity = instance.capacity
    lengths = np.diff(indptr)
    pointer = np.zeros(n, dtype=np.int64)
    held_edge = np.full(n, -1, dtype=np.int64)  # the pair a student holds, -1 for none
    held_place = np.full(n, m, dtype=np.int64)  # m stands for "no place"
    active = np.nonzero(lengths > 0)[0]
    affected = np.zeros(m + 1, dtype=bool)

    while active.size:
        edge = indptr[active] + pointer[active]
        pointer[active] += 1
        affected[:] = False
        affected[pref_place[edge]] = True
        holders = np.nonzero(affected[held_place])[0]

        students = np.concatenate([holders, active])
        edges = np.concatenate([held_edge[holders], edge])
        # Keys are unique (the lottery is part of every priority), so an unstable sort is exact and faster.
        order = np.argsort(sort_key[edges])
        students, edges = students[order], edges[order]
        places = pref_place[edges]

        group_start = np.zeros(len(places), dtype=np.int64)
        boundaries = np.nonzero(places[1:] != places[:-1])[0] + 1
        group_start[boundaries] = boundaries
        np.maximum.accumulate(group_start, out=group_start)
        accepted = (np.arange(len(places)) - group_start) < capacity[places]

        winners = students[accepted]
        held_edge[winners] = edges[accepted]
        held_place[winners] = places[accepted]
        rejected = students[~accepted]
        held_edge[rejected] = -1
        held_place[rejected] = m
        active = rejected[pointer[rejected] < lengths[rejected]]

    held = np.where(held_place < m, held_place, -1)
    # A student's place is always the last one they proposed to.
    rank = np.where(held >= 0, pointer - 1, -1)
    return Result(place=held.astype(np.int32), rank=rank.astype(np.int32), mode="stable")


def place_cutoffs(instance: Instance, result: Result) -> np.ndarray:
    """For each place, the worst priority among the students placed there when it is full; -1 when it still
    has a free seat. A student with a better (smaller) priority than the cutoff would have been taken."""
    placed = np.nonzero(result.place >= 0)[0]
    held_count = np.bincount(result.place[placed], minlength=instance.n_places)
    own_edge = instance.indptr[placed] + result.rank[placed]
    worst = np.full(instance.n_places, -1, dtype=np.int64)
    np.maximum.at(worst, result.place[placed], instance.pref_priority[own_edge])
    return np.where(held_count >= instance.capacity, worst, -1)


def blocking_pairs(instance: Instance, result: Result, *, limit: int | None = None) -> list[tuple[int, int]]:
    """Pairs (student, place) that would both rather be matched to each other: empty for a stable matching.

    A student s and a place p on s's list above s's place block if p has a free seat or holds a student
    with a worse priority than s.
    """
    n = instance.n_students
    lengths = np.diff(instance.indptr)
    owner = np.repeat(np.arange(n), lengths)
    position = np.arange(len(instance.pref_place)) - np.repeat(instance.indptr[:-1], lengths)
    own_rank = np.where(result.rank >= 0, result.rank, np.iinfo(np.int32).max)
    prefers = position < own_rank[owner]

    cutoff = place_cutoffs(instance, result)
    places = instance.pref_place.astype(np.int64)
    free_seat = cutoff[places] < 0
    beats_worst = instance.pref_priority < cutoff[places]
    blocking = np.nonzero(prefers & (free_seat | beats_worst))[0]
    if limit is not None:
        blocking = blocking[:limit]
    return [(int(owner[e]), int(places[e])) for e in blocking]
