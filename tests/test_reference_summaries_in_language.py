"""What `plenary load_reference` reports is written in the active language (issue #27):
each loader's summary line, its counts in the language's plural forms, and the rows left
out."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from plenary.documents.models import Document
from plenary.documents.reference import load_documents
from plenary.finance.reference import load_finance, load_scale
from plenary.meetings.models import Meeting
from plenary.meetings.reference import load_meetings
from plenary.treaties.models import State
from plenary.treaties.reference import LoadReport

CCM_DATA = settings.REFERENCE_DATA_DIR / "ccm"


def test_the_registry_summary_in_french_russian_and_english():
    report = LoadReport(participations=1, obligations=2, extensions_added=0, reports_added=5)
    said = {}
    for language in ("fr", "ru", "en"):
        with translation.override(language):
            said[language] = report.summary()

    assert said == {
        "fr": "Registre du traité : 1 participation, 2 obligations, 0 prolongation ajoutée,"
        " 5 rapports de transparence ajoutés.",
        "ru": "Реестр договора: 1 участие, 2 обязательства, 0 продлений добавлено,"
        " 5 докладов о транспарентности добавлено.",  # noqa: RUF001 -- a Cyrillic word
        "en": "Treaty registry: 1 participation, 2 obligations, 0 extensions added,"
        " 5 transparency reports added.",
    }


def test_the_scale_and_finance_summaries_in_french(ccm):
    with translation.override("fr"):
        scale = load_scale(data_dir=settings.REFERENCE_DATA_DIR)
        finance = load_finance(convention=ccm, directory=CCM_DATA)

    assert scale == "Barème de l'ONU : 3 périodes, 0 taux ajouté."
    assert finance == "Finances : 0 estimation des coûts ajoutée, 2 budgets de l'ISU."


def test_the_meetings_summary_in_spanish(ccm):
    total = Meeting.objects.filter(convention=ccm).count()

    with translation.override("es"):
        summary = load_meetings(convention=ccm, directory=CCM_DATA)

    assert summary == f"Reuniones: 0 añadidas, {total} en total."


def test_documents_skipped_in_french(ccm):
    Document.objects.all().delete()
    Meeting.objects.filter(symbol_root="CCM/CONF/2020").update(symbol_root="")

    with translation.override("fr"):
        summary = load_documents(convention=ccm, directory=CCM_DATA)

    assert summary == (
        "Documents : 0 ajouté, 0 déjà enregistré ; ignorés : 30 de CCM/CONF/2020"
        " (réunion non chargée)."
    )


def test_the_command_reports_in_french(ccm):
    out = StringIO()

    with translation.override("fr"):
        call_command("load_reference", "--convention", "CCM", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == f"États : {State.objects.count()}."
    assert "Barème de l'ONU : 3 périodes, 0 taux ajouté." in lines
    assert lines[lines.index("CCM (data/ccm/):") + 1].startswith("Registre du traité : ")
    assert "Documents : 0 ajouté, 30 déjà enregistrés." in lines
    assert lines[-1].endswith(
        " faute d'un fait attesté par une source (--verbosity 2 les énumère)."
    )


def test_the_rows_left_out_in_french(ccm):
    out = StringIO()

    with translation.override("fr"):
        call_command("load_reference", "--convention", "CCM", "--verbosity", "2", stdout=out)

    left_out = [line for line in out.getvalue().splitlines() if line.startswith("  ")]
    assert (
        "  CCM: rapport annuel de GNB reçu le 1er janvier 2020 : pas d'année couverte" in left_out
    )
    assert (
        "  CCM: prolongation de MRT (Second Review Conference (second part, 20-21 September"
        " 2021)) : pas de nouveau délai"
    ) in left_out
