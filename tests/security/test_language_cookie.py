"""In production the language cookie is Secure, like the session's and the CSRF's (issue
24, "Headers"). Absent on 2cdebbd: LANGUAGE_COOKIE_SECURE was Django's default, False."""

import os
import subprocess
import sys


def test_production_cookies_are_secure():
    code = (
        "from plenary import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code],
        env={"DEBUG": "false", "SECRET_KEY": "x" * 50, "PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["True", "True", "True"]
