"""Every dropdown of States names them in the reader's language and orders them by that
language's collation (French accents at the second level, Chinese in pinyin), in one
query whatever the number of States (issue #27)."""

import html
import re

import pytest
from django.utils import translation

from plenary.action_plan.forms import ConsultationForm, CoordinationForm, IndicatorValueForm
from plenary.core.forms import RoleFields
from plenary.meetings.forms import OfficerForm
from plenary.rules import names
from plenary.treaties.models import State
from tests.conftest import client_for

FRENCH_FIRST = ["Afghanistan", "Afrique du Sud", "Albanie", "Algérie", "Allemagne", "Andorre"]
# Aerbaniya, Aerjiliya, Afuhan, Agenting, Alabo lianhe qiuzhangguo, ...
CHINESE_FIRST = ["阿尔巴尼亚", "阿尔及利亚", "阿富汗", "阿根廷", "阿拉伯联合酋长国"]
# ... Zhili, Zhongfei gongheguo, Zhongguo.
CHINESE_LAST = ["智利", "中非共和国", "中国"]


def _labels(field) -> list[str]:
    return [str(label) for value, label in field.choices if value != ""]


def _options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, name
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select.group(1))
    return [html.unescape(label) for value, label in options]


FIELDS = [
    (lambda ccm: OfficerForm(prefix="officer"), "state"),
    (lambda ccm: IndicatorValueForm(), "state"),
    (lambda ccm: ConsultationForm(convention=ccm), "states"),
    (lambda ccm: CoordinationForm(), "states"),
]
IDS = ["officer", "indicator-value", "consultation", "coordination"]


@pytest.mark.parametrize(("form", "name"), FIELDS, ids=IDS)
def test_a_dropdown_of_states_is_in_french_order(ccm, form, name, django_assert_num_queries):
    with translation.override("fr"), django_assert_num_queries(1):
        labels = _labels(form(ccm).fields[name])

    assert labels[:6] == FRENCH_FIRST
    assert labels.index("Égypte") < labels.index("El Salvador") < labels.index("Équateur")
    assert len(labels) == State.objects.count()


@pytest.mark.parametrize(("form", "name"), FIELDS, ids=IDS)
def test_a_dropdown_of_states_is_in_pinyin_order(ccm, form, name, django_assert_num_queries):
    with translation.override("zh-hans"), django_assert_num_queries(1):
        labels = _labels(form(ccm).fields[name])

    assert labels[:5] == CHINESE_FIRST
    assert labels[-3:] == CHINESE_LAST


def test_the_role_dropdown_of_an_invitation_is_in_pinyin_order(ccm):
    with translation.override("zh-hans"):
        labels = _labels(RoleFields().fields["state"])

    assert labels[:5] == CHINESE_FIRST


def test_the_isu_page_offers_the_contributing_states_in_the_readers_order(
    ccm, secretariat, django_assert_max_num_queries
):
    client = client_for(secretariat)
    pages = {}
    for language in ("fr", "zh-hans"):
        with django_assert_max_num_queries(20):
            response = client.get("/ccm/finance/isu/", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        pages[language] = _options(response.content.decode(), "contribution-state")

    assert pages["fr"][:6] == FRENCH_FIRST
    assert pages["zh-hans"][:5] == CHINESE_FIRST
    assert pages["zh-hans"][-3:] == CHINESE_LAST
    assert len(pages["fr"]) == State.objects.count()


def test_the_addressees_of_a_silence_procedure_are_listed_in_pinyin_order(ccm, president):
    response = client_for(president).get(
        "/ccm/silence-procedures/new/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )

    page = response.content.decode()
    section = re.search(r'<section id="addressees">.*?<p>(.*?)</p>', page, re.S)
    listed = html.unescape(section.group(1)).split(", ")
    assert listed == sorted(listed, key=names.collation_key("zh-hans"))
    assert listed.index("阿富汗") < listed.index("德国") < listed.index("智利")


def test_lists_of_a_meetings_records_follow_the_readers_order_of_names(ccm, secretariat):
    """A meeting's delegations (States before organisations) and a cost estimate's
    assessments are in the reader's order: Germany ("Allemagne") before Chile in French and
    after it in English."""
    from datetime import date
    from decimal import Decimal

    from plenary.finance import selectors as finance
    from plenary.finance.models import Assessment, CostEstimate
    from plenary.meetings import selectors as meetings
    from plenary.meetings.models import Delegation
    from plenary.treaties.models import Organisation
    from tests.conftest import open_meeting

    meeting = open_meeting(ccm)
    for iso3 in ("CHL", "DEU", "ECU"):
        Delegation.objects.create(meeting=meeting, state=State.objects.get(iso3=iso3))
    Delegation.objects.create(meeting=meeting, organisation=Organisation.objects.first())
    estimate = CostEstimate.objects.create(convention=ccm, meeting=meeting, source="test")
    for iso3 in ("ECU", "CHL", "DEU"):
        Assessment.objects.create(
            estimate=estimate,
            state=State.objects.get(iso3=iso3),
            kind="estimated",
            un_rate=Decimal("0.01"),
            share_percent=Decimal("1"),
            amount=Decimal("10.00"),
            year=2026,
            issued_on=date(2026, 1, 5),
            due_on=date(2026, 3, 5),
        )

    def names(rows, attribute):
        return [str(getattr(row, attribute)) for row in rows if getattr(row, attribute)]

    with translation.override("fr"):
        listed = meetings.delegations_of(meeting=meeting)
        assert names(listed, "state") == ["Allemagne", "Chili", "Équateur"]
        assert listed[-1].organisation is not None
        assessed = finance.assessments_of(estimate=estimate)
        assert names(assessed, "state") == ["Allemagne", "Chili", "Équateur"]
    with translation.override("en"):
        assert names(meetings.delegations_of(meeting=meeting), "state") == [
            "Chile",
            "Ecuador",
            "Germany",
        ]
