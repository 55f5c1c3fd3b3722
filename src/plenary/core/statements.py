"""Fixed SQL statements for the few reads every signed-in request makes.

A cached page costs a handful of one-row reads (the session, the convention of the
address, the meeting or document it names, the generations of what it reads). Compiling
each as a queryset cost the ORM more than the database took to answer it (measured: 0.8
ms against 0.3 ms for the generations), so these are written once here, with the table
and column names read from the models, and their values always passed as parameters.
"""

from django.db import connections


def quoted(model, *fields: str) -> tuple[str, list[str]]:
    """The model's quoted table name and the quoted columns of `fields`."""
    ops = connections["default"].ops
    meta = model._meta
    return ops.quote_name(meta.db_table), [
        ops.quote_name(meta.get_field(name).column) for name in fields
    ]


def rows(sql: str, params, *, using: str = "default") -> list[tuple]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
