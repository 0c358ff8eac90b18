"""Every delete, revoke and reset of the students app asks first (views/confirm.py): a GET shows the question
and changes nothing, a POST without the answer asks again, only the POST of "Yes" (confirm=yes) goes ahead,
through its service, which writes the audit entry."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_scopes import scopes_disabled

from anschluss.core.models import AuditEntry
from anschluss.students.models import Consent, CoverLetter, CvEntry, Document, InterestAnswer, Milestone

M = {"municipality": "dortmund"}


@dataclass
class Case:
    persona: str
    url: str
    back: str
    texts: list[str]
    still_there: Any  # () -> bool: the thing is still there (not deleted, revoked, reset)
    action: str
    target_id: int


def _letter(school) -> Case:
    pk = school.letter.pk
    return Case(
        "student",
        reverse("students:letter_delete", kwargs={**M, "pk": pk}),
        reverse("students:letter_edit", kwargs={**M, "pk": pk}),
        [
            "Diesen Brief löschen?",
            "Beispiel Elektro",
            "Das kannst du nicht rückgängig machen.",
            "Ja, löschen",
        ],
        lambda: CoverLetter.objects.filter(pk=pk).exists(),
        "students.coverletter.delete",
        pk,
    )


def _document(school) -> Case:
    pk = school.document.pk
    return Case(
        "student",
        reverse("students:document_delete", kwargs={**M, "pk": pk}),
        reverse("students:documents", kwargs=M),
        ["Diese Datei löschen?", "Praktikumsbescheinigung", "Nein, behalten"],
        lambda: Document.objects.filter(pk=pk).exists(),
        "students.document.delete",
        pk,
    )


def _milestone(persona: str, back: str, texts: list[str]):
    def case(school) -> Case:
        pk = school.milestone.pk
        return Case(
            persona,
            reverse("students:milestone_delete", kwargs={**M, "pk": pk}),
            reverse(back, kwargs={**M, "pk": school.student.pk} if back.endswith("detail") else M),
            ["Diesen Eintrag löschen?", "03.02.2026", *texts],
            lambda: Milestone.objects.filter(pk=pk).exists(),
            "students.milestone.delete",
            pk,
        )

    return case


def _consent(persona: str, texts: list[str]):
    def case(school) -> Case:
        pk = school.consent.pk
        return Case(
            persona,
            reverse("students:consent_revoke", kwargs={**M, "pk": pk}),
            reverse("students:consents", kwargs={**M, "pk": school.student.pk}),
            ["Diese Einwilligung widerrufen?", "Ja, widerrufen", *texts],
            lambda: Consent.objects.filter(pk=pk, revoked__isnull=True).exists(),
            "students.consent.revoke",
            pk,
        )

    return case


def _quiz(school) -> Case:
    with scopes_disabled():
        InterestAnswer.objects.create(
            municipality=school.student.municipality, student=school.student, item="R01", value=3
        )
    return Case(
        "student",
        reverse("students:quiz_reset", kwargs=M),
        reverse("students:quiz", kwargs=M),
        ["Das Quiz neu anfangen?", "Alle deine Antworten werden gelöscht.", "Ja, neu anfangen"],
        lambda: InterestAnswer.objects.filter(student=school.student).exists(),
        "students.interests.reset",
        school.student.pk,
    )


def _photo(school) -> Case:
    cv = school.cv
    with scopes_disabled():
        cv.photo.save("photo", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
        cv.photo_content_type = "image/png"
        cv.save()
    return Case(
        "student",
        reverse("students:cv_photo_remove", kwargs=M),
        reverse("students:cv_step", kwargs={**M, "step": "photo"}),
        ["Dein Foto entfernen?", "Ja, entfernen"],
        lambda: bool(type(cv).objects.get(pk=cv.pk).photo),
        "students.cv.photo_remove",
        cv.pk,
    )


def _cv_line(school) -> Case:
    pk = school.entry.pk
    return Case(
        "student",
        reverse("students:cv_entry_delete", kwargs={**M, "pk": pk}),
        reverse("students:cv_step", kwargs={**M, "step": "school"}),
        ["Diese Zeile löschen?", "Hauptschule Kley", "Das kannst du nicht rückgängig machen."],
        lambda: CvEntry.objects.filter(pk=pk).exists(),
        "students.cventry.delete",
        pk,
    )


CASES = {
    "letter": _letter,
    "document": _document,
    "cv-line": _cv_line,
    "cv-photo": _photo,
    "quiz": _quiz,
    "milestone-by-student": _milestone(
        "student", "students:milestones", ["Das kannst du nicht rückgängig machen."]
    ),
    # The school is addressed with "Sie", and sees whose entry it is.
    "milestone-by-school": _milestone(
        "teacher", "students:student_detail", ["Mia Schülerin", "Das können Sie nicht rückgängig machen."]
    ),
    "consent-by-student": _consent("student", ["Du kannst später wieder zustimmen."]),
    "consent-by-guardian": _consent("guardian", ["Sie können später wieder zustimmen."]),
}


@pytest.mark.parametrize("name", CASES)
def test_asks_first_and_only_yes_goes_ahead(name, world, client_for, school):
    case = CASES[name](school)
    client = client_for(case.persona)
    response = client.get(case.url, {"confirm": "yes"}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    page = response.content.decode()
    assert [text for text in case.texts if text not in page] == []
    assert 'name="confirm" value="yes"' in page and f'href="{case.back}"' in page
    # A POST without the answer (an old form, a stray request) asks again.
    assert client.post(case.url).status_code == 200
    assert client.post(case.url, {"confirm": "no"}).status_code == 200
    with scopes_disabled():
        assert case.still_there()
        assert not AuditEntry.objects.filter(action=case.action, target_id=str(case.target_id)).exists()
    response = client.post(case.url, {"confirm": "yes"})
    assert response.status_code == 302
    with scopes_disabled():
        assert not case.still_there()
        assert AuditEntry.objects.filter(action=case.action, target_id=str(case.target_id)).exists()


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        ("student", "students:letter_edit"),
        ("student", "students:documents"),
        ("student", "students:milestones"),
        ("teacher", "students:student_detail"),
        ("guardian", "students:consents"),
    ],
)
def test_pages_link_to_the_question_and_have_no_button_that_deletes_at_once(
    persona, path, world, client_for, school
):
    kwargs = {**M, "pk": school.letter.pk} if path == "students:letter_edit" else dict(M)
    if path in ("students:student_detail", "students:consents"):
        kwargs["pk"] = school.student.pk
    page = client_for(persona).get(reverse(path, kwargs=kwargs)).content.decode()
    for name, pk in (
        ("letter_delete", school.letter.pk),
        ("document_delete", school.document.pk),
        ("milestone_delete", school.milestone.pk),
        ("consent_revoke", school.consent.pk),
    ):
        url = reverse(f"students:{name}", kwargs={**M, "pk": pk})
        assert f'action="{url}"' not in page
    expected = {
        "students:letter_edit": "letter_delete",
        "students:documents": "document_delete",
        "students:milestones": "milestone_delete",
        "students:student_detail": "milestone_delete",
        "students:consents": "consent_revoke",
    }[path]
    target = {"letter_delete": school.letter, "document_delete": school.document}.get(expected)
    if target is None:
        target = school.consent if expected == "consent_revoke" else school.milestone
    assert f'href="{reverse(f"students:{expected}", kwargs={**M, "pk": target.pk})}"' in page


def test_the_school_erases_only_with_the_box_ticked(world, client_for, school):
    client = client_for("school_coordinator")
    url = reverse("students:student_erase", kwargs={**M, "pk": school.stranger.pk})
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert "Bitte setzen Sie zur Bestätigung ein Häkchen." in response.content.decode()
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action="students.student.erase").exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="students.student.erase").exists()
