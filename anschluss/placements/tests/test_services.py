"""Services of the placements app: what they change, whom they check, what they log."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from anschluss.core.models import AuditEntry
from anschluss.placements import services
from anschluss.placements.instance_builder import current_fingerprint
from anschluss.placements.models import (
    MatchRun,
    Notice,
    Placement,
    PlacementFeedback,
    PlacementRound,
    Preference,
)
from anschluss.placements.queries import out_of_date_runs

from . import factories


def logged(action: str) -> bool:
    return AuditEntry.objects.filter(action=action).exists()


def round_data(**overrides):
    now = timezone.now()
    data = {
        "name": "Praktikum Frühjahr 2027",
        "iso_year": 2027,
        "week_from": 10,
        "week_to": 11,
        "grades": [8, 9],
        "choices_open": now,
        "choices_close": now + timedelta(days=14),
        "max_choices": 5,
        "max_commute_km": 8.0,
        "use_locality": True,
        "use_interest_fit": True,
        "seed": 7,
    }
    return data | overrides


class TestRounds:
    def test_liaison_creates_a_round(self, world, in_scope, personas):
        r = services.do_create_round(
            world.main, schools=[world.orgs["project_school"]], actor=personas["liaison"], **round_data()
        )
        assert r.status == PlacementRound.Status.DRAFT
        assert list(r.schools.all()) == [world.orgs["project_school"]]
        assert logged("placements.placementround.create")

    @pytest.mark.parametrize(
        "overrides",
        [{"week_from": 12, "week_to": 11}, {"week_to": 54}, {"grades": []}, {"max_commute_km": 0}],
    )
    def test_bad_round_changes_nothing(self, world, in_scope, personas, overrides):
        with pytest.raises(ValidationError):
            services.do_create_round(
                world.main,
                schools=[world.orgs["project_school"]],
                actor=personas["liaison"],
                **round_data(**overrides),
            )
        assert not PlacementRound.objects.exists()

    def test_school_of_other_municipality_is_refused(self, world, in_scope, personas):
        with pytest.raises(ValidationError):
            services.do_create_round(
                world.main, schools=[world.other_school], actor=personas["liaison"], **round_data()
            )

    @pytest.mark.parametrize(
        "persona", ["teacher", "company_staff", "student", "other_municipality_coordinator"]
    )
    def test_others_may_not_create(self, world, in_scope, personas, persona):
        with pytest.raises(PermissionDenied):
            services.do_create_round(
                world.main, schools=[world.orgs["project_school"]], actor=personas[persona], **round_data()
            )

    def test_status_transitions(self, world, open_round, personas):
        services.do_set_round_status(open_round, "closed", actor=personas["coordinator"])
        with pytest.raises(ValidationError):
            services.do_set_round_status(open_round, "confirmed", actor=personas["coordinator"])


class TestPlaces:
    def test_company_offers_places_at_its_address(self, world, open_round, personas):
        company = world.orgs["company"]
        place = services.do_offer_place(
            open_round,
            actor=personas["company_staff"],
            company=company,
            title="Kabel",
            field=factories.field(),
            capacity=2,
        )
        assert (place.latitude, place.longitude) == (company.latitude, company.longitude)
        assert logged("placements.roundplace.offer")

    def test_company_cannot_offer_for_another_company(self, world, open_round, personas):
        with pytest.raises(ValidationError):
            services.do_offer_place(
                open_round,
                actor=personas["company_staff"],
                company=world.orgs["other_company"],
                title="Brot",
                field=factories.field(),
                capacity=1,
            )

    def test_capacity_not_below_placed_students(self, world, market, personas):
        r, (near, _far), students = market
        services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        near.capacity = 1
        with pytest.raises(ValidationError):
            services.do_update_place(near, actor=personas["liaison"], capacity=0)


class TestChoices:
    def test_student_ranks_places(self, world, open_round, personas):
        a, b = factories.place(world, open_round), factories.place(world, open_round, "other_company")
        factories.persona_student(world)
        services.do_set_choices(open_round, [b.pk, a.pk], actor=personas["student"])
        assert list(Preference.objects.order_by("rank").values_list("place_id", flat=True)) == [b.pk, a.pk]
        assert logged("placements.preference.set")

    @pytest.mark.parametrize("problem", ["twice", "too_many", "closed", "unknown"])
    def test_bad_choices_change_nothing(self, world, open_round, personas, problem):
        a = factories.place(world, open_round)
        factories.persona_student(world)
        services.do_set_choices(open_round, [a.pk], actor=personas["student"])
        ids = {"twice": [a.pk, a.pk], "too_many": [a.pk] * 1, "closed": [a.pk], "unknown": [a.pk, 999999]}[
            problem
        ]
        # The service checks the round as stored (it re-reads it under the row lock).
        if problem == "too_many":
            open_round.max_choices = 0
            open_round.save(update_fields=["max_choices"])
        if problem == "closed":
            open_round.choices_close = timezone.now() - timedelta(minutes=1)
            open_round.save(update_fields=["choices_close"])
        with pytest.raises(ValidationError):
            services.do_set_choices(open_round, ids, actor=personas["student"])
        assert Preference.objects.count() == 1

    def test_student_of_other_grade_may_not_choose(self, world, open_round, personas):
        factories.persona_student(world).__class__.objects.filter(user=personas["student"]).update(grade=10)
        with pytest.raises(PermissionDenied):
            services.do_set_choices(open_round, [], actor=personas["student"])

    def test_teacher_reminds_students(self, world, open_round, personas):
        student = factories.persona_student(world)
        services.do_remind_students(open_round, [student.pk], actor=personas["teacher"])
        assert Notice.objects.get().user == personas["student"]
        assert logged("placements.reminder.send")

    def test_other_school_cannot_remind(self, world, open_round, personas):
        student = factories.persona_student(world)
        with pytest.raises(PermissionDenied):
            services.do_remind_students(open_round, [student.pk], actor=personas["other_school_coordinator"])


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
        with pytest.raises(ValidationError):
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
        with pytest.raises(ValidationError) as refused:
            services.do_adopt_run(run, actor=personas["liaison"])
        assert refused.value.code == "stale_run"
        # The placement made by hand is still the only one; nothing was adopted.
        assert list(Placement.objects.values_list("student", "source_run")) == [(students[2].pk, None)]
        assert not logged("placements.matchrun.adopt")

    def test_choices_changed_after_the_run_then_closed(self, world, in_scope, personas):
        """The issue's case: a run made while choices were open, adopted after closing."""
        r, (near, far), _students = factories.market(world, status=PlacementRound.Status.OPEN)
        early = factories.finished_run(world, r)
        services.do_set_choices(r, [far.pk, near.pk], actor=personas["student"])
        services.do_set_round_status(r, PlacementRound.Status.CLOSED, actor=personas["liaison"])
        with translation.override("de"), pytest.raises(ValidationError) as refused:
            services.do_adopt_run(early, actor=personas["liaison"])
        assert refused.value.messages == [
            "Die Wahlen oder Plätze haben sich seit dieser Zuteilung geändert. "
            "Bitte starten Sie die Zuteilung noch einmal."
        ]
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
        with pytest.raises(ValidationError):
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


