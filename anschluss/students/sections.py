"""What the students app contributes to pages of other apps: functions that a page's registry calls.

The company's page of an application (offers) shows what the applicant shares with companies: name and school,
and the parts ticked under "What companies see" while the consent for applications holds
(`services.profile.shared_profile`). Offers and students are one layer and do not import each other, so this
module does not import the offer portal's registry either: a module that may import both registers
`application_profile_section` there (see docs/students.md, "Who sees what").
"""

from .services.profile import shared_profile


def application_profile_section(request, application) -> tuple[str, dict] | None:
    """The applicant's shared profile as (template, context), or None for an application without a student
    record. The registry shows it only to the company applied to, and not once the application is withdrawn."""
    student = getattr(application, "student", None)
    if student is None:
        return None
    return "students/includes/shared_profile.html", {"profile": shared_profile(student)}
