from django.db import migrations, models

ARTICLE_CHOICES = [
    ("3", "Article 3: destruction of stockpiles"),
    ("4", "Article 4: clearance of cluster munition remnants"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("treaties", "0004_obligation_kind_from_article"),
    ]

    operations = [
        # A default first, so that going back re-adds the column before 0004 refills it.
        migrations.AlterField(
            model_name="obligation",
            name="article",
            field=models.CharField(choices=ARTICLE_CHOICES, default="", max_length=2),
        ),
        migrations.AlterField(
            model_name="historicalobligation",
            name="article",
            field=models.CharField(choices=ARTICLE_CHOICES, default="", max_length=2),
        ),
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
