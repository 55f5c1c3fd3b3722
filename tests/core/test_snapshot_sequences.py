"""Putting the reference data back (tests/snapshot.py) moves every sequence past the ids
it put back, the many-to-many tables' too.

A migration test drops and recreates tables, and their sequences start again at 1. Django
adds many-to-many rows with ON CONFLICT DO NOTHING, so a through table's sequence left
behind its rows drops the new rows without a word: a delegation registered for every part
of a meeting then attended none (seen as an order-dependent failure on PostgreSQL)."""

import pytest
from django.apps import apps
from django.db import connection

from plenary.meetings.models import Delegation
from tests import snapshot


def _behind() -> list[str]:
    """The tables whose id sequence would give an id already in use."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table, pk = model._meta.db_table, model._meta.pk
            if pk is None or pk.get_internal_type() not in ("AutoField", "BigAutoField"):
                continue
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk.column])
            (sequence,) = cursor.fetchone()
            if sequence is None:
                continue
            cursor.execute(f'SELECT MAX("{pk.column}") FROM "{table}"')  # noqa: S608
            (highest,) = cursor.fetchone()
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608
            last, called = cursor.fetchone()
            following = last + 1 if called else last
            if highest is not None and following <= highest:
                found.append(table)
    return found


@pytest.mark.django_db
def test_put_back_moves_every_sequence_past_the_rows_many_to_many_tables_too(ccm):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite gives the next rowid past the highest: it has no sequence to move")
    through = Delegation.parts.through._meta.db_table
    assert Delegation.parts.through.objects.exists(), "the reference data has attendances"
    with connection.cursor() as cursor:
        # As a migration test leaves it: the table recreated, its sequence at 1.
        cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), 1, false)", [through])
    assert through in _behind()

    snapshot.put_back()

    assert _behind() == []
