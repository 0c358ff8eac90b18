"""The purposes a student's data may be used for beyond the school, each with its recipient and scope.

Rule 5 of ARCHITECTURE.md: a handover to another institution needs a recorded consent for that recipient and
purpose. The texts are what the student and the guardian read before they decide.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Purpose:
    key: str
    name: Promise
    recipient: Promise
    scope: Promise


PURPOSES = [
    Purpose(
        "applications",
        _("Send my profile with an application"),
        _("The company you apply to, and only that one"),
        _("Your name, school and class, and the parts of your profile you tick under “What companies see”."),
    ),
    Purpose(
        "internship_placement",
        _("Help me find an internship place"),
        _("Companies near your school that offer internships, through your school"),
        _("Your name, school, class and grade, and your interests."),
    ),
    Purpose(
        "employment_agency",
        _("Careers advice from the Agentur für Arbeit"),
        _("The careers advice (Berufsberatung) of the Agentur für Arbeit"),
        _("Your name, school, class, your career orientation steps and your interest profile."),
    ),
    Purpose(
        "transition_partners",
        _("Support after school"),
        _(
            "The partners who help young people after school: Jobcenter U25, youth employment agency, municipal coordination"
        ),
        _("Your name, how to reach you, your school, your expected leaving certificate and your next step."),
    ),
]
PURPOSE_KEYS = [p.key for p in PURPOSES]
BY_KEY = {p.key: p for p in PURPOSES}
