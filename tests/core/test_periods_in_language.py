"""A period written in the active language (core.l10n.period, issue #27): its first day
repeats only what its last day does not share, each language with its own formats
(plenary/formats/<language>: PERIOD_FORMATS)."""

from datetime import date

import pytest
from django.utils import translation

from plenary.core import l10n
from plenary.rules.deadlines import period

WITHIN_MONTH = (date(2020, 2, 6), date(2020, 2, 13))
FIRST_OF_MONTH = (date(2021, 2, 1), date(2021, 2, 3))
WITHIN_YEAR = (date(2020, 5, 29), date(2020, 6, 4))
ACROSS_YEARS = (date(2020, 12, 29), date(2021, 1, 4))
ONE_DAY = (date(2020, 6, 8), date(2020, 6, 8))


@pytest.mark.parametrize(
    ("language", "span", "written"),
    [
        ("en", WITHIN_MONTH, "6-13 February 2020"),
        ("en", WITHIN_YEAR, "29 May-4 June 2020"),
        ("en", ACROSS_YEARS, "29 December 2020-4 January 2021"),
        ("en", ONE_DAY, "8 June 2020"),
        ("fr", WITHIN_MONTH, "6-13 février 2020"),
        ("fr", FIRST_OF_MONTH, "1er-3 février 2021"),
        ("fr", WITHIN_YEAR, "29 mai-4 juin 2020"),
        ("fr", ONE_DAY, "8 juin 2020"),
        ("es", WITHIN_MONTH, "6 a 13 de febrero de 2020"),
        ("es", WITHIN_YEAR, "29 de mayo a 4 de junio de 2020"),
        ("ru", WITHIN_MONTH, "6\u201313 февраля 2020 г."),  # noqa: RUF001 -- the Cyrillic abbreviation of "year"
        ("ru", WITHIN_YEAR, "29 мая \u2013 4 июня 2020 г."),  # noqa: RUF001 -- the Cyrillic abbreviation of "year"
        ("ar", WITHIN_MONTH, "6-13 فبراير، 2020"),
        ("zh-hans", WITHIN_MONTH, "2020年2月6日至13日"),
        ("zh-hans", WITHIN_YEAR, "2020年5月29日至6月4日"),
        ("zh-hans", ACROSS_YEARS, "2020年12月29日至2021年1月4日"),
    ],
)
def test_a_period_in_the_language(language, span, written):
    with translation.override(language):
        assert l10n.period(*span) == written


def test_english_periods_are_the_rules_own():
    for span in (WITHIN_MONTH, WITHIN_YEAR, ACROSS_YEARS, ONE_DAY):
        with translation.override("en"):
            assert l10n.period(*span) == period(*span)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Wednesday 25 November"),
        ("fr", "mercredi 25 novembre"),
        ("ru", "Среда 25 ноября"),
        ("zh-hans", "星期三 11月25日"),
    ],
)
def test_a_programme_day_in_the_language(language, written):
    with translation.override(language):
        assert l10n.weekday_and_month_day(date(2020, 11, 25)) == written
