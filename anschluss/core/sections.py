"""Sections that one app contributes to another app's page, through one small registry.

Apps of one layer do not import each other, and a lower app never imports a higher one (ARCHITECTURE.md,
"Layout"). Where a page shows what several apps hold (an occupation's current offers, what an applicant shares
with the company), the page names a slot, "<app>.<page>", and renders `render(slot, request, obj)`; each
contributing app registers a function for the slot in its AppConfig.ready:

    sections.register("offers.application", application_profile_section)

`function(request, obj)` returns `(template_name, context)`, or None to show nothing. Sections appear in the
order of registration; the page decides who sees its sections at all.
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

Section = Callable[..., tuple[str, dict] | None]

_SLOTS: dict[str, list[Section]] = {}


def register(slot: str, function: Section) -> Section:
    """Show `function`'s section on the pages of `slot` (registering twice shows it once)."""
    functions = _SLOTS.setdefault(slot, [])
    if function not in functions:
        functions.append(function)
    return function


def render(slot: str, request, obj) -> list[SafeString]:
    """The sections registered for `slot`, rendered for `obj` with the request's context processors."""
    rendered = []
    for function in _SLOTS.get(slot, []):
        result = function(request, obj)
        if result is not None:
            template_name, context = result
            rendered.append(mark_safe(render_to_string(template_name, context, request=request)))
    return rendered
