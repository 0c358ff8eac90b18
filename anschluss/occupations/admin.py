from django.contrib import admin

from anschluss.core.admin import AuditedAdmin

from .models import KldbEntry, Occupation, OccupationalField


@admin.register(OccupationalField)
class OccupationalFieldAdmin(AuditedAdmin):
    list_display = ["name", "key", "position"]


@admin.register(KldbEntry)
class KldbEntryAdmin(AuditedAdmin):
    list_display = ["code", "level", "title"]
    list_filter = ["level"]
    search_fields = ["code", "title"]


@admin.register(Occupation)
class OccupationAdmin(AuditedAdmin):
    list_display = ["name", "nrw_key", "field", "kldb", "is_current"]
    list_filter = ["field", "is_current"]
    search_fields = ["name", "nrw_key"]
    autocomplete_fields = ["kldb"]
