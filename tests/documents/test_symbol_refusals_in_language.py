"""A refusal of a bad document symbol is one sentence of the catalogue, worded in the
reader's language with the expected shape in that language too (rules/symbols.py keeps
templates; issue #27)."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext

from plenary.documents.models import Document
from plenary.rules import symbols
from plenary.rules.errors import RuleError
from tests.conftest import client_for, token_client


def _worded(template: str, **values) -> str:
    """The sentence as the active language's catalogue words it."""
    return gettext(template).format(expected=gettext(symbols.EXPECTED_SHAPE), **values)


def test_a_bad_symbol_through_the_api_is_refused_in_french(conference, secretariat):
    response = token_client(secretariat).post(
        "/api/v1/ccm/meetings/2RC/documents",
        {"title": "T", "symbol": "CCM/CONF/2020/XX.1"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 422
    with translation.override("fr"):
        expected = _worded(symbols.SYMBOL_UNKNOWN_SERIES, symbol="CCM/CONF/2020/XX.1", part="XX")
    assert response.json()["errors"] == [{"field": "symbol", "message": expected}]
    assert not Document.objects.exists()


def test_a_bad_symbol_on_the_page_is_refused_in_french(ccm, president):
    response = client_for(president).post(
        "/ccm/silence-procedures/new/",
        {
            "subject": "Ours",
            "document_symbol": "CCM/MSP/2030/WP.04",
            "deadline_on": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "deadline_time": "12:00:00",
            "time_zone": "Europe/Zurich",
            "effect_kind": "none",
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 422
    with translation.override("fr"):
        expected = _worded(symbols.SYMBOL_BAD_NUMBER, symbol="CCM/MSP/2030/WP.04", part="04")
    assert response.context["form"].errors["document_symbol"] == [expected]


def test_every_refusal_of_parse_is_one_template_with_the_shape_as_its_value():
    bad = {
        "": symbols.SYMBOL_EMPTY,
        "CCM/CONF/2020/ 1": symbols.SYMBOL_WHITESPACE,
        "CCM//2020/1": symbols.SYMBOL_EMPTY_PART,
        "CCM/CONF/2020": symbols.SYMBOL_NO_NUMBER,
        "ccm/CONF/2020/1": symbols.SYMBOL_BAD_ROOT,
        "CCM/Conf/2020/1": symbols.SYMBOL_BAD_BODY,
        "CCM/CONF/20/1": symbols.SYMBOL_BAD_YEAR,
        "CCM/CONF/2020/0": symbols.SYMBOL_BAD_NUMBER,
        "CCM/CONF/2020/NV.1": symbols.SYMBOL_UNKNOWN_SERIES,
        "CCM/CONF/2020/1/Amend.1": symbols.SYMBOL_UNKNOWN_SUFFIX,
    }
    for text, template in bad.items():
        try:
            symbols.parse(text)
        except RuleError as refused:
            assert (refused.template, refused.values["symbol"]) == (template, text)
            assert refused.values["expected"] == symbols.EXPECTED_SHAPE
        else:
            raise AssertionError(f"{text!r} was read")
