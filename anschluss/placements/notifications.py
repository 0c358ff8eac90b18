"""The notification kinds of the placements app (core autodiscovers this module).

Services notify through `core.notifications.notify(recipients, kind, target, context, url=...)`: an entry in
each person's inbox (rendered from the texts below in the reader's language) and, for those with an e-mail
address, the mail `placements/emails/<name>_subject.txt` and `_body.txt` after the commit. The parameters of
the texts: `round` (the round's name), `company` (the company's name), `student` (the student's first name).
The mail templates get the context as the service passes it (the round, the placement, the place ...).
"""

from django.utils.translation import gettext_lazy as _

from anschluss.core.notifications import register

register("placements.choice_reminder", _("Reminder: please choose your places for “%(round)s”."))
register("placements.placement_confirmed", _("You have an internship place: %(company)s."))
register("placements.child_placed", _("%(student)s has an internship place: %(company)s."))
register(
    "placements.company_placements",
    _("The placements of “%(round)s” are confirmed. Please sign the agreements."),
)
register("placements.school_placements", _("The placements of “%(round)s” are confirmed for your students."))
register(
    "placements.host_again",
    _("Will you host students again after “%(round)s”? Please answer the question."),
)
