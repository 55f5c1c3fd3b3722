from django.urls import path

from plenary.drafting import views

app_name = "drafting"
urlpatterns = [
    path("meetings/<str:code>/report/", views.report_page, name="report"),
    path("meetings/<str:code>/report/texts/", views.add_text, name="add_text"),
    path("meetings/<str:code>/report/texts/<int:pk>/", views.change_text, name="change_text"),
    path("meetings/<str:code>/report/issue/", views.issue_report, name="issue_report"),
    path("meetings/<str:code>/report/revise/", views.revise_report, name="revise_report"),
    path("meetings/<str:code>/report/adopt/", views.adopt_report, name="adopt_report"),
    path("meetings/<str:code>/report.<str:fmt>", views.report_download, name="report_download"),
    path("meetings/<str:code>/programme.docx", views.programme_download, name="programme_download"),
    path("meetings/<str:code>/letter/", views.letter_page, name="letter"),
    path("meetings/<str:code>/letter/letterhead/", views.letterhead_page, name="letterhead"),
    path("meetings/<str:code>/note-verbale/", views.note_verbale_page, name="note_verbale"),
]
