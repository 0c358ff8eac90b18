"""The placement agreement as a PDF, rendered by WeasyPrint from an HTML template."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from anschluss.accounts import directory

from .models import PlacementAgreement

PARTY_LABELS = {
    "school": _("School"),
    "company": _("Company"),
    "student": _("Student"),
    "guardian": _("Guardian"),
}


def agreement_context(agreement: PlacementAgreement) -> dict:
    placement = agreement.placement
    start, end = placement.round.period
    parties = [
        {
            "key": party,
            "label": PARTY_LABELS[party],
            "signed": getattr(agreement, f"{party}_signed"),
            "method": getattr(agreement, f"get_{party}_method_display")(),
        }
        for party in PlacementAgreement.PARTIES
    ]
    return {
        "agreement": agreement,
        "placement": placement,
        "round": placement.round,
        "student": placement.student,
        "school": placement.student.school,
        "place": placement.place,
        "company": placement.place.company,
        "guardians": list(directory.guardians_of(placement.student)),
        "start": start,
        "end": end,
        "parties": parties,
    }


STYLESHEET = Path(__file__).with_name("agreement_pdf.css")


def agreement_document(agreement: PlacementAgreement):
    """The agreement laid out on A4 pages (a WeasyPrint Document): one page, to sign and hand out."""
    from weasyprint import CSS, HTML

    with translation.override(translation.get_language() or "de"):
        html = render_to_string("placements/agreement_pdf.html", agreement_context(agreement))
    return HTML(string=html).render(stylesheets=[CSS(filename=str(STYLESHEET))])


def render_agreement_pdf(agreement: PlacementAgreement) -> bytes:
    return agreement_document(agreement).write_pdf()
