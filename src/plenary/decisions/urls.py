from django.urls import path

from plenary.decisions import views

# Decisions are per convention; until these pages move under /<convention>/, the
# unprefixed ones show the CCM's, as they did before conventions were data.
CCM = {"convention": "CCM"}

app_name = "decisions"
urlpatterns = [
    path("silence-procedures/", views.silence_list, CCM, name="silence_list"),
    path("silence-procedures/<int:pk>/", views.silence_detail, CCM, name="silence_detail"),
    path("silence-procedures/<int:pk>/breaks/", views.break_silence, CCM, name="break_silence"),
    path("extension-requests/", views.extension_list, CCM, name="extension_list"),
    path("extension-requests/<int:pk>/", views.extension_detail, CCM, name="extension_detail"),
]
