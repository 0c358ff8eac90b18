from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from anschluss.core.admin import AuditedAdmin

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
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
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "role", "organisation", "municipality", "is_active"]
    list_filter = ["municipality", "role", "is_active"]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


# allauth's own admins, audited as well: removing someone's second factor or changing their e-mail address is a
# security-relevant write. (Importing allauth's admin modules above registers them first.)
admin.site.unregister(Authenticator)
admin.site.unregister(EmailAddress)


@admin.register(Authenticator)
class AuditedAuthenticatorAdmin(AuditedAdmin, AuthenticatorAdmin):
    pass


@admin.register(EmailAddress)
class AuditedEmailAddressAdmin(AuditedAdmin, EmailAddressAdmin):
    pass
