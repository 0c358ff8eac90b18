"""What companies see: nothing but name and school until the student shares parts of the profile and the
consent for applications holds; the documents of an application; consents in the class overview."""

import io

from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from anschluss.core.models import AuditEntry
from anschluss.offers.models import ApplicationStatus
from anschluss.offers.tests.factories import make_application
from anschluss.students.dashboard import class_overview
from anschluss.students.models import CvEntry
from anschluss.students.services.consent import do_decide_consent, do_revoke_consent
from anschluss.students.services.milestones import do_confirm_milestone
from anschluss.students.services.profile import do_update_sharing, shared_profile

SHARE_ALL = {"share_cv": True, "share_interests": True, "share_strengths": True, "share_milestones": True}


def _application(world, school):
    application = make_application(world, student="student", student_id=school.student.pk)
    with scopes_disabled():
        application.documents.add(school.document)
    return application


def test_nothing_is_shared_without_the_consent_for_applications(world, in_scope, users, school):
    student = school.student
    do_update_sharing(student, **SHARE_ALL, actor=users["student"])
    profile = shared_profile(student)
    assert profile["name"] == str(student) and not profile["consented"]
    assert "cv" not in profile and "milestones" not in profile
    # The student is 15: their own yes is not enough, the guardian's is.
    do_decide_consent(student, purpose="applications", give=True, actor=users["guardian"])
    do_confirm_milestone(school.milestone, actor=users["teacher"])
    profile = shared_profile(student)
    assert profile["consented"] and profile["cv"] == school.cv
    assert [m.pk for m in profile["milestones"]] == [school.milestone.pk]
    # Ticked off again: that part is gone; the consent revoked: everything is gone.
    do_update_sharing(student, **{**SHARE_ALL, "share_cv": False}, actor=users["student"])
    assert "cv" not in shared_profile(student)
    do_revoke_consent(student.consents.filter(purpose="applications").first(), actor=users["guardian"])
    assert not shared_profile(student)["consented"]


def test_the_company_sees_the_shared_profile_and_the_attached_documents(world, client_for, school):
    application = _application(world, school)
    page = reverse("offers:application_detail", kwargs={"municipality": "dortmund", "pk": application.pk})
    download = reverse(
        "students:document_download", kwargs={"municipality": "dortmund", "pk": school.document.pk}
    )
    company = client_for("company_staff")
    response = company.get(page)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="shared-profile-none"' in content and download in content
    assert "Grundschule am Beispielpark" not in content
    assert company.get(download).status_code == 200
    assert client_for("other_company_staff").get(download).status_code == 403
    with scopes_disabled():
        student = school.student
        do_update_sharing(student, **SHARE_ALL, actor=world.users["student"])
        do_decide_consent(student, purpose="applications", give=True, actor=world.users["guardian"])
        CvEntry.objects.filter(pk=school.entry.pk).update(title="Grundschule am Beispielpark")
    content = company.get(page).content.decode()
    assert 'id="shared-profile-none"' not in content and "Grundschule am Beispielpark" in content
    # A moderator of the portal reads the application, but not the student's profile.
    assert 'id="shared-profile"' not in client_for("coordinator").get(page).content.decode()
    # Withdrawn: the company loses the profile and the files.
    with scopes_disabled():
        application.status = ApplicationStatus.WITHDRAWN
        application.save(update_fields=["status"])
    assert company.get(download).status_code == 403
    assert 'id="shared-profile"' not in company.get(page).content.decode()


def test_shared_certificates_of_confirmed_milestones_open_for_the_company(world, client_for, school):
    _application(world, school)
    with scopes_disabled():
        school.milestone.evidence.offer_applications.clear()
        student = school.student
        do_confirm_milestone(school.milestone, actor=world.users["teacher"])
    download = reverse(
        "students:document_download", kwargs={"municipality": "dortmund", "pk": school.document.pk}
    )
    company = client_for("company_staff")
    assert company.get(download).status_code == 403  # not attached, milestones not shared
    with scopes_disabled():
        do_update_sharing(student, share_milestones=True, actor=world.users["student"])
        do_decide_consent(student, purpose="applications", give=True, actor=world.users["guardian"])
    assert company.get(download).status_code == 200


