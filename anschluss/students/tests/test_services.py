"""Services of the students app: sign-up codes, milestones with uploads, quiz, consent, erasure."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from anschluss.accounts import directory
from anschluss.core.models import AuditEntry
from anschluss.core.permissions import allowed
from anschluss.core.services import ServiceError
from anschluss.students import interests
from anschluss.students.models import Consent, Student
from anschluss.students.services.classes import (
    do_add_student,
    do_create_class,
    do_sign_up_student,
    student_for_code,
)
from anschluss.students.services.consent import (
    do_accept_guardian_invitation,
    do_decide_consent,
    do_invite_guardian,
    do_revoke_consent,
    do_update_consent_policy,
    has_consent,
)
from anschluss.students.services.milestones import do_confirm_milestone, do_record_milestone
from anschluss.students.services.profile import answers_of, do_save_interest_answers
from anschluss.students.services.rights import do_erase_student, export_data

from .world import PDF_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_a_student_signs_up_once_with_a_code(world, in_scope, users, school):
    student = do_add_student(
        school.own_class, first_name="Lena", last_name="Beispiel", actor=users["school_coordinator"]
    )
    code = student.signup_code
    user = do_sign_up_student(
        code.lower()[:4] + "-" + code[4:], username="lena.b", password="sonnenblume-42", actor=None
    )
    student.refresh_from_db()
    assert student.user == user and student.signup_code is None
    assert "student" in user.roles
    with pytest.raises(ServiceError):
        do_sign_up_student(code, username="lena.c", password="sonnenblume-42", actor=None)


def test_expired_codes_do_not_work(world, in_scope, users, school, settings):
    student = school.stranger
    assert student_for_code(student.signup_code) == student
    Student.objects.filter(pk=student.pk).update(
        signup_code_created=timezone.now() - datetime.timedelta(days=400)
    )
    assert student_for_code(student.signup_code) is None


def test_weak_password_and_taken_username_change_nothing(world, in_scope, users, school):
    code = school.stranger.signup_code
    with pytest.raises(ServiceError) as weak:
        do_sign_up_student(code, username="otto.f", password="123", actor=None)
    assert weak.value.field == "password1"
    with pytest.raises(ServiceError) as taken:
        do_sign_up_student(code, username="schueler.kley", password="sonnenblume-42", actor=None)
    assert taken.value.field == "username"
    school.stranger.refresh_from_db()
    assert school.stranger.user is None and school.stranger.signup_code == code


def test_only_the_schools_coordinator_creates_classes(world, in_scope, users):
    kley = world.orgs["project_school"]
    do_create_class(
        kley, name="7a", grade=7, school_year="2026/27", teachers=[], actor=users["school_coordinator"]
    )
    for key in ("teacher", "other_school_coordinator"):
        with pytest.raises(PermissionDenied):
            do_create_class(kley, name="7b", grade=7, school_year="2026/27", teachers=[], actor=users[key])


def test_a_certificate_is_checked_by_its_content(world, in_scope, users, school):
    student = school.student
    fake = SimpleUploadedFile("zeugnis.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ServiceError) as refused:
        do_record_milestone(
            student, detail="SBO_6_1_2", date=datetime.date(2026, 6, 1), evidence=fake, actor=users["student"]
        )
    assert refused.value.field == "evidence" and "PDF" in str(refused.value)
    assert student.milestones.count() == 1  # only the one from the world
    big = SimpleUploadedFile("big.png", PNG + b"\0" * (5 * 1024 * 1024), content_type="image/png")
    with pytest.raises(ServiceError):
        do_record_milestone(
            student, detail="SBO_6_1_2", date=datetime.date(2026, 6, 1), evidence=big, actor=users["student"]
        )
    good = SimpleUploadedFile("x.png", PNG, content_type="application/octet-stream")
    milestone = do_record_milestone(
        student, detail="SBO_6_1_2", date=datetime.date(2026, 6, 1), evidence=good, actor=users["student"]
    )
    assert milestone.evidence.content_type == "image/png" and not milestone.is_confirmed
    assert milestone.feature == "SBO_6_1"


def test_teachers_confirm_only_their_classes(world, in_scope, users, school):
    with pytest.raises(PermissionDenied):
        do_confirm_milestone(school.milestone, actor=users["student"])
    with pytest.raises(PermissionDenied):
        do_confirm_milestone(school.milestone, actor=users["other_school_coordinator"])
    do_confirm_milestone(school.milestone, actor=users["teacher"])
    assert school.milestone.is_confirmed
    stranger_milestone = do_record_milestone(
        school.stranger, detail="SBO_4_1_1", date=datetime.date(2026, 1, 1), actor=users["school_coordinator"]
    )
    assert stranger_milestone.is_confirmed  # recorded by the school
    assert not allowed(users["teacher"], "students.view_student", school.stranger)


def test_quiz_answers_are_saved_as_they_come_and_give_a_profile(world, in_scope, users, school):
    student = school.student
    with pytest.raises(ServiceError):
        do_save_interest_answers(student, {"R01": 7}, actor=users["student"])
    with pytest.raises(PermissionDenied):
        do_save_interest_answers(student, {"R01": 5}, actor=users["teacher"])
    answers = {
        item.key: (5 if item.area == "S" else 4 if item.area == "A" else 1) for item in interests.items()
    }
    do_save_interest_answers(student, answers, actor=users["student"])
    result = interests.profile(answers_of(student))
    assert result.complete and result.code.startswith("SA")
    assert [key for key, _ in interests.field_ranking(result)[:1]] == ["SP"]


def test_interest_items_are_sixty_and_interleaved():
    items = interests.items()
    assert len(items) == 60 and len({i.key for i in items}) == 60
    assert "".join(i.area for i in items[:6]) == "RIASEC"
    assert all(i.text_de and i.text_en for i in items)


def test_a_guardian_decides_below_the_age_and_revocation_ends_consent(world, in_scope, users, school):
    student = school.student  # 15 in 2026/27
    with pytest.raises(ServiceError):
        do_decide_consent(student, purpose="employment_agency", give=True, actor=users["student"])
    do_decide_consent(student, purpose="employment_agency", give=True, actor=users["guardian"])
    assert has_consent(student, "employment_agency")
    record = student.consents.filter(purpose="employment_agency").first()
    assert (record.given_as, record.decision) == ("guardian", "given") and record.recipient and record.scope
    # The student may always refuse; the newest decision counts.
    do_decide_consent(student, purpose="employment_agency", give=False, actor=users["student"])
    assert not has_consent(student, "employment_agency")
    do_decide_consent(student, purpose="employment_agency", give=True, actor=users["guardian"])
    latest = student.consents.filter(purpose="employment_agency").first()
    do_revoke_consent(latest, actor=users["guardian"])
    assert not has_consent(student, "employment_agency")
    # The municipality lowers the age: now the student decides alone.
    do_update_consent_policy(
        world.main, guardian_age=14, guardian_purposes=["applications"], actor=users["coordinator"]
    )
    do_decide_consent(student, purpose="employment_agency", give=True, actor=users["student"])
    assert has_consent(student, "employment_agency")
    with pytest.raises(PermissionDenied):
        do_decide_consent(student, purpose="employment_agency", give=True, actor=users["teacher"])


def test_a_guardian_joins_with_the_letter_code(world, in_scope, users, school):
    invitation = do_invite_guardian(school.stranger, actor=users["school_coordinator"])
    user = do_accept_guardian_invitation(
        invitation.code,
        actor=None,
        email="mutter@example.org",
        password="laternenfest-77",
        first_name="Eva",
        last_name="Fremd",
    )
    assert directory.is_guardian_of(user, school.stranger)
    assert list(directory.guardians_of(school.stranger)) == [user]
    assert "guardian" in user.roles
    with pytest.raises(ServiceError):
        do_accept_guardian_invitation(
            invitation.code, actor=None, email="x@example.org", password="laternenfest-77"
        )


def test_export_and_erasure(world, in_scope, users, school):
    student = school.student
    data = export_data(student, actor=users["student"])
    assert data["student"]["first_name"] == "Mia" and data["documents"][0]["size"] == len(PDF_BYTES)
    assert data["consents"][0]["as"] == "guardian"
    with pytest.raises(PermissionDenied):
        export_data(student, actor=users["teacher"])
    do_confirm_milestone(school.milestone, actor=users["teacher"])
    gone = do_erase_student(student, actor=users["student"])
    # The confirmed milestone is the school's record: kept (without the certificate) until retention ends.
    assert gone is False
    student.refresh_from_db()
    assert student.user is None and student.erasure_requested
    assert not student.documents.exists() and not student.interest_answers.exists()
    assert not hasattr(student, "cv") or not student.cv.pk
    users["student"].refresh_from_db()
    assert not users["student"].is_active
    assert AuditEntry.objects.filter(action="students.student.erase").exists()


def test_erasure_after_the_retention_period_removes_everything(world, in_scope, users, school):
    Student.objects.filter(pk=school.stranger.pk).update(left_school_on=datetime.date(2015, 7, 1))
    school.stranger.refresh_from_db()
    do_record_milestone(
        school.stranger, detail="SBO_4_1_1", date=datetime.date(2014, 1, 1), actor=users["school_coordinator"]
    )
    assert do_erase_student(school.stranger, actor=users["school_coordinator"]) is True
    assert not Student.objects.filter(pk=school.stranger.pk).exists()
    assert not Consent.objects.filter(student_id=school.stranger.pk).exists()


def test_the_retention_job_deletes_only_expired_records(world, in_scope, users, school):
    from django.core.management import call_command

    Student.objects.filter(pk=school.stranger.pk).update(left_school_on=datetime.date(2001, 7, 1))
    call_command("apply_student_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Student.objects.filter(pk=school.stranger.pk).exists()
    assert Student.objects.filter(pk=school.student.pk).exists()


def test_the_retention_task_is_registered_under_its_name_and_runs_in_every_municipality(world, school):
    from django_scopes import scopes_disabled

    from anschluss.celery import app
    from anschluss.students.services.rights import apply_retention_everywhere

    assert app.tasks["anschluss.students.apply_retention"].run == apply_retention_everywhere.run
    with scopes_disabled():
        Student.objects.filter(pk=school.stranger.pk).update(left_school_on=datetime.date(2001, 7, 1))
    assert apply_retention_everywhere.delay().get() == {world.main.slug: 1, world.other.slug: 0}
    with scopes_disabled():
        assert not Student.objects.filter(pk=school.stranger.pk).exists()
        assert AuditEntry.objects.filter(action="students.student.retention_delete").count() == 1
