from datetime import date

import pytest

from plenary.finance import services
from tests.decisions.conftest import decisions_loaded, review_conference  # noqa: F401 - reused
from tests.finance.conftest import estimate  # noqa: F401 - the fixture, reused


@pytest.fixture
def assessed_estimate(estimate, secretariat):  # noqa: F811
    services.issue_assessments(
        estimate=estimate, issued_on=date(2020, 12, 1), due_on=date(2021, 1, 31), by=secretariat
    )
    return estimate


def pytest_terminal_summary(terminalreporter):
    """The API fuzz run's count (tests/security/test_api_fuzz.py), at the end of `make test`,
    from whichever worker ran it."""
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for key, value in getattr(report, "user_properties", []):
                if key == "api_fuzz":
                    terminalreporter.write_line(value)
