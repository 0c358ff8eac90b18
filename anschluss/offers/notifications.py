"""The notification kinds of the offer portal (core autodiscovers this module).

Each text is a lazy translation with %(name)s parameters; `core.notifications.notify` stores the kind and its
parameters and renders the text in the reader's language. Mails of a kind "offers.<name>" come from
`offers/emails/<name>_subject.txt` and `<name>_body.txt` where they exist, else from the core's generic mail.
"""

from django.utils.translation import gettext_lazy as _

from anschluss.core.notifications import register

# To the staff of the company applied to
register("offers.application_new", _("New application for “%(offer)s”."))
register("offers.application_withdrawn", _("An application for “%(offer)s” was withdrawn."), by_mail=False)
register("offers.application_accepted", _("A place for “%(offer)s” was accepted."), by_mail=False)
register("offers.application_reminder", _("Please answer the application for “%(offer)s”."))
# To the applicant: the company's answers
register("offers.application_acknowledged", _("The company has received your application for “%(offer)s”."))
register("offers.application_interview", _("The company invites you to an interview for “%(offer)s”."))
register("offers.application_offer", _("The company offers you a place: “%(offer)s”. Please answer."))
register(
    "offers.application_declined", _("The company has decided against your application for “%(offer)s”.")
)
# To the liaisons: a company did not answer even after the reminder
register("offers.application_escalation", _("A company has not answered an application for “%(offer)s”."))
# To the company: the outcome of the review of its offer
register("offers.offer_published", _("Your offer “%(offer)s” is online."))
register("offers.offer_rejected", _("Your offer “%(offer)s” needs changes before it goes online."))
# To a young person who saved a search
register("offers.search_digest", _("New offers for your search “%(name)s”."))
# Messages of the offer portal's own notifications before they moved into the core (stored as German text).
register("offers.message", "%(text)s", by_mail=False)
