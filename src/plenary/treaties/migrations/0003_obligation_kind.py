# The neutral obligation code beside the CCM's article number, filled by 0004, after
# which 0005 drops the article: its number now comes from the convention's file.

from django.db import migrations, models

KIND_CHOICES = [
    ("stockpile_destruction", "destruction of stockpiles"),
    ("clearance", "clearance"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("treaties", "0002_formerstatename_seen_in_use_on_and_more"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="obligation",
            name="one_obligation_per_article",
        ),
        migrations.AddField(
            model_name="obligation",
            name="kind",
            field=models.CharField(choices=KIND_CHOICES, default="", max_length=30),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalobligation",
            name="kind",
            field=models.CharField(choices=KIND_CHOICES, default="", max_length=30),
            preserve_default=False,
        ),
    ]
