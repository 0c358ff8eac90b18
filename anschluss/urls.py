from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", include("anschluss.api.urls")),
    path("", include("anschluss.accounts.urls")),
    path("", include("anschluss.occupations.urls")),
    path("", include("anschluss.offers.urls")),
    path("", include("anschluss.students.urls")),
    path("", include("anschluss.placements.urls")),
    # Last: core holds the catch-all /<municipality>/ prefix.
    path("", include("anschluss.core.urls")),
]
