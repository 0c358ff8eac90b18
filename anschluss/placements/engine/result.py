from dataclasses import dataclass

import numpy as np


@dataclass
class Result:
    """place[s] is the place of student s, or -1; rank[s] its position in s's list (0 = first choice)."""

    place: np.ndarray  # int32[n]
    rank: np.ndarray  # int32[n], -1 when unplaced
    mode: str

    @property
    def placed(self) -> int:
        return int((self.place >= 0).sum())

    def mean_rank(self) -> float:
        """Mean position of the placed students' places, counting the first choice as 1."""
        placed = self.rank[self.rank >= 0]
        return float(placed.mean() + 1) if len(placed) else 0.0

    def pairs(self) -> set[tuple[int, int]]:
        return {(int(s), int(p)) for s, p in enumerate(self.place) if p >= 0}
