"""Demo offers for the 60 invented demo companies: deterministic, idempotent, obviously invented.

Every company gets an apprenticeship in its trade, an internship of two weeks (grade 9) and an exploration day
(grade 8); industry and IT companies also a dual study place. Dates are relative to today, so the demo always
has open offers. A few offers wait for review or are drafts, so that moderation can be tried.

The persona company has an application of the persona student that it has not acknowledged in time and that
has not been reminded yet: the periodic reminder task (which `make demo` runs) reminds the company staff in
their inbox.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from anschluss.accounts import directory
from anschluss.core.demo import DemoWorld, demo_loader
from anschluss.core.models import Company
from anschluss.occupations.models import Occupation

from .models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    ApplyMethod,
    Offer,
    OfferKind,
    OfferStatus,
    SchoolCertificate,
)
from .services.offers import sync_occupation_text

# industry -> [(NRW key, title of the occupation as companies write it)]
TRADE_OCCUPATIONS: dict[str, list[tuple[str, str]]] = {
    "Elektrohandwerk": [("17703", "Elektroniker/-in für Energie- und Gebäudetechnik")],
    "Lebensmittelhandwerk": [("11000", "Bäcker/-in"), ("55353", "Fachverkäufer/-in Bäckerei")],
    "Kfz-Handwerk": [("51604", "Kfz-Mechatroniker/-in"), ("52200", "Fahrzeuglackierer/-in")],
    "Lagerlogistik": [
        ("52700", "Fachkraft für Lagerlogistik"),
        ("52800", "Fachlagerist/-in"),
        ("12500", "Berufskraftfahrer/-in"),
    ],
    "Pflege": [("60700", "Kaufmann/-frau für Büromanagement im Pflegedienst")],
    "Freie Berufe": [("42500", "Steuerfachangestellte/-r")],
    "Gesundheit": [("50300", "Zahnmedizinische/-r Fachangestellte/-r")],
    "Informationstechnik": [
        ("18701", "Fachinformatiker/-in Anwendungsentwicklung"),
        ("18702", "Fachinformatiker/-in Systemintegration"),
    ],
    "Metallhandwerk": [("33903", "Metallbauer/-in"), ("31100", "Konstruktionsmechaniker/-in")],
    "Einzelhandel": [("29700", "Kaufmann/-frau im Einzelhandel"), ("46300", "Verkäufer/-in")],
    "SHK-Handwerk": [("10104", "Anlagenmechaniker/-in Sanitär, Heizung, Klima")],
    "Friseurhandwerk": [("22800", "Friseur/-in")],
    "Gastgewerbe": [("26800", "Hotelfachmann/-frau"), ("30800", "Koch/Köchin")],
    "Finanzdienstleistungen": [("55601", "Kaufmann/-frau für Versicherungen und Finanzen")],
    "Industrie": [
        ("27600", "Industriemechaniker/-in"),
        ("27500", "Industriekaufmann/-frau"),
        ("48700", "Zerspanungsmechaniker/-in"),
    ],
}
DUAL_STUDY = {"Industrie": "Duales Studium Maschinenbau", "Informationstechnik": "Duales Studium Informatik"}

TEXTS: dict[str, str] = {
    OfferKind.APPRENTICESHIP: (
        "Wir bilden dich zum Beruf {occupation} aus. Du lernst im Betrieb und in der Berufsschule. "
        "Du arbeitest im Team mit und bekommst eine feste Ansprechperson. "
        "Das ist ein erfundenes Demo-Angebot von {company}."
    ),
    OfferKind.INTERNSHIP: (
        "Zwei Wochen Praktikum im Beruf {occupation}: Du schaust zu, hilfst mit und probierst selbst aus. "
        "Arbeitszeit ist von 8 bis 15 Uhr. Bring gute Laune und Fragen mit. "
        "Das ist ein erfundenes Demo-Angebot von {company}."
    ),
    OfferKind.EXPLORATION_DAY: (
        "Ein Tag zum Reinschnuppern: Du lernst den Beruf {occupation} kennen und machst bei kleinen Aufgaben mit. "
        "Für Schülerinnen und Schüler der 8. Klasse (Berufsfelderkundung). "
        "Das ist ein erfundenes Demo-Angebot von {company}."
    ),
    OfferKind.DUAL_STUDY: (
        "{occupation}: Du studierst an der Fachhochschule und arbeitest bei uns im Betrieb. "
        "Du brauchst Abitur oder Fachhochschulreife. Das ist ein erfundenes Demo-Angebot von {company}."
    ),
}


def _next_monday(day: datetime.date, weeks_ahead: int) -> datetime.date:
    return day + datetime.timedelta(days=7 * weeks_ahead - day.weekday())


def _offers_for(company: Company, index: int, today: datetime.date) -> list[dict]:
    trade = TRADE_OCCUPATIONS.get(company.industry, [])
    if not trade:
        return []
    key, name = trade[index % len(trade)]
    year = today.year + (1 if today.month >= 6 else 0)
    internship_start = _next_monday(today, 3 + index % 8)
    taster = _next_monday(today, 2 + index % 6) + datetime.timedelta(days=index % 4)
    base = {"company": company.name, "occupation": name}
    offers = [
        {
            "kind": OfferKind.APPRENTICESHIP,
            "title": f"Ausbildung {name} (m/w/d)",
            "keys": [key],
            "start_date": datetime.date(year, 8, 1),
            "end_date": None,
            "places": 1 + index % 3,
            "min_grade": 9,
            "max_grade": 13,
            "school_certificate": [SchoolCertificate.HA10, SchoolCertificate.MSA, SchoolCertificate.HA9][
                index % 3
            ],
            "application_deadline": today + datetime.timedelta(days=60 + 7 * (index % 10)),
        },
        {
            "kind": OfferKind.INTERNSHIP,
            "title": f"Schülerpraktikum {name}",
            "keys": [key],
            "start_date": internship_start,
            "end_date": internship_start + datetime.timedelta(days=11),
            "places": 2,
            "min_grade": 9,
            "max_grade": 10,
            "school_certificate": SchoolCertificate.NONE,
            "application_deadline": internship_start - datetime.timedelta(days=7),
        },
        {
            "kind": OfferKind.EXPLORATION_DAY,
            "title": f"Berufsfelderkundung: {name}",
            "keys": [key],
            "start_date": taster,
            "end_date": taster,
            "places": 3,
            "min_grade": 8,
            "max_grade": 8,
            "school_certificate": SchoolCertificate.NONE,
            "application_deadline": taster - datetime.timedelta(days=5),
        },
    ]
    if company.industry in DUAL_STUDY:
        offers.append(
            {
                "kind": OfferKind.DUAL_STUDY,
                "title": f"{DUAL_STUDY[company.industry]} (m/w/d)",
                "keys": [key],
                "start_date": datetime.date(year, 9, 1),
                "end_date": None,
                "places": 1,
                "min_grade": 12,
                "max_grade": 13,
                "school_certificate": SchoolCertificate.FHR,
                "application_deadline": today + datetime.timedelta(days=90),
            }
        )
    for offer in offers:
        offer["description"] = TEXTS[str(offer["kind"])].format(
            **{**base, "occupation": offer["title"] if offer["kind"] == OfferKind.DUAL_STUDY else name}
        )
    return offers


@transaction.atomic
def load_demo_offers(municipality) -> int:
    """Create or refresh the demo offers of the municipality's companies. Returns how many there are."""
    today = timezone.localdate()
    occupations = {o.nrw_key: o for o in Occupation.objects.all()}
    companies = list(Company.objects.filter(municipality=municipality).order_by("name"))
    count = 0
    for index, company in enumerate(companies):
        for number, spec in enumerate(_offers_for(company, index, today)):
            keys = spec.pop("keys")
            # A few offers wait for review, one is a draft: something for the moderators to do.
            status = OfferStatus.PUBLISHED
            if number == 1 and index % 20 == 3:
                status = OfferStatus.IN_REVIEW
            elif number == 2 and index % 30 == 7:
                status = OfferStatus.DRAFT
            offer, _created = Offer.objects.update_or_create(
                municipality=municipality,
                company=company,
                title=spec["title"],
                defaults={
                    **spec,
                    "status": status,
                    "street": company.street,
                    "postcode": company.postcode,
                    "city": company.city,
                    "latitude": company.latitude,
                    "longitude": company.longitude,
                    "district": company.district,
                    "contact_name": "Frau Beispiel" if index % 2 else "Herr Muster",
                    "contact_email": f"ausbildung{index}@example.org",
                    "published_at": timezone.now() - datetime.timedelta(days=index % 14, hours=number)
                    if status == OfferStatus.PUBLISHED
                    else None,
                },
            )
            offer.occupations.set([occupations[k] for k in keys if k in occupations])
            sync_occupation_text(offer)
            count += 1
    return count


