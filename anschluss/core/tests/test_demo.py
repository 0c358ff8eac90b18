"""load_demo: deterministic, idempotent, every persona can log in."""

import pytest
from django.core.management import call_command
from django.test import Client
from django_scopes import scope, scopes_disabled

from anschluss.accounts.models import Membership, User
from anschluss.accounts.personas import PERSONAS
from anschluss.core.demo import DEMO_PASSWORD, PROJECT_SCHOOL_NUMBERS
from anschluss.core.models import Company, Municipality, Notification, School


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_has_dortmund_and_a_second_municipality(demo):
    assert set(Municipality.objects.values_list("slug", flat=True)) == {"dortmund", "beispielstadt"}
    dortmund = Municipality.objects.get(slug="dortmund")
    with scope(municipality=dortmund.pk):
        project = School.objects.filter(is_project_school=True)
        assert set(project.values_list("school_number", flat=True)) == set(PROJECT_SCHOOL_NUMBERS)
        assert set(project.values_list("school_form", flat=True)) <= {"H", "GE"}
        assert Company.objects.count() == 60
        assert Company.objects.values("district").distinct().count() == 12
        # Invented names only.
        assert all(any(w in c.name for w in ("Beispiel", "Muster", "Fiktiv")) for c in Company.objects.all())


def test_demo_is_idempotent(demo):
    with scopes_disabled():
        before = (
            User.objects.count(),
            Membership.objects.count(),
            School.objects.count(),
            Company.objects.count(),
        )
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        after = (
            User.objects.count(),
            Membership.objects.count(),
            School.objects.count(),
            Company.objects.count(),
        )
    assert before == after


def test_every_persona_can_log_in(demo):
    for persona in PERSONAS:
        client = Client()
        response = client.post(
            "/accounts/login/", {"login": persona.email or persona.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, persona.key
        assert User.objects.get(username=persona.username).is_demo_persona


def test_the_demo_scheduler_reminds_the_company_of_an_overdue_application(demo, settings):
    """What `make demo` promises: run_periodic (started beside runserver) reminds the persona company of the
    overdue demo application, and the reminder waits in its staff's inbox; nothing is started by hand."""
    settings.BA_IMPORT_ENABLED = False
    settings.DEMO_MODE = True  # as under make demo: the personas may skip the second factor
    call_command("run_periodic", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    staff = User.objects.get(username=next(p.username for p in PERSONAS if p.key == "company_staff"))
    with scopes_disabled():
        kinds = set(Notification.objects.filter(user=staff).values_list("kind", flat=True))
    assert "offers.application_reminder" in kinds
    client = Client()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    start = client.get(f"/{staff.municipality.slug}/start/")
    assert start.status_code == 200
    assert (
        "Bitte beantworten Sie die Bewerbung" in start.content.decode()
        or "Please answer the application" in (start.content.decode())
    )
