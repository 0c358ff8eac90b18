"""The CV builder: the German tabular CV (Lebenslauf) in small steps, each with a hint, then a PDF."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.core.services import ServiceError

from ..forms.documents import CvEntryForm, CvHobbiesForm, CvPersonalForm, CvSkillsForm, PhotoForm
from ..models import CvEntry, Document
from ..pdf import data_url, pdf_response, render_pdf
from ..services.documents import (
    cv_of,
    do_delete_cv_entry,
    do_remove_cv_photo,
    do_save_cv,
    do_save_cv_entry,
    do_set_cv_photo,
    do_store_pdf,
)
from ..uploads import serve
from .common import own_student
from .confirm import ask, confirmed


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    hint: Promise
    form: type | None = None
    section: str = ""


STEPS = [
    Step(
        "personal",
        gettext_lazy("About you"),
        gettext_lazy("The company needs to reach you. Use an e-mail address with your name, not a nickname."),
        CvPersonalForm,
    ),
    Step(
        "school",
        gettext_lazy("School"),
        gettext_lazy("Your schools, the newest first. Write which leaving certificate you are aiming for."),
        section=CvEntry.Section.SCHOOL,
    ),
    Step(
        "experience",
        gettext_lazy("Internships and jobs"),
        gettext_lazy(
            "Internships, exploration days, side jobs, voluntary work. Everything counts: it shows what you have tried."
        ),
        section=CvEntry.Section.EXPERIENCE,
    ),
    Step(
        "skills",
        gettext_lazy("What you can do"),
        gettext_lazy("Languages are a strength. Write how well you speak each one."),
        CvSkillsForm,
    ),
    Step(
        "hobbies",
        gettext_lazy("Hobbies"),
        gettext_lazy("Hobbies tell a company who you are. Choose two or three, and be honest."),
        CvHobbiesForm,
    ),
    Step(
        "photo",
        gettext_lazy("Photo"),
        gettext_lazy(
            "A photo is optional. Companies may not ask for one. If you add one, choose a friendly photo in front of a plain wall."
        ),
    ),
    Step(
        "check",
        gettext_lazy("Check and download"),
        gettext_lazy(
            "Read everything once more. Are the dates right? Is nothing spelt wrong? Then download your CV."
        ),
    ),
]
BY_SLUG = {step.slug: step for step in STEPS}


def _entries(cv, section: str = ""):
    if cv.pk is None:
        return []
    entries = [e for e in cv.entries.all() if not section or e.section == section]
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)


def _next(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


@require_safe
@own_student
def cv_overview(request, municipality: str, student):
    cv = cv_of(student)
    done = {
        "personal": bool(cv.city and (cv.phone or cv.email)),
        "school": bool(_entries(cv, CvEntry.Section.SCHOOL)),
        "experience": bool(_entries(cv, CvEntry.Section.EXPERIENCE)),
        "skills": bool(cv.languages or cv.computer_skills),
        "hobbies": bool(cv.hobbies),
        "photo": bool(cv.photo),
    }
    steps = [(step, done.get(step.slug)) for step in STEPS]
    return render(request, "students/me/cv_overview.html", {"steps": steps, "cv": cv})


@require_http_methods(["GET", "POST"])
@own_student
def cv_step(request, municipality: str, student, step: str):
    current = BY_SLUG.get(step)
    if current is None:
        raise Http404
    cv = cv_of(student)
    form = None
    if current.form is not None:
        form = current.form(request.POST if request.method == "POST" else None, instance=cv)
        if request.method == "POST" and form.is_valid():
            do_save_cv(student, fields=form.cleaned_data, actor=request.user)
            return _after_save(request, municipality, current)
    elif current.section:
        form = CvEntryForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            do_save_cv_entry(
                student, fields={**form.cleaned_data, "section": current.section}, actor=request.user
            )
            messages.success(request, _("The line is added."))
            return redirect("students:cv_step", municipality=municipality, step=current.slug)
    elif current.slug == "photo":
        form = PhotoForm(request.POST if request.method == "POST" else None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                do_set_cv_photo(student, upload=form.cleaned_data["photo"], actor=request.user)
            except ServiceError as error:
                error.add_to_form(form)
            else:
                return _after_save(request, municipality, current)
    elif request.method == "POST":
        raise Http404
    context = {
        "steps": STEPS,
        "step": current,
        "next_step": _next(current),
        "form": form,
        "cv": cv,
        "student": student,
        "entries": _entries(cv, current.section) if current.section else [],
        "all_entries": _entries(cv),
    }
    return render(request, "students/me/cv_step.html", context)


def _after_save(request, municipality: str, step: Step):
    messages.success(request, _("Saved."))
    following = _next(step)
    return redirect("students:cv_step", municipality=municipality, step=(following or step).slug)


def _own_entry(student, pk: int) -> CvEntry:
    return get_object_or_404(CvEntry.objects.select_related("cv"), pk=pk, cv__student=student)


@require_http_methods(["GET", "POST"])
@own_student
def cv_entry_edit(request, municipality: str, student, pk: int):
    entry = _own_entry(student, pk)
    form = CvEntryForm(request.POST if request.method == "POST" else None, instance=entry)
    if request.method == "POST" and form.is_valid():
        entry.refresh_from_db()
        do_save_cv_entry(student, entry=entry, fields=form.cleaned_data, actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("students:cv_step", municipality=municipality, step=entry.section)
    return render(request, "students/me/cv_entry_form.html", {"form": form, "entry": entry})


def _describe(entry: CvEntry) -> str:
    """The line as the CV shows it: "08/2021 – today: Hauptschule Kley, Dortmund"."""
    where = ", ".join(part for part in (entry.title, entry.organisation, entry.place) if part)
    return f"{entry.start} – {entry.end or _('today')}: {where}"


@require_http_methods(["GET", "POST"])
@own_student
def cv_entry_delete(request, municipality: str, student, pk: int):
    """Deleting a line asks first (views/confirm.py): only the question's "Yes" deletes."""
    entry = _own_entry(student, pk)
    back = reverse("students:cv_step", kwargs={"municipality": municipality, "step": entry.section})
    if not confirmed(request):
        return ask(
            request,
            question=_("Delete this line?"),
            explanation=_("Do you want to delete this line from your CV?"),
            item=_describe(entry),
            back=back,
        )
    do_delete_cv_entry(entry, actor=request.user)
    messages.success(request, _("The line is deleted."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
@own_student
def cv_photo_remove(request, municipality: str, student):
    """Removing the photo asks first, like deleting a line."""
    back = reverse("students:cv_step", kwargs={"municipality": municipality, "step": "photo"})
    if not cv_of(student).photo:
        return redirect(back)
    if not confirmed(request):
        return ask(request, question=_("Remove your photo?"), back=back, yes=_("Yes, remove"))
    do_remove_cv_photo(student, actor=request.user)
    messages.success(request, _("Your photo is removed."))
    return redirect(back)


@require_safe
@own_student
def cv_photo(request, municipality: str, student):
    cv = cv_of(student)
    if not cv.photo:
        raise Http404
    return serve(cv.photo, cv.photo_content_type, "foto", inline=True)


def cv_context(student) -> dict:
    cv = cv_of(student)
    entries = _entries(cv)
    return {
        "student": student,
        "cv": cv,
        "school_entries": [e for e in entries if e.section == CvEntry.Section.SCHOOL],
        "experience_entries": [e for e in entries if e.section != CvEntry.Section.SCHOOL],
        "photo": data_url(cv.photo, cv.photo_content_type) if cv.photo else "",
        "today": timezone.localdate(),
    }


def _cv_pdf(request, student) -> bytes:
    return render_pdf("students/pdf/cv.html", cv_context(student), request)


@require_safe
@own_student
def cv_pdf(request, municipality: str, student):
    return pdf_response(_cv_pdf(request, student), f"Lebenslauf-{student.first_name}-{student.last_name}.pdf")


@require_POST
@own_student
def cv_to_library(request, municipality: str, student):
    title = _("CV %(date)s") % {"date": timezone.localdate().strftime("%d.%m.%Y")}
    do_store_pdf(
        student, kind=Document.Kind.CV, title=title, pdf=_cv_pdf(request, student), actor=request.user
    )
    messages.success(request, _("Your CV is saved in your documents. You can attach it to applications."))
    return redirect("students:documents", municipality=municipality)
