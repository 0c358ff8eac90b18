from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .audit import log_action
from .models import (
    AccessibilityFeedback,
    AuditEntry,
    Company,
    District,
    Municipality,
    Organisation,
    PeriodicTaskRun,
    Postcode,
    Quarter,
    School,
)


def _platform_admin_only(request) -> bool:
    """The Django admin is for platform admins only (not for staff of a municipality)."""
    return bool(request.user.is_active and request.user.is_superuser)


def _login_through_allauth(request, extra_context=None):
    """The admin's own login form asks for the password alone; it would skip the second factor. Everyone
    signs in through allauth's login (password, then TOTP) and comes back; the admin's form is never used."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
    if _platform_admin_only(request):
        return redirect("admin:index")
    raise PermissionDenied


admin.site.has_permission = _platform_admin_only  # type: ignore[method-assign]
admin.site.site_header = _("Anschluss: platform administration")
admin.site.site_title = _("Anschluss: platform administration")
admin.site.login = _login_through_allauth  # type: ignore[method-assign]


class AuditedAdmin(admin.ModelAdmin):
    """Writes through the admin leave a line in the audit log too, as writes through a service do (rule 2).

    Django calls these hooks for every add, change (including inline changes, listed in the message) and delete
    (including the bulk delete action), before a deletion and after the other writes.
    """

    def _audit(self, request, obj, verb: str, message) -> None:
        opts = obj._meta
        log_action(
            request.user,
            f"{opts.app_label}.{opts.model_name}.{verb}",
            obj,
            {"via": "admin", "change": message},
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "create", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "update", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "delete", [])
        return super().log_deletions(request, queryset)


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ["name", "slug", "official_key", "is_active", "shares_indicators"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ["name", "number", "municipality"]
    list_filter = ["municipality"]


@admin.register(Quarter)
class QuarterAdmin(AuditedAdmin):
    list_display = ["name", "district", "municipality"]
    list_filter = ["municipality", "district"]
    filter_horizontal = ["postcodes"]


@admin.register(Postcode)
class PostcodeAdmin(AuditedAdmin):
    list_display = ["code", "latitude", "longitude", "is_approximate", "municipality"]
    list_filter = ["municipality", "is_approximate"]


class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "district", "municipality", "is_active"]
    list_filter = ["municipality", "kind", "district"]
    search_fields = ["name"]


@admin.register(School)
class SchoolAdmin(OrganisationAdmin):
    list_display = ["name", "school_number", "school_form", "district", "is_project_school", "social_index"]
    list_filter = ["municipality", "school_form", "is_project_school", "district"]
    search_fields = ["name", "school_number"]


@admin.register(Company)
class CompanyAdmin(OrganisationAdmin):
    list_display = ["name", "industry", "size", "training_chamber", "district"]
    list_filter = ["municipality", "size", "training_chamber", "district"]


admin.site.register(Organisation, OrganisationAdmin)


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(AuditedAdmin):
    list_display = ["created", "municipality", "page_url", "handled"]
    list_filter = ["municipality", "handled"]


class ReadOnlyAdmin(AuditedAdmin):
    """Records the platform writes itself: shown, never edited in the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the audit log is append-only. (Audited like every admin, so that the test walking the admin
    registry needs no exceptions; with no write allowed, it never writes an entry.)"""

    list_display = ["created", "municipality", "kind", "actor_label", "action", "target_label"]
    list_filter = ["municipality", "kind"]
    search_fields = ["action", "actor_label", "target_label"]


@admin.register(PeriodicTaskRun)
class PeriodicTaskRunAdmin(ReadOnlyAdmin):
    """When each entry of the periodic schedule last ran (manage.py run_periodic), how long, and its result."""

    list_display = ["name", "task", "last_run_at", "duration", "succeeded"]
    list_filter = ["succeeded"]
