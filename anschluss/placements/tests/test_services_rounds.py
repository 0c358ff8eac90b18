"""Services of the placements app: rounds, places and students' choices (and who may see whom)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from anschluss.core.models import Notification
from anschluss.core.services import ServiceError
from anschluss.placements import services
from anschluss.placements.models import (
    PlacementRound,
    Preference,
)

from . import factories
from .factories import logged


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
        with pytest.raises(ServiceError):
            services.do_create_round(
                world.main,
                schools=[world.orgs["project_school"]],
                actor=personas["liaison"],
                **round_data(**overrides),
            )
        assert not PlacementRound.objects.exists()

    def test_school_of_other_municipality_is_refused(self, world, in_scope, personas):
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
            services.do_set_choices(open_round, ids, actor=personas["student"])
        assert Preference.objects.count() == 1

    def test_student_of_other_grade_may_not_choose(self, world, open_round, personas):
        factories.persona_student(world).__class__.objects.filter(user=personas["student"]).update(grade=10)
        with pytest.raises(PermissionDenied):
            services.do_set_choices(open_round, [], actor=personas["student"])

    def test_teacher_reminds_students(self, world, open_round, personas):
        student = factories.persona_student(world)
        services.do_remind_students(open_round, [student.pk], actor=personas["teacher"])
        notification = Notification.objects.get()
        assert notification.user == personas["student"] and notification.kind == "placements.choice_reminder"
        assert logged("placements.reminder.send")

    def test_other_school_cannot_remind(self, world, open_round, personas):
        student = factories.persona_student(world)
        with pytest.raises(PermissionDenied):
            services.do_remind_students(open_round, [student.pk], actor=personas["other_school_coordinator"])


class TestStudentsAndDirectory:
    def test_interest_fit_from_a_complete_quiz(self, world, in_scope):
        from anschluss.placements.students import NEUTRAL_FIT, interest_fit
        from anschluss.students import interests
        from anschluss.students.models import InterestAnswer

        student = factories.student(world)
        craft = factories.field()
        assert interest_fit(student, craft.pk) == NEUTRAL_FIT
        for item in interests.items():
            InterestAnswer.objects.create(municipality=world.main, student=student, item=item.key, value=5)
        fit = interest_fit(student, craft.pk)
        assert 0.0 <= fit <= 1.0

    def test_teacher_sees_own_class_only(self, world, in_scope, personas):
        from anschluss.accounts import directory
        from anschluss.placements.students import looks_after

        mine = factories.persona_student(world)
        other = factories.student(world, "Ola", "Fremd")
        assert looks_after(personas["teacher"], mine)
        assert not looks_after(personas["teacher"], other)
        assert looks_after(personas["school_coordinator"], other)
        assert list(directory.guardians_of(mine)) == [personas["guardian"]]
        assert directory.is_guardian_of(personas["guardian"], mine)
