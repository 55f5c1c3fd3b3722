"""French writes the first day of a month as an ordinal, "1er février 2021", in every date
that code writes (reminders, notices, drafts); other days and other languages are plain."""

from datetime import date

import pytest
from django.utils import translation

from plenary.core import l10n
from plenary.drafting.templatetags import drafting


@pytest.mark.parametrize(
    ("language", "day", "long", "short"),
    [
        ("fr", date(2021, 2, 1), "1er février 2021", "1er février"),
        ("fr", date(2021, 2, 11), "11 février 2021", "11 février"),
        ("en", date(2021, 2, 1), "1 February 2021", "1 February"),
        ("es", date(2021, 2, 1), "1 de febrero de 2021", "1 de febrero"),
    ],
)
def test_the_first_of_the_month(language, day, long, short):
    with translation.override(language):
        assert (l10n.day(day), l10n.month_day(day)) == (long, short)


def test_a_french_span_starting_on_the_first():
    with translation.override("fr"):
        assert drafting.local_span((date(2021, 2, 1), date(2021, 2, 3))) == "1er-3 février 2021"
        assert drafting.local_span((date(2021, 3, 1), date(2021, 4, 1))) == (
            "1er mars-1er avril 2021"
        )
        assert drafting.local_span((date(2021, 3, 2), date(2021, 3, 4))) == "2-4 mars 2021"
