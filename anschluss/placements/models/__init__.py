from .agreement import PlacementAgreement, PlacementFeedback
from .matching import MatchRun, Placement, Preference
from .notice import Notice
from .round import PlacementRound, RoundPlace

__all__ = [
    "MatchRun",
    "Notice",
    "Placement",
    "PlacementAgreement",
    "PlacementFeedback",
    "PlacementRound",
    "Preference",
    "RoundPlace",
]
