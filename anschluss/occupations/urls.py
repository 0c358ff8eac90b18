from django.urls import path

from . import views

app_name = "occupations"

# Pages of one municipality live under /<municipality>/ (see core.middleware): the occupations are shared
# reference data, the offers shown with them are the municipality's.
M = "<slug:municipality>/"

urlpatterns = [
    path(M + "occupations/", views.occupation_list, name="list"),
    path(M + "occupations/<slug:slug>/", views.occupation_detail, name="detail"),
]
