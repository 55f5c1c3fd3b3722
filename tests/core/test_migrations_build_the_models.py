"""The real migrations build the schema that the tests run on.

The test databases are built from the models (`--nomigrations`, pyproject.toml), which is a
minute faster per database than applying every migration. This test applies every migration
to a scratch database of the same backend, in a process of its own, and compares the two
schemas table by table: columns with their types and nulls, keys, constraints and indexes.
`makemigrations --check` (`make lint`) compares the migrations with the models in Python;
this compares what they make in the database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.schema import describe

ROOT = Path(__file__).resolve().parents[2]
# Django's own: the state of auth's migrations builds the auto-created table of
# Group.permissions with the project's DEFAULT_AUTO_FIELD, the models with auth's AutoField
# (a bigint id on PostgreSQL against an integer; SQLite has one integer type).
DJANGOS_OWN = {("auth_group_permissions", "id")}


@pytest.fixture
def scratch_url(tmp_path):
    """A database of the test database's backend, empty, dropped after."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"{connection.settings_dict['NAME']}_migrated"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or "5432"
    yield f"postgres://{user}{password}@{host}:{port}/{name}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _ours(table: str, rows: list) -> list:
    return [row for row in rows if not (isinstance(row[0], str) and (table, row[0]) in DJANGOS_OWN)]


@pytest.mark.django_db
def test_every_migration_applied_to_an_empty_database_gives_the_models_schema(scratch_url):
    migrated = subprocess.run(
        [sys.executable, "-m", "tests.schema"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": scratch_url, "PYTHONPATH": f"{ROOT}/src:{ROOT}"},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    from_migrations = json.loads(migrated.stdout)
    from_models = describe(connection)

    assert sorted(from_migrations) == sorted(from_models)
    differing = {}
    for table, described in from_models.items():
        for part in ("columns", "constraints"):
            made = {json.dumps(each) for each in _ours(table, from_migrations[table][part])}
            meant = {json.dumps(each) for each in _ours(table, described[part])}
            if made != meant:
                differing[f"{table} {part}"] = {
                    "only from the migrations": sorted(made - meant),
                    "only from the models": sorted(meant - made),
                }
    assert differing == {}
