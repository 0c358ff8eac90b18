"""Checks that keep a round consistent when it changes under its users: places out of reach, runs that no
longer fit the places, explanations for the unplaced, and an agreement that fits on one page."""

import pytest
from django.urls import reverse
from django.utils import translation

from anschluss.core.services import ServiceError
from anschluss.placements import services
from anschluss.placements.models import Placement, Preference, RoundPlace

from . import factories


class TestChoicesWithinReach:
    def test_a_place_beyond_the_maximum_commute_is_refused(self, world, open_round, personas):
        near = factories.place(world, open_round, lat_offset=0.01)
        far = factories.place(world, open_round, "other_company", lat_offset=0.1)  # about 14 km
        factories.persona_student(world)
        services.do_set_choices(open_round, [near.pk], actor=personas["student"])
        with translation.override("de"), pytest.raises(ServiceError, match="zu weit"):
            services.do_set_choices(open_round, [near.pk, far.pk], actor=personas["student"])
        assert list(Preference.objects.values_list("place_id", flat=True)) == [near.pk]

    def test_a_place_chosen_before_the_limit_was_lowered_may_stay(self, world, open_round, personas):
        a = factories.place(world, open_round, lat_offset=0.05)  # about 7 km
        b = factories.place(world, open_round, "other_company", lat_offset=0.01)
        factories.persona_student(world)
        services.do_set_choices(open_round, [a.pk], actor=personas["student"])
        services.do_update_round(open_round, actor=personas["liaison"], max_commute_km=3.0)
        services.do_set_choices(open_round, [b.pk, a.pk], actor=personas["student"])
        assert list(Preference.objects.order_by("rank").values_list("place_id", flat=True)) == [b.pk, a.pk]

    def test_the_choice_page_offers_only_places_within_reach(self, world, open_round, client_for):
        factories.place(world, open_round, title="Nahe Werkstatt", lat_offset=0.01)
        factories.place(world, open_round, "other_company", title="Ferne Backstube", lat_offset=0.1)
        factories.persona_student(world)
        url = reverse("placements:choose", kwargs={"municipality": "dortmund", "pk": open_round.pk})
        page = client_for("student").get(url).content.decode()
        assert "Nahe Werkstatt" in page and "Ferne Backstube" not in page


class TestRunsThatNoLongerFit:
    def test_a_run_is_not_adopted_after_a_place_became_smaller(self, world, market, personas):
        r, (near, _far), _students = market
        RoundPlace.objects.filter(pk=near.pk).update(capacity=2)
        run = factories.finished_run(world, r)
        assert run.stats["placed"] == 3
        # After the run the company can take only one student instead of two.
        near.refresh_from_db()
        services.do_update_place(near, actor=personas["liaison"], capacity=1)
        with translation.override("de"), pytest.raises(ServiceError, match="Zuteilung noch einmal"):
            services.do_adopt_run(run, actor=personas["liaison"])
        assert not Placement.objects.exists()


class TestUnplacedAreExplained:
    def test_the_placement_list_says_why_a_student_got_no_place(self, world, market, personas, client_for):
        r, _places, students = market
        run = factories.finished_run(world, r)
        services.do_adopt_run(run, actor=personas["liaison"])
        unplaced = next(s for s in students if run.assignments[str(s.pk)]["place"] is None)
        url = reverse("placements:placement_list", kwargs={"municipality": "dortmund", "pk": r.pk})
        page = client_for("liaison").get(url).content.decode()
        assert unplaced.last_name in page
        with translation.override("de"):
            assert "Bei keinem deiner Wünsche war ein Platz für dich frei." in page


class TestAgreementPdf:
    def test_fits_on_one_page_with_every_party(self, world, agreement):
        from anschluss.placements.pdf import agreement_document

        with translation.override("de"):
            document = agreement_document(agreement)
        assert len(document.pages) == 1
        text = " ".join(box.text for page in document.pages for box in _text_boxes(page._page_box))
        for expected in ("Schule", "Betrieb", "Schüler*in", "Erziehungsberechtigte", "unfallversichert"):
            assert expected in text, expected
        assert agreement.placement.place.company.name in text


def _text_boxes(box):
    if hasattr(box, "text"):
        yield box
    for child in getattr(box, "children", []):
        yield from _text_boxes(child)
