from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.action_plan import selectors, services
from plenary.action_plan.models import Indicator, IndicatorValue
from plenary.rules import indicators as rules
from plenary.treaties import selectors as treaty_selectors
from plenary.treaties.models import State
from tests.action_plan.conftest import at
from tests.conftest import the_ccm

NOW = at(date(2021, 3, 1))


def _row(code: str, year: int):
    plan = selectors.action_plan(convention=the_ccm(), code="DAP")
    for section in selectors.plan_progress(plan=plan, year=year):
        for row in section.rows:
            if row.code == code:
                return row
    raise AssertionError(code)


def test_overdue_initial_reports_indicator_is_not_computable_before_the_record(ccm):
    # The CCM's record of initial reports is complete from 31 December 2018 to the end of
    # 2020 (issue 20): a 2017 count would count States whose reports are not on record.
    row = _row("TM-R1", 2017)
    assert row.value is None
    assert row.counted == ()
    assert row.source.startswith("not computable from the records")
    assert treaty_selectors.overdue_initial_reports_on(convention=ccm, on=date(2017, 12, 31)) == 0


def test_overdue_initial_reports_indicator_gives_the_conference_figures(ccm):
    # Seed 003 para 62: 13 in 2018, 7 in 2020 (the 2RC's figure, 25 November 2020).
    assert _row("TM-R1", 2018).value == Decimal(13)
    row = _row("TM-R1", 2020)
    assert (row.value, row.progress.change) == (Decimal(7), Decimal(-6))
    assert row.counted[0] == "Cabo Verde"
    assert row.source == "computed from the records on 25 November 2020"


def test_stockpile_indicator_in_2020_is_the_five_the_conference_reported(ccm):
    row = _row("SD-R1", 2020)
    assert row.value == Decimal(5)
    assert row.progress.change == Decimal(-8)
    assert row.definition.startswith("The States Parties on 31 December of the year")


def test_computed_indicator_value_is_refused_when_typed(ccm, isu):
    indicator = Indicator.objects.get(code="TM-R1")
    with pytest.raises(ValidationError) as error:
        services.enter_indicator_value(
            indicator=indicator, year=2019, value=3, source="typed", now=NOW, by=isu
        )
    assert error.value.message_dict == {
        "indicator": [
            "TM-R1 is computed from the records (Initial transparency reports overdue); its "
            "values are recomputed, not entered"
        ]
    }
    assert not IndicatorValue.objects.exists()


@pytest.fixture
def lap_indicators(ccm):
    plan = services.record_action_plan(
        convention=ccm,
        code="LAP",
        name="Lausanne Action Plan",
        first_year=2021,
        last_year=2026,
        source="test",
    )
    section = services.record_section(plan=plan, number=1, title="Universalisation", source="t")
    action = services.record_action(section=section, number="1", text="An action.", source="t")
    count = services.record_indicator(
        section=section,
        action=action,
        code="1.1",
        text="States acceding",
        kind="count",
        baseline_year=2020,
        baseline_value=10,
        target_value=20,
        source="t",
    )
    yes_no = services.record_indicator(
        section=section,
        action=action,
        code="1.2",
        text="Has a national plan",
        kind="yes_no",
        baseline_year=2020,
        source="t",
    )
    return count, yes_no


def test_entered_values_show_against_baseline_and_target(lap_indicators, coordinator, ccm):
    count, yes_no = lap_indicators
    services.enter_indicator_value(
        indicator=count, year=2020, value=15, source="ISU records", now=NOW, by=coordinator
    )
    for iso3, answer in (("PER", True), ("CHL", False)):
        services.enter_indicator_value(
            indicator=yes_no,
            year=2020,
            answer=answer,
            state=State.objects.get(iso3=iso3),
            source="Art. 7",
            now=NOW,
            by=coordinator,
        )
    plan = selectors.action_plan(convention=the_ccm(), code="LAP")
    rows = selectors.plan_progress(plan=plan, year=2020)[0].rows
    assert (rows[0].value, rows[0].progress.towards_target, rows[0].source) == (
        Decimal(15),
        Decimal("50.0"),
        "ISU records",
    )
    assert (rows[1].value, rows[1].yes, rows[1].answered) == (Decimal(1), 1, 2)


@pytest.mark.parametrize(
    ("kind_code", "kwargs", "field", "message"),
    [
        ("1.1", {"answer": True}, "value", "a count indicator takes a number, not a yes/no answer"),
        (
            "1.1",
            {"value": "2.5"},
            "value",
            "a count of States is a whole number of 0 or more, not 2.5",
        ),
        ("1.2", {"value": 1}, "state", "a yes/no indicator is answered per State: name the State"),
        (
            "1.1",
            {"value": 1, "year": 2031},
            "year",
            "2031 is outside the years the plan measures, 2020 to 2026",
        ),
    ],
)
def test_value_of_another_kind_is_refused(lap_indicators, isu, kind_code, kwargs, field, message):
    indicator = next(i for i in lap_indicators if i.code == kind_code)
    kwargs = {"year": 2021, **kwargs}
    with pytest.raises(ValidationError) as error:
        services.enter_indicator_value(indicator=indicator, source="s", now=NOW, by=isu, **kwargs)
    assert error.value.message_dict == {field: [message]}
    assert not IndicatorValue.objects.exists()


def test_indicator_value_by_a_delegation_is_refused(lap_indicators, peru_delegate):
    with pytest.raises(PermissionDenied):
        services.enter_indicator_value(
            indicator=lap_indicators[0],
            year=2021,
            value=1,
            source="s",
            now=NOW,
            by=peru_delegate,
        )


def test_progress_towards_a_lower_target_counts_a_decrease():
    result = rules.progress(baseline=Decimal(13), target=Decimal(0), value=Decimal(7))
    assert result == rules.Progress(Decimal(-6), Decimal("46.2"), False)
    assert rules.share(7, 0) is None
    assert rules.share(1, 3) == Decimal("33.3")
