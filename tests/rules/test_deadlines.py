from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules.conventions import get_ruleset
from plenary.rules.deadlines import (
    annual_report_deadline,
    annual_reports_due,
    check_extension,
    clearance_deadline,
    entry_into_force_for,
    initial_report_deadline,
    obligation_deadline,
    obligation_status,
    period,
    period_shape,
    stockpile_destruction_deadline,
    treaty_status,
    withdrawal_effective_for,
)
from plenary.rules.errors import RuleError
from plenary.rules.months import add_months, first_day_of_nth_month_after

later_deposits = st.dates(min_value=date(2010, 3, 1), max_value=date(2040, 12, 31))
early_deposits = st.dates(min_value=date(2008, 12, 3), max_value=date(2010, 2, 28))
ccm_deposits = st.dates(min_value=date(2008, 12, 3), max_value=date(2040, 12, 31))
firsts = st.dates(min_value=date(2010, 8, 1), max_value=date(2050, 12, 1)).map(
    lambda d: d.replace(day=1)
)
any_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))

CCM = get_ruleset("CCM")
APMBC = get_ruleset("APMBC")


# Entry into force (Article 17)


def test_entry_into_force_for_peru_later_deposit():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2012, 9, 26)) == date(2013, 3, 1)


def test_entry_into_force_for_croatia_early_deposit_gets_convention_date():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2009, 8, 17)) == date(2010, 8, 1)


def test_entry_into_force_for_bosnia_and_herzegovina():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2010, 9, 7)) == date(2011, 3, 1)


def test_entry_into_force_for_chile():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2010, 12, 16)) == date(2011, 6, 1)


def test_entry_into_force_for_lebanon():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2010, 11, 5)) == date(2011, 5, 1)


def test_entry_into_force_for_february_2010_deposit_gets_convention_date():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2010, 2, 28)) == date(2010, 8, 1)


def test_entry_into_force_for_march_2010_deposit_gets_own_date():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2010, 3, 1)) == date(2010, 9, 1)


def test_entry_into_force_for_opening_day_deposit_gets_convention_date():
    assert entry_into_force_for(rules=CCM, deposited_on=date(2008, 12, 3)) == date(2010, 8, 1)


def test_entry_into_force_for_deposit_before_opening_raises():
    with pytest.raises(RuleError) as excinfo:
        entry_into_force_for(rules=CCM, deposited_on=date(2008, 12, 2))
    assert excinfo.value.field == "deposited_on"
    assert str(excinfo.value) == (
        "deposited_on: a deposit cannot precede the opening of the Convention for signature"
        " on 3 December 2008"
    )


def test_entry_into_force_for_apmbc_deposit_before_opening_names_1997():
    with pytest.raises(RuleError, match=r"on 3 December 1997$"):
        entry_into_force_for(rules=APMBC, deposited_on=date(1997, 12, 2))


def test_entry_into_force_for_apmbc_later_deposit():
    assert entry_into_force_for(rules=APMBC, deposited_on=date(2000, 5, 17)) == date(2000, 11, 1)


def test_rule_error_is_value_error():
    assert issubclass(RuleError, ValueError)


@given(deposited_on=later_deposits)
def test_entry_into_force_for_later_deposit_is_first_of_sixth_month_after(deposited_on):
    eif = entry_into_force_for(rules=CCM, deposited_on=deposited_on)
    assert eif == first_day_of_nth_month_after(deposited_on, 6)
    assert eif.day == 1
    assert eif > deposited_on
    assert eif <= add_months(deposited_on, 6) + timedelta(days=1)


@given(deposited_on=early_deposits)
def test_entry_into_force_for_early_deposit_is_convention_date(deposited_on):
    assert entry_into_force_for(rules=CCM, deposited_on=deposited_on) == CCM.entry_into_force


@given(deposited_on=ccm_deposits)
def test_entry_into_force_for_any_deposit_never_before_convention(deposited_on):
    eif = entry_into_force_for(rules=CCM, deposited_on=deposited_on)
    assert eif >= CCM.entry_into_force
    assert eif.day == 1


# Stockpile destruction (Article 3) and clearance (Article 4)


def test_stockpile_destruction_deadline_peru():
    eif = entry_into_force_for(rules=CCM, deposited_on=date(2012, 9, 26))
    assert stockpile_destruction_deadline(rules=CCM, entry_into_force=eif) == date(2021, 3, 1)


