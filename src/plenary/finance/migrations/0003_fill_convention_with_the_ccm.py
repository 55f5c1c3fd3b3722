"""Every finance ledger on record before conventions were data is the CCM's (plenary held
no other convention's money), so today's rows and their history are given the CCM."""

from django.db import migrations

MODELS = (
    "CostEstimate",
    "HistoricalCostEstimate",
    "IsuBudget",
    "HistoricalIsuBudget",
    "VoluntaryContribution",
    "HistoricalVoluntaryContribution",
)


def fill_with_the_ccm(apps, schema_editor):
    rows = [apps.get_model("finance", name).objects.filter(convention__isnull=True) for name in MODELS]
    if not any(queryset.exists() for queryset in rows):
        return
    Convention = apps.get_model("treaties", "Convention")
    ccm, _ = Convention.objects.get_or_create(short_name="CCM")
    for queryset in rows:
        queryset.update(convention=ccm)


class Migration(migrations.Migration):
    dependencies = [("finance", "0002_convention_of_each_ledger")]

    operations = [migrations.RunPython(fill_with_the_ccm, migrations.RunPython.noop)]
