"""What other apps show on an application's page for the company, through a small registry.

Offers and students are one layer and do not import each other: the students app contributes what the
applicant shares with companies (name, school and the parts ticked under "What companies see") through the
app registry, in its AppConfig.ready:

    apps.get_app_config("offers").register_application_section(function)

where `function(request, application)` returns `(template_name, context)` or None. The sections are shown
only to the staff of the company applied to, and not once the application is withdrawn.
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

ApplicationSection = Callable[..., tuple[str, dict] | None]

APPLICATION_SECTIONS: list[ApplicationSection] = []


def register_application_section(function: ApplicationSection) -> ApplicationSection:
    if function not in APPLICATION_SECTIONS:
        APPLICATION_SECTIONS.append(function)
    return function


def render_application_sections(request, application) -> list[SafeString]:
    rendered = []
    for section in APPLICATION_SECTIONS:
        result = section(request, application)
        if result is not None:
            template_name, context = result
            rendered.append(mark_safe(render_to_string(template_name, context, request=request)))
    return rendered
