from django.urls import path

from plenary.meetings import views

app_name = "meetings"
urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings.ics", views.meetings_feed, name="meetings_feed"),
    # Before the meeting's page: "new" is not a meeting's code.
    path("meetings/new/", views.convene, name="convene"),
    path("meetings/<str:code>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<str:code>/registration/", views.register, name="register"),
    path("meetings/<str:code>/registrations/", views.registrations, name="registrations"),
    path("meetings/<str:code>/registrations/accreditation/", views.accredit, name="accredit"),
    path(
        "meetings/<str:code>/registrations/<str:reference>/approval/",
        views.approve_attendance,
        name="approve_attendance",
    ),
    path(
        "meetings/<str:code>/registrations/<str:reference>/credentials.pdf",
        views.credentials_file,
        name="credentials",
    ),
    path(
        "meetings/<str:code>/registrations.<str:extension>",
        views.registrations_export,
        name="registrations_export",
    ),
    path("meetings/<str:code>/participants/", views.participants, name="participants"),
    path(
        "meetings/<str:code>/participants.docx", views.participants_docx, name="participants_docx"
    ),
    path("meetings/<str:code>/programme.ics", views.programme_feed, name="programme_feed"),
    path("meetings/<str:code>/manage/", views.manage, name="manage"),
    path("meetings/<str:code>/manage/plan/", views.replan, name="replan"),
    path(
        "meetings/<str:code>/manage/translations/",
        views.translate_meeting,
        name="translate_meeting",
    ),
    path(
        "meetings/<str:code>/manage/agenda/translations/",
        views.translate_item,
        name="translate_item",
    ),
    path("meetings/<str:code>/manage/officers/", views.add_officer, name="add_officer"),
    path("meetings/<str:code>/manage/agenda/", views.add_item, name="add_item"),
    path("meetings/<str:code>/manage/agenda/adoption/", views.adopt, name="adopt_agenda"),
    path("meetings/<str:code>/manage/slots/", views.add_slot, name="add_slot"),
    path("meetings/<str:code>/manage/entries/", views.add_entry, name="add_entry"),
    path("meetings/<str:code>/manage/slots/move/", views.move_slot, name="move_slot"),
    path("meetings/<str:code>/manage/slots/remove/", views.remove_slot, name="remove_slot"),
    path("meetings/<str:code>/manage/entries/remove/", views.remove_entry, name="remove_entry"),
    path("meetings/<str:code>/manage/release/", views.release, name="release_programme"),
    path("meetings/<str:code>/programme/", views.releases, name="programme_releases"),
    path(
        "meetings/<str:code>/programme/<int:number>/",
        views.release_detail,
        name="programme_release",
    ),
    path(
        "meetings/<str:code>/programme/<int:number>.<str:fmt>",
        views.release_download,
        name="programme_release_download",
    ),
    path(
        "meetings/<str:code>/manage/plenary-meetings/",
        views.plenary_meetings,
        name="plenary_meetings",
    ),
]
