"""The student's portfolio (in the spirit of the Berufswahlpass) and their data rights: export and erasure."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import interests, kaoa
from ..models import Document
from ..pdf import pdf_response, render_pdf
from ..services.documents import cv_of
from ..services.milestones import done_features
from ..services.profile import answers_of
from ..services.rights import do_erase_student, export_data
from .common import own_student


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


@require_safe
@own_student
def data_json(request, municipality: str, student):
    data = export_data(student, actor=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@require_safe
@own_student
def data_pdf(request, municipality: str, student):
    data = export_data(student, actor=request.user)
    pdf = render_pdf("students/pdf/data_export.html", {"data": data, "student": student}, request)
    return pdf_response(pdf, "meine-daten.pdf")


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
