from django.urls import path

from plenary.decisions import views

app_name = "decisions"
urlpatterns = [
    path("silence-procedures/", views.silence_list, name="silence_list"),
    path("silence-procedures/new/", views.circulate, name="circulate"),
    path("silence-procedures/<int:pk>/extend/", views.extend_silence, name="extend_silence"),
    path("silence-procedures/<int:pk>/withdraw/", views.withdraw_silence, name="withdraw_silence"),
    path("silence-procedures/<int:pk>/", views.silence_detail, name="silence_detail"),
    path("silence-procedures/<int:pk>/breaks/", views.break_silence, name="break_silence"),
    path("decisions/", views.decision_register, name="register"),
    path("decisions/new/", views.record_decision, name="record_decision"),
    path("extension-requests/", views.extension_list, name="extension_list"),
    path("extension-requests/new/", views.submit_extension_request, name="submit_request"),
    path("extension-requests/<int:pk>/<slug:step>/", views.extension_step, name="extension_step"),
    path("extension-requests/<int:pk>/", views.extension_detail, name="extension_detail"),
]
