"""Django's database sessions, read with one fixed statement (core/statements.py).

Every signed-in request reads its session first; the ORM's compilation of that one-row
read cost more than the database took to answer it. What is stored, written, expired and
cleared is Django's own `db` backend unchanged (settings.SESSION_ENGINE names this one).
"""

import logging

from django.contrib.sessions.backends import db
from django.core.exceptions import SuspiciousOperation
from django.db import connections, router
from django.utils import timezone

from plenary.core.statements import quoted, rows


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        using = router.db_for_read(model)
        table, (key, data, expires) = quoted(model, "session_key", "session_data", "expire_date")
        try:
            found = rows(
                f"SELECT {data} FROM {table} WHERE {key} = %s AND {expires} > %s",  # noqa: S608 (names of ours)
                [
                    self.session_key,
                    connections[using].ops.adapt_datetimefield_value(timezone.now()),
                ],
                using=using,
            )
        except SuspiciousOperation as error:  # as the db backend: logged, then no session
            logging.getLogger(f"django.security.{error.__class__.__name__}").warning(str(error))
            found = []
        if not found:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=found[0][0])
