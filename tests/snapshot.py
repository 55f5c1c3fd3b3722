"""The reference data as loaded once per test database, kept as rows and put back after a
transactional test (a browser journey, a concurrency or migration test) empties the tables.

Loading the reference data runs every loader and rule (seconds on PostgreSQL); putting back
its rows is one INSERT per table. Foreign keys are deferred to the commit on both SQLite and
PostgreSQL (Django creates them DEFERRABLE INITIALLY DEFERRED), so tables go back in any order.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple]


_taken: list[Table] | None = None


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _storable(value):
    """SQLite's driver reads times and datetimes back as Python values (Django's converters)
    but binds neither: store them as the text Django writes."""
    if connection.vendor == "sqlite" and isinstance(value, datetime | time):
        return str(value)
    return value


def take() -> None:
    """Keep every Django table's rows as they are now (right after the session's load)."""
    global _taken
    quote = connection.ops.quote_name
    taken = []
    with connection.cursor() as cursor:
        for name in _tables():
            cursor.execute(f"SELECT * FROM {quote(name)}")  # noqa: S608 (Django's own tables)
            rows = [tuple(map(_storable, row)) for row in cursor.fetchall()]
            if rows:
                columns = tuple(column[0] for column in cursor.description)
                taken.append(Table(name, columns, rows))
    _taken = taken


def taken() -> bool:
    return _taken is not None


def empty() -> None:
    """Empty every Django table, for a migration test: SQLite rebuilds a table to alter it,
    copying its rows, so migrating back and forth over the reference data costs minutes."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for name in _tables():
            cursor.execute(f"DELETE FROM {quote(name)}")  # noqa: S608


def put_back() -> None:
    """Empty every Django table and put back the rows kept by `take`, in one transaction;
    then move PostgreSQL's sequences past the ids put back, those of the many-to-many
    tables too: a migration test recreates tables, restarting their sequences at 1, and
    Django adds many-to-many rows with ON CONFLICT DO NOTHING, so a through table's
    sequence left behind its rows would drop new rows without a word."""
    assert _taken is not None, "snapshot.take() runs when the test database is set up"
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        empty()  # a savepoint of this transaction: the tables are never left empty
        for table in _taken:
            columns = ", ".join(quote(column) for column in table.columns)
            marks = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(
                f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})",  # noqa: S608
                table.rows,
            )
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)