@transaction.atomic
def load_overdue_application(company: Company, applicant) -> Application | None:
    """An application of `applicant` to an open offer of `company`, sent a day longer ago than companies have
    to acknowledge it, not acknowledged and not reminded yet (reset on every run of the demo)."""
    offer = (
        Offer.objects.filter(company=company, status=OfferStatus.PUBLISHED, apply_method=ApplyMethod.HERE)
        .order_by("pk")
        .first()
    )
    if offer is None or applicant is None:
        return None
    sent = timezone.now() - datetime.timedelta(days=settings.OFFERS_ACKNOWLEDGE_DAYS + 1)
    application, _created = Application.objects.update_or_create(
        offer=offer,
        applicant=applicant,
        defaults={
            "municipality": offer.municipality,
            "student": directory.student_of(applicant),
            "message": "Hallo, ich interessiere mich sehr für Ihr Angebot und würde gern mehr erfahren. "
            "(Eine erfundene Demo-Bewerbung.)",
            "status": ApplicationStatus.SENT,
            "acknowledge_due": sent + datetime.timedelta(days=settings.OFFERS_ACKNOWLEDGE_DAYS),
            "acknowledged_at": None,
            "reminder_sent_at": None,
            "escalated_at": None,
        },
    )
    # `created` and `status_changed` are set on insert: the application was sent days ago.
    Application.objects.filter(pk=application.pk).update(created=sent, status_changed=sent)
    application.events.all().delete()
    event = ApplicationEvent.objects.create(
        municipality=offer.municipality, application=application, status=ApplicationStatus.SENT
    )
    ApplicationEvent.objects.filter(pk=event.pk).update(created=sent)
    return application


@demo_loader(50)
def load_demo(world: DemoWorld) -> dict[str, int]:
    offers = load_demo_offers(world.municipalities["main"])
    company = Company.objects.filter(pk=world.organisations["company"].pk).first()
    overdue = load_overdue_application(company, world.users.get("student")) if company else None
    return {"offers": offers, "overdue applications": int(overdue is not None)}
