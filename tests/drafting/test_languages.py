"""French and Spanish drafts of the 2RC records: the language's own wording and dates
(Django's date formats under the language), the records' English-only texts kept as
written and marked, and no treaty text in another language's words."""

from datetime import date

import pytest

from plenary.drafting import content, selectors
from plenary.meetings.models import Meeting
from plenary.meetings.services import set_meeting_translations
from tests.conftest import client_for, the_ccm

NOTE_DAY = date(2020, 12, 10)
REFERENCE = "ODA-2020-00130-CCM"


def note(kind: str, language: str):
    meeting = Meeting.objects.get(convention=the_ccm(), code="2RC")
    records = selectors.convening_records(meeting=meeting, on=NOTE_DAY)
    return content.convening_note(records, reference=REFERENCE, kind=kind, language=language)


def texts(drafted) -> list[str]:
    return [block.text for block in drafted.blocks if block.kind == "text"]


def test_a_french_convening_note_from_the_2rc_records(ccm):
    drafted = note("convening", "fr")
    lines = texts(drafted)
    assert lines[0] == "BUREAU DES AFFAIRES DE DÉSARMEMENT DE L'ORGANISATION DES NATIONS UNIES"
    assert lines[1] == f"RÉFÉRENCE : {REFERENCE}"
    assert lines[-1] == "10 décembre 2020"
    body = " ".join(lines)
    # The convention's French name, from its file (names.fr).
    assert "à la Convention sur les armes à sous-munitions de 2008" in body
    # The meeting's title exists in English only: kept and marked.
    assert "Second Review Conference (en anglais)" in body
    assert "novembre 2020" in body and "November" not in body
    # The article on costs is the convention's own text, found in English only: left out.
    assert "Article 14" not in body and "shall be borne" not in body
    assert "l'article 7 de la Convention" in body
    assert "au plus tard le 30 avril 2020" in body


def test_a_spanish_convening_note_from_the_2rc_records(ccm):
    drafted = note("convening", "es")
    lines = texts(drafted)
    assert lines[0] == "OFICINA DE ASUNTOS DE DESARME DE LAS NACIONES UNIDAS"
    assert lines[-1] == "10 de diciembre de 2020"
    body = " ".join(lines)
    assert "Convención sobre Municiones en Racimo de 2008" in body
    assert "Second Review Conference (en inglés)" in body
    assert "de noviembre de 2020" in body and "November" not in body
    assert "shall be borne" not in body
    assert "a más tardar el 30 de abril de 2020" in body


@pytest.mark.parametrize(
    ("language", "reminder", "day"),
    [
        ("fr", "Le Bureau des affaires de désarmement rappelle", "10 décembre 2020"),
        ("es", "La Oficina de Asuntos de Desarme desea recordar", "10 de diciembre de 2020"),
    ],
)
@pytest.mark.parametrize("kind", ["registration", "transparency"])
def test_reminders_in_french_and_spanish(ccm, language, reminder, day, kind):
    lines = texts(note(kind, language))
    assert lines[-1] == day
    assert any(line.startswith(reminder) for line in lines)
    assert not any("[missing" in line for line in lines)


def test_the_report_masthead_and_headings_in_french_and_spanish(ccm):
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    records = selectors.report_records(part=part, kind="interim")
    french = content.report(records, kind="interim", on=NOTE_DAY, language="fr")
    heads = [b.text for b in french.blocks if b.kind in ("masthead", "title", "heading")]
    assert heads[:2] == [
        "Conférence d'examen des États parties à la Convention sur les armes à sous-munitions",
        "CCM/CONF/2020/L.1",
    ]
    assert "Distribution : limitée" in heads
    assert "10 décembre 2020" in heads
    assert "Original : anglais" in heads
    assert "Rapport intérimaire : Second Review Conference (en anglais)" in heads
    assert "IV. Décisions et recommandations" in heads
    assert "Cote | Titre" not in heads  # the annex columns are the table's header row
    table = next(b for b in french.blocks if b.kind == "table")
    assert table.rows[0] == ["Cote", "Titre"]
    spanish = content.report(records, kind="interim", on=NOTE_DAY, language="es")
    heads = [b.text for b in spanish.blocks if b.kind in ("masthead", "title", "heading")]
    assert "Distribución: limitada" in heads
    assert "10 de diciembre de 2020" in heads
    assert "Informe provisional: Second Review Conference (en inglés)" in heads
    assert any(
        h.startswith("Virtual, 25-27 de noviembre de 2020") or "de noviembre de 2020" in h
        for h in heads
    )


