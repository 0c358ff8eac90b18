from django.contrib import admin

from .models import (
    AccessibilityFeedback,
    AuditEntry,
    Company,
    District,
    Municipality,
    Organisation,
    Postcode,
    Quarter,
    School,
)


def _platform_admin_only(request) -> bool:
    """The Django admin is for platform admins only (not for staff of a municipality)."""
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = _platform_admin_only  # type: ignore[method-assign]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "official_key", "is_active", "shares_indicators"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "municipality"]
    list_filter = ["municipality"]


@admin.register(Quarter)
class QuarterAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "municipality"]
    list_filter = ["municipality", "district"]
    filter_horizontal = ["postcodes"]


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["code", "latitude", "longitude", "is_approximate", "municipality"]
    list_filter = ["municipality", "is_approximate"]


class OrganisationAdmin(admin.ModelAdmin):
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
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created", "municipality", "page_url", "handled"]
    list_filter = ["municipality", "handled"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ["created", "municipality", "kind", "actor_label", "action", "target_label"]
    list_filter = ["municipality", "kind"]
    search_fields = ["action", "actor_label", "target_label"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
