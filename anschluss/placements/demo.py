"""The placement demo: an open round "Praktikum Frühjahr 2027" for the nine project schools (grades 8 and 9),
places at the invented demo companies near those schools, and choices of some demo students of Hauptschule
Kley: three in four rank four of the eight places nearest to the school, the others have not chosen yet (the
student persona has no choices, so that the demo can show choosing). Deterministic and idempotent."""

import datetime

from django.utils import timezone
from django_scopes import scope

from anschluss.core.demo import DemoWorld, demo_loader
from anschluss.core.models import Company, Municipality, School
from anschluss.occupations.models import OccupationalField

from .instance_builder import COMMUTE, point
from .models import PlacementRound, Preference, RoundPlace

ROUND_NAME = "Praktikum Frühjahr 2027"
PLACES_PER_SCHOOL = 5
NEAR_KM = 4.0
CHOICE_POOL = 8  # a demo student ranks places among the 8 nearest to the school (within the maximum commute)
CHOICES_PER_STUDENT = 4

# Demo industry -> (KAoA field key, what students do)
INDUSTRIES = {
    "Elektrohandwerk": ("EL", "Kabel verlegen und Schaltungen prüfen"),
    "Lebensmittelhandwerk": ("D", "Teig kneten, backen und verkaufen"),
    "Kfz-Handwerk": ("M", "Reifen wechseln und Autos prüfen"),
    "Lagerlogistik": ("VL", "Waren annehmen, lagern und verschicken"),
    "Pflege": ("G", "Menschen im Alltag begleiten"),
    "Freie Berufe": ("WIVE", "Im Büro mitarbeiten"),
    "Gesundheit": ("G", "In der Praxis mithelfen"),
    "Informationstechnik": ("ITC", "Computer einrichten und Fehler suchen"),
    "Metallhandwerk": ("M", "Metall sägen, bohren und schweißen"),
    "Einzelhandel": ("WIVE", "Regale einräumen und Kunden beraten"),
    "SHK-Handwerk": ("M", "Heizungen und Bäder einbauen"),
    "Friseurhandwerk": ("D", "Haare waschen und Kunden empfangen"),
    "Gastgewerbe": ("D", "In Küche und Service mitarbeiten"),
    "Finanzdienstleistungen": ("WIVE", "Kunden beraten und Akten pflegen"),
    "Industrie": ("M", "In der Fertigung mitarbeiten"),
}


def _aware(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 8, 0))


def load_placements_demo(municipality: Municipality) -> dict[str, int]:
    with scope(municipality=municipality.pk):
        schools = list(School.objects.filter(is_project_school=True).order_by("school_number"))
        round_, _created = PlacementRound.objects.update_or_create(
            municipality=municipality,
            name=ROUND_NAME,
            defaults={
                "iso_year": 2027,
                "week_from": 10,
                "week_to": 11,
                "grades": [8, 9],
                "choices_open": _aware(2026, 11, 1),
                "choices_close": _aware(2027, 2, 26),
                "max_choices": 5,
                "max_commute_km": 8.0,
                "seed": 2027,
                "status": PlacementRound.Status.OPEN,
            },
        )
        round_.schools.set(schools)
        places = _places(municipality, round_, schools)
        _preferences(round_, places)
        preferences = Preference.objects.filter(round=round_).count()
    return {"placement_places": len(places), "placement_preferences": preferences}


def _places(municipality: Municipality, round_: PlacementRound, schools: list[School]) -> list[RoundPlace]:
    companies = list(Company.objects.filter(latitude__isnull=False).order_by("name"))
    fields = {f.key: f for f in OccupationalField.objects.all()}
    chosen: dict[int, Company] = {}
    for school in schools:
        if school.latitude is None or school.longitude is None:
            continue
        origin = (school.latitude, school.longitude)
        located = [(c, point(c)) for c in companies]
        near = sorted(
            ((COMMUTE.distance_km(origin, site), c.name, c) for c, site in located if site is not None),
            key=lambda row: row[:2],
        )
        for km, _name, company in near[:PLACES_PER_SCHOOL]:
            if km <= NEAR_KM:
                chosen[company.pk] = company
    places = []
    for index, company in enumerate(sorted(chosen.values(), key=lambda c: c.name)):
        field_key, title = INDUSTRIES.get(company.industry, ("", "Im Betrieb mitarbeiten"))
        place, _created = RoundPlace.objects.update_or_create(
            municipality=municipality,
            round=round_,
            company=company,
            defaults={
                "title": title,
                "field": fields.get(field_key),
                "street": company.street,
                "postcode": company.postcode,
                "latitude": company.latitude,
                "longitude": company.longitude,
                "capacity": 1 + index % 3,
                "supervisor": "Ausbildungsleitung (Demo)",
            },
        )
        places.append(place)
    return places


def _preferences(round_: PlacementRound, places: list[RoundPlace]) -> None:
    from .students import round_students

    students = round_students(round_)
    for number, student in enumerate(
        students.filter(user__isnull=True).order_by("last_name", "first_name", "pk")
    ):
        origin = point(student.school)
        if number % 4 == 3 or origin is None:
            continue  # a quarter has not chosen yet: the school can remind them
        if Preference.objects.filter(round=round_, student=student).exists():
            continue
        reachable = sorted(
            (km, p.pk, p)
            for p in places
            if (km := COMMUTE.distance_km(origin, (p.latitude, p.longitude))) <= round_.max_commute_km
        )
        nearest = [p for _km, _pk, p in reachable[:CHOICE_POOL]]
        # Students want different things: each ranks CHOICES_PER_STUDENT of the nearest places, starting at
        # a different one, so that the demand spreads over the places as in a real round.
        start = number % len(nearest) if nearest else 0
        ranked = (nearest[start:] + nearest[:start])[:CHOICES_PER_STUDENT]
        for rank, place in enumerate(ranked, start=1):
            Preference.objects.create(
                municipality_id=round_.municipality_id, round=round_, student=student, place=place, rank=rank
            )


@demo_loader(40)
def load_demo(world: DemoWorld) -> dict[str, int]:
    return load_placements_demo(world.municipalities["main"])