class TestManualChanges:
    def test_capacity_is_checked(self, world, market, personas):
        r, (near, _far), students = market
        services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        with translation.override("en"), pytest.raises(ValidationError, match="free seat"):
            services.do_assign_student(r, students[1], near, actor=personas["liaison"])
        assert Placement.objects.count() == 1

    def test_moving_keeps_one_placement(self, world, market, personas):
        r, (near, far), students = market
        services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        placement = services.do_assign_student(r, students[0], far, actor=personas["liaison"])
        assert Placement.objects.get().place == far and placement.rank == 2

    def test_ineligible_student(self, world, market, personas):
        r, (near, _far), _students = market
        outsider = factories.student(world, "Olaf", "Anders", school=world.orgs["other_school"])
        with pytest.raises(ValidationError):
            services.do_assign_student(r, outsider, near, actor=personas["liaison"])

    def test_long_commute_warns_unless_accepted(self, world, market, personas):
        r, (near, _far), students = market
        near.latitude += 0.2  # about 29 km
        near.save()
        with pytest.raises(services.CommuteWarning):
            services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        services.do_assign_student(r, students[0], near, actor=personas["liaison"], accept_long_commute=True)
        assert Placement.objects.count() == 1

    def test_remove(self, world, market, personas):
        r, (near, _far), students = market
        placement = services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        services.do_remove_placement(placement, actor=personas["liaison"])
        assert not Placement.objects.exists()
        assert logged("placements.placement.remove")


