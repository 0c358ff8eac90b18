"""The placement pages as their users meet them: choosing, running, adopting, confirming, agreements."""

import pytest
from django.urls import reverse
from django.utils import translation

from anschluss.core.models import AuditEntry
from anschluss.placements.models import MatchRun, Placement, PlacementRound, Preference

from . import factories


def url(name, **kwargs):
    return reverse(f"placements:{name}", kwargs={"municipality": "dortmund", **kwargs})


class TestChoose:
    def test_student_sees_places_nearest_first_and_adds_them(self, world, open_round, client_for):
        far = factories.place(world, open_round, "other_company", title="Backstube", lat_offset=0.03)
        near = factories.place(world, open_round, "company", title="Elektro", lat_offset=0.01)
        factories.persona_student(world)
        client = client_for("student")
        page = client.get(url("choose", pk=open_round.pk)).content.decode()
        assert page.index("Elektro") < page.index("Backstube")
        assert "Min" in page or "minutes" in page
        for place in (far, near):
            response = client.post(url("choose", pk=open_round.pk), {"action": "add", "place": place.pk})
            assert response.status_code == 302
        client.post(url("choose", pk=open_round.pk), {"action": "up", "place": near.pk})
        assert list(Preference.objects.order_by("rank").values_list("place_id", flat=True)) == [
            near.pk,
            far.pk,
        ]

    def test_filter_by_field(self, world, open_round, client_for):
        factories.place(world, open_round)
        other = factories.field("GE", "Gesundheit")
        hidden = factories.place(world, open_round, "other_company", title="Praxis")
        hidden.field = other
        hidden.save()
        factories.persona_student(world)
        page = client_for("student").get(url("choose", pk=open_round.pk), {"field": factories.field().pk})
        assert "Praxis" not in page.content.decode()
        bad = client_for("student").get(url("choose", pk=open_round.pk), {"field": "nope"})
        assert bad.status_code == 200 and "Praxis" in bad.content.decode()

    def test_start_page_shows_the_round(self, world, open_round, client_for):
        factories.persona_student(world)
        page = client_for("student").get(
            reverse("accounts:municipality_start", kwargs={"municipality": "dortmund"})
        )
        assert url("choose", pk=open_round.pk) in page.content.decode()

    def test_teacher_sees_who_has_not_chosen_and_reminds(self, world, open_round, client_for):
        student = factories.persona_student(world)
        client = client_for("teacher")
        assert "Schülerin" in client.get(url("choice_overview", pk=open_round.pk)).content.decode()
        # The overview names the students: one read entry each, for the teacher.
        read = AuditEntry.objects.get(kind=AuditEntry.Kind.READ, reason="students without choices")
        assert read.target_id == str(student.pk) and read.actor == world.users["teacher"]
        client.post(url("remind", pk=open_round.pk), {"student": [student.pk]})
        start = client_for("student").get(
            reverse("accounts:municipality_start", kwargs={"municipality": "dortmund"})
        )
        assert open_round.name in start.content.decode()


