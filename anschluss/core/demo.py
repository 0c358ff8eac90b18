"""The Dortmund demo: real districts, quarters and schools, invented companies, the personas, a second city.

Deterministic (a fixed random seed) and idempotent (everything is created with get_or_create/update_or_create).
Company names are obviously invented ("Beispiel", "Muster") so nobody mistakes them for real firms.

The core loads the municipalities, schools, companies and partner organisations; every app adds its part with a
loader in its own `demo.py`, registered with `@demo_loader(order)` (core imports no app: the `demo` modules of
all installed apps are discovered). Loaders run in their order inside one transaction and share a `DemoWorld`:
accounts (10) creates the personas, then occupations (20), students (30), placements (40), offers (50).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django_scopes import scopes_disabled

from .models import Company, District, Municipality, Organisation, OrganisationKind, School, SchoolForm
from .reference_data import import_dortmund

DEMO_PASSWORD = "anschluss-demo"

# Nine project schools of "Ausbildung im Quartier": Dortmund's eight Hauptschulen and one Gesamtschule.
PROJECT_SCHOOL_NUMBERS = [
    "147709",  # Hauptschule Kley, Lütgendortmund
    "147801",  # Emscherschule Aplerbeck
    "147898",  # Hauptschule Am Externberg, Eving
    "147941",  # Hauptschule Scharnhorst
    "147977",  # Schule am Hafen, Innenstadt-Nord
    "148015",  # Jeanette-Wolff-Schule, Mengede
    "148076",  # Konrad von der Mark Schule, Hörde
    "148143",  # Hauptschule Husen, Scharnhorst
    "188827",  # Gustav-Heinemann-Gesamtschule, Huckarde
]
PERSONA_SCHOOL = "147709"
OTHER_PERSONA_SCHOOL = "188207"  # Heinrich-Böll-Gesamtschule, Lütgendortmund (no project school)

# (trade, industry, training chamber, size)
TRADES = [
    ("Elektrotechnik", "Elektrohandwerk", Company.TrainingChamber.HWK, Company.Size.SMALL),
    ("Bäckerei", "Lebensmittelhandwerk", Company.TrainingChamber.HWK, Company.Size.SMALL),
    ("Autowerkstatt", "Kfz-Handwerk", Company.TrainingChamber.HWK, Company.Size.MICRO),
    ("Logistik", "Lagerlogistik", Company.TrainingChamber.IHK, Company.Size.MEDIUM),
    ("Pflegedienst", "Pflege", Company.TrainingChamber.OTHER, Company.Size.MEDIUM),
    ("Steuerberatung", "Freie Berufe", Company.TrainingChamber.OTHER, Company.Size.MICRO),
    ("Zahnarztpraxis", "Gesundheit", Company.TrainingChamber.OTHER, Company.Size.MICRO),
    ("IT-Systemhaus", "Informationstechnik", Company.TrainingChamber.IHK, Company.Size.SMALL),
    ("Metallbau", "Metallhandwerk", Company.TrainingChamber.HWK, Company.Size.SMALL),
    ("Supermarkt", "Einzelhandel", Company.TrainingChamber.IHK, Company.Size.MEDIUM),
    ("Sanitär und Heizung", "SHK-Handwerk", Company.TrainingChamber.HWK, Company.Size.SMALL),
    ("Friseursalon", "Friseurhandwerk", Company.TrainingChamber.HWK, Company.Size.MICRO),
    ("Hotel", "Gastgewerbe", Company.TrainingChamber.IHK, Company.Size.MEDIUM),
    ("Versicherungsbüro", "Finanzdienstleistungen", Company.TrainingChamber.IHK, Company.Size.SMALL),
    ("Maschinenbau", "Industrie", Company.TrainingChamber.IHK, Company.Size.LARGE),
]
NAME_PATTERNS = ["Beispiel-{trade} {place}", "{trade} Muster {place} GmbH", "Fiktiv {trade} {place}"]
COMPANIES_PER_DISTRICT = 5

PARTNERS = [
    ("employment_agency", OrganisationKind.EMPLOYMENT_AGENCY, "Agentur für Arbeit (Demo)"),
    ("jobcenter", OrganisationKind.JOBCENTER, "Jobcenter U25 (Demo)"),
    ("chamber_ihk", OrganisationKind.CHAMBER_OF_COMMERCE, "Industrie- und Handelskammer (Demo)"),
    ("chamber_hwk", OrganisationKind.CHAMBER_OF_CRAFTS, "Handwerkskammer (Demo)"),
    ("school_authority", OrganisationKind.SCHOOL_AUTHORITY, "Schulamt (Demo)"),
    ("counselling_office", OrganisationKind.COUNSELLING_OFFICE, "Dienstleistungszentrum Bildung (Demo)"),
    ("municipal_office", OrganisationKind.MUNICIPAL_OFFICE, "Kommunale Koordinierung (Demo)"),
    ("economic_development", OrganisationKind.ECONOMIC_DEVELOPMENT, "Wirtschaftsförderung (Demo)"),
]

DEMO_NOTICE = (
    "Dies ist eine Demo-Installation von Anschluss mit erfundenen Betrieben und Personen. "
    "Sie ist kein Angebot der Stadt {name}."
)


def _legal_texts(name: str) -> dict[str, str]:
    notice = DEMO_NOTICE.format(name=name)
    return {
        "imprint": notice + "\n\nVerantwortlich für diese Demo: das Anschluss-Projekt (Open Source).",
        "privacy_notice": notice + "\n\nIn der Demo werden keine echten personenbezogenen Daten verarbeitet.",
        "accessibility_statement": notice
        + "\n\nDiese Website soll die Anforderungen der BITV 2.0 erfüllen. Barrieren melden Sie über das "
        "Formular „Barriere melden“.",
    }


def _partner_organisations(municipality: Municipality, district: District) -> dict[str, Organisation]:
    result = {}
    for key, kind, name in PARTNERS:
        result[key], _ = Organisation.objects.get_or_create(
            municipality=municipality, kind=kind, name=name, defaults={"district": district}
        )
    return result


def _companies(municipality: Municipality, rng: random.Random) -> list[Company]:
    companies = []
    schools = list(School.objects.filter(municipality=municipality).select_related("district", "quarter"))
    for district in District.objects.filter(municipality=municipality).order_by("number"):
        anchors = [s for s in schools if s.district_id == district.pk] or schools
        for index in range(COMPANIES_PER_DISTRICT):
            # The offset puts an electrical firm (the company persona's) into Lütgendortmund, near Hauptschule Kley.
            trade, industry, chamber, size = TRADES[
                ((district.number or 0) * 7 + index * 3 + 5) % len(TRADES)
            ]
            anchor = anchors[rng.randrange(len(anchors))]
            assert anchor.latitude is not None and anchor.longitude is not None
            place = anchor.quarter.name if anchor.quarter else district.name
            name = NAME_PATTERNS[index % len(NAME_PATTERNS)].format(trade=trade, place=place)
            company, _ = Company.objects.update_or_create(
                municipality=municipality,
                name=name,
                defaults={
                    "kind": OrganisationKind.COMPANY,
                    "industry": industry,
                    "size": size,
                    "training_chamber": chamber,
                    "district": district,
                    "quarter": anchor.quarter,
                    "street": f"Beispielweg {index + 1}",
                    "postcode": anchor.postcode,
                    "city": municipality.name,
                    # Within about a kilometre of a school of the district.
                    "latitude": round(anchor.latitude + rng.uniform(-0.008, 0.008), 6),
                    "longitude": round(anchor.longitude + rng.uniform(-0.012, 0.012), 6),
                },
            )
            companies.append(company)
    return companies


def _second_municipality() -> tuple[Municipality, dict[str, Organisation]]:
    other, _ = Municipality.objects.update_or_create(
        slug="beispielstadt",
        defaults={
            "name": "Beispielstadt",
            "latitude": 51.0,
            "longitude": 7.0,
            **_legal_texts("Beispielstadt"),
        },
    )
    north, _ = District.objects.update_or_create(
        municipality=other, name="Nord", defaults={"number": 1, "slug": "nord"}
    )
    District.objects.update_or_create(municipality=other, name="Süd", defaults={"number": 2, "slug": "sued"})
    School.objects.update_or_create(
        municipality=other,
        school_number="999001",
        defaults={
            "kind": OrganisationKind.SCHOOL,
            "name": "Beispielschule Nord",
            "school_form": SchoolForm.GE,
            "district": north,
            "latitude": 51.0,
            "longitude": 7.0,
        },
    )
    office, _ = Organisation.objects.get_or_create(
        municipality=other,
        kind=OrganisationKind.MUNICIPAL_OFFICE,
        name="Kommunale Koordinierung Beispielstadt",
    )
    return other, {"other_municipal_office": office}


def _first(companies: list[Company], industry: str) -> Company | None:
    return next((c for c in companies if c.industry == industry), None)


@dataclass
class DemoWorld:
    """What the loaders share: the municipalities, the organisations and (after accounts) the personas."""

    municipalities: dict[str, Municipality]
    organisations: dict[str, Organisation]
    rng: random.Random
    users: dict = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # Lines of the command's summary after loading (the accounts loader adds the persona logins).
    summary: list[str] = field(default_factory=list)


Loader = Callable[[DemoWorld], dict[str, int] | None]
_LOADERS: list[tuple[int, str, Loader]] = []


def demo_loader(order: int) -> Callable[[Loader], Loader]:
    """Register an app's demo loader; it gets the DemoWorld and returns counts for the summary (or None)."""

    def register(loader: Loader) -> Loader:
        name = f"{loader.__module__}.{loader.__qualname__}"
        if all(existing != name for _order, existing, _loader in _LOADERS):
            _LOADERS.append((order, name, loader))
            _LOADERS.sort(key=lambda entry: (entry[0], entry[1]))
        return loader

    return register


