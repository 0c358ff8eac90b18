from django.urls import path

from .views import applications, manage, saved, search

app_name = "offers"

# Pages of one municipality live under /<municipality>/ (see core.middleware).
M = "<slug:municipality>/"
OFFERS = M + "offers/"

urlpatterns = [
    path(OFFERS, search.search, name="search"),
    path(OFFERS + "<int:pk>/", search.detail, name="detail"),
    path(M + "companies/<int:pk>/", search.company, name="company"),
    # Young people
    path(OFFERS + "<int:pk>/apply/", applications.apply, name="apply"),
    path(OFFERS + "<int:pk>/save/", saved.toggle_saved, name="toggle_saved"),
    path(OFFERS + "saved/", saved.saved, name="saved"),
    path(OFFERS + "searches/", saved.save_search, name="save_search"),
    path(OFFERS + "searches/<int:pk>/delete/", saved.delete_search, name="delete_search"),
    path(OFFERS + "applications/", applications.my_applications, name="my_applications"),
    path(OFFERS + "applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path(OFFERS + "applications/<int:pk>/answer/", applications.answer, name="answer"),
    path(OFFERS + "applications/<int:pk>/respond/", applications.respond, name="respond"),
    # Companies and the municipality's staff
    path(OFFERS + "manage/", manage.manage, name="manage"),
    path(OFFERS + "manage/new/", manage.create, name="create"),
    path(OFFERS + "manage/applications/", applications.received, name="received"),
    path(OFFERS + "review/", manage.review, name="review"),
    path(OFFERS + "<int:pk>/edit/", manage.edit, name="edit"),
    path(OFFERS + "<int:pk>/submit/", manage.submit, name="submit"),
    path(OFFERS + "<int:pk>/publish/", manage.publish, name="publish"),
    path(OFFERS + "<int:pk>/reject/", manage.reject, name="reject"),
    path(OFFERS + "<int:pk>/close/", manage.close, name="close"),
]
