from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from anschluss.core.permissions import permission_required

from . import directory
from .models import Role

# Which start page template a role sees, most responsible role first.
START_PAGES = [
    (Role.COORDINATOR, "coordinator"),
    (Role.STATISTICS_READER, "statistics_reader"),
    (Role.COUNSELLOR, "counsellor"),
    (Role.PARTNER_COUNSELLOR, "partner_counsellor"),
    (Role.LIAISON, "liaison"),
    (Role.SCHOOL_COORDINATOR, "school_coordinator"),
    (Role.TEACHER, "teacher"),
    (Role.COMPANY_STAFF, "company_staff"),
    (Role.GUARDIAN, "guardian"),
    (Role.STUDENT, "student"),
]


# Apps that add sections to a role's start page, as templates "<app>/start/<role page>.html".
START_SECTION_APPS = ["students", "offers", "occupations", "placements"]


def start_sections(pages: list[str]) -> list[list[str]]:
    """For each role page and app, the app's section template, or an empty one where the app has none."""
    return [
        [f"{app}/start/{page}.html", "accounts/start/empty.html"]
        for page in pages
        for app in START_SECTION_APPS
    ]


@require_safe
@login_required
def start_redirect(request):
    """After login: the person's own municipality, or the admin for platform admins without one."""
    user = request.user
    if user.municipality_id is not None:
        return redirect("accounts:municipality_start", municipality=user.municipality.slug)
    if user.is_superuser:
        return redirect(reverse("admin:index"))
    return render(request, "accounts/no_membership.html")


@require_safe
@permission_required("accounts.view_start")
def start(request, municipality: str):
    user = request.user
    memberships = directory.memberships_of(user)
    roles = user.roles_in(request.municipality.pk)
    pages = [name for role, name in START_PAGES if role in roles]
    context = {
        "memberships": memberships,
        "start_pages": pages,
        "sections": start_sections(pages),
        "roles": roles,
    }
    # Students are addressed with "du" in German, everyone else with "Sie".
    context["is_student"] = roles == {Role.STUDENT}
    return render(request, "accounts/start.html", context)
