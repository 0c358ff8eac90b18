"""Services of the placements app: placements after a run: manual changes, confirmation, agreements and aftercare."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from anschluss.core.models import Notification
from anschluss.core.services import ServiceError
from anschluss.placements import services
from anschluss.placements.models import (
    Placement,
    PlacementFeedback,
    PlacementRound,
)

from . import factories
from .factories import logged


class TestManualChanges:
    def test_capacity_is_checked(self, world, market, personas):
        r, (near, _far), students = market
        services.do_assign_student(r, students[0], near, actor=personas["liaison"])
        with translation.override("en"), pytest.raises(ServiceError, match="free seat"):
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
        with pytest.raises(ServiceError):
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
        kinds = set(Notification.objects.values_list("kind", "user__username"))
        assert ("placements.placement_confirmed", "schueler.kley") in kinds
        assert ("placements.child_placed", "eltern.kley") in kinds
        assert ("placements.company_placements", "ausbildung.elektro") in kinds
        assert ("placements.school_placements", "stubo.kley") in kinds
        recipients = {address for message in mail.outbox for address in message.to}
        assert {"ausbildung@elektro-beispiel.example.org", "stubo.kley@example.org"} <= recipients
        with pytest.raises(ServiceError):
            services.do_confirm_round(r, actor=personas["liaison"])

    def test_nothing_to_confirm(self, world, market, personas):
        r, _places, _students = market
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
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
        with pytest.raises(ServiceError):
            services.do_give_feedback(placement, rating=3, comment="", actor=personas["student"])
        with pytest.raises(ServiceError):
            services.do_give_feedback(placement, rating=9, comment="", actor=personas["company_staff"])
        assert set(PlacementFeedback.objects.values_list("author", flat=True)) == {"student", "company"}
        with pytest.raises(PermissionDenied):
            services.do_give_feedback(placement, rating=3, comment="", actor=personas["other_company_staff"])
