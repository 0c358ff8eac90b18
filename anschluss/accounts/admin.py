from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
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


# Django's group admin and django-axes' admins (lockouts and login logs), audited too: granting permissions to a
# group or lifting someone's lockout is a security-relevant write. Importing their admin modules above registers
# them first, whatever the order of INSTALLED_APPS; axes registers its admins only when AXES_ENABLE_ADMIN is on.
admin.site.unregister(Group)


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    pass


class AuditedAccessAttemptAdmin(AuditedAdmin, AccessAttemptAdmin):
    # Not axes' "clean up expired attempts": it deletes past our audit and expects a request attribute that
    # only axes' own login flow sets (AttributeError here). Expired attempts stop counting by themselves
    # (AXES_COOLOFF_TIME); `manage.py axes_reset` clears them all.
    actions: list = []


class AuditedAccessLogAdmin(AuditedAdmin, AccessLogAdmin):
    pass


class AuditedAccessFailureLogAdmin(AuditedAdmin, AccessFailureLogAdmin):
    pass


for _model, _audited_admin in (
    (AccessAttempt, AuditedAccessAttemptAdmin),
    (AccessLog, AuditedAccessLogAdmin),
    (AccessFailureLog, AuditedAccessFailureLogAdmin),
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
        admin.site.register(_model, _audited_admin)
