"""The command line's summaries are written in the active language (issue #27): a command
run in French (settings.LANGUAGE_CODE, or an activated language) prints French, with its
counts in the language's plural forms."""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.utils import translation

from tests.decisions.test_silence_procedures import circulate, geneva


def _run(language: str, *arguments: str) -> str:
    out = StringIO()
    with translation.override(language):
        call_command(*arguments, stdout=out)
    return out.getvalue()


def test_concluding_silence_procedures_says_so_in_french(ccm, president):
    circulate(
        president,
        ccm,
        circulated_on=date(2020, 1, 6),
        deadline_on=date(2020, 1, 10),
        now=geneva(2020, 1, 6, 9),
    )

    lines = _run("fr", "conclude_silence").splitlines()

    assert lines[0].endswith(": adoptée (silence non rompu)")
    assert lines[-1] == "1 procédure d'approbation tacite close."


def test_no_procedure_to_conclude_in_french_and_russian(ccm):
    assert _run("fr", "conclude_silence") == "0 procédure d'approbation tacite close.\n"
    assert _run("ru", "conclude_silence") == "Завершено 0 процедур молчаливого согласия.\n"


def test_the_reminders_summary_in_french(ccm):
    out = _run("fr", "reminders", "send", "--now", "2021-01-04T09:00:00+01:00")

    assert out == "0 rappel programmé ; envoyés : 0 ; en échec : 0.\n"


def test_entries_into_force_counted_in_spanish_and_chinese(ccm):
    arguments = ("notify_entries_into_force", "--convention", "ccm", "--on", "2099-01-01")

    assert _run("es", *arguments) == "0 delegaciones informadas.\n"
    assert _run("zh-hans", *arguments) == "已通知0个代表团。\n"


def test_a_listing_counts_its_rows_in_the_active_language(ccm):
    out = _run("fr", "states", "--status", "signatory", "--on", "2009-01-01")

    assert out.splitlines()[-1] == "(90 lignes)"
    assert "Allemagne" in out


def test_a_listing_names_the_states_in_the_language_asked(ccm):
    out = _run("fr", "states", "--status", "signatory", "--on", "2009-01-01", "--language", "en")

    assert out.splitlines()[-1] == "(90 rows)"
    assert "Germany" in out