def test_stockpile_destruction_deadline_apmbc_four_years():
    assert stockpile_destruction_deadline(rules=APMBC, entry_into_force=date(1999, 3, 1)) == date(
        2003, 3, 1
    )


def test_clearance_deadline_croatia():
    eif = entry_into_force_for(rules=CCM, deposited_on=date(2009, 8, 17))
    assert clearance_deadline(rules=CCM, entry_into_force=eif) == date(2020, 8, 1)


def test_clearance_deadline_bosnia_and_herzegovina():
    eif = entry_into_force_for(rules=CCM, deposited_on=date(2010, 9, 7))
    assert clearance_deadline(rules=CCM, entry_into_force=eif) == date(2021, 3, 1)


def test_clearance_deadline_chile():
    eif = entry_into_force_for(rules=CCM, deposited_on=date(2010, 12, 16))
    assert clearance_deadline(rules=CCM, entry_into_force=eif) == date(2021, 6, 1)


def test_clearance_deadline_lebanon():
    eif = entry_into_force_for(rules=CCM, deposited_on=date(2010, 11, 5))
    assert clearance_deadline(rules=CCM, entry_into_force=eif) == date(2021, 5, 1)


def test_clearance_deadline_later_hostilities_count_from_their_end():
    assert clearance_deadline(
        rules=CCM, entry_into_force=date(2011, 3, 1), end_of_active_hostilities=date(2015, 6, 20)
    ) == date(2025, 6, 20)


def test_clearance_deadline_earlier_hostilities_count_from_entry_into_force():
    assert clearance_deadline(
        rules=CCM, entry_into_force=date(2011, 3, 1), end_of_active_hostilities=date(2006, 8, 14)
    ) == date(2021, 3, 1)


@given(deposited_on=ccm_deposits)
def test_stockpile_destruction_deadline_any_ccm_deposit_is_first_of_month(deposited_on):
    eif = entry_into_force_for(rules=CCM, deposited_on=deposited_on)
    deadline = stockpile_destruction_deadline(rules=CCM, entry_into_force=eif)
    assert deadline == eif.replace(year=eif.year + 8)
    assert deadline.day == 1


@given(deposited_on=ccm_deposits)
def test_clearance_deadline_any_ccm_deposit_is_first_of_month(deposited_on):
    eif = entry_into_force_for(rules=CCM, deposited_on=deposited_on)
    deadline = clearance_deadline(rules=CCM, entry_into_force=eif)
    assert deadline == eif.replace(year=eif.year + 10)
    assert deadline.day == 1


@given(eif=firsts)
def test_stockpile_destruction_deadline_apmbc_any_eif_four_years(eif):
    deadline = stockpile_destruction_deadline(rules=APMBC, entry_into_force=eif)
    assert deadline == eif.replace(year=eif.year + 4)


@given(eif=firsts, hostilities=any_dates)
def test_clearance_deadline_any_hostilities_never_before_ten_years(eif, hostilities):
    deadline = clearance_deadline(
        rules=CCM, entry_into_force=eif, end_of_active_hostilities=hostilities
    )
    assert deadline >= clearance_deadline(rules=CCM, entry_into_force=eif)
    assert deadline == add_months(max(eif, hostilities), 120)


# Extensions (Articles 3.3 and 4.5)


def test_check_extension_peru_stockpile_37_months():
    assert (
        check_extension(
            rules=CCM,
            kind="stockpile_destruction",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2024, 4, 1),
        )
        == 37
    )


def test_check_extension_bosnia_and_herzegovina_clearance_18_months():
    assert (
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2022, 9, 1),
        )
        == 18
    )


def test_check_extension_chile_clearance_12_months():
    assert (
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 6, 1),
            new_deadline=date(2022, 6, 1),
        )
        == 12
    )


def test_check_extension_lebanon_clearance_exactly_maximum_allowed():
    assert (
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 5, 1),
            new_deadline=date(2026, 5, 1),
        )
        == 60
    )


def test_check_extension_clearance_61_months_refused():
    with pytest.raises(RuleError) as excinfo:
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 5, 1),
            new_deadline=date(2026, 6, 1),
        )
    assert excinfo.value.field == "new_deadline"
    assert str(excinfo.value) == (
        "new_deadline: an extension under Article 4 may not exceed 5 years (60 months);"
        " 1 June 2026 is 61 months after 1 May 2021"
    )


