from django.urls import path

from plenary.meetings import views

app_name = "meetings"
urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings.ics", views.meetings_feed, name="meetings_feed"),
    path("meetings/<str:code>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<str:code>/registration/", views.register, name="register"),
    path("meetings/<str:code>/programme.ics", views.programme_feed, name="programme_feed"),
]
