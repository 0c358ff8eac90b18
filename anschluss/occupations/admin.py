from django.contrib import admin

from .models import KldbEntry, Occupation, OccupationalField


@admin.register(OccupationalField)
class OccupationalFieldAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "position"]


@admin.register(KldbEntry)
class KldbEntryAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "title"]
    list_filter = ["level"]
    search_fields = ["code", "title"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["name", "nrw_key", "field", "kldb", "is_current"]
    list_filter = ["field", "is_current"]
    search_fields = ["name", "nrw_key"]
    autocomplete_fields = ["kldb"]
