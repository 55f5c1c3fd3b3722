from django.urls import path

from plenary.finance import views

app_name = "finance"
urlpatterns = [
    path("finance/", views.status, name="status"),
    path("finance/status.csv", views.status_export, {"fmt": "csv"}, name="status_csv"),
    path("finance/status.xlsx", views.status_export, {"fmt": "xlsx"}, name="status_xlsx"),
    path("finance/scale/", views.scale, name="scale"),
    path("finance/estimates/new/", views.estimate_new, name="estimate_new"),
    path("finance/estimates/<int:pk>/", views.estimate, name="estimate"),
    path("finance/isu/", views.isu, name="isu"),
    path("finance/payments/<int:pk>/receipt/", views.receipt, name="receipt"),
    path("finance/apportionment/<path:reference>/", views.apportionment, name="apportionment"),
]