def test_the_class_overview_shows_consents_in_the_page_and_the_xlsx(world, client_for, school):
    with scopes_disabled():
        do_decide_consent(
            school.student, purpose="employment_agency", give=True, actor=world.users["guardian"]
        )
        do_decide_consent(school.student, purpose="applications", give=False, actor=world.users["student"])
        _expected, rows = class_overview(school.own_class)
    # The world's guardian consent for placements holds, the new one too; the student's refusal counts.
    assert sorted(rows[0].consents) == ["employment_agency", "internship_placement"]
    url = reverse("students:class_xlsx", kwargs={"municipality": "dortmund", "pk": school.own_class.pk})
    response = client_for("teacher").get(url, HTTP_ACCEPT_LANGUAGE="en")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row = (list(r) for r in sheet.iter_rows(values_only=True))
    consent_columns = {h: v for h, v in zip(header, row, strict=True) if str(h).startswith("Consent: ")}
    assert consent_columns == {
        "Consent: Send my profile with an application": "no",
        "Consent: Help me find an internship place": "yes",
        "Consent: Careers advice from the Agentur für Arbeit": "yes",
        "Consent: Support after school": "no",
    }


def test_the_sharing_page_says_when_the_consent_is_missing(world, client_for, school):
    client = client_for("student")
    url = reverse("students:sharing", kwargs={"municipality": "dortmund"})
    assert 'id="sharing-consent"' in client.get(url).content.decode()
    with scopes_disabled():
        do_decide_consent(school.student, purpose="applications", give=True, actor=world.users["guardian"])
    assert 'id="sharing-consent"' not in client.get(url).content.decode()


def test_the_data_export_pdf_is_a_pdf(world, client_for, school):
    response = client_for("student").get(reverse("students:data_pdf", kwargs={"municipality": "dortmund"}))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_what_a_company_sees_of_documents_is_the_offer_portals_rule(world, school, client_for, monkeypatch):
    """students.view_document asks offers.view_received_document for company staff and reads no application
    itself: with that rule answering yes or no, the company gets the document or not, and a download logs it."""
    import rules

    from anschluss.core.permissions import allowed

    company, document = world.users["company_staff"], school.document
    asked = []

    def offers_rule(answer):
        @rules.predicate
        def received(user, obj) -> bool:
            asked.append((user, obj))
            return answer

        return received

    name = "offers.view_received_document"
    monkeypatch.setitem(rules.permissions.permissions, name, offers_rule(False))
    with scopes_disabled():
        assert not allowed(company, "students.view_document", document)
    assert asked == [(company, document)]
    monkeypatch.setitem(rules.permissions.permissions, name, offers_rule(True))
    with scopes_disabled():
        assert allowed(company, "students.view_document", document)
        # Only documents: the rule is not asked about a student's other records.
        assert not allowed(company, "students.view_student", school.student)
    download = reverse("students:document_download", kwargs={"municipality": "dortmund", "pk": document.pk})
    assert client_for("company_staff").get(download).status_code == 200
    with scopes_disabled():
        read = AuditEntry.objects.filter(kind="read", actor=company).get()
    assert (read.target_type, read.target_id) == ("students.student", str(school.student.pk))


def test_the_application_section_renders_what_the_applicant_shares(world, school, rf):
    from django.template.loader import render_to_string

    from anschluss.students.sections import application_profile_section

    application = _application(world, school)
    with scopes_disabled():
        template, context = application_profile_section(rf.get("/"), application)
        assert render_to_string(template, context).count('id="shared-profile-none"') == 1
        do_update_sharing(school.student, **SHARE_ALL, actor=world.users["student"])
        do_decide_consent(school.student, purpose="applications", give=True, actor=world.users["guardian"])
        template, context = application_profile_section(rf.get("/"), application)
        content = render_to_string(template, context)
    assert 'id="shared-profile-none"' not in content and "Hauptschule Kley" in content
    application.student = None
    assert application_profile_section(rf.get("/"), application) is None


def test_the_class_overview_counts_guardians_by_the_directorys_rule(world, in_scope, school, client_for):
    from anschluss.accounts import directory
    from anschluss.accounts.models import User

    guardian = world.users["guardian"]
    assert class_overview(school.own_class)[1][0].guardians == 1
    assert list(directory.guardians_of(school.student)) == [guardian]
    # A closed account is no guardian any more: not counted, and the student gets a new letter.
    User.objects.filter(pk=guardian.pk).update(is_active=False)
    assert class_overview(school.own_class)[1][0].guardians == 0
    assert not directory.guardians_of(school.student).exists()
    letters = reverse(
        "students:guardian_letters", kwargs={"municipality": "dortmund", "pk": school.own_class.pk}
    )
    assert client_for("school_coordinator").post(letters).content.startswith(b"%PDF")
    assert school.student.guardianships.filter(user__isnull=True, code__isnull=False).count() == 1