def test_check_extension_clearance_one_day_over_maximum_refused():
    with pytest.raises(RuleError, match=r"2 May 2026 is more than 60 months after 1 May 2021$"):
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 5, 1),
            new_deadline=date(2026, 5, 2),
        )


def test_check_extension_stockpile_61_months_refused():
    with pytest.raises(RuleError) as excinfo:
        check_extension(
            rules=CCM,
            kind="stockpile_destruction",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2026, 4, 1),
        )
    assert str(excinfo.value) == (
        "new_deadline: an extension under Article 3 may not exceed 4 years (48 months);"
        " 1 April 2026 is 61 months after 1 March 2021"
    )


def test_check_extension_partial_month_counts_in_full():
    assert (
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2021, 4, 15),
        )
        == 2
    )


def test_check_extension_same_deadline_refused():
    with pytest.raises(RuleError) as excinfo:
        check_extension(
            rules=CCM,
            kind="stockpile_destruction",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2021, 3, 1),
        )
    assert excinfo.value.field == "new_deadline"
    assert excinfo.value.message == (
        "an extension must end after the current deadline of 1 March 2021"
    )


def test_check_extension_earlier_deadline_refused():
    with pytest.raises(RuleError, match=r"must end after the current deadline"):
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2020, 3, 1),
        )


def test_check_extension_article_without_extensions_refused():
    with pytest.raises(RuleError) as excinfo:
        check_extension(
            rules=CCM,
            kind="initial_report",
            current_deadline=date(2021, 3, 1),
            new_deadline=date(2022, 3, 1),
        )
    assert excinfo.value.field == "new_deadline"
    assert excinfo.value.message == "CCM, Article 7: no extension of a deadline is allowed"


def test_check_extension_apmbc_stockpile_refused():
    with pytest.raises(RuleError) as excinfo:
        check_extension(
            rules=APMBC,
            kind="stockpile_destruction",
            current_deadline=date(2003, 3, 1),
            new_deadline=date(2004, 3, 1),
        )
    assert excinfo.value.message == "APMBC, Article 4: no extension of a deadline is allowed"


def test_check_extension_apmbc_clearance_ten_years_allowed():
    assert (
        check_extension(
            rules=APMBC,
            kind="clearance",
            current_deadline=date(2009, 3, 1),
            new_deadline=date(2019, 3, 1),
        )
        == 120
    )


@given(
    kind=st.sampled_from(["stockpile_destruction", "clearance"]),
    current=firsts,
    new=st.dates(min_value=date(2010, 8, 2), max_value=date(2070, 12, 31)),
)
def test_check_extension_any_request_within_maximum_or_raises(kind, current, new):
    maximum = 48 if kind == "stockpile_destruction" else 60
    if current < new <= add_months(current, maximum):
        months = check_extension(rules=CCM, kind=kind, current_deadline=current, new_deadline=new)
        assert 1 <= months <= maximum
        assert add_months(current, months - 1) < new <= add_months(current, months)
    else:
        with pytest.raises(RuleError):
            check_extension(rules=CCM, kind=kind, current_deadline=current, new_deadline=new)


@given(current=firsts, extra=st.integers(min_value=1, max_value=400))
def test_check_extension_any_longer_than_maximum_raises(current, extra):
    with pytest.raises(RuleError):
        check_extension(
            rules=CCM,
            kind="clearance",
            current_deadline=current,
            new_deadline=add_months(current, 60) + timedelta(days=extra),
        )


@given(current=firsts, months=st.integers(min_value=1, max_value=48))
def test_check_extension_any_whole_months_round_trips(current, months):
    assert (
        check_extension(
            rules=CCM,
            kind="stockpile_destruction",
            current_deadline=current,
            new_deadline=add_months(current, months),
        )
        == months
    )


@given(current=firsts, new=st.dates(min_value=date(2010, 8, 2), max_value=date(2070, 12, 31)))
def test_check_extension_apmbc_any_stockpile_request_raises(current, new):
    with pytest.raises(RuleError):
        check_extension(
            rules=APMBC, kind="stockpile_destruction", current_deadline=current, new_deadline=new
        )


# Transparency reports (Article 7)


def test_initial_report_deadline_first_states_parties():
    assert initial_report_deadline(rules=CCM, entry_into_force=date(2010, 8, 1)) == date(
        2011, 1, 28
    )


def test_initial_report_deadline_peru():
    assert initial_report_deadline(rules=CCM, entry_into_force=date(2013, 3, 1)) == date(
        2013, 8, 28
    )


