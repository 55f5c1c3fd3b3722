from django.urls import path

from plenary.treaties import views

app_name = "treaties"
urlpatterns = [
    path("states/", views.state_list, name="state_list"),
    path("states/<str:iso3>/", views.state_detail, name="state_detail"),
    path(
        "states/<str:iso3>/transparency-reports/",
        views.submit_transparency_report,
        name="submit_transparency_report",
    ),
    path("states/<str:iso3>/registry/", views.state_registry, name="state_registry"),
    path("due/", views.due, name="due"),
]