class TestConfirm:
    def test_confirm_tells_everyone(self, world, market, personas, django_capture_on_commit_callbacks):
        r, (near, far), students = market
        services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        services.do_assign_student(r, students[1], far, actor=personas["liaison"])
        with django_capture_on_commit_callbacks(execute=True):
            assert services.do_confirm_round(r, actor=personas["liaison"]) == 2
        r.refresh_from_db()
        assert r.status == PlacementRound.Status.CONFIRMED
        assert set(Placement.objects.values_list("status", flat=True)) == {Placement.Status.CONFIRMED}
        kinds = set(Notice.objects.values_list("kind", "user__username"))
        assert (Notice.Kind.PLACEMENT_CONFIRMED, "schueler.kley") in kinds
        assert (Notice.Kind.COMPANY_PLACEMENTS, "ausbildung.elektro") in kinds
        assert (Notice.Kind.SCHOOL_PLACEMENTS, "stubo.kley") in kinds
        recipients = {address for message in mail.outbox for address in message.to}
        assert {"ausbildung@elektro-beispiel.example.org", "stubo.kley@example.org"} <= recipients
        with pytest.raises(ValidationError):
            services.do_confirm_round(r, actor=personas["liaison"])

    def test_nothing_to_confirm(self, world, market, personas):
        r, _places, _students = market
        with pytest.raises(ValidationError):
            services.do_confirm_round(r, actor=personas["liaison"])


class TestAgreements:
    def test_each_party_signs_for_itself(self, world, agreement, personas):
        services.do_sign_agreement(agreement, "student", actor=personas["student"])
        services.do_sign_agreement(agreement, "company", actor=personas["company_staff"])
        services.do_sign_agreement(agreement, "school", actor=personas["school_coordinator"])
        with pytest.raises(PermissionDenied):
            services.do_sign_agreement(agreement, "guardian", actor=personas["student"])
        services.do_record_paper_signature(agreement, "guardian", actor=personas["school_coordinator"])
        agreement.refresh_from_db()
        assert agreement.fully_signed and agreement.guardian_method == "paper"
        assert logged("placements.placementagreement.sign")

    def test_signing_twice_is_refused(self, world, agreement, personas):
        services.do_sign_agreement(agreement, "student", actor=personas["student"])
        with pytest.raises(ValidationError):
            services.do_record_paper_signature(agreement, "student", actor=personas["liaison"])

    def test_pdf(self, world, agreement):
        from anschluss.placements.pdf import render_agreement_pdf

        assert render_agreement_pdf(agreement).startswith(b"%PDF")


class TestAftercare:
    def test_host_again(self, world, agreement, personas, django_capture_on_commit_callbacks):
        from anschluss.placements.services.aftercare import host_again_token, place_for_token

        r = agreement.placement.round
        with django_capture_on_commit_callbacks(execute=True):
            assert services.do_request_host_again(r, actor=personas["liaison"]) == 1
        assert "host-again" in mail.outbox[0].body
        place = place_for_token(host_again_token(agreement.placement.place), world.main)
        services.do_answer_host_again(place, True, actor=None)
        place.refresh_from_db()
        assert place.hosts_again is True
        assert place_for_token("forged", world.main) is None
        assert place_for_token(host_again_token(place), world.other) is None

    def test_feedback_once_per_side(self, world, agreement, personas):
        placement = agreement.placement
        services.do_give_feedback(placement, rating=5, comment="Super", actor=personas["student"])
        services.do_give_feedback(placement, rating=4, comment="", actor=personas["company_staff"])
        with pytest.raises(ValidationError):
            services.do_give_feedback(placement, rating=3, comment="", actor=personas["student"])
        with pytest.raises(ValidationError):
            services.do_give_feedback(placement, rating=9, comment="", actor=personas["company_staff"])
        assert set(PlacementFeedback.objects.values_list("author", flat=True)) == {"student", "company"}
        with pytest.raises(PermissionDenied):
            services.do_give_feedback(placement, rating=3, comment="", actor=personas["other_company_staff"])


class TestPeople:
    def test_interest_fit_from_a_complete_quiz(self, world, in_scope):
        from anschluss.placements import people
        from anschluss.students import interests
        from anschluss.students.models import InterestAnswer

        student = factories.student(world)
        craft = factories.field()
        assert people.interest_fit(student, craft.pk) == people.NEUTRAL_FIT
        for item in interests.items():
            InterestAnswer.objects.create(municipality=world.main, student=student, item=item.key, value=5)
        fit = people.interest_fit(student, craft.pk)
        assert 0.0 <= fit <= 1.0

    def test_teacher_sees_own_class_only(self, world, in_scope, personas):
        from anschluss.placements import people

        mine = factories.persona_student(world)
        other = factories.student(world, "Ola", "Fremd")
        assert people.can_teacher_see(personas["teacher"], mine)
        assert not people.can_teacher_see(personas["teacher"], other)
        assert people.can_teacher_see(personas["school_coordinator"], other)
        assert people.guardian_users(mine) == [personas["guardian"]]
        assert people.is_guardian_of(personas["guardian"], mine)
