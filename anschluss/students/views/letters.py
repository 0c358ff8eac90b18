"""Cover letters with structure, examples and a checklist (no AI), and the document library."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import allowed, deny
from anschluss.core.services import ServiceError

from ..forms.documents import CoverLetterForm, DocumentForm
from ..models import CoverLetter, Document
from ..pdf import pdf_response, render_pdf
from ..services.documents import (
    cv_of,
    do_delete_cover_letter,
    do_delete_document,
    do_save_cover_letter,
    do_store_pdf,
    do_upload_document,
)
from ..uploads import serve
from .common import own_student
from .confirm import ask, confirmed

# What each part of the letter is for, with an example; shown next to the field.
EXAMPLES = {
    "introduction": gettext_lazy(
        "Say which job you apply for and how you found it. Example: Im Internet habe ich gelesen, dass Sie "
        "ab August 2027 eine Auszubildende als Elektronikerin suchen. Darüber habe ich mich sehr gefreut."
    ),
    "motivation": gettext_lazy(
        "Why this job, why this company? Example: In meinem Praktikum bei einem Elektrobetrieb habe ich "
        "gemerkt, dass mir die Arbeit mit Kabeln und Technik Spaß macht."
    ),
    "qualities": gettext_lazy(
        "What can you do well? Give an example for each strength. Example: Ich arbeite gerne im Team. Im "
        "Fußballverein trainiere ich jeden Samstag die Kinder."
    ),
    "closing": gettext_lazy(
        "Ask for an interview. Example: Über eine Einladung zu einem Vorstellungsgespräch freue ich mich sehr."
    ),
}
CHECKLIST = [
    gettext_lazy("The company name and address are correct."),
    gettext_lazy("The contact person's name is spelt correctly."),
    gettext_lazy("The subject says which job you apply for."),
    gettext_lazy("You wrote why you want this job, with an example."),
    gettext_lazy("The letter fits on one page."),
    gettext_lazy("Someone else has read it for spelling mistakes."),
    gettext_lazy("Your CV and certificates are attached."),
]


def salutation(contact_person: str) -> str:
    """The German salutation of a letter: by name when the contact person is known."""
    name = contact_person.strip()
    if name.startswith("Frau "):
        return f"Sehr geehrte {name},"
    if name.startswith("Herr "):
        return f"Sehr geehrter {name},"
    return "Sehr geehrte Damen und Herren,"


@require_safe
@own_student
def letters(request, municipality: str, student):
    return render(request, "students/me/letters.html", {"letters": student.cover_letters.all()})


def _own_letter(student, pk: int) -> CoverLetter:
    return get_object_or_404(CoverLetter, pk=pk, student=student)


@require_http_methods(["GET", "POST"])
@own_student
def letter_edit(request, municipality: str, student, pk: int | None = None):
    letter = _own_letter(student, pk) if pk else None
    form = CoverLetterForm(request.POST if request.method == "POST" else None, instance=letter)
    if request.method == "POST" and form.is_valid():
        if letter is not None:
            letter.refresh_from_db()
        letter = do_save_cover_letter(student, letter=letter, fields=form.cleaned_data, actor=request.user)
        messages.success(request, _("Your letter is saved."))
        return redirect("students:letter_edit", municipality=municipality, pk=letter.pk)
    context = {"form": form, "letter": letter, "examples": EXAMPLES, "checklist": CHECKLIST}
    return render(request, "students/me/letter_form.html", context)


def _letter_pdf(request, student, letter) -> bytes:
    context = {
        "student": student,
        "cv": cv_of(student),
        "letter": letter,
        "salutation": salutation(letter.contact_person),
        "today": timezone.localdate(),
    }
    return render_pdf("students/pdf/cover_letter.html", context, request)


@require_safe
@own_student
def letter_pdf(request, municipality: str, student, pk: int):
    letter = _own_letter(student, pk)
    return pdf_response(_letter_pdf(request, student, letter), f"Anschreiben-{student.last_name}.pdf")


@require_POST
@own_student
def letter_to_library(request, municipality: str, student, pk: int):
    letter = _own_letter(student, pk)
    title = _("Cover letter: %(company)s") % {"company": letter.company}
    pdf = _letter_pdf(request, student, letter)
    do_store_pdf(student, kind=Document.Kind.COVER_LETTER, title=title[:200], pdf=pdf, actor=request.user)
    messages.success(request, _("Your letter is saved in your documents."))
    return redirect("students:documents", municipality=municipality)


@require_http_methods(["GET", "POST"])
@own_student
def letter_delete(request, municipality: str, student, pk: int):
    """Asks first (views/confirm.py); only the question's "Yes" deletes."""
    letter = _own_letter(student, pk)
    if not confirmed(request):
        back = reverse("students:letter_edit", kwargs={"municipality": municipality, "pk": letter.pk})
        item = ": ".join(part for part in (letter.company, letter.subject) if part)
        return ask(request, question=_("Delete this letter?"), item=item, back=back)
    do_delete_cover_letter(letter, actor=request.user)
    messages.success(request, _("The letter is deleted."))
    return redirect("students:letters", municipality=municipality)


@require_http_methods(["GET", "POST"])
@own_student
def documents(request, municipality: str, student):
    form = DocumentForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_upload_document(
                student,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ServiceError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The file is saved."))
            return redirect("students:documents", municipality=municipality)
    return render(request, "students/me/documents.html", {"form": form, "documents": student.documents.all()})


@require_safe
def document_download(request, municipality: str, pk: int):
    """A file of a student's library, for the student, their guardians, and (certificates only) the school."""
    document: Document = get_object_or_404(Document.objects.select_related("student"), pk=pk)
    if not allowed(request.user, "students.view_document", document):
        return deny(request)
    log_reads(request.user, [document.student], f"document {document.pk}")
    inline = document.content_type.startswith("image/")
    return serve(
        document.file, document.content_type, f"{document.title}.{document.extension}", inline=inline
    )


@require_http_methods(["GET", "POST"])
@own_student
def document_delete(request, municipality: str, student, pk: int):
    """Asks first (views/confirm.py); only the question's "Yes" deletes."""
    document = get_object_or_404(Document, pk=pk, student=student)
    if not confirmed(request):
        back = reverse("students:documents", kwargs={"municipality": municipality})
        item = f"{document.title} ({document.get_kind_display()})"
        return ask(request, question=_("Delete this file?"), item=item, back=back)
    do_delete_document(document, actor=request.user)
    messages.success(request, _("The file is deleted."))
    return redirect("students:documents", municipality=municipality)