def loaders() -> list[Loader]:
    autodiscover_modules("demo")
    return [loader for _order, _name, loader in _LOADERS]


@transaction.atomic
def load_demo() -> DemoWorld:
    """Load (or refresh) the whole demo: the core's part, then every app's loader. Returns the world."""
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    with scopes_disabled():
        dortmund, _ = Municipality.objects.update_or_create(
            slug="dortmund",
            defaults={
                "name": "Dortmund",
                "official_key": "05913000",
                "latitude": 51.5136,
                "longitude": 7.4653,
                "contact_email": "demo@example.org",
                **_legal_texts("Dortmund"),
            },
        )
        counts = import_dortmund(dortmund)
        School.objects.filter(municipality=dortmund).update(is_project_school=False)
        School.objects.filter(municipality=dortmund, school_number__in=PROJECT_SCHOOL_NUMBERS).update(
            is_project_school=True
        )
        companies = _companies(dortmund, rng)
        central = District.objects.get(municipality=dortmund, name="Innenstadt-West")
        organisations: dict[str, Organisation] = _partner_organisations(dortmund, central)
        organisations["project_school"] = School.objects.get(
            municipality=dortmund, school_number=PERSONA_SCHOOL
        )
        organisations["other_school"] = School.objects.get(
            municipality=dortmund, school_number=OTHER_PERSONA_SCHOOL
        )
        near = [c for c in companies if c.district_id == organisations["project_school"].district_id]
        organisations["company"] = _first(near, "Elektrohandwerk") or near[0]
        organisations["other_company"] = _first(companies, "Lebensmittelhandwerk") or companies[-1]
        other, other_orgs = _second_municipality()
        organisations.update(other_orgs)
        counts["companies"] = len(companies)
        world = DemoWorld({"main": dortmund, "other": other}, organisations, rng, counts=counts)
        for loader in loaders():
            world.counts.update(loader(world) or {})
    return world
