from django.urls import path

from plenary.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.register, name="register"),
    path("statistics/", views.statistics_page, name="statistics"),
    path("register.csv", views.register_csv, name="register_csv"),
    path("<int:pk>/report.docx", views.report_docx, name="docx"),
    path("<int:pk>/report.pdf", views.report_pdf, name="pdf"),
    path("states/<str:iso3>/", views.state_reports, name="state"),
    path("states/<str:iso3>/start/", views.start_report, name="start"),
    path("states/<str:iso3>/received/", views.record_received, name="received"),
    path("<int:pk>/", views.report, name="report"),
    path("<int:pk>/draft/", views.save_draft, name="save_draft"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/revise/", views.revise, name="revise"),
    path("<int:pk>/recall/", views.recall, name="recall"),
    path("<int:pk>/process/", views.process, name="process"),
]
