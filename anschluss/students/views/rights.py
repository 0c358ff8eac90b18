"""The student's portfolio (in the spirit of the Berufswahlpass) and their data rights: export and erasure."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import deny

from .. import interests, kaoa
from ..forms.profile import SharingForm
from ..models import Document
from ..pdf import pdf_response, render_pdf
from ..purposes import BY_KEY
from ..services.documents import cv_of
from ..services.milestones import done_features
from ..services.profile import answers_of
from ..services.rights import do_erase_student, export_data
from .common import own_student, student_or_deny


def portfolio_context(student) -> dict:
    result = interests.profile(answers_of(student))
    done = done_features(student)
    cv = cv_of(student)
    return {
        "student": student,
        "milestones": student.milestones.select_related("evidence"),
        "expected": [(entry, done.get(entry.key)) for entry in kaoa.expected_features(student.grade)],
        "certificates": student.documents.filter(kind=Document.Kind.CERTIFICATE),
        "result": result if result.complete else None,
        "bars": result.bars() if result.complete else [],
        "strengths": student.strengths.all(),
        "internships": [m for m in student.milestones.all() if m.feature.startswith(("SBO_5", "SBO_6"))],
        "experience": [e for e in (cv.entries.all() if cv.pk else []) if e.section == "experience"],
        "today": timezone.localdate(),
    }


@require_safe
@own_student
def portfolio(request, municipality: str, student):
    return render(request, "students/me/portfolio.html", portfolio_context(student))


@require_safe
@own_student
def portfolio_pdf(request, municipality: str, student):
    pdf = render_pdf("students/pdf/portfolio.html", portfolio_context(student), request)
    return pdf_response(pdf, f"Portfolio-{student.first_name}-{student.last_name}.pdf")


@require_safe
@own_student
def my_data(request, municipality: str, student):
    return render(request, "students/me/data.html", {"student": student})


def _json_export(student, actor, filename: str) -> HttpResponse:
    data = export_data(student, actor=actor)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _pdf_export(request, student, filename: str, *, for_guardian: bool = False) -> HttpResponse:
    data = export_data(student, actor=request.user)
    consents = list(student.consents.all())
    for consent in consents:
        purpose = BY_KEY.get(consent.purpose)
        consent.purpose_name = str(purpose.name) if purpose else consent.purpose
    context = {
        "data": data,
        "student": student,
        "for_guardian": for_guardian,
        "quiz_complete": len(data["interests"]["answers"]) == len(interests.items()),
        "strengths": student.strengths.all(),
        "consents": consents,
        "sharing_labels": [
            field.label for name, field in SharingForm.base_fields.items() if getattr(student, name)
        ],
    }
    pdf = render_pdf("students/pdf/data_export.html", context, request)
    return pdf_response(pdf, filename)


@require_safe
@own_student
def data_json(request, municipality: str, student):
    return _json_export(student, request.user, "meine-daten.json")


@require_safe
@own_student
def data_pdf(request, municipality: str, student):
    return _pdf_export(request, student, "meine-daten.pdf")


def _child_or_deny(request, pk: int, reason: str):
    """The guardian's child `pk` (students.export_data, read logged with `reason`), else None. The student
    themself uses /me/data/."""
    student = student_or_deny(request, pk, "students.export_data")
    if student is None or student.user_id == request.user.pk:
        return None
    log_reads(request.user, [student], reason)
    return student


def _child_filename(student, extension: str) -> str:
    return f"daten-{slugify(student.first_name) or 'kind'}.{extension}"


@require_safe
def child_data_json(request, municipality: str, pk: int):
    """A guardian downloads their child's data export (Art. 15/20 GDPR), the same as the student's."""
    student = _child_or_deny(request, pk, "data export as JSON (guardian)")
    if student is None:
        return deny(request)
    return _json_export(student, request.user, _child_filename(student, "json"))


@require_safe
def child_data_pdf(request, municipality: str, pk: int):
    student = _child_or_deny(request, pk, "data export as PDF (guardian)")
    if student is None:
        return deny(request)
    return _pdf_export(request, student, _child_filename(student, "pdf"), for_guardian=True)


@require_http_methods(["GET", "POST"])
@own_student
def erase_me(request, municipality: str, student):
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Please tick the box to confirm."))
            return render(request, "students/erase_confirm.html", {"student": student, "by_school": False})
        do_erase_student(student, actor=request.user)
        logout(request)
        messages.success(request, _("Your data is deleted and your account is closed."))
        return redirect("core:home", municipality=municipality)
    return render(request, "students/erase_confirm.html", {"student": student, "by_school": False})
