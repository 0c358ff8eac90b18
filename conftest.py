"""Shared fixtures: a small world of two municipalities with the fixed personas of ARCHITECTURE.md.

The world is made with the same code as the demo (accounts/personas.py), on a few factory-made organisations
instead of Dortmund's 170 schools, so that every test can afford a fresh one.
"""

import os
from types import SimpleNamespace

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("ANSCHLUSS_TESTING", "1")

# Speed is measured in bench/, never by timing inside a test: no Hypothesis deadline, which a busy machine
# would turn into flaky failures.
hypothesis_settings.register_profile("anschluss", deadline=None)
hypothesis_settings.load_profile("anschluss")

pytest_plugins = ["anschluss.testing.browser", "anschluss.testing.guards"]

PERSONA_PASSWORD = "persona-password-2026"


@pytest.fixture
def world(db):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django_scopes import scopes_disabled

    from anschluss.accounts.personas import create_personas
    from anschluss.core.tests import factories

    with scopes_disabled():
        main = factories.MunicipalityFactory(slug="dortmund", name="Dortmund")
        other = factories.MunicipalityFactory(slug="beispielstadt", name="Beispielstadt")
        west = factories.DistrictFactory(
            municipality=main, name="Lütgendortmund", slug="luetgendortmund", number=10
        )
        north = factories.DistrictFactory(municipality=main, name="Eving", slug="eving", number=4)
        other_district = factories.DistrictFactory(municipality=other, name="Nord", slug="nord", number=1)
        orgs = {
            "project_school": factories.SchoolFactory(
                municipality=main,
                district=west,
                name="Hauptschule Kley",
                school_number="147709",
                school_form="H",
                is_project_school=True,
            ),
            "other_school": factories.SchoolFactory(
                municipality=main,
                district=north,
                name="Gesamtschule Nord",
                school_number="188207",
                school_form="GE",
            ),
            "company": factories.CompanyFactory(municipality=main, district=west, name="Beispiel Elektro"),
            "other_company": factories.CompanyFactory(
                municipality=main, district=north, name="Muster Bäckerei"
            ),
        }
        for key, kind in [
            ("employment_agency", "employment_agency"),
            ("jobcenter", "jobcenter"),
            ("counselling_office", "counselling_office"),
            ("municipal_office", "municipal_office"),
            ("economic_development", "economic_development"),
        ]:
            orgs[key] = factories.OrganisationFactory(
                municipality=main, kind=kind, name=key.replace("_", " ")
            )
        orgs["other_municipal_office"] = factories.OrganisationFactory(
            municipality=other, kind="municipal_office", name="Koordinierung Beispielstadt"
        )
        other_school = factories.SchoolFactory(
            municipality=other, district=other_district, name="Beispielschule", school_number="999001"
        )
        users = create_personas({"main": main, "other": other}, orgs, password=PERSONA_PASSWORD)
        # Everyone who must use a second factor has one, as in production.
        for user in users.values():
            if user.needs_second_factor:
                TOTP.activate(user, generate_totp_secret())
    return SimpleNamespace(
        main=main,
        other=other,
        districts={"west": west, "north": north, "other": other_district},
        orgs=orgs,
        other_school=other_school,
        users=users,
    )


@pytest.fixture
def personas(world):
    return world.users


@pytest.fixture
def client_for(client, world):
    """client_for("coordinator") -> a test client signed in as that persona (anonymous for "anonymous")."""
    from django.test import Client

    def make(key: str) -> Client:
        new = Client()
        if key != "anonymous":
            new.force_login(world.users[key], backend="django.contrib.auth.backends.ModelBackend")
        return new

    return make


@pytest.fixture
def in_scope(world):
    """Run ORM code inside the main municipality's scope, as a request to /dortmund/ would."""
    from django_scopes import scope

    with scope(municipality=world.main.pk):
        yield world.main
