from datetime import date

import pytest

from plenary.finance import selectors, services
from plenary.finance.services import LineIn
from tests.conftest import the_ccm


@pytest.fixture
def estimate(ccm, secretariat):
    return services.record_cost_estimate(
        convention=ccm,
        meeting=selectors.meeting_with_parts("2RC", convention=the_ccm()),
        lines=[
            LineIn("conference_services", "250000.00", "Rooms and equipment"),
            LineIn("interpretation", "100000.00"),
            LineIn("documents", "50000.00"),
        ],
        document_symbol="CCM/CONF/2020/TEST",
        by=secretariat,
    )


@pytest.fixture
def assessed(estimate, secretariat):
    services.issue_assessments(
        estimate=estimate, issued_on=date(2020, 12, 1), due_on=date(2021, 1, 31), by=secretariat
    )
    return estimate
