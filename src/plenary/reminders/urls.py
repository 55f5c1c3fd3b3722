from django.urls import path

from plenary.reminders import views

app_name = "reminders"
urlpatterns = [
    path("due/mine/", views.due_mine, name="due_mine"),
    path("reminders/preferences/", views.preferences, name="preferences"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("states/<str:iso3>/deadline-feeds/", views.state_feeds, name="state_feeds"),
    path(
        "states/<str:iso3>/deadline-feeds/<int:pk>/revoke/",
        views.revoke_feed,
        name="revoke_feed",
    ),
    path("feeds/deadlines/<str:key>.ics", views.state_feed, name="state_feed"),
]
