from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("treaties", "0004_obligation_kind_from_article"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="obligation",
            options={"ordering": ["state__name", "-kind"]},
        ),
        migrations.RemoveField(
            model_name="obligation",
            name="article",
        ),
        migrations.RemoveField(
            model_name="historicalobligation",
            name="article",
        ),
        migrations.AddConstraint(
            model_name="obligation",
            constraint=models.UniqueConstraint(
                fields=("convention", "state", "kind"), name="one_obligation_per_kind"
            ),
        ),
    ]
