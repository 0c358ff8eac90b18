"""Services of the placements app: matching runs, adopting them, and refusing runs whose input changed."""

import pytest
from django.utils import translation

from anschluss.core.services import ServiceError
from anschluss.placements import services
from anschluss.placements.instance_builder import current_fingerprint
from anschluss.placements.models import (
    MatchRun,
    Placement,
    PlacementRound,
    Preference,
)
from anschluss.placements.queries import out_of_date_runs

from . import factories
from .factories import logged


class TestRuns:
    def test_run_in_both_modes(self, world, market, personas, django_capture_on_commit_callbacks):
        r, _places, _students = market
        for mode in MatchRun.Mode.values:
            with django_capture_on_commit_callbacks(execute=True):
                run = services.do_start_run(r, mode, actor=personas["liaison"])
            run.refresh_from_db()
            assert run.status == MatchRun.Status.DONE, run.error
            assert run.stats["placed"] == 2 and run.stats["unplaced"] == 1
            assert run.progress == 100
        assert logged("placements.matchrun.finish")

    def test_run_explains_every_student(self, world, market):
        r, _places, _students = market
        run = factories.finished_run(world, r)
        unplaced = [a for a in run.assignments.values() if a["place"] is None]
        assert len(unplaced) == 1
        assert unplaced[0]["reasons"][0]["code"] == "unplaced"

    def test_adopt_creates_proposals_and_replaces_old_ones(self, world, market, personas):
        r, _places, _students = market
        first = factories.finished_run(world, r)
        second = factories.finished_run(world, r, MatchRun.Mode.WELFARE)
        assert services.do_adopt_run(first, actor=personas["liaison"]) == 2
        assert services.do_adopt_run(second, actor=personas["liaison"]) == 2
        assert set(Placement.objects.values_list("source_run", flat=True)) == {second.pk}
        assert logged("placements.matchrun.adopt")

    def test_adopt_needs_closed_choices(self, world, market, personas):
        r, _places, _students = market
        run = factories.finished_run(world, r)
        PlacementRound.objects.filter(pk=r.pk).update(status=PlacementRound.Status.OPEN)
        with pytest.raises(ServiceError):
            services.do_adopt_run(run, actor=personas["liaison"])
        assert not Placement.objects.exists()


def _withdraw_choices(world, r, places, students, personas):
    Preference.objects.filter(round=r, student=students[2]).delete()


def _reorder_choices(world, r, places, students, personas):
    near, far = places
    Preference.objects.filter(round=r, student=students[1]).delete()
    for rank, place in enumerate([far, near], start=1):
        Preference.objects.create(
            municipality=world.main, round=r, student=students[1], place=place, rank=rank
        )


def _add_student_with_choice(world, r, places, students, personas):
    newcomer = factories.student(world, "Dana", "Dorn")
    Preference.objects.create(municipality=world.main, round=r, student=newcomer, place=places[1], rank=1)


def _student_leaves_the_grades(world, r, places, students, personas):
    students[1].grade = 10
    students[1].save(update_fields=["grade"])


def _raise_capacity(world, r, places, students, personas):
    services.do_update_place(places[0], capacity=2, actor=personas["liaison"])


def _remove_place(world, r, places, students, personas):
    places[1].delete()


def _add_place(world, r, places, students, personas):
    factories.place(world, r, "company", title="Lager", lat_offset=0.015)


def _move_place(world, r, places, students, personas):
    services.do_update_place(places[1], latitude=places[1].latitude + 0.01, actor=personas["liaison"])


def _lower_max_commute(world, r, places, students, personas):
    services.do_update_round(r, max_commute_km=6.5, actor=personas["liaison"])


def _new_seed(world, r, places, students, personas):
    services.do_update_round(r, seed=r.seed + 1, actor=personas["liaison"])


def _locality_off(world, r, places, students, personas):
    services.do_update_round(r, use_locality=False, actor=personas["liaison"])


