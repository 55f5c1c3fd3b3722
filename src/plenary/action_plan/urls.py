from django.urls import path

from plenary.action_plan import views

app_name = "action_plan"
urlpatterns = [
    path("action-plans/", views.plan_list, name="plan_list"),
    path("action-plans/new/", views.plan_new, name="plan_new"),
    path("action-plans/indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("action-plans/<str:code>/", views.plan_detail, name="plan_detail"),
    path("action-plans/<str:code>/progress/", views.progress, name="progress"),
    path("action-plans/<str:code>/sections/new/", views.section_new, name="section_new"),
    path("action-plans/<str:code>/actions/new/", views.action_new, name="action_new"),
    path(
        "action-plans/<str:code>/actions/translations/",
        views.action_translation,
        name="action_translation",
    ),
    path("action-plans/<str:code>/indicators/new/", views.indicator_new, name="indicator_new"),
    path("action-plans/<str:code>/progress.csv", views.progress_csv, name="progress_csv"),
    path("action-plans/<str:code>/progress.xlsx", views.progress_xlsx, name="progress_xlsx"),
    path("action-plans/<str:code>/progress.docx", views.progress_docx, name="progress_docx"),
    path("thematic-areas/", views.area_list, name="area_list"),
    path("thematic-areas/new/", views.area_new, name="area_new"),
    path(
        "thematic-areas/<slug:slug>/coordinators/new/",
        views.coordination_new,
        name="coordination_new",
    ),
    path("thematic-areas/<slug:slug>/", views.area_detail, name="area_detail"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_issue, name="consultation_issue"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation"),
    path(
        "consultations/<int:pk>/deadline/",
        views.consultation_deadline,
        name="consultation_deadline",
    ),
    path("consultations/<int:pk>/close/", views.consultation_close, name="consultation_close"),
    path(
        "consultations/<int:pk>/translations/",
        views.consultation_translations,
        name="consultation_translations",
    ),
    path(
        "consultations/<int:pk>/questions/translations/",
        views.question_translations,
        name="question_translations",
    ),
    path("consultations/<int:pk>/compiled/", views.compiled, name="compiled"),
    path("consultations/<int:pk>/compiled.docx", views.compiled_docx, name="compiled_docx"),
    path(
        "consultations/<int:pk>/contributions/<int:contribution>/attachment",
        views.attachment,
        name="attachment",
    ),
]
