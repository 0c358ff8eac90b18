from .agreement import PlacementAgreement, PlacementFeedback
from .matching import MatchRun, Placement, Preference
from .round import PlacementRound, RoundPlace

__all__ = [
    "MatchRun",
    "Placement",
    "PlacementAgreement",
    "PlacementFeedback",
    "PlacementRound",
    "Preference",
    "RoundPlace",
]
