"""A silence procedure's period is written in the reader's language (issue #27) on its
pages, in its e-mails and by `conclude_silence`; the records it decides keep the English
wording of the record ("silence procedure of 2-9 March 2030")."""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.utils import translation

from plenary.decisions.models import Decision
from tests.decisions.test_silence_procedures import circulate, geneva


def test_the_period_in_french_spanish_and_chinese(ccm, president):
    procedure = circulate(president, ccm)

    periods = {}
    for language in ("en", "fr", "es", "zh-hans"):
        with translation.override(language):
            periods[language] = procedure.period

    assert periods == {
        "en": "2-9 March 2030",
        "fr": "2-9 mars 2030",
        "es": "2 a 9 de marzo de 2030",
        "zh-hans": "2030年3月2日至9日",
    }


def test_conclude_silence_writes_the_period_in_french(ccm, president):
    circulate(
        president,
        ccm,
        subject="Dates",
        circulated_on=date(2020, 1, 1),
        deadline_on=date(2020, 2, 3),
        now=geneva(2020, 1, 1, 9),
    )
    out = StringIO()

    with translation.override("fr"):
        call_command("conclude_silence", stdout=out)

    assert out.getvalue().splitlines()[0] == (
        "1er janvier-3 février 2020 : Dates : adoptée (silence non rompu)"
    )


def test_the_record_of_a_decision_stays_english_when_concluded_in_french(ccm, president):
    procedure = circulate(
        president,
        ccm,
        circulated_on=date(2020, 1, 6),
        deadline_on=date(2020, 1, 10),
        now=geneva(2020, 1, 6, 9),
        effect_kind="decision",
        effect={"text": "The States Parties decide."},
    )

    with translation.override("fr"):
        call_command("conclude_silence", stdout=StringIO())

    assert Decision.objects.get(silence_procedure=procedure).source == (
        "silence procedure of 6-10 January 2020"
    )
