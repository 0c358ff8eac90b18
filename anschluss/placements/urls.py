from django.urls import path

from .views import aftercare, agreements, choices, placements, rounds, runs

app_name = "placements"

M = "<slug:municipality>/placements/"

urlpatterns = [
    path(M, rounds.round_list, name="round_list"),
    path(M + "rounds/new/", rounds.round_create, name="round_create"),
    path(M + "rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path(M + "rounds/<int:pk>/edit/", rounds.round_edit, name="round_edit"),
    path(M + "rounds/<int:pk>/status/", rounds.round_status, name="round_status"),
    path(M + "rounds/<int:pk>/places/new/", rounds.place_create, name="place_create"),
    path(M + "places/<int:pk>/edit/", rounds.place_edit, name="place_edit"),
    path(M + "rounds/<int:pk>/choose/", choices.choose, name="choose"),
    path(M + "rounds/<int:pk>/choices/", choices.choice_overview, name="choice_overview"),
    path(M + "rounds/<int:pk>/remind/", choices.remind, name="remind"),
    path(M + "rounds/<int:pk>/runs/", runs.run_start, name="run_start"),
    path(M + "rounds/<int:pk>/compare/", runs.run_compare, name="run_compare"),
    path(M + "runs/<int:pk>/", runs.run_detail, name="run_detail"),
    path(M + "runs/<int:pk>/progress/", runs.run_progress, name="run_progress"),
    path(M + "runs/<int:pk>/adopt/", runs.run_adopt, name="run_adopt"),
    path(M + "runs/<int:pk>/students/<int:student>/", runs.run_explain, name="run_explain"),
    path(M + "rounds/<int:pk>/placements/", placements.placement_list, name="placement_list"),
    path(M + "rounds/<int:pk>/assign/", placements.assign, name="assign"),
    path(M + "placements/<int:pk>/remove/", placements.placement_remove, name="placement_remove"),
    path(M + "rounds/<int:pk>/confirm/", placements.confirm, name="confirm"),
    path(M + "rounds/<int:pk>/agreements/", agreements.agreement_list, name="agreement_list"),
    path(M + "agreements/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path(M + "agreements/<int:pk>/pdf/", agreements.agreement_pdf, name="agreement_pdf"),
    path(M + "agreements/<int:pk>/sign/", agreements.agreement_sign, name="agreement_sign"),
    path(M + "agreements/<int:pk>/paper/", agreements.agreement_paper, name="agreement_paper"),
    path(M + "rounds/<int:pk>/host-again/", aftercare.host_again_request, name="host_again_request"),
    path(M + "host-again/<str:token>/", aftercare.host_again, name="host_again"),
    path(M + "placements/<int:pk>/feedback/", aftercare.feedback, name="feedback"),
]
