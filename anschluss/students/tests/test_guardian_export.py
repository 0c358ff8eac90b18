"""A guardian downloads their child's data export (the student's own, docs/students.md "Data rights"), from the
child's page; every download is logged as a read of the child's record."""

import json

from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from anschluss.core.models import AuditEntry
from anschluss.students.models import Guardianship


def _url(name: str, student) -> str:
    return reverse(f"students:{name}", kwargs={"municipality": "dortmund", "pk": student.pk})


def _reads(student, reason: str):
    return AuditEntry.objects.filter(
        kind="read", action="students.student.read", target_id=str(student.pk), reason=reason
    )


def test_the_childs_page_offers_the_export_and_the_start_page_leads_there(world, client_for, school):
    guardian = client_for("guardian")
    content = guardian.get(_url("child", school.student)).content.decode()
    assert _url("child_data_pdf", school.student) in content
    assert _url("child_data_json", school.student) in content
    start = guardian.get(reverse("accounts:municipality_start", kwargs={"municipality": "dortmund"}))
    assert f"{_url('child', school.student)}#child-data" in start.content.decode()


def test_the_guardian_gets_the_same_json_as_the_student_and_the_read_is_logged(world, client_for, school):
    guardian = world.users["guardian"]
    response = client_for("guardian").get(_url("child_data_json", school.student))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="daten-mia.json"'
    assert response["Cache-Control"] == "no-store"
    own = client_for("student").get(reverse("students:data_json", kwargs={"municipality": "dortmund"}))
    assert json.loads(response.content) == json.loads(own.content)
    assert json.loads(response.content)["cv"]["entries"][0]["what"] == "Hauptschule Kley"
    with scopes_disabled():
        read = _reads(school.student, "data export as JSON (guardian)").get()
        assert read.actor_id == guardian.pk
        assert AuditEntry.objects.filter(
            action="students.student.export", actor=guardian, target_id=str(school.student.pk)
        ).exists()


def test_the_guardian_gets_the_pdf(world, client_for, school):
    response = client_for("guardian").get(_url("child_data_pdf", school.student))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="daten-mia.pdf"'
    with scopes_disabled():
        assert (
            _reads(school.student, "data export as PDF (guardian)")
            .filter(actor=world.users["guardian"])
            .exists()
        )


def test_only_a_linked_guardian_gets_the_export_and_nothing_is_logged_otherwise(world, client_for, school):
    guardian = client_for("guardian")
    # Not their child.
    assert guardian.get(_url("child_data_json", school.stranger)).status_code == 403
    # The student uses /me/data/, the teacher has no export right.
    assert client_for("student").get(_url("child_data_json", school.student)).status_code == 403
    assert client_for("teacher").get(_url("child_data_pdf", school.student)).status_code == 403
    with scopes_disabled():
        assert not AuditEntry.objects.filter(kind="read", reason__startswith="data export").exists()


def test_an_invitation_that_is_not_accepted_gives_no_access(world, client_for, school):
    with scopes_disabled():
        Guardianship.objects.filter(student=school.student, user=world.users["guardian"]).update(
            accepted=None
        )
    assert client_for("guardian").get(_url("child_data_json", school.student)).status_code == 403
    with scopes_disabled():
        Guardianship.objects.filter(student=school.student, user=world.users["guardian"]).update(
            accepted=timezone.now()
        )
    assert client_for("guardian").get(_url("child_data_json", school.student)).status_code == 200
