"""A treaty rule's refusal (pure Python, plenary.rules) reads in the reader's language when
a page or the API shows it: the sentence from the catalogue, its dates in the language's
format (issue #27)."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext

from plenary.rules import deadlines
from plenary.rules.errors import RuleError


def test_a_rule_refusal_reads_in_french_with_french_dates(ccm):
    with pytest.raises(RuleError) as refused:
        deadlines.check_signature(rules=ccm.rules, signed_on=date(2011, 3, 1))
    english = refused.value.message
    assert english == (
        "the Convention was open for signature from 3 December 2008 until its entry into"
        " force on 1 August 2010; 1 March 2011 is outside that period"
    )
    with translation.override("fr"):
        french = refused.value.message
        template = gettext(refused.value.template)
    assert template != refused.value.template
    assert french == template.format(
        opened="3 décembre 2008", entry_into_force="1er août 2010", signed="1er mars 2011"
    )


def test_a_rule_refusal_outside_django_stays_english():
    refused = RuleError("year", "{year} is outside {first} to {last}", year=2031, first=1, last=2)
    assert refused.message == "2031 is outside 1 to 2"
    assert str(refused) == "year: 2031 is outside 1 to 2"
