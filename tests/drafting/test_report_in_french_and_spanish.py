"""A French or Spanish report drafts every paragraph from a template of its language: the
same 2RC records (seed 003) in the language's own wording and dates, and an APMBC
meeting's report in French (test_apmbc.py), so that no template is tuned to the CCM."""

from pathlib import Path

import pytest

from plenary.drafting import content, selectors, wording
from plenary.meetings.models import Meeting
from plenary.meetings.services import set_meeting_translations
from tests.conftest import the_ccm
from tests.drafting.conftest import REPORT_DAY

ENGLISH_REPORT = sorted(
    path.stem for path in (wording.TEMPLATES / "drafting/un/en/report").glob("*.txt")
)


@pytest.mark.parametrize("convention", ["CCM", "APMBC"])
@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_report_template_is_found_in_the_language(convention, language):
    """Each name an English report is drafted from resolves, for the convention, to a
    template of the language: none falls back to the UN's English or the convention's
    English (whose quoted articles would otherwise win over the UN's French)."""
    found = {
        name: wording.engine()
        .select_template(wording.template_names(convention, language, f"report/{name}"))
        .origin.template_name
        for name in ENGLISH_REPORT
    }
    assert len(ENGLISH_REPORT) == 46
    assert {name: Path(path).parts[2] for name, path in found.items()} == dict.fromkeys(
        ENGLISH_REPORT, language
    )


def _2rc(language, secretariat):
    set_meeting_translations(
        meeting=Meeting.objects.get(convention=the_ccm(), code="2RC"),
        title_translations={
            "fr": "Deuxième Conférence d'examen",
            "es": "Segunda Conferencia de Examen",
        },
        by=secretariat,
    )
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    drafted = content.report(
        selectors.report_records(part=part), kind="interim", on=REPORT_DAY, language=language
    )
    return {block.key: block.text for block in drafted.paragraphs}


FRENCH = {
    "introduction-convention": "La Deuxième Conférence d'examen a été convoquée conformément"
    " à l'article 12 de la Convention sur les armes à sous-munitions.",
    "introduction-first-plan": "Il était initialement prévu que la Deuxième Conférence"
    " d'examen se tienne du 16 au 20 novembre 2020 à Geneva (Palais des Nations).",
    "introduction-2RC-PM2": "La Deuxième Réunion préparatoire s'est tenue le 4 septembre 2020.",
    "organization-dates": "La première partie de la Deuxième Conférence d'examen des États"
    " parties à la Convention sur les armes à sous-munitions s'est tenue à Geneva du 25 au"
    " 27 novembre 2020.",
    "organization-signatories": "Les États signataires de la Convention ci-après ont participé"
    " aux travaux de la Conférence en qualité d'observateurs : Angola, Chypre et Indonésie.",
    "work-officers-vice-president": "Le même jour, conformément à the recommendation of States"
    " Parties at the First Preparatory meeting (en anglais), la Conférence a élu le Royaume"
    " des Pays-Bas, l'Allemagne, le Nicaragua et Sri Lanka à la vice-présidence de la"
    " Conférence.",
    "work-agenda": "L'ordre du jour provisoire (CCM/CONF/2020/1) et le programme de travail"
    " provisoire de la première partie de la Conférence (CCM/CONF/2020/16), distribués par le"
    " Secrétariat avant la Conférence, ont été adoptés par la Conférence le 25 novembre 2020."
    " Le même jour, la Conférence a également confirmé le règlement intérieur figurant dans le"
    " document CCM/MSP/2010/3, mutatis mutandis.",
    "work-plenary-meetings": "La Conférence a tenu neuf séances plénières officielles sous"
    " forme virtuelle.",
    "extension-CHL-4": "La Conférence a examiné la demande de prolongation du délai présentée"
    " par le Chili visant à achever l'enlèvement et la destruction des restes d'armes à"
    " sous-munitions conformément au paragraphe 1 de l'article 4 de la Convention et a"
    " recommandé de prendre la décision d'accorder la prolongation de 12 mois jusqu'au 1er juin"
    " 2022 (pending the provision of a detailed work plan and budget to be included in a"
    " subsequent extension request to be considered at the Tenth Meeting of States Parties"
    " (en anglais)).",
}
SPANISH = {
    "introduction-convention": "La Segunda Conferencia de Examen fue convocada de conformidad"
    " con el artículo 12 de la Convención sobre Municiones en Racimo.",
    "introduction-first-plan": "En un principio estaba previsto que la Segunda Conferencia de"
    " Examen se celebrara del 16 al 20 de noviembre de 2020 en Geneva (Palais des Nations).",
    "introduction-2RC-PM2": "La Segunda Reunión Preparatoria se celebró el 4 de septiembre de"
    " 2020.",
    "organization-dates": "La primera parte de la Segunda Conferencia de Examen de los Estados"
    " partes en la Convención sobre Municiones en Racimo se celebró en Geneva del 25 al 27 de"
    " noviembre de 2020.",
    "organization-signatories": "Los siguientes Estados signatarios de la Convención"
    " participaron en los trabajos de la Conferencia en calidad de observadores: Angola,"
    " Chipre e Indonesia.",
    "work-officers-vice-president": "Ese mismo día, de conformidad con the recommendation of"
    " States Parties at the First Preparatory meeting (en inglés), la Conferencia eligió al"
    " Reino de los Países Bajos, Alemania, Nicaragua y Sri Lanka para ocupar la Vicepresidencia"
    " de la Conferencia.",
    "work-agenda": "El programa provisional (CCM/CONF/2020/1) y el programa de trabajo"
    " provisional de la primera parte de la Conferencia (CCM/CONF/2020/16), distribuidos por la"
    " Secretaría antes de la Conferencia, fueron aprobados por la Conferencia el 25 de noviembre"
    " de 2020. Ese mismo día, la Conferencia confirmó también el reglamento que figura en el"
    " documento CCM/MSP/2010/3, mutatis mutandis.",
    "work-plenary-meetings": "La Conferencia celebró nueve sesiones plenarias oficiales en"
    " formato virtual.",
    "extension-CHL-4": "La Conferencia examinó la solicitud de prórroga del plazo presentada"
    " por Chile para completar la limpieza y destrucción de los restos de municiones en racimo"
    " de conformidad con el párrafo 1 del artículo 4 de la Convención y recomendó adoptar la"
    " decisión de conceder la prórroga de 12 meses hasta el 1 de junio de 2022 (pending the"
    " provision of a detailed work plan and budget to be included in a subsequent extension"
    " request to be considered at the Tenth Meeting of States Parties (en inglés)).",
}


