"""The matching engine of "Ausbildung im Quartier": pure Python with NumPy, no Django.

- `Instance`: students, places with capacities, each student's ranked list and each place's priority order.
- `stable_match`: student-proposing deferred acceptance with capacities (stable, student-optimal,
  strategy-proof for students).
- `welfare_match`: a min-cost assignment (OR-Tools) that places as many students as possible, then by rank.
- `explain`: why a student got this place, and why not each higher choice.
"""

from .commute import CommuteEstimator, StraightLineCommute
from .explain import Reason, explain, explain_all
from .instance import Instance, build_instance, priority_key
from .result import Result
from .stable import blocking_pairs, place_cutoffs, stable_match
from .welfare import welfare_match

__all__ = [
    "CommuteEstimator",
    "Instance",
    "Reason",
    "Result",
    "StraightLineCommute",
    "blocking_pairs",
    "build_instance",
    "explain",
    "explain_all",
    "place_cutoffs",
    "priority_key",
    "stable_match",
    "welfare_match",
]
