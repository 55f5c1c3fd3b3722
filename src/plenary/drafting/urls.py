from django.urls import path

from plenary.drafting import views

app_name = "drafting"
urlpatterns = [
    path("meetings/<str:code>/report/", views.report_page, name="report"),
    path("meetings/<str:code>/report/texts/", views.add_text, name="add_text"),
    path("meetings/<str:code>/report/texts/<int:pk>/", views.change_text, name="change_text"),
    path("meetings/<str:code>/report.<str:fmt>", views.report_download, name="report_download"),
    path("meetings/<str:code>/programme.docx", views.programme_download, name="programme_download"),
]
