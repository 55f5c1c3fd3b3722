"""A database's schema as data: per Django table its columns (name, type, null) and its
constraints and indexes (columns, kind), names left out (Django names some by hash of the
operations that made them). `python -m tests.schema` migrates the database of
DATABASE_URL with the real migrations, then prints its schema as JSON."""

import json
import os


def describe(connection) -> dict:
    introspection = connection.introspection
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(introspection.django_table_names(only_existing=True)):
            columns = sorted(
                (
                    column.name,
                    introspection.get_field_type(column.type_code, column),
                    bool(column.null_ok),
                )
                for column in introspection.get_table_description(cursor, table)
            )
            constraints = sorted(
                (
                    tuple(details["columns"] or ()),
                    bool(details["primary_key"]),
                    bool(details["unique"]),
                    str(details["foreign_key"]),
                    bool(details["index"]),
                    bool(details["check"]),
                )
                for details in introspection.get_constraints(cursor, table).values()
                # SQLite reports each CHECK without its columns: nothing to compare.
                if details["columns"] or not details["check"]
            )
            tables[table] = {"columns": columns, "constraints": constraints}
    return json.loads(json.dumps(tables))  # tuples as lists, as the JSON of the other side


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plenary.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    print(json.dumps(describe(connection)))
