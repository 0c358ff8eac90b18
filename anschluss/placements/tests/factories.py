"""Objects of a placement round for the tests and the permission matrix, made on the conftest `world`.

The world's schools and companies all stand at the same point; places here get their own coordinates so that
distances differ. Each function opens no scope of its own: call it inside `scopes_disabled()` or a scope.
"""

from datetime import timedelta

from django.utils import timezone

from anschluss.core.models import AuditEntry
from anschluss.occupations.models import OccupationalField
from anschluss.placements.models import MatchRun, Placement, PlacementAgreement, PlacementRound, RoundPlace
from anschluss.students.models import Guardianship, SchoolClass, Student


def logged(action: str) -> bool:
    """Whether an audit entry for `action` ("app.noun.verb") was written."""
    return AuditEntry.objects.filter(action=action).exists()


def field(key="HW", name="Handwerk") -> OccupationalField:
    return OccupationalField.objects.get_or_create(key=key, defaults={"name": name, "slug": key.lower()})[0]


def student(world, first="Max", last="Muster", *, grade=9, user=None, school=None) -> Student:
    school = school or world.orgs["project_school"]
    return Student.objects.create(
        municipality=world.main, school=school, first_name=first, last_name=last, grade=grade, user=user
    )


def persona_student(world) -> Student:
    """The student persona's profile (Mia Schülerin, grade 9 at the project school), in class 9a of the teacher
    persona, with the guardian persona as accepted guardian."""
    user = world.users["student"]
    existing = Student.objects.filter(user=user).first()
    if existing:
        return existing
    school_class = SchoolClass.objects.create(
        municipality=world.main,
        school=world.orgs["project_school"],
        name="9a",
        grade=9,
        school_year="2026/27",
    )
    school_class.teachers.add(world.users["teacher"])
    profile = student(world, user.first_name, user.last_name, user=user)
    profile.school_class = school_class
    profile.save(update_fields=["school_class"])
    Guardianship.objects.create(
        municipality=world.main, student=profile, user=world.users["guardian"], accepted=timezone.now()
    )
    return profile


def round_(
    world, *, status=PlacementRound.Status.OPEN, name="Praktikum Frühjahr", max_commute_km=8.0
) -> PlacementRound:
    now = timezone.now()
    r = PlacementRound.objects.create(
        municipality=world.main,
        name=name,
        iso_year=2027,
        week_from=10,
        week_to=11,
        grades=[8, 9],
        choices_open=now - timedelta(days=1),
        choices_close=now + timedelta(days=7),
        max_commute_km=max_commute_km,
        status=status,
    )
    r.schools.set([world.orgs["project_school"]])
    return r


def place(world, r, company_key="company", *, capacity=1, title="Werkstatt", lat_offset=0.0) -> RoundPlace:
    company = world.orgs[company_key]
    return RoundPlace.objects.create(
        municipality=world.main,
        round=r,
        company=company,
        title=title,
        field=field(),
        latitude=company.latitude + lat_offset,
        longitude=company.longitude,
        capacity=capacity,
        supervisor="Frau Meister",
    )


def finished_run(world, r, mode=MatchRun.Mode.STABLE) -> MatchRun:
    from anschluss.placements.services.matching import execute_run

    run = MatchRun.objects.create(municipality=world.main, round=r, mode=mode, seed=r.seed)
    return execute_run(run.pk)


def market(world, *, status=PlacementRound.Status.CLOSED):
    """A round with two places (one seat each) and three students who ranked them; the persona first."""
    from anschluss.placements.models import Preference

    r = round_(world, status=status)
    near = place(world, r, "company", title="Elektro", lat_offset=0.01)
    far = place(world, r, "other_company", title="Backstube", lat_offset=0.02)
    students = [persona_student(world), student(world, "Ben", "Beispiel"), student(world, "Cem", "Cetin")]
    for s in students:
        for rank, p in enumerate([near, far], start=1):
            Preference.objects.create(municipality=world.main, round=r, student=s, place=p, rank=rank)
    return r, [near, far], students


def confirmed_agreement(world) -> PlacementAgreement:
    """A confirmed round in which the student persona is placed at the company persona's company."""
    r = round_(world, status=PlacementRound.Status.CONFIRMED, name="Praktikum Herbst")
    p = place(world, r, "company")
    placement = Placement.objects.create(
        municipality=world.main,
        round=r,
        student=persona_student(world),
        place=p,
        rank=1,
        distance_km=1.0,
        status=Placement.Status.CONFIRMED,
        confirmed=timezone.now(),
    )
    return PlacementAgreement.objects.create(municipality=world.main, placement=placement)