def test_language_on_the_pages(ccm, secretariat):
    client = client_for(secretariat)
    page = client.get(
        "/ccm/meetings/2RC/report/?part=1&kind=interim&date=2020-12-10&language=fr"
    ).content.decode()
    assert "Rapport intérimaire : Second Review Conference (en anglais)" in page
    page = client.get(
        "/ccm/meetings/2RC/note-verbale/?kind=convening&date=2020-12-10&language=es"
        f"&reference={REFERENCE}"
    ).content.decode()
    assert "10 de diciembre de 2020" in page
    assert "OFICINA DE ASUNTOS DE DESARME" in page


def test_a_french_report_takes_the_meetings_french_title_without_a_mark(ccm, secretariat):
    set_meeting_translations(
        meeting=Meeting.objects.get(convention=the_ccm(), code="2RC"),
        title_translations={"fr": "Deuxième Conférence d'examen"},
        by=secretariat,
    )
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    records = selectors.report_records(part=part, kind="interim")

    french = content.report(records, kind="interim", on=NOTE_DAY, language="fr")
    spanish = content.report(records, kind="interim", on=NOTE_DAY, language="es")

    heads = [b.text for b in french.blocks if b.kind in ("masthead", "title", "heading")]
    assert "Rapport intérimaire : Deuxième Conférence d'examen" in heads
    heads = [b.text for b in spanish.blocks if b.kind in ("masthead", "title", "heading")]
    assert "Informe provisional: Second Review Conference (en inglés)" in heads


@pytest.mark.parametrize(
    ("language", "assessed", "conditions", "decision"),
    [
        (
            "fr",
            "La Conférence a examiné la demande de prolongation du délai présentée par le Pérou"
            " visant à achever la destruction de tous ses stocks d'armes à"
            " sous-munitions conformément au paragraphe 2 de l'article 3 de la Convention et a"
            " recommandé de prendre la décision d'accorder la prolongation de 37 mois jusqu'au"
            " 1er avril 2024.",
            "À cet égard, la Conférence a noté qu'il serait utile pour la Convention que la"
            " Bosnie-Herzégovine fasse rapport chaque année, dans ses rapports présentés"
            " au titre de l'article 7 avant le 30 avril de chaque année, et aux the Tenth Meeting"
            " of States Parties (en anglais), sur les points suivants :",
            "La Conférence a approuvé : the estimated costs of the Tenth Meeting of States Parties"
            " (en anglais) (CCM/CONF/2020/WP.2).",
        ),
        (
            "es",
            "La Conferencia examinó la solicitud de prórroga del plazo presentada por el Perú"
            " para completar la destrucción de todas sus existencias de municiones en"
            " racimo de conformidad con el párrafo 2 del artículo 3 de la Convención y recomendó"
            " adoptar la decisión de conceder la prórroga de 37 meses hasta el 1 de abril de"
            " 2024.",
            "A este respecto, la Conferencia señaló que sería beneficioso para la Convención que"
            " Bosnia y Herzegovina informara anualmente, en sus informes"
            " presentados en virtud del artículo 7 antes del 30 de abril de cada año, y en las"
            " the Tenth Meeting of States Parties (en inglés), sobre lo siguiente:",
            "La Conferencia aprobó: the estimated costs of the Tenth Meeting of States Parties (en"
            " inglés) (CCM/CONF/2020/WP.2).",
        ),
    ],
)
def test_section_iv_in_the_language_from_the_same_records(
    ccm, language, assessed, conditions, decision
):
    from tests.drafting.conftest import REPORT_DAY

    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    drafted = content.report(
        selectors.report_records(part=part), kind="interim", on=REPORT_DAY, language=language
    )
    by_key = {block.key: block.text for block in drafted.paragraphs}
    assert by_key["extension-PER-3"] == assessed
    assert by_key["extension-BIH-4-conditions"] == conditions
    assert by_key["decision-9-2"] == decision
    # The English draft's 72 less one: Article 12, quoted in English in two paragraphs,
    # is named in one sentence of the language (no French or Spanish text of it is sourced).
    assert len(drafted.paragraphs) == 71
