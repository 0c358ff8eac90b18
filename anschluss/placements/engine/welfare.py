"""Welfare mode: place as many students as possible, then as high on their lists as possible.

Two OR-Tools solves on the same network (source → student → place → sink): a maximum flow gives the largest
number of students that can be placed at all; a minimum-cost flow of exactly that many units, with the cost of
a pair being its position on the student's list, then picks the best of those assignments. The solver is
deterministic: the same instance (and so the same seed) always gives the same assignment.
"""

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .instance import Instance
from .result import Result


def _network(instance: Instance):
    n, m = instance.n_students, instance.n_places
    lengths = np.diff(instance.indptr)
    source, sink = n + m, n + m + 1
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    position = np.arange(len(instance.pref_place), dtype=np.int64) - np.repeat(instance.indptr[:-1], lengths)
    starts = np.concatenate([np.full(n, source), owner, n + np.arange(m)])
    ends = np.concatenate([np.arange(n), n + instance.pref_place.astype(np.int64), np.full(m, sink)])
    capacities = np.concatenate([np.ones(n), np.ones(len(owner)), instance.capacity]).astype(np.int64)
    return source, sink, owner, position, starts, ends, capacities


def welfare_match(instance: Instance) -> Result:
    n = instance.n_students
    source, sink, owner, position, starts, ends, capacities = _network(instance)
    edges = len(owner)

    flow = max_flow.SimpleMaxFlow()
    flow.add_arcs_with_capacity(starts, ends, capacities)
    if flow.solve(source, sink) != flow.OPTIMAL:
        raise RuntimeError("maximum flow failed")
    placeable = flow.optimal_flow()

    costs = np.concatenate([np.zeros(n, np.int64), position, np.zeros(len(capacities) - n - edges, np.int64)])

    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(starts, ends, capacities, costs)
    solver.set_nodes_supplies(np.array([source, sink]), np.array([placeable, -placeable]))
    if solver.solve() != solver.OPTIMAL:
        raise RuntimeError("minimum-cost flow failed")
    used = solver.flows(arcs[n : n + edges]) > 0

    place = np.full(n, -1, dtype=np.int32)
    rank = np.full(n, -1, dtype=np.int32)
    chosen = np.nonzero(used)[0]
    place[owner[chosen]] = instance.pref_place[chosen]
    rank[owner[chosen]] = position[chosen]
    return Result(place=place, rank=rank, mode="welfare")
