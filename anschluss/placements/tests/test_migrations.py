"""The data migration of placements' start-page notices into core notifications keeps every notice."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_scopes import scopes_disabled

from anschluss.core.models import Notification

from . import factories

BEFORE = ("placements", "0003_matchrun_input_fingerprint")
AFTER = ("placements", "0004_notices_to_core_notifications")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_every_notice_becomes_an_unread_notification_with_its_kind_params_link_and_time(world):
    with scopes_disabled():
        agreement = factories.confirmed_agreement(world)
        placement = agreement.placement
        open_round = factories.round_(world, name="Praktikum Frühjahr")
    old_apps = _migrate(BEFORE)
    try:
        notice_model = old_apps.get_model("placements", "Notice")
        long_ago = timezone.now() - timedelta(days=30)
        rows = [
            ("student", "choice_reminder", open_round.pk, None),
            ("student", "placement_confirmed", placement.round_id, placement.pk),
            ("guardian", "child_placed", placement.round_id, placement.pk),
            ("company_staff", "company_placements", placement.round_id, None),
            ("company_staff", "host_again", placement.round_id, None),
        ]
        for persona, kind, round_id, placement_id in rows:
            notice = notice_model.objects.create(
                municipality_id=world.main.pk,
                user_id=world.users[persona].pk,
                round_id=round_id,
                placement_id=placement_id,
                kind=kind,
            )
            notice_model.objects.filter(pk=notice.pk).update(created=long_ago)
    finally:
        _migrate(AFTER)

    with scopes_disabled():
        notifications = {n.kind: n for n in Notification.objects.all()}
    assert set(notifications) == {f"placements.{kind}" for _persona, kind, _r, _p in rows}
    reminder = notifications["placements.choice_reminder"]
    assert reminder.user == world.users["student"] and reminder.params == {"round": "Praktikum Frühjahr"}
    assert reminder.url == f"/dortmund/placements/rounds/{open_round.pk}/choose/"
    assert (reminder.target_type, reminder.target_id) == ("placements.placementround", str(open_round.pk))
    child = notifications["placements.child_placed"]
    assert child.params == {
        "round": "Praktikum Herbst",
        "company": placement.place.company.name,
        "student": placement.student.first_name,
    }
    assert child.url == f"/dortmund/placements/agreements/{agreement.pk}/"
    assert (child.target_type, child.target_id) == ("placements.placement", str(placement.pk))
    company = notifications["placements.company_placements"]
    assert company.url == f"/dortmund/placements/rounds/{placement.round_id}/agreements/"
    assert all(n.read_at is None for n in notifications.values())
    assert all(abs(n.created - long_ago) < timedelta(seconds=1) for n in notifications.values())
    # The texts render from the registered kinds.
    assert "Praktikum Herbst" in notifications["placements.host_again"].text
