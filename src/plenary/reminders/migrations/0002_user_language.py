"""The language of a user's e-mails is the one on their profile (`User.language`), no
longer a field of their reminder preferences (issue #27).

Before removing the field, a language chosen in the preferences is kept: it is copied to
the user whose profile holds no choice of its own, that is an empty language or still the
site's default (the default cannot be told apart from a choice of it, and a user who chose
another language for their reminders wanted that one). Backwards, the preferences take the
user's language again where it is one the old field allowed.
"""

from django.conf import settings
from django.db import migrations

OLD_CHOICES = ("en", "fr", "es")


def keep_chosen_language(apps, schema_editor):
    ReminderPreference = apps.get_model("reminders", "ReminderPreference")
    User = apps.get_model("core", "User")
    unchosen = ("", settings.LANGUAGE_CODE)
    for user_id, language in (
        ReminderPreference.objects.filter(user__language__in=unchosen)
        .exclude(language="")
        .values_list("user_id", "language")
    ):
        User.objects.filter(pk=user_id, language__in=unchosen).update(language=language)


def restore_preference_language(apps, schema_editor):
    ReminderPreference = apps.get_model("reminders", "ReminderPreference")
    for preference in ReminderPreference.objects.select_related("user"):
        if preference.user.language in OLD_CHOICES:
            preference.language = preference.user.language
            preference.save(update_fields=["language"])


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("core", "0004_role_grants"),
    ]

    operations = [
        migrations.RunPython(keep_chosen_language, restore_preference_language),
        migrations.RemoveField(model_name="historicalreminderpreference", name="language"),
        migrations.RemoveField(model_name="reminderpreference", name="language"),
    ]
