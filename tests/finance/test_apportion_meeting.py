"""Article 14 shares of the Second Review Conference (CCM/CONF/2020), from the records."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plenary.finance import selectors
from plenary.rules.errors import RuleError
from tests.conftest import the_ccm

TOTAL = Decimal("400000.00")
# Seed 003 paras 13-14: three signatories and thirteen other States not party participated.
NON_PARTIES = {
    "AGO", "CYP", "IDN", "ARG", "ARM", "AZE", "CHN", "FIN", "KAZ", "LBY", "MAR", "MMR", "SRB",
    "SDN", "THA", "YEM",
}  # fmt: skip


@pytest.fixture
def conference(ccm):
    return selectors.meeting_with_parts("CCM/CONF/2020", convention=the_ccm())


def test_apportion_2rc_shares_sum_exactly_to_the_total(conference):
    result = selectors.apportion_meeting(meeting=conference, total="400000")
    assert result.share_sum == TOTAL
    assert result.first_day.isoformat() == "2020-11-25"
    assert (result.period.first_year, result.period.resolution) == (2019, "73/271")


def test_apportion_2rc_each_share_is_rate_over_sum_within_a_cent(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    rate_sum = sum(row.un_rate for row in result.rows)
    for row in result.rows:
        assert abs(row.share - row.un_rate / rate_sum * TOTAL) < Decimal("0.01"), row.iso3


def test_apportion_2rc_state_neither_party_nor_participating_owes_nothing(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    shares = {row.iso3: row.share for row in result.rows}
    assert "USA" not in shares
    assert "RUS" not in shares


def test_apportion_2rc_participating_non_parties_share(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    non_parties = {row.iso3 for row in result.rows if row.basis != "State Party"}
    assert non_parties == NON_PARTIES


def test_apportion_2rc_states_without_un_rate_use_the_scale_minimum(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    floor = {row.iso3: row.un_rate for row in result.rows if row.rate_note}
    # No notional rate of the Holy See or the State of Palestine is on record (not sourced);
    # the Cook Islands are not a Member State. The CCM's setting gives them the floor.
    assert floor == {"COK": Decimal("0.001"), "PSE": Decimal("0.001"), "VAT": Decimal("0.001")}


def test_apportion_2rc_counts_states_parties_and_participants(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    assert len(result.rows) == 124
    assert sum(row.basis == "State Party" for row in result.rows) == 108


def test_apportion_2rc_known_shares(conference):
    result = selectors.apportion_meeting(meeting=conference, total=TOTAL)
    shares = {row.iso3: row.share for row in result.rows}
    rate_sum = result.rate_sum
    # China participated as a State not party; France is a State Party.
    assert abs(shares["CHN"] - Decimal("12.005") / rate_sum * TOTAL) < Decimal("0.01")
    assert abs(shares["FRA"] - Decimal("4.427") / rate_sum * TOTAL) < Decimal("0.01")


def test_apportion_meeting_without_scale_for_its_year_refused(ccm):
    meeting = selectors.meeting_with_parts("2RC", convention=the_ccm())
    part = meeting.parts.get(number=1)
    part.starts_on, part.ends_on = (
        part.starts_on.replace(year=2015),
        part.ends_on.replace(year=2015),
    )
    part.save()
    meeting = selectors.meeting_with_parts("2RC", convention=the_ccm())
    with pytest.raises(RuleError) as caught:
        selectors.apportion_meeting(meeting=meeting, total=TOTAL)
    assert (caught.value.field, caught.value.message) == (
        "meeting",
        selectors.NO_SCALE % {"year": 2015},
    )


def test_apportion_command_csv_sums_to_the_total(ccm):
    out = io.StringIO()
    call_command("apportion", "CCM/CONF/2020", "--total", "400000", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["state", "rate", "share"]
    assert sum(Decimal(row["share"]) for row in rows) == TOTAL
    france = next(row for row in rows if row["state"] == "France")
    assert france["rate"] == "4.427"


def test_apportion_command_json_lists_iso3(ccm):
    out = io.StringIO()
    call_command("apportion", "2RC", "--total", "400000", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert sum(Decimal(row["share"]) for row in rows) == TOTAL
    assert {"state", "iso3", "rate", "share"} <= set(rows[0])


def test_apportion_command_non_numeric_total_refused(ccm):
    with pytest.raises(CommandError) as caught:
        call_command("apportion", "2RC", "--total", "lots", stdout=io.StringIO())
    assert str(caught.value) == "--total: must be a number"


def test_apportion_command_unknown_meeting_refused(ccm):
    with pytest.raises(CommandError):
        call_command("apportion", "CCM/CONF/1999", "--total", "1", stdout=io.StringIO())


def test_apportion_2rc_query_count_is_fixed(conference, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        selectors.apportion_meeting(meeting=conference, total=TOTAL)
