"""Finding: no time budget per request; on PostgreSQL every statement now has one
(settings STATEMENT_TIMEOUT_MS; failed on 76c584e: no `options` in the database settings)."""

import os
import subprocess
import sys


def test_postgresql_connections_carry_a_statement_timeout():
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://u@127.0.0.1:1/x",
        "STATEMENT_TIMEOUT_MS": "1234",
    }
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from plenary import settings; print(settings.DATABASES['default']['OPTIONS'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert "-c statement_timeout=1234" in out
