"""Welfare mode: place as many students as possible, then as high on their lists as possible.

Two OR-Tools solves on the network source → student → place → sink: a maximum flow gives the largest number
of students that can be placed at all; a minimum-cost flow of exactly that many units, with the cost of a pair
being its position on the student's list, then picks the best of those assignments. Students who share no
place, directly or through others, do not affect each other: the network falls apart into independent parts
(locality makes them small), and each part is solved on its own, which is much faster than one big solve.
The solver is deterministic: the same instance (and so the same seed) always gives the same assignment.
"""

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .instance import Instance
from .result import Result


def _pairs(instance: Instance) -> tuple[np.ndarray, np.ndarray]:
    """For every pair: the student, and the pair's position on that student's list."""
    lengths = np.diff(instance.indptr)
    owner = np.repeat(np.arange(instance.n_students, dtype=np.int64), lengths)
    position = np.arange(len(instance.pref_place), dtype=np.int64) - np.repeat(instance.indptr[:-1], lengths)
    return owner, position


def solve_part(
    students: np.ndarray, places: np.ndarray, capacity: np.ndarray, position: np.ndarray
) -> np.ndarray:
    """Min-cost max-flow on one part. `students`/`places` are local node numbers per pair (0-based each);
    returns a boolean mask of the pairs used."""
    n, m = int(students.max()) + 1, len(capacity)
    source, sink = n + m, n + m + 1
    starts = np.concatenate([np.full(n, source), students, n + np.arange(m)])
    ends = np.concatenate([np.arange(n), n + places, np.full(m, sink)])
    capacities = np.concatenate([np.ones(n + len(students), np.int64), capacity.astype(np.int64)])

    flow = max_flow.SimpleMaxFlow()
    flow.add_arcs_with_capacity(starts, ends, capacities)
    if flow.solve(source, sink) != flow.OPTIMAL:
        raise RuntimeError("maximum flow failed")
    placeable = flow.optimal_flow()

    costs = np.concatenate([np.zeros(n, np.int64), position, np.zeros(m, np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(starts, ends, capacities, costs)
    solver.set_nodes_supplies(np.array([source, sink]), np.array([placeable, -placeable]))
    if solver.solve() != solver.OPTIMAL:
        raise RuntimeError("minimum-cost flow failed")
    return solver.flows(arcs[n : n + len(students)]) > 0


def welfare_match(instance: Instance) -> Result:
    n, m = instance.n_students, instance.n_places
    owner, position = _pairs(instance)
    place = np.full(n, -1, dtype=np.int32)
    rank = np.full(n, -1, dtype=np.int32)
    if len(owner) == 0:
        return Result(place=place, rank=rank, mode="welfare")

    graph = coo_matrix((np.ones(len(owner)), (owner, n + instance.pref_place)), shape=(n + m, n + m))
    _count, label = connected_components(graph, directed=False)
    part_of_pair = label[owner]
    order = np.argsort(part_of_pair, kind="stable")
    bounds = np.flatnonzero(np.diff(part_of_pair[order])) + 1
    for pairs in np.split(order, bounds):
        _students, local_student = np.unique(owner[pairs], return_inverse=True)
        places, local_place = np.unique(instance.pref_place[pairs], return_inverse=True)
        used = solve_part(local_student, local_place, instance.capacity[places], position[pairs])
        chosen = pairs[used]
        place[owner[chosen]] = instance.pref_place[chosen]
        rank[owner[chosen]] = position[chosen]
    return Result(place=place, rank=rank, mode="welfare")
