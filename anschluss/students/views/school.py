"""The school coordinator's and teachers' workbench: classes, adding and importing students, code sheets,
guardian letters, the class overview and its XLSX export."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.accounts import directory
from anschluss.accounts.models import Role
from anschluss.core.audit import log_reads
from anschluss.core.models import School
from anschluss.core.permissions import allowed, deny, permission_required
from anschluss.core.services import ServiceError

from ..dashboard import class_overview, class_workbook
from ..forms.classes import ClassForm, ImportForm, StudentForm
from ..models import Guardianship, SchoolClass, current_school_year
from ..pdf import pdf_response, render_pdf
from ..services.classes import do_add_student, do_create_class, do_prepare_code_sheet, do_update_class
from ..services.common import format_code
from ..services.consent import do_invite_guardian
from ..services.importing import ImportRefused, do_import_students


def _schools_of(user, role: str):
    return School.objects.filter(pk__in=directory.organisation_ids(user, role)).order_by("name")


def _class_or_deny(request, pk: int, perm: str):
    school_class: SchoolClass = get_object_or_404(SchoolClass.objects.select_related("school"), pk=pk)
    return school_class if allowed(request.user, perm, school_class) else None


def _coordinated_school(request):
    """The school the coordinator runs (the first, if several), or None."""
    return _schools_of(request.user, Role.SCHOOL_COORDINATOR).first()


@require_safe
@permission_required("students.view_class_list")
def class_list(request, municipality: str):
    user = request.user
    coordinated = _schools_of(user, Role.SCHOOL_COORDINATOR)
    classes = SchoolClass.objects.filter(Q(school__in=coordinated) | Q(teachers=user)).distinct()
    classes = classes.select_related("school").annotate(
        student_count=Count("students", distinct=True),
        account_count=Count("students", filter=Q(students__user__isnull=False), distinct=True),
    )
    context = {"classes": classes, "coordinated": coordinated, "school_year": current_school_year()}
    return render(request, "students/school/class_list.html", context)


@require_http_methods(["GET", "POST"])
def class_create(request, municipality: str):
    school = _coordinated_school(request) if request.user.is_authenticated else None
    if school is None or not allowed(request.user, "students.add_class", school):
        return deny(request)
    form = ClassForm(request.POST if request.method == "POST" else None, school=school)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school_class = do_create_class(
            school,
            name=data["name"],
            grade=data["grade"],
            school_year=data["school_year"],
            teachers=list(data["teachers"]),
            actor=request.user,
        )
        messages.success(request, _("The class is created. Now add its students."))
        return redirect("students:class_detail", municipality=municipality, pk=school_class.pk)
    return render(request, "students/school/class_form.html", {"form": form, "school": school})


@require_http_methods(["GET", "POST"])
def class_edit(request, municipality: str, pk: int):
    school_class = _class_or_deny(request, pk, "students.change_class")
    if school_class is None:
        return deny(request)
    form = ClassForm(
        request.POST if request.method == "POST" else None, instance=school_class, school=school_class.school
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The form validated a copy; the service writes.
        school_class.refresh_from_db()
        do_update_class(
            school_class,
            name=data["name"],
            grade=data["grade"],
            school_year=data["school_year"],
            teachers=list(data["teachers"]),
            actor=request.user,
        )
        messages.success(request, _("The class is saved."))
        return redirect("students:class_detail", municipality=municipality, pk=pk)
    return render(
        request,
        "students/school/class_form.html",
        {"form": form, "school": school_class.school, "object": school_class},
    )


@require_safe
def class_detail(request, municipality: str, pk: int):
    school_class = _class_or_deny(request, pk, "students.view_class")
    if school_class is None:
        return deny(request)
    expected, rows = class_overview(school_class)
    log_reads(request.user, [row.student for row in rows], "class overview")
    context = {
        "school_class": school_class,
        "expected": expected,
        "rows": rows,
        "can_change": allowed(request.user, "students.change_class", school_class),
        "without_account": sum(1 for r in rows if not r.has_account),
    }
    return render(request, "students/school/class_detail.html", context)


@require_safe
def class_xlsx(request, municipality: str, pk: int):
    school_class = _class_or_deny(request, pk, "students.view_class")
    if school_class is None:
        return deny(request)
    data = class_workbook(school_class)
    log_reads(request.user, school_class.students.all(), "class overview export")
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"klasse-{school_class.name}-{school_class.school_year.replace('/', '-')}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def class_codes(request, municipality: str, pk: int):
    """The code sheet: one strip per student to cut out, with the sign-up address and the code."""
    school_class = _class_or_deny(request, pk, "students.change_class")
    if school_class is None:
        return deny(request)
    students = do_prepare_code_sheet(school_class, actor=request.user)
    log_reads(request.user, students, "code sheet")
    join_url = request.build_absolute_uri(reverse("students:join", kwargs={"municipality": municipality}))
    strips = [{"student": s, "code": format_code(s.signup_code)} for s in students]
    context = {"school_class": school_class, "strips": strips, "join_url": join_url}
    pdf = render_pdf("students/pdf/code_sheet.html", context, request)
    return pdf_response(pdf, f"codes-{school_class.name}.pdf")


@require_POST
def guardian_letters(request, municipality: str, pk: int):
    """One letter per student of the class who has no guardian linked yet, each with a fresh code."""
    school_class = _class_or_deny(request, pk, "students.change_class")
    if school_class is None:
        return deny(request)
    join_url = request.build_absolute_uri(
        reverse("students:guardian_join", kwargs={"municipality": municipality})
    )
    letters = []
    for student in school_class.students.exclude(pk__in=Guardianship.linked_student_ids()).order_by(
        "last_name"
    ):
        invitation = do_invite_guardian(student, actor=request.user)
        letters.append({"student": student, "code": format_code(invitation.code)})
    log_reads(request.user, [letter["student"] for letter in letters], "guardian letters")
    context = {"school_class": school_class, "letters": letters, "join_url": join_url}
    pdf = render_pdf("students/pdf/guardian_letters.html", context, request)
    return pdf_response(pdf, f"elternbriefe-{school_class.name}.pdf")


@require_http_methods(["GET", "POST"])
def student_add(request, municipality: str, pk: int):
    school_class = _class_or_deny(request, pk, "students.add_student")
    if school_class is None:
        return deny(request)
    form = StudentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        student = do_add_student(school_class, **form.cleaned_data, actor=request.user)
        messages.success(
            request, _("%(name)s is added. The sign-up code is on the next code sheet.") % {"name": student}
        )
        return redirect("students:class_detail", municipality=municipality, pk=pk)
    return render(request, "students/school/student_form.html", {"form": form, "school_class": school_class})


@require_http_methods(["GET", "POST"])
def import_students(request, municipality: str):
    school = _coordinated_school(request) if request.user.is_authenticated else None
    if school is None or not allowed(request.user, "students.import_students", school):
        return deny(request)
    form = ImportForm(
        request.POST if request.method == "POST" else None, request.FILES or None, school=school
    )
    errors, result = [], None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            result = do_import_students(
                school, data, target_class=form.cleaned_data["school_class"], actor=request.user
            )
        except ImportRefused as refused:
            # Every bad row is listed on the page; the form itself is fine.
            errors = refused.errors
        except ServiceError as error:
            error.add_to_form(form)
    context = {"form": form, "school": school, "errors": errors, "result": result}
    return render(request, "students/school/import.html", context, status=200)
