"""Pages write French's first of the month as "1er" through the builtin `date` filter
(core/templatetags/dates.py), whatever format a template names; other languages and other
days are Django's."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from plenary.core import l10n


def test_a_french_state_page_writes_the_first_as_1er(client, ccm):
    page = client.get("/ccm/states/MEX/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "État partie, lié depuis le 1er août 2010" in page


def test_the_english_page_writes_1_august(client, ccm):
    page = client.get("/ccm/states/MEX/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "State Party, in force for it since 1 August 2010" in page


def _rendered(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "pattern", "written"),
    [
        ("fr", '"DATE_FORMAT"', "1er février 2011"),
        ("fr", "", "1er février 2011"),
        ("fr", '"l j F"', "mardi 1er février"),
        ("fr", '"SHORT_DATE_FORMAT"', "01/02/2011"),
        ("fr", "'Y-m-d'", "2011-02-01"),
        ("en", '"DATE_FORMAT"', "1 February 2011"),
        ("en", '"l j F"', "Tuesday 1 February"),
        ("es", '"DATE_FORMAT"', "1 de febrero de 2011"),
        ("ru", '"DATE_FORMAT"', "1 февраля 2011 г."),  # noqa: RUF001 -- the Cyrillic abbreviation of "year"
        ("zh-hans", '"DATE_FORMAT"', "2011年2月1日"),
    ],
)
def test_the_filter_on_the_first_of_a_month(language, pattern, written):
    source = "{{ day|date%s }}" % (f":{pattern}" if pattern else "")

    assert _rendered(source, language, day=date(2011, 2, 1)) == written


def test_a_french_literal_j_stays_a_letter():
    assert _rendered(r'{{ day|date:"\j j F" }}', "fr", day=date(2011, 2, 1)) == "j 1er février"


def test_other_french_days_are_plain():
    assert _rendered('{{ day|date:"DATE_FORMAT" }}', "fr", day=date(2011, 2, 11)) == (
        "11 février 2011"
    )


def test_a_moment_is_the_first_in_the_pages_time_zone(settings):
    settings.TIME_ZONE = "Europe/Zurich"
    # 23:30 in UTC on 31 January is 00:30 on 1 February in Geneva.
    moment = datetime(2011, 1, 31, 23, 30, tzinfo=ZoneInfo("UTC"))

    assert _rendered('{{ at|date:"DATETIME_FORMAT" }}', "fr", at=moment) == (
        "1er février 2011 00:30"
    )


def test_empty_values_write_nothing():
    assert _rendered("[{{ day|date }}]", "fr", day=None) == "[]"


def test_code_writes_the_same_as_pages():
    with translation.override("fr"):
        assert l10n.formatted_date(date(2011, 2, 1), "l j F Y") == "mardi 1er février 2011"
        assert l10n.day(date(2011, 2, 1)) == "1er février 2011"
