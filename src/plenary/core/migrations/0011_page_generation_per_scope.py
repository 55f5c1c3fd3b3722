from django.db import migrations, models


def scoped(apps, schema_editor):
    # The one row of the single generation becomes the generation of every page ("*").
    apps.get_model("core", "PageGeneration").objects.filter(pk=1).update(scope="*")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_user_language_six_un_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagegeneration",
            name="scope",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(scoped, migrations.RunPython.noop),
        migrations.RunSQL(
            # Any other row is a leftover of the single generation: it keys no page.
            "DELETE FROM core_pagegeneration WHERE scope IS NULL",
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="pagegeneration",
            name="scope",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
