"""The UN scale of assessments as loaded from data/ (with its sources)."""

from decimal import Decimal

import pytest

from plenary.finance.models import CostEstimate, IsuBudget, ScaleName, ScalePeriod, ScaleRate
from plenary.reference import load_reference
from tests.conftest import LOAD_DAY


@pytest.mark.parametrize(
    ("first_year", "resolution"), [(2019, "73/271"), (2022, "76/238"), (2025, "79/249")]
)
def test_scale_member_rates_sum_to_one_hundred(ccm, first_year, resolution):
    # Published to three decimals; each period's Member State rates total 100.000 per cent,
    # the total printed in the assessment circulars (ST/ADM/SER.B/1008, 1038, 1083).
    period = ScalePeriod.objects.get(first_year=first_year)
    rates = list(period.rates.filter(kind="member"))
    assert period.resolution == resolution
    assert period.last_year == first_year + 2
    assert len(rates) == 193
    assert sum(rate.rate for rate in rates) == Decimal("100.000")


def test_scale_every_rate_has_a_source(ccm):
    assert not ScaleRate.objects.filter(source="").exists()
    assert ScaleRate.objects.count() == 579


def test_scale_known_rates(ccm):
    def rate(iso3, year):
        return ScaleRate.objects.get(period__first_year=year, state__iso3=iso3).rate

    assert rate("USA", 2019) == Decimal("22.000")
    assert rate("CHN", 2019) == Decimal("12.005")
    assert rate("CHN", 2022) == Decimal("15.254")
    assert rate("CHN", 2025) == Decimal("20.004")
    assert rate("PER", 2022) == Decimal("0.163")


def test_scale_names_map_changed_names_to_one_state(ccm):
    assert ScaleName.objects.get(name="Netherlands").state.iso3 == "NLD"
    assert ScaleName.objects.get(name="Turkey").state.iso3 == "TUR"
    assert ScaleName.objects.get(name="Czech Republic").state.iso3 == "CZE"


def test_non_member_notional_rates_not_loaded(ccm):
    # Not sourced: left out rather than invented.
    assert not ScaleRate.objects.filter(state__iso3__in=["VAT", "PSE"]).exists()


def test_record_cost_estimate_of_the_tenth_msp(ccm):
    estimate = CostEstimate.objects.get(document_symbol="CCM/CONF/2020/WP.2")
    assert estimate.meeting.code == "10MSP"  # the meeting is on record (data/ccm/meetings.json)
    assert estimate.meeting_title == "Tenth Meeting of States Parties"
    assert estimate.lines.count() == 0
    assert "para 71" in estimate.source


def test_record_isu_budgets(ccm):
    budgets = {b.document_symbol: b for b in IsuBudget.objects.all()}
    assert set(budgets) == {"CCM/CONF/2020/2", "CCM/CONF/2020/3"}
    assert (budgets["CCM/CONF/2020/2"].first_year, budgets["CCM/CONF/2020/2"].last_year) == (
        2021,
        2025,
    )
    assert budgets["CCM/CONF/2020/3"].kind == "annual"
    assert budgets["CCM/CONF/2020/3"].total is None


def test_reference_second_load_adds_nothing(ccm):
    counts = (ScaleRate.objects.count(), CostEstimate.objects.count(), IsuBudget.objects.count())
    lines = load_reference(today=LOAD_DAY).lines
    assert "UN scale: 3 periods, 0 rates added." in lines
    assert "Finance: 0 cost estimates added, 2 ISU budgets." in lines
    assert (
        ScaleRate.objects.count(),
        CostEstimate.objects.count(),
        IsuBudget.objects.count(),
    ) == counts
