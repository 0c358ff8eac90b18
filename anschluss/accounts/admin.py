from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "municipality",
        "is_superuser",
        "is_active",
    ]
    list_filter = ["municipality", "is_superuser", "is_active", "is_demo_persona"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Anschluss"), {"fields": ("municipality", "is_demo_persona")}),
    )
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "municipality", "is_active"]
    list_filter = ["municipality", "role", "is_active"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
