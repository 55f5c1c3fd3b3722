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