@pytest.mark.parametrize(("language", "expected"), [("fr", FRENCH), ("es", SPANISH)])
def test_the_2rc_report_paragraphs_in_french_and_spanish(ccm, secretariat, language, expected):
    by_key = _2rc(language, secretariat)
    assert {key: by_key[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("language", "opening", "first", "last"),
    [
        (
            "fr",
            "Les États parties à la Convention ci-après ont participé aux travaux de la"
            " Conférence : ",
            "Afghanistan, Afrique du Sud, Albanie, Allemagne, Australie,",
            ", Tunisie, Uruguay et Zambie.",
        ),
        (
            "es",
            "Los siguientes Estados partes en la Convención participaron en los trabajos de la"
            " Conferencia: ",
            "Afganistán, Albania, Alemania, Australia, Austria, Bélgica,",
            ", Túnez, Uruguay y Zambia.",
        ),
    ],
)
def test_the_states_parties_are_listed_by_their_names_in_the_language_and_its_order(
    ccm, secretariat, language, opening, first, last
):
    listed = _2rc(language, secretariat)["organization-states-parties"]
    assert listed.startswith(opening + first)
    assert listed.endswith(last)
    names = listed[len(opening) : -1].replace(" et ", ", ").replace(" y ", ", ").split(", ")
    # The 61 States Parties of the English draft, each once, none by its English name.
    assert len(names) == len(set(names)) == 61
    assert not {"Germany", "Netherlands (Kingdom of the)", "Peru", "Spain"} & set(names)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_paragraph_of_the_2rc_report_is_worded_in_english(ccm, secretariat, language):
    """Only the hand-added texts (in the language they were written) and the records'
    English-only texts, marked, are in English."""
    by_key = _2rc(language, secretariat)
    worded = {key: text for key, text in by_key.items() if not key.startswith("text-")}
    assert len(worded) == 62
    english = ("The ", "On ", " was held", " participated in the work", " the Conference ")
    assert [key for key, text in worded.items() if any(w in text for w in english)] == [
        # "the Conference" inside a marked English-only condition or observation.
        key
        for key, text in worded.items()
        if "(en anglais)" in text or "(en inglés)" in text
        if any(w in text for w in english)
    ]
