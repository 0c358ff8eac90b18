"""Benchmark of the placement engine against its peers, in one run.

Instances with locality: schools spread over a region, places clustered near schools; every student ranks
5–10 of the places near their school; capacities 1–4, about 0.8 seats per student. Sizes: 1,000, 5,000,
20,000, Dortmund (6,000) and NRW (170,000) students.

Peers: the PyPI package `matching` (HospitalResident, resident-optimal) at 1k, 5k and 20k, which must give the
same matching; OR-Tools' min-cost-flow solve alone next to our welfare mode. Every stable result is checked
for blocking pairs. Writes bench/results/matching.json and prints a table.

    python bench/bench_matching.py            # all sizes
    python bench/bench_matching.py --quick    # 1k and 5k only
"""

import argparse
import json
import platform
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anschluss.placements.engine import (  # noqa: E402
    blocking_pairs,
    explain_all,
    stable_match,
    welfare_match,
)
from anschluss.placements.engine.instance import Instance, priority_key  # noqa: E402
from anschluss.placements.engine.welfare import _pairs  # noqa: E402

SIZES = [("1k", 1_000), ("5k", 5_000), ("20k", 20_000), ("Dortmund", 6_000), ("NRW", 170_000)]
PEER_SIZES = {"1k", "5k", "20k"}
STUDENTS_PER_SCHOOL = 60
NEAREST_PLACES = 25
SEATS_PER_STUDENT = 0.8


