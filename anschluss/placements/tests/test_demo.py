"""The issue's acceptance check on the demo data: the round for the project schools runs in both modes, places
most students who chose within a short commute, explains everyone else, and produces agreements."""

import pytest
from django.core.management import call_command
from django_scopes import scope

from anschluss.accounts.models import User
from anschluss.core.models import Municipality
from anschluss.placements import services
from anschluss.placements.demo import ROUND_NAME
from anschluss.placements.models import MatchRun, PlacementAgreement, PlacementRound
from anschluss.placements.pdf import render_agreement_pdf
from anschluss.placements.services.matching import execute_run
from anschluss.testing.browser import persona


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Municipality.objects.get(slug="dortmund")


def test_the_demo_round_places_most_students_near_their_school(demo):
    liaison = User.objects.get(username=persona("liaison").username)
    with scope(municipality=demo.pk):
        round_ = PlacementRound.objects.get(name=ROUND_NAME)
        assert round_.schools.filter(is_project_school=True).count() == round_.schools.count() == 9
        round_ = services.do_set_round_status(round_, PlacementRound.Status.CLOSED, actor=liaison)
        runs = {}
        for mode in MatchRun.Mode.values:
            run = MatchRun.objects.create(municipality=demo, round=round_, mode=mode, seed=round_.seed)
            runs[mode] = execute_run(run.pk)
            assert runs[mode].status == MatchRun.Status.DONE, runs[mode].error
        stable = runs[MatchRun.Mode.STABLE]
        assert stable.stats["students"] >= 10
        assert stable.stats["placed"] >= 0.8 * stable.stats["students"]
        assert stable.stats["blocking_pairs"] == 0
        assert runs[MatchRun.Mode.WELFARE].stats["placed"] >= stable.stats["placed"]
        for assignment in stable.assignments.values():
            # Everyone has an explanation; the placed are within the round's maximum commute.
            assert assignment["reasons"]
            if assignment["place"] is not None:
                assert assignment["km"] <= round_.max_commute_km
        # The students who chose nothing are counted, so the school can remind them.
        assert stable.stats["without_choices"] == stable.stats["eligible"] - stable.stats["students"] > 0

        assert services.do_adopt_run(stable, actor=liaison) == stable.stats["placed"]
        assert services.do_confirm_round(round_, actor=liaison) == stable.stats["placed"]
        agreement = PlacementAgreement.objects.filter(placement__round=round_).first()
        assert agreement is not None
        assert render_agreement_pdf(agreement).startswith(b"%PDF")
