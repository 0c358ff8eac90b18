"""Rules 2 and 3: writes and reads of personal records leave append-only audit entries."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from anschluss.core.audit import log_action, log_read
from anschluss.core.models import AuditEntry


def test_log_action_records_actor_target_and_municipality(world):
    coordinator = world.users["coordinator"]
    school = world.orgs["project_school"]
    entry = log_action(coordinator, "core.school.update", school, {"field": "name"})
    assert entry.municipality == world.main
    assert entry.actor == coordinator
    assert entry.actor_label == "koordination"
    assert entry.target_type == "core.school"
    assert entry.target_id == str(school.pk)
    assert entry.data == {"field": "name"}
    assert entry.kind == AuditEntry.Kind.WRITE


def test_log_action_without_actor_is_the_system(world):
    assert log_action(None, "core.referencedata.import", world.main).actor_label == "system"


def test_log_read_records_why(world):
    entry = log_read(
        world.users["teacher"], world.users["student"], reason="class dashboard", municipality=world.main
    )
    assert entry.kind == AuditEntry.Kind.READ
    assert entry.action == "accounts.user.read"
    assert entry.reason == "class dashboard"


def test_model_refuses_update_and_delete(world):
    entry = log_action(None, "core.test.do", world.main)
    entry.action = "changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with scopes_disabled(), pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with scopes_disabled(), pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_postgresql_refuses_update_and_delete_of_audit_rows(world):
    entry = log_action(None, "core.test.do", world.main)
    for sql in (
        "UPDATE core_auditentry SET action = 'x' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])


def test_coordinator_browses_and_filters_the_log(world, client_for):
    log_action(world.users["coordinator"], "core.school.update", world.orgs["project_school"])
    log_action(world.users["teacher"], "students.milestone.confirm", world.orgs["project_school"])
    with scope(municipality=world.other.pk):
        log_action(None, "core.secret.other", world.other)
    client = client_for("coordinator")
    url = reverse("core:audit_log", kwargs={"municipality": world.main.slug})
    html = client.get(url).content.decode()
    assert "core.school.update" in html and "students.milestone.confirm" in html
    assert "core.secret.other" not in html
    filtered = client.get(url, {"actor": "lehrkraft.kley"}).content.decode()
    assert "students.milestone.confirm" in filtered and "core.school.update" not in filtered


def test_bad_audit_filter_gets_a_clear_error(world, client_for):
    url = reverse("core:audit_log", kwargs={"municipality": world.main.slug})
    response = client_for("coordinator").get(url, {"date_from": "2026-05-01", "date_to": "2026-04-01"})
    assert response.status_code == 200
    assert response.context["form"].errors
