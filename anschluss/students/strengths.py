"""Strengths a student or a teacher can name: short words a 13-year-old understands, like a Berufswahlpass."""

from django.utils.translation import gettext_lazy as _

STRENGTHS = {
    "teamwork": _("I work well in a team"),
    "reliable": _("I am reliable"),
    "punctual": _("I am on time"),
    "hands": _("I am good with my hands"),
    "creative": _("I have good ideas"),
    "talking": _("I talk easily with people"),
    "helpful": _("I like to help"),
    "organised": _("I keep things in order"),
    "problems": _("I am good at solving problems"),
    "numbers": _("I am good with numbers"),
    "languages": _("I speak several languages"),
    "computers": _("I am good with computers"),
    "patient": _("I am patient"),
    "stamina": _("I do not give up easily"),
    "careful": _("I work carefully"),
    "fit": _("I am fit and like to move"),
    "leading": _("I can lead a group"),
    "calm": _("I stay calm when it gets busy"),
}
