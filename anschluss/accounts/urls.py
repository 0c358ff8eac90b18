from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("start/", views.start_redirect, name="start"),
    path("<slug:municipality>/start/", views.start, name="municipality_start"),
]
