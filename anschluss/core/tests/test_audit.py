"""Rules 2 and 3: writes and reads of personal records leave append-only audit entries."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from anschluss.core.audit import log_action, log_reads
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


def test_log_reads_records_why(world):
    assert log_reads(
        world.users["teacher"], [world.users["student"]], "class dashboard", municipality=world.main
    )
    with scopes_disabled():
        entry = AuditEntry.objects.get(kind=AuditEntry.Kind.READ)
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


def test_writes_through_the_admin_are_audited(world, client_for):
    client = client_for("platform_admin")
    district = world.districts["north"]
    response = client.post(
        reverse("admin:core_district_change", args=[district.pk]),
        {"municipality": world.main.pk, "number": 4, "name": "Eving (neu)", "slug": "eving"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="core.district.update")
    assert entry.actor == world.users["platform_admin"]
    assert entry.target_id == str(district.pk) and entry.municipality == world.main
    assert entry.data["via"] == "admin" and entry.data["change"] == [{"changed": {"fields": ["Name"]}}]

    feedback_pk = _feedback_of(world).pk
    response = client.post(
        reverse("admin:core_accessibilityfeedback_delete", args=[feedback_pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        deleted = AuditEntry.objects.get(action="core.accessibilityfeedback.delete")
    assert deleted.target_id == str(feedback_pk) and deleted.actor == world.users["platform_admin"]


def _feedback_of(world):
    from anschluss.core.models import AccessibilityFeedback

    with scopes_disabled():
        return AccessibilityFeedback.objects.create(municipality=world.main, message="Kontrast")


def test_removing_a_second_factor_in_the_admin_is_audited(world, client_for):
    from allauth.mfa.models import Authenticator

    totp = Authenticator.objects.get(user=world.users["coordinator"], type=Authenticator.Type.TOTP)
    response = client_for("platform_admin").post(
        reverse("admin:mfa_authenticator_delete", args=[totp.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="mfa.authenticator.delete")
    assert entry.target_id == str(totp.pk) and entry.actor == world.users["platform_admin"]


def test_every_admin_is_audited():
    """Every ModelAdmin on the admin site, ours and those of the libraries, writes audit entries: a new admin
    that forgets the mixin fails here."""
    from django.contrib import admin

    from anschluss.core.admin import AuditedAdmin

    unaudited = [
        f"{model._meta.label} ({type(model_admin).__qualname__})"
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdmin)
    ]
    assert not unaudited, unaudited


def test_deleting_an_access_attempt_in_the_admin_is_audited(world, client_for):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="coordinator", ip_address="192.0.2.1", user_agent="test", failures_since_start=5
    )
    response = client_for("platform_admin").post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="axes.accessattempt.delete")
    assert entry.target_id == str(attempt.pk) and entry.actor == world.users["platform_admin"]
    assert entry.data["via"] == "admin"


def test_log_reads_writes_one_entry_per_person_in_one_insert(world, django_assert_num_queries):
    people = [world.users["student"], world.users["guardian"], world.users["teacher"], world.users["student"]]
    with django_assert_num_queries(1):
        count = log_reads(world.users["coordinator"], people, "class list", municipality=world.main)
    assert count == 3
    with scopes_disabled():
        entries = AuditEntry.objects.filter(kind=AuditEntry.Kind.READ)
        assert sorted(entries.values_list("target_id", flat=True)) == sorted(str(p.pk) for p in people[:3])
        assert set(entries.values_list("reason", flat=True)) == {"class list"}


def test_log_reads_of_nobody_writes_nothing(world, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert log_reads(world.users["coordinator"], [], "empty list") == 0
