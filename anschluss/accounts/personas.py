"""The fixed personas of ARCHITECTURE.md, shared by the demo and the tests.

Each persona holds one role at one organisation, named by a key that the caller maps to a real organisation
(the demo uses real Dortmund schools, the tests small factory-made ones).
"""

from dataclasses import dataclass

from django.db import transaction

from anschluss.core.audit import log_action

from . import directory
from .models import Role, User


@dataclass(frozen=True)
class Persona:
    key: str
    username: str
    email: str | None
    first_name: str
    last_name: str
    role: Role | None
    organisation: str | None  # key into the organisations mapping
    municipality: str = "main"  # "main" (Dortmund) or "other" (the second municipality)
    is_platform_admin: bool = False


PERSONAS: list[Persona] = [
    Persona("student", "schueler.kley", None, "Mia", "Schülerin", Role.STUDENT, "project_school"),
    Persona(
        "guardian",
        "eltern.kley",
        "eltern.kley@example.org",
        "Aylin",
        "Elternteil",
        Role.GUARDIAN,
        "project_school",
    ),
    Persona(
        "teacher",
        "lehrkraft.kley",
        "lehrkraft.kley@example.org",
        "Tim",
        "Lehrkraft",
        Role.TEACHER,
        "project_school",
    ),
    Persona(
        "school_coordinator",
        "stubo.kley",
        "stubo.kley@example.org",
        "Sara",
        "Studienkoordination",
        Role.SCHOOL_COORDINATOR,
        "project_school",
    ),
    Persona(
        "other_school_coordinator",
        "stubo.boell",
        "stubo.boell@example.org",
        "Jonas",
        "Andereschule",
        Role.SCHOOL_COORDINATOR,
        "other_school",
    ),
    Persona(
        "company_staff",
        "ausbildung.elektro",
        "ausbildung@elektro-beispiel.example.org",
        "Petra",
        "Ausbilderin",
        Role.COMPANY_STAFF,
        "company",
    ),
    Persona(
        "other_company_staff",
        "personal.baeckerei",
        "personal@baeckerei-beispiel.example.org",
        "Murat",
        "Personal",
        Role.COMPANY_STAFF,
        "other_company",
    ),
    Persona(
        "liaison",
        "akquise.west",
        "akquise.west@example.org",
        "Lena",
        "Akquise",
        Role.LIAISON,
        "economic_development",
    ),
    Persona(
        "partner_counsellor",
        "berufsberatung",
        "berufsberatung@example.org",
        "Klaus",
        "Berufsberater",
        Role.PARTNER_COUNSELLOR,
        "employment_agency",
    ),
    Persona(
        "jobcenter_counsellor",
        "jobcenter.u25",
        "jobcenter.u25@example.org",
        "Nina",
        "Jobcenter",
        Role.PARTNER_COUNSELLOR,
        "jobcenter",
    ),
    Persona(
        "counsellor",
        "bildungsberatung",
        "bildungsberatung@example.org",
        "Emre",
        "Beratung",
        Role.COUNSELLOR,
        "counselling_office",
    ),
    Persona(
        "coordinator",
        "koordination",
        "koordination@example.org",
        "Anna",
        "Koordination",
        Role.COORDINATOR,
        "municipal_office",
    ),
    Persona(
        "statistics_reader",
        "statistik",
        "statistik@example.org",
        "Paul",
        "Statistik",
        Role.STATISTICS_READER,
        "municipal_office",
    ),
    Persona(
        "platform_admin",
        "plattform.admin",
        "admin@example.org",
        "Greta",
        "Admin",
        None,
        None,
        is_platform_admin=True,
    ),
    Persona(
        "other_municipality_coordinator",
        "koordination.beispielstadt",
        "koordination@beispielstadt.example.org",
        "Ole",
        "Anderstadt",
        Role.COORDINATOR,
        "other_municipal_office",
        municipality="other",
    ),
]

PERSONA_KEYS = [p.key for p in PERSONAS]


@transaction.atomic
def create_personas(
    municipalities: dict, organisations: dict, *, password: str, demo: bool = False
) -> dict[str, User]:
    """Create or update every persona; idempotent. `municipalities` maps "main"/"other" to Municipality."""
    users = {}
    for persona in PERSONAS:
        municipality = None if persona.is_platform_admin else municipalities[persona.municipality]
        user, created = User.objects.get_or_create(
            username=persona.username,
            defaults={
                "email": persona.email,
                "first_name": persona.first_name,
                "last_name": persona.last_name,
                "municipality": municipality,
                "is_superuser": persona.is_platform_admin,
                "is_staff": persona.is_platform_admin,
                "is_demo_persona": demo,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            log_action(
                None, "accounts.user.create", user, {"persona": persona.key}, municipality=municipality
            )
        if persona.role is not None:
            organisation = organisations[persona.organisation]
            if persona.role not in user.roles_in(organisation.municipality_id):
                membership = directory.grant(user, organisation, persona.role)
                log_action(None, "accounts.membership.create", membership, {"role": persona.role})
        if persona.email:
            _verify_email(user, persona.email)
        users[persona.key] = user
    return users


def _verify_email(user: User, email: str) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