def test_annual_report_deadline_covers_previous_year():
    assert annual_report_deadline(rules=CCM, year_covered=2011) == date(2012, 4, 30)


def test_annual_reports_due_first_report_not_yet_due():
    assert (
        annual_reports_due(rules=CCM, entry_into_force=date(2010, 8, 1), today=date(2012, 4, 29))
        == []
    )


def test_annual_reports_due_first_report_due_on_deadline_day():
    assert annual_reports_due(
        rules=CCM, entry_into_force=date(2010, 8, 1), today=date(2012, 4, 30)
    ) == [2011]


def test_annual_reports_due_several_years():
    assert annual_reports_due(
        rules=CCM, entry_into_force=date(2010, 8, 1), today=date(2015, 1, 1)
    ) == [2011, 2012, 2013]


def test_annual_reports_due_before_entry_into_force_empty():
    assert (
        annual_reports_due(rules=CCM, entry_into_force=date(2013, 3, 1), today=date(2012, 12, 31))
        == []
    )


@given(eif=firsts, today=any_dates)
def test_annual_reports_due_any_day_consecutive_and_all_past_deadline(eif, today):
    years = annual_reports_due(rules=CCM, entry_into_force=eif, today=today)
    first = initial_report_deadline(rules=CCM, entry_into_force=eif).year
    assert years == list(range(first, first + len(years)))
    assert all(annual_report_deadline(rules=CCM, year_covered=y) <= today for y in years)
    next_year = years[-1] + 1 if years else first
    assert annual_report_deadline(rules=CCM, year_covered=next_year) > today


# Statuses


def test_obligation_status_completed_before_deadline():
    assert (
        obligation_status(
            deadline=date(2021, 3, 1), completed_on=date(2020, 1, 1), today=date(2022, 1, 1)
        )
        == "completed"
    )


def test_obligation_status_completed_after_deadline_still_completed():
    assert (
        obligation_status(
            deadline=date(2021, 3, 1), completed_on=date(2021, 6, 1), today=date(2022, 1, 1)
        )
        == "completed"
    )


def test_obligation_status_completion_in_future_ignored():
    assert (
        obligation_status(
            deadline=date(2021, 3, 1), completed_on=date(2023, 1, 1), today=date(2022, 1, 1)
        )
        == "overdue"
    )


def test_obligation_status_on_deadline_day_pending():
    assert (
        obligation_status(deadline=date(2021, 3, 1), completed_on=None, today=date(2021, 3, 1))
        == "pending"
    )


def test_obligation_status_day_after_deadline_overdue():
    assert (
        obligation_status(deadline=date(2021, 3, 1), completed_on=None, today=date(2021, 3, 2))
        == "overdue"
    )


@given(
    deadline=any_dates,
    completed_on=st.none() | any_dates,
    today=any_dates,
    later=st.integers(min_value=0, max_value=10_000),
)
def test_obligation_status_any_completion_stays_completed(deadline, completed_on, today, later):
    status = obligation_status(deadline=deadline, completed_on=completed_on, today=today)
    later_status = obligation_status(
        deadline=deadline, completed_on=completed_on, today=today + timedelta(days=later)
    )
    if status == "completed":
        assert later_status == "completed"
    if status == "overdue":
        assert later_status in {"overdue", "completed"}


def test_treaty_status_peru_in_force():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3),
            deposited_on=date(2012, 9, 26),
            withdrawal_effective_on=None,
            today=date(2013, 3, 1),
        )
        == "state_party"
    )


def test_treaty_status_deposited_awaiting_entry_into_force_signatory_deposited():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3),
            deposited_on=date(2012, 9, 26),
            withdrawal_effective_on=None,
            today=date(2013, 2, 28),
        )
        == "deposited"
    )


def test_treaty_status_acceded_awaiting_entry_into_force_deposited():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=None,
            deposited_on=date(2012, 9, 26),
            withdrawal_effective_on=None,
            today=date(2013, 2, 28),
        )
        == "deposited"
    )


def test_treaty_status_signed_only_signatory():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3),
            deposited_on=None,
            withdrawal_effective_on=None,
            today=date(2020, 1, 1),
        )
        == "signatory"
    )


def test_treaty_status_signature_in_future_not_party():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2009, 1, 1),
            deposited_on=None,
            withdrawal_effective_on=None,
            today=date(2008, 12, 31),
        )
        == "not_party"
    )