def make_instance(n: int, seed: int) -> Instance:
    """A synthetic instance with locality, built with NumPy (no Python loop over students)."""
    rng = np.random.default_rng(seed)
    n_schools = max(3, n // STUDENTS_PER_SCHOOL)
    side_km = 8 * np.sqrt(n_schools)  # keeps the density of schools constant as the region grows
    schools = rng.uniform(0, side_km, size=(n_schools, 2))
    capacities = rng.integers(1, 5, size=int(n * SEATS_PER_STUDENT / 2.5))
    m = len(capacities)
    # Places cluster around schools: each place is within ~2 km of a random school.
    place_school = rng.integers(0, n_schools, size=m)
    places = schools[place_school] + rng.normal(0, 1.2, size=(m, 2))
    student_school = rng.integers(0, n_schools, size=n)

    # The places nearest to each school, by a grid lookup over school cells.
    order = np.argsort(place_school, kind="stable")
    starts = np.searchsorted(place_school[order], np.arange(n_schools + 1))
    near = np.empty((n_schools, NEAREST_PLACES), dtype=np.int64)
    near_distance = np.empty((n_schools, NEAREST_PLACES), dtype=np.float32)
    school_cell_neighbours = _neighbours(schools, k=6)
    for school in range(n_schools):
        pool = np.concatenate([order[starts[t] : starts[t + 1]] for t in school_cell_neighbours[school]])
        distance = np.hypot(*(places[pool] - schools[school]).T)
        best = np.argsort(distance)[:NEAREST_PLACES]
        chosen = pool[best]
        if len(chosen) < NEAREST_PLACES:  # tiny instances: pad with random places
            extra = rng.choice(m, NEAREST_PLACES - len(chosen), replace=False)
            chosen = np.concatenate([chosen, extra])
            distance = np.concatenate([distance[best], np.hypot(*(places[extra] - schools[school]).T)])
        else:
            distance = distance[best]
        near[school], near_distance[school] = chosen, distance

    lengths = rng.integers(5, 11, size=n)
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    # Each student ranks a random subset of their school's nearest places, closer ones more likely first.
    noise = rng.random((n, NEAREST_PLACES)) + np.arange(NEAREST_PLACES) / NEAREST_PLACES
    ranked = np.argsort(noise, axis=1)
    mask = np.arange(NEAREST_PLACES)[None, :] < lengths[:, None]
    column = ranked[mask]
    owner = np.repeat(np.arange(n), lengths)
    pref_place = near[student_school[owner], column]
    distance = near_distance[student_school[owner], column]
    same_school_area = place_school[pref_place] == student_school[owner]
    tier = np.where(same_school_area, 0, np.where(distance < 3, 1, 2))
    fit = rng.random(len(owner))
    lottery = rng.permutation(n)[owner]
    # The same packing as engine.instance.priority_key, vectorised.
    keys = (tier.astype(np.int64) << 42) | (np.round((1 - fit) * 1023).astype(np.int64) << 32) | lottery
    assert priority_key(1, 1.0, 5) == (1 << 42) | 5
    return Instance(
        capacity=capacities.astype(np.int32),
        indptr=indptr,
        pref_place=pref_place.astype(np.int32),
        pref_priority=keys.astype(np.int64),
        pref_distance_km=distance.astype(np.float32),
        seed=seed,
    )


def _neighbours(points: np.ndarray, k: int) -> list[np.ndarray]:
    """The k nearest schools of each school (itself included), by a coarse grid."""
    cell = 12.0
    keys = np.floor(points / cell).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(keys):
        buckets.setdefault((int(x), int(y)), []).append(index)
    result = []
    for index, (x, y) in enumerate(keys):
        pool = [
            j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in buckets.get((int(x) + dx, int(y) + dy), [])
        ]
        pool_arr = np.array(pool)
        distance = np.hypot(*(points[pool_arr] - points[index]).T)
        result.append(pool_arr[np.argsort(distance)[:k]])
    return result


def timed(function, repeat: int):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return value, times


def peer_matching(instance: Instance):
    from matching.games import HospitalResident

    # The package deep-copies its linked player objects, which recurses deeper than Python's default allows.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000_000))
    n, m = instance.n_students, instance.n_places
    resident_prefs = {s: instance.choices(s).tolist() for s in range(n) if len(instance.choices(s))}
    by_place: dict[int, list[tuple[int, int]]] = {p: [] for p in range(m)}
    for s in resident_prefs:
        for place, key in zip(instance.choices(s).tolist(), instance.priorities(s).tolist(), strict=True):
            by_place[place].append((key, s))
    hospital_prefs = {p: [s for _k, s in sorted(v)] for p, v in by_place.items() if v}
    capacities = {p: int(instance.capacity[p]) for p in hospital_prefs}
    start = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    solution = game.solve(optimal="resident")
    seconds = time.perf_counter() - start
    pairs = {(r.name, h.name) for h, residents in solution.items() for r in residents}
    return pairs, seconds


def ortools_solve_alone(instance: Instance) -> float:
    """The peer: OR-Tools' min-cost-flow solve alone on the whole network at once (built beforehand, not
    timed), pushing as many units as welfare mode places."""
    from ortools.graph.python import min_cost_flow

    n, m = instance.n_students, instance.n_places
    owner, position = _pairs(instance)
    source, sink = n + m, n + m + 1
    starts = np.concatenate([np.full(n, source), owner, n + np.arange(m)])
    ends = np.concatenate([np.arange(n), n + instance.pref_place.astype(np.int64), np.full(m, sink)])
    capacities = np.concatenate([np.ones(n + len(owner), np.int64), instance.capacity.astype(np.int64)])
    costs = np.concatenate([np.zeros(n, np.int64), position, np.zeros(m, np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(starts, ends, capacities, costs)
    placeable = welfare_match(instance).placed
    solver.set_nodes_supplies(np.array([source, sink]), np.array([placeable, -placeable]))
    start = time.perf_counter()
    assert solver.solve() == solver.OPTIMAL
    return time.perf_counter() - start


def peak_memory_mb(function) -> float:
    tracemalloc.start()
    function()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def run(sizes) -> dict:
    rows = []
    for label, n in sizes:
        instance = make_instance(n, seed=2026)
        repeat = 5 if n <= 20_000 else 3
        stable, stable_times = timed(lambda instance=instance: stable_match(instance), repeat)
        welfare, welfare_times = timed(
            lambda instance=instance: welfare_match(instance), 1 if n > 20_000 else 3
        )
        row = {
            "size": label,
            "students": n,
            "places": instance.n_places,
            "seats": int(instance.capacity.sum()),
            "pairs": len(instance.pref_place),
            "stable_seconds_median": statistics.median(stable_times),
            "stable_placed": stable.placed,
            "stable_mean_rank": round(stable.mean_rank(), 3),
            "stable_blocking_pairs": len(blocking_pairs(instance, stable)),
            "stable_peak_mb": round(peak_memory_mb(lambda instance=instance: stable_match(instance)), 1),
            "welfare_seconds": min(welfare_times),
            # What a run in the product adds: the reasons for every student (why this place, why not higher).
            "explain_all_seconds": timed(lambda i=instance, w=welfare: explain_all(i, w), 1)[1][0],
            "welfare_placed": welfare.placed,
            "welfare_mean_rank": round(welfare.mean_rank(), 3),
            "ortools_solve_alone_seconds": ortools_solve_alone(instance),
        }
        if label in PEER_SIZES:
            theirs, peer_seconds = peer_matching(instance)
            row["peer_matching_seconds"] = peer_seconds
            row["same_matching_as_peer"] = theirs == stable.pairs()
            row["speedup_vs_peer"] = round(peer_seconds / row["stable_seconds_median"], 1)
        rows.append(row)
        print(_line(row), flush=True)
    return {
        "benchmark": "placement matching",
        "machine": {
            "python": platform.python_version(),
            "processor": platform.processor() or platform.machine(),
        },
        "goals": {
            "NRW stable seconds": 0.25,
            "NRW stable peak MB": 150,
            "20k speedup vs matching": 100,
            "NRW welfare seconds": 6,
        },
        "results": rows,
        "goals_met": goals_met(rows),
    }


def goals_met(rows: list[dict]) -> dict[str, bool]:
    """The issue's goals, checked on this run's figures ("end to end" for welfare mode: match and explain)."""
    by_size = {row["size"]: row for row in rows}
    met = {}
    if "NRW" in by_size:
        nrw = by_size["NRW"]
        met["NRW stable seconds"] = nrw["stable_seconds_median"] <= 0.25
        met["NRW stable peak MB"] = nrw["stable_peak_mb"] <= 150
        met["NRW welfare seconds"] = nrw["welfare_seconds"] + nrw["explain_all_seconds"] <= 6
    if "speedup_vs_peer" in by_size.get("20k", {}):
        met["20k speedup vs matching"] = by_size["20k"]["speedup_vs_peer"] >= 100
    return met


def _line(row: dict) -> str:
    peer = ""
    if "peer_matching_seconds" in row:
        peer = (
            f" | matching {row['peer_matching_seconds']:.2f}s ×{row['speedup_vs_peer']}"
            f" same={row['same_matching_as_peer']}"
        )
    return (
        f"{row['size']:>8} {row['students']:>7} students {row['seats']:>7} seats | stable "
        f"{row['stable_seconds_median'] * 1000:8.1f} ms {row['stable_peak_mb']:6.1f} MB placed {row['stable_placed']:>7}"
        f" rank {row['stable_mean_rank']:.2f} blocking {row['stable_blocking_pairs']} | welfare "
        f"{row['welfare_seconds']:6.2f}s placed {row['welfare_placed']:>7} rank {row['welfare_mean_rank']:.2f}"
        f" explain {row['explain_all_seconds']:.2f}s"
        f" | OR-Tools solve {row['ortools_solve_alone_seconds']:.2f}s{peer}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="only 1k and 5k")
    args = parser.parse_args()
    sizes = SIZES[:2] if args.quick else SIZES
    report = run(sizes)
    out = ROOT / "bench" / "results" / "matching.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    failures = [
        r["size"]
        for r in report["results"]
        if r["stable_blocking_pairs"] or r.get("same_matching_as_peer") is False
    ]
    if failures:
        print(f"FAILED checks for {failures}", file=sys.stderr)
        return 1
    for goal, met in report["goals_met"].items():
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
