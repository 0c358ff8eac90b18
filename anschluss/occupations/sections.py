"""What other apps show on the occupation pages, through a small registry (occupations imports no app above it).

- `register_section(function)`: `function(request, occupation)` returns `(template_name, context)` for a
  section of the occupation's page, or None to show nothing; sections appear in the order of registration.
- `register_count(attribute, function)`: `function(occupations)` returns `{occupation_id: number}` for the list
  of occupations; each occupation of the list gets the number as `attribute` (0 where the function has none).

An app registers in its AppConfig.ready (the offer portal: its current offers and their number).
"""

from collections.abc import Callable, Iterable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

Section = Callable[..., tuple[str, dict] | None]
Count = Callable[[Iterable], dict[int, int]]

SECTIONS: list[Section] = []
COUNTS: dict[str, Count] = {}


def register_section(function: Section) -> Section:
    if function not in SECTIONS:
        SECTIONS.append(function)
    return function


def register_count(attribute: str, function: Count) -> Count:
    COUNTS[attribute] = function
    return function


def render_sections(request, occupation) -> list[SafeString]:
    """The registered sections of an occupation's page, rendered (with the request's context processors)."""
    rendered = []
    for section in SECTIONS:
        result = section(request, occupation)
        if result is not None:
            template_name, context = result
            rendered.append(mark_safe(render_to_string(template_name, context, request=request)))
    return rendered


def annotate_counts(occupations: list) -> None:
    """Set each registered count on every occupation of the list."""
    for attribute, function in COUNTS.items():
        numbers = function(occupations)
        for occupation in occupations:
            setattr(occupation, attribute, numbers.get(occupation.pk, 0))
