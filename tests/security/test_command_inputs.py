"""Bad values given to the commands end in a one-line error naming the value, never a
traceback (issue 24: "8 CLI tracebacks" among the 290 bad inputs)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

BAD = [
    ("apportion", ["2RC", "--total", "1e100"]),
    ("apportion", ["2RC", "--total", "-5"]),
    ("apportion", ["2RC", "--total", "nan"]),
    ("deadlines", ["--from", "9999-12-31", "--to", "9999-12-31"]),
    ("deadlines", ["--from", "2026-02-30"]),
    ("deadlines", ["--state", "X\x00Y"]),
    ("states", ["--on", "0001-01-01"]),
    ("obligations", ["--article", "10000000000000000000"]),
    ("obligations", ["--on", "99999-01-01"]),
    ("participants", ["2RC", "--part", "99999999999"]),
    ("programme", ["2RC", "--time-zone", "Mars/Olympus"]),
    ("indicators", ["DAP", "--year", "100001"]),
    ("documents", ["N\x00PE"]),
]


@pytest.mark.parametrize(("command", "arguments"), BAD, ids=[" ".join(b[1]) for b in BAD])
def test_a_bad_value_is_a_one_line_command_error(ccm, command, arguments):
    try:
        call_command(command, *arguments, "--convention", "CCM", stdout=StringIO())
    except CommandError as error:
        assert "\n" not in str(error).strip()
    except SystemExit as exit_:  # argparse's own refusal of a malformed option
        assert exit_.code == 2
    # An empty answer (no rows) is also not a crash.