class TestStaleRuns:
    """A run remembers a fingerprint of its complete input; adopting it after that input changed is refused."""

    def test_run_records_the_fingerprint_of_its_input(self, world, market):
        r, _places, _students = market
        stable = factories.finished_run(world, r)
        welfare = factories.finished_run(world, r, MatchRun.Mode.WELFARE)
        assert len(stable.input_fingerprint) == 64
        assert stable.input_fingerprint == welfare.input_fingerprint == current_fingerprint(r)

    @pytest.mark.parametrize(
        "change",
        [
            _withdraw_choices,
            _reorder_choices,
            _add_student_with_choice,
            _student_leaves_the_grades,
            _raise_capacity,
            _remove_place,
            _add_place,
            _move_place,
            _lower_max_commute,
            _new_seed,
            _locality_off,
        ],
    )
    def test_changed_input_is_refused_and_changes_nothing(self, world, market, personas, change):
        r, places, students = market
        run = factories.finished_run(world, r)
        services.do_assign_student(r, students[2], places[0], actor=personas["liaison"])
        change(world, r, places, students, personas)
        r.refresh_from_db()
        with translation.override("en"), pytest.raises(ServiceError, match="have changed since this run"):
            services.do_adopt_run(run, actor=personas["liaison"])
        # The placement made by hand is still the only one; nothing was adopted.
        assert list(Placement.objects.values_list("student", "source_run")) == [(students[2].pk, None)]
        assert not logged("placements.matchrun.adopt")

    def test_choices_changed_after_the_run_then_closed(self, world, in_scope, personas):
        """The issue's case: a run made while choices were open, adopted after closing."""
        r, (near, far), _students = factories.market(world, status=PlacementRound.Status.OPEN)
        early = factories.finished_run(world, r)
        services.do_set_choices(r, [far.pk, near.pk], actor=personas["student"])
        services.do_set_round_status(r, PlacementRound.Status.CLOSED, actor=personas["liaison"])
        with translation.override("de"), pytest.raises(ServiceError) as refused:
            services.do_adopt_run(early, actor=personas["liaison"])
        assert str(refused.value) == (
            "Die Wahlen oder Plätze haben sich seit dieser Zuteilung geändert. "
            "Bitte starten Sie die Zuteilung noch einmal."
        )
        assert not Placement.objects.exists()
        # A run on the current choices is adopted.
        assert services.do_adopt_run(factories.finished_run(world, r), actor=personas["liaison"]) == 2

    def test_unchanged_input_adopts_fine(self, world, in_scope, personas):
        """What the engine is not given may change: the fingerprint is of the input, not of the time."""
        r, (near, far), _students = factories.market(world, status=PlacementRound.Status.OPEN)
        run = factories.finished_run(world, r)
        # The student changes the list and changes it back; a place gets another supervisor; a classmate
        # without choices joins; the round gets another name.
        services.do_set_choices(r, [far.pk, near.pk], actor=personas["student"])
        services.do_set_choices(r, [near.pk, far.pk], actor=personas["student"])
        services.do_update_place(far, supervisor="Herr Bäcker", actor=personas["liaison"])
        factories.student(world, "Emil", "Ohnewahl")
        services.do_update_round(r, name="Praktikum Frühjahr (neu)", actor=personas["liaison"])
        services.do_set_round_status(r, PlacementRound.Status.CLOSED, actor=personas["liaison"])
        assert services.do_adopt_run(run, actor=personas["liaison"]) == 2
        assert set(Placement.objects.values_list("source_run", flat=True)) == {run.pk}
        assert logged("placements.matchrun.adopt")

    def test_run_without_fingerprint_is_refused(self, world, market, personas):
        """Runs computed before runs kept a fingerprint cannot be checked, so they count as out of date."""
        r, _places, _students = market
        run = factories.finished_run(world, r)
        MatchRun.objects.filter(pk=run.pk).update(input_fingerprint="")
        run.refresh_from_db()
        with pytest.raises(ServiceError):
            services.do_adopt_run(run, actor=personas["liaison"])
        assert not Placement.objects.exists()

    def test_out_of_date_runs_are_listed(self, world, market):
        r, _places, students = market
        stable = factories.finished_run(world, r)
        assert out_of_date_runs(r, [stable]) == set()
        Preference.objects.filter(round=r, student=students[2]).delete()
        welfare = factories.finished_run(world, r, MatchRun.Mode.WELFARE)
        queued = MatchRun.objects.create(municipality=world.main, round=r, mode="stable", seed=r.seed)
        assert out_of_date_runs(r, [stable, welfare, queued]) == {stable.pk}


class TestTaskBesideItsService:
    def test_the_matching_services_import_alone_and_register_the_task(self):
        """No import circle between the service and its task: a fresh interpreter imports the module first
        thing after Django's setup, and the task is registered under its old name by the setup alone."""
        import os
        import subprocess
        import sys

        code = (
            "import django; django.setup()\n"
            "from anschluss.celery import app\n"
            "assert 'anschluss.placements.tasks.execute_match_run' in app.tasks, sorted(app.tasks)\n"
            "import anschluss.placements.services.matching as matching\n"
            "print(matching.execute_match_run.name)\n"
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "anschluss.settings", "ANSCHLUSS_TESTING": "1"}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "anschluss.placements.tasks.execute_match_run"

    def test_the_task_is_registered_in_this_process(self):
        from anschluss.celery import app
        from anschluss.placements.services import execute_match_run

        assert execute_match_run.name == "anschluss.placements.tasks.execute_match_run"
        assert execute_match_run.name in app.tasks
