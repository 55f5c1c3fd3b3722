from django.urls import path

from plenary.finance import views

# The ledgers are per convention; until these pages move under /<convention>/, the
# unprefixed ones show the CCM's, as they did before conventions were data.
LEDGER = {"convention": "CCM"}

app_name = "finance"
urlpatterns = [
    path("finance/", views.status, LEDGER, name="status"),
    path("finance/status.csv", views.status_export, {**LEDGER, "fmt": "csv"}, name="status_csv"),
    path("finance/status.xlsx", views.status_export, {**LEDGER, "fmt": "xlsx"}, name="status_xlsx"),
    path("finance/scale/", views.scale, name="scale"),
    path("finance/apportionment/<path:reference>/", views.apportionment, name="apportionment"),
]
