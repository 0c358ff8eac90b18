"""Public pages: the platform's front door, each municipality's start page and its legal pages."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ..forms import AccessibilityFeedbackForm
from ..models import District, Municipality, School, SchoolForm
from ..services import do_submit_accessibility_feedback


@require_safe
def platform_home(request):
    municipalities = Municipality.objects.filter(is_active=True)
    return render(request, "core/platform_home.html", {"municipalities": municipalities})


@require_safe
def platform_legal(request, page: str):
    context: dict[str, object] = {"page": page}
    if page == "accessibility":
        # Pages outside a municipality (login, password reset) send barrier reports here: on to the form of
        # the municipality the visitor uses, which learns the page the report is about.
        context["municipalities"] = Municipality.objects.filter(is_active=True)
        reported_page = request.GET.get("page", "")
        context["reported_page"] = reported_page if reported_page.startswith("/") else ""
    return render(request, "core/platform_legal.html", context)


@require_safe
def home(request, municipality: str):
    schools = School.objects.all()
    context = {
        "school_count": schools.count(),
        "project_schools": schools.filter(is_project_school=True).select_related("district"),
        "district_count": District.objects.count(),
    }
    return render(request, "core/home.html", context)


@require_safe
def legal(request, municipality: str, page: str):
    return render(request, "core/legal.html", {"page": page})


@require_safe
def school_list(request, municipality: str):
    """All schools of the municipality: public data from the NRW school directory."""
    schools = School.objects.select_related("district").order_by("name")
    districts = District.objects.annotate(n=Count("organisation", filter=Q(organisation__kind="school")))
    district = request.GET.get("district", "")
    form = request.GET.get("form", "")
    error = ""
    if district:
        if not districts.filter(slug=district).exists():
            error = _("There is no district with that name. Showing all schools.")
        else:
            schools = schools.filter(district__slug=district)
    if form:
        if form not in SchoolForm.values:
            error = _("There is no such school form. Showing all schools.")
        else:
            schools = schools.filter(school_form=form)
    forms_present = sorted(set(School.objects.values_list("school_form", flat=True)))
    context = {
        "schools": schools,
        "districts": districts,
        "school_forms": [(value, SchoolForm(value).label) for value in forms_present],
        "selected_district": district,
        "selected_form": form,
        "filter_error": error,
    }
    return render(request, "core/school_list.html", context)


@require_http_methods(["GET", "POST"])
def accessibility_feedback(request, municipality: str):
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        if form.is_valid():
            do_submit_accessibility_feedback(
                request.municipality,
                page_url=form.cleaned_data["page_url"],
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"],
                actor=request.user,
            )
            messages.success(request, _("Thank you. We have received your message and will look into it."))
            return redirect("core:home", municipality=request.municipality.slug)
    else:
        form = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("page", "")})
    return render(request, "core/feedback_form.html", {"form": form})
