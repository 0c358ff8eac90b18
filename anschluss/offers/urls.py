from django.urls import path  # noqa: F401

app_name = "offers"

# Pages of one municipality live under /<municipality>/ (see core.middleware).
M = "<slug:municipality>/"

urlpatterns: list = []
