from django.urls import path

from plenary.documents import views

app_name = "documents"
urlpatterns = [
    path("meetings/<str:code>/documents/", views.meeting_documents, name="meeting_documents"),
    path("meetings/<str:code>/documents/issue/", views.issue_document, name="issue_document"),
    path("documents/", views.search, name="search"),
    # Before the document page: a symbol's path converter would swallow these endings.
    path(
        "documents/<path:symbol>/versions/",
        views.add_language_version,
        name="add_language_version",
    ),
    path("documents/<path:symbol>/status/", views.mark_document, name="mark_document"),
    path("documents/<path:symbol>/titles/", views.version_title, name="version_title"),
    path("documents/<path:symbol>/download/<str:language>/", views.download, name="download"),
    path("documents/<path:symbol>/", views.document_detail, name="document_detail"),
]