class TestRunAndAdopt:
    @pytest.mark.parametrize("mode", ["", "fastest", "stable; drop"])
    def test_an_unknown_mode_is_refused_with_a_message_and_starts_nothing(
        self, world, market, client_for, mode
    ):
        r, _places, _students = market
        response = client_for("liaison").post(url("run_start", pk=r.pk), {"mode": mode}, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == url("round_detail", pk=r.pk)
        [message] = [str(m) for m in response.context["messages"]]
        with translation.override("de"):
            assert str(MatchRun.Mode.STABLE.label) in message
        assert not MatchRun.objects.exists()

    def test_run_page_finishes_at_once_without_broker(
        self, world, market, client_for, django_capture_on_commit_callbacks
    ):
        r, _places, _students = market
        client = client_for("liaison")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("run_start", pk=r.pk), {"mode": "stable"})
        run = MatchRun.objects.get()
        assert response.url == url("run_detail", pk=run.pk)
        run.refresh_from_db()
        assert run.status == MatchRun.Status.DONE
        page = client.get(response.url).content.decode()
        assert "Schülerin" in page and url("run_explain", pk=run.pk, student=_students[0].pk) in page
        # The table names the place (company and what students do there), not its database id.
        assert "Elektro" in page
        fragment = client.get(url("run_progress", pk=run.pk), HTTP_HX_REQUEST="true")
        assert fragment["HX-Refresh"] == "true"

    def test_progress_polls_while_running(self, world, market, client_for):
        r, _places, _students = market
        run = MatchRun.objects.create(municipality=world.main, round=r, mode="stable", seed=1)
        fragment = client_for("liaison").get(url("run_progress", pk=run.pk), HTTP_HX_REQUEST="true")
        assert 'hx-trigger="every 1s"' in fragment.content.decode() and "HX-Refresh" not in fragment

    def test_compare_adopt_change_confirm(self, world, market, client_for):
        r, _places, _students = market
        stable = factories.finished_run(world, r)
        factories.finished_run(world, r, MatchRun.Mode.WELFARE)
        client = client_for("liaison")
        compare = client.get(url("run_compare", pk=r.pk)).content.decode()
        # The page speaks the default language, German.
        with translation.override("de"):
            assert str(MatchRun.Mode.STABLE.label) in compare
            assert str(MatchRun.Mode.WELFARE.label) in compare
        client.post(url("run_adopt", pk=stable.pk))
        assert Placement.objects.count() == 2
        listing = client.get(url("placement_list", pk=r.pk)).content.decode()
        assert "Cetin" in listing or "Beispiel" in listing
        placed = Placement.objects.order_by("pk").first()
        client.post(url("placement_remove", pk=placed.pk))
        client.post(url("assign", pk=r.pk), {"student": placed.student_id, "place": placed.place_id})
        response = client.post(url("confirm", pk=r.pk))
        assert response.status_code == 302
        r.refresh_from_db()
        assert r.status == PlacementRound.Status.CONFIRMED

    def test_out_of_date_run_is_shown_and_refused(
        self, world, market, client_for, django_capture_on_commit_callbacks
    ):
        r, _places, students = market
        stable = factories.finished_run(world, r)
        client = client_for("liaison")
        adopt = url("run_adopt", pk=stable.pk)
        page = client.get(url("run_detail", pk=stable.pk)).content.decode()
        assert adopt in page and "Dieses Ergebnis ist veraltet" not in page
        # A student's choices change after the run (e.g. the run was made before the choices closed).
        Preference.objects.filter(round=r, student=students[2]).delete()
        for name, pk in (("run_detail", stable.pk), ("run_compare", r.pk)):
            page = client.get(url(name, pk=pk)).content.decode()
            assert "Dieses Ergebnis ist veraltet" in page, name
            assert adopt not in page and url("run_start", pk=r.pk) in page, name
        response = client.post(adopt, follow=True)
        assert (
            "Die Wahlen oder Plätze haben sich seit dieser Zuteilung geändert. "
            "Bitte starten Sie die Zuteilung noch einmal." in response.content.decode()
        )
        assert not Placement.objects.exists()
        # Starting again from the notice gives a current run that can be adopted.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("run_start", pk=r.pk), {"mode": stable.mode})
        fresh = MatchRun.objects.exclude(pk=stable.pk).get()
        assert fresh.mode == stable.mode and fresh.status == MatchRun.Status.DONE
        assert "Dieses Ergebnis ist veraltet" not in client.get(response.url).content.decode()
        client.post(url("run_adopt", pk=fresh.pk))
        assert set(Placement.objects.values_list("source_run", flat=True)) == {fresh.pk}

    def test_explanation_is_logged(self, world, market, client_for):
        r, _places, students = market
        run = factories.finished_run(world, r)
        page = client_for("coordinator").get(url("run_explain", pk=run.pk, student=students[2].pk))
        assert page.status_code == 200
        assert AuditEntry.objects.filter(
            action="students.student.read", reason="placement explanation"
        ).exists()

    def test_other_municipality_run_is_404(self, world, market, client_for):
        r, _places, _students = market
        run = factories.finished_run(world, r)
        other = reverse("placements:run_detail", kwargs={"municipality": "beispielstadt", "pk": run.pk})
        assert client_for("other_municipality_coordinator").get(other).status_code == 404


class TestAgreements:
    def test_pdf_and_read_log(self, world, agreement, client_for):
        response = client_for("company_staff").get(url("agreement_pdf", pk=agreement.pk))
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
        assert AuditEntry.objects.filter(action="students.student.read").exists()

    def test_sign_and_paper(self, world, agreement, client_for):
        client_for("student").post(url("agreement_sign", pk=agreement.pk), {"party": "student"})
        client_for("school_coordinator").post(url("agreement_paper", pk=agreement.pk), {"party": "guardian"})
        agreement.refresh_from_db()
        assert agreement.student_method == "online" and agreement.guardian_method == "paper"

    @pytest.mark.parametrize("answer", ["yes", "no"])
    def test_host_again_link(self, world, agreement, client, answer):
        from anschluss.placements.services.aftercare import host_again_token

        place = agreement.placement.place
        link = url("host_again", token=host_again_token(place))
        assert client.post(link, {"hosts_again": answer}).status_code == 200
        place.refresh_from_db()
        assert place.hosts_again is (answer == "yes")
        assert client.get(url("host_again", token="forged")).status_code == 404
