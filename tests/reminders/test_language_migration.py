"""Migration reminders 0002 keeps the language a user chose for their reminders on their
profile (`User.language`) before the preference's own field goes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reminders", "0001_initial"), ("core", "0009_idempotency_key")]
AFTER = [("reminders", "0002_user_language"), ("core", "0009_idempotency_key")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("real_migrations")
def test_preference_language_moves_to_a_user_who_chose_none():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("core", "User")
    Preference = old.get_model("reminders", "ReminderPreference")
    default = User.objects.create(username="default", language="en")
    empty = User.objects.create(username="empty", language="")
    chose = User.objects.create(username="chose", language="es")
    User.objects.create(username="nopreference", language="en")
    Preference.objects.create(user=default, language="fr")
    Preference.objects.create(user=empty, language="es")
    Preference.objects.create(user=chose, language="fr")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    languages = new.get_model("core", "User").objects.order_by("username")

    assert list(languages.values_list("username", "language")) == [
        ("chose", "es"),
        ("default", "fr"),
        ("empty", "es"),
        ("nopreference", "en"),
    ]

    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
