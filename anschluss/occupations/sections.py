"""Numbers that other apps add to the list of occupations (occupations imports no app above it).

`register_count(attribute, function)`: `function(occupations)` returns `{occupation_id: number}` for the list of
occupations; each occupation of the list gets the number as `attribute` (0 where the function has none). An app
registers in its AppConfig.ready (the offer portal: the number of current offers). Sections of an occupation's
page come through `core.sections` (slot "occupations.occupation").
"""

from collections.abc import Callable, Iterable

Count = Callable[[Iterable], dict[int, int]]

COUNTS: dict[str, Count] = {}


def register_count(attribute: str, function: Count) -> Count:
    COUNTS[attribute] = function
    return function


def annotate_counts(occupations: list) -> None:
    """Set each registered count on every occupation of the list."""
    for attribute, function in COUNTS.items():
        numbers = function(occupations)
        for occupation in occupations:
            setattr(occupation, attribute, numbers.get(occupation.pk, 0))