def test_treaty_status_withdrawal_effective_not_party():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3),
            deposited_on=date(2009, 8, 17),
            withdrawal_effective_on=date(2025, 3, 1),
            today=date(2025, 3, 1),
        )
        == "not_party"
    )


def test_treaty_status_withdrawal_pending_still_state_party():
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3),
            deposited_on=date(2009, 8, 17),
            withdrawal_effective_on=date(2025, 3, 1),
            today=date(2025, 2, 28),
        )
        == "state_party"
    )


@given(deposited_on=ccm_deposits, signed=st.booleans(), days=st.integers(0, 20_000))
def test_treaty_status_any_state_in_force_is_state_party(deposited_on, signed, days):
    eif = entry_into_force_for(rules=CCM, deposited_on=deposited_on)
    assert (
        treaty_status(
            rules=CCM,
            signed_on=date(2008, 12, 3) if signed else None,
            deposited_on=deposited_on,
            withdrawal_effective_on=None,
            today=eif + timedelta(days=days),
        )
        == "state_party"
    )


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        (date(2020, 2, 6), date(2020, 2, 13), "6-13 February 2020"),
        (date(2020, 5, 29), date(2020, 6, 4), "29 May-4 June 2020"),
        (date(2020, 12, 30), date(2021, 1, 2), "30 December 2020-2 January 2021"),
        (date(2020, 6, 8), date(2020, 6, 8), "8 June 2020"),
    ],
)
def test_period_is_written_the_un_way(start, end, written):
    assert period(start, end) == written


# Deadlines from the convention's rules, not from article numbers


def test_apmbc_ukraine_deadlines_follow_articles_4_and_5():
    eif = entry_into_force_for(rules=APMBC, deposited_on=date(2005, 12, 27))
    assert eif == date(2006, 6, 1)
    assert stockpile_destruction_deadline(rules=APMBC, entry_into_force=eif) == date(2010, 6, 1)
    assert clearance_deadline(rules=APMBC, entry_into_force=eif) == date(2016, 6, 1)


def test_apmbc_clearance_ignores_the_end_of_active_hostilities():
    # APMBC Article 5.1 runs from entry into force only; CCM Article 4.1(b) from the later.
    eif, hostilities = date(2006, 6, 1), date(2014, 2, 20)
    assert clearance_deadline(
        rules=APMBC, entry_into_force=eif, end_of_active_hostilities=hostilities
    ) == date(2016, 6, 1)
    assert clearance_deadline(
        rules=CCM, entry_into_force=eif, end_of_active_hostilities=hostilities
    ) == date(2024, 2, 20)


@given(eif=st.dates(min_value=date(1999, 3, 1), max_value=date(2080, 12, 31)))
def test_obligation_deadline_of_each_kind_matches_its_function(eif):
    for rules in (CCM, APMBC):
        assert obligation_deadline(
            rules=rules, kind="stockpile_destruction", entry_into_force=eif
        ) == stockpile_destruction_deadline(rules=rules, entry_into_force=eif)
        assert obligation_deadline(
            rules=rules, kind="initial_report", entry_into_force=eif
        ) == initial_report_deadline(rules=rules, entry_into_force=eif)
        first = initial_report_deadline(rules=rules, entry_into_force=eif).year
        assert obligation_deadline(
            rules=rules, kind="annual_report", entry_into_force=eif
        ) == annual_report_deadline(rules=rules, year_covered=first)


def test_withdrawal_effective_six_months_after_receipt():
    assert withdrawal_effective_for(rules=CCM, received_on=date(2024, 9, 6)) == date(2025, 3, 6)


def test_withdrawal_waits_for_the_end_of_an_armed_conflict():
    assert withdrawal_effective_for(
        rules=CCM, received_on=date(2024, 9, 6), armed_conflict_ends_on=date(2026, 1, 31)
    ) == date(2026, 1, 31)


@pytest.mark.parametrize(
    ("start", "end", "shape"),
    [
        (date(2020, 2, 6), date(2020, 2, 13), "within_month"),
        (date(2020, 5, 29), date(2020, 6, 4), "within_year"),
        (date(2020, 12, 30), date(2021, 1, 2), "across_years"),
        (date(2020, 6, 8), date(2020, 6, 8), "one_day"),
    ],
)
def test_period_shape_says_what_the_two_days_share(start, end, shape):
    assert period_shape(start, end) == shape
