"""French and Spanish drafts name States in running text by UNTERM's names with their
article (data/state_names_unterm.csv, `rules.names.in_text`): "présentée par
l'Allemagne", "que la Bosnie-Herzégovine fasse rapport", "el Perú"; where UNTERM has no
entry (Côte d'Ivoire, Türkiye), the English name, marked, as before."""

from datetime import date

from plenary.decisions import services as decisions
from plenary.drafting import content, selectors, services
from plenary.meetings import services as meetings
from plenary.meetings.models import Meeting
from plenary.treaties import selectors as treaties
from plenary.treaties import services as registry
from plenary.treaties.models import Obligation, State
from tests.conftest import the_ccm


def _convene(code, starts, ends, title):
    meetings.create_meeting(
        convention=the_ccm(),
        code=code,
        kind="msp",
        title=title,
        parts=[meetings.PartPlan(1, starts, ends, "in_person")],
    )
    return selectors.part_with_meeting(convention=the_ccm(), reference=code, number=1)


def _draft(part, language):
    records = selectors.report_records(part=part, kind="interim", on=part.ends_on)
    return content.report(records, kind="interim", on=part.ends_on, language=language)


def _statements(drafted):
    return [block.text for block in drafted.paragraphs if block.key.startswith("text-")]


def _status_since(secretariat, previous_ends, starts, ends, titles=None):
    _convene("T-PREV", previous_ends, previous_ends, "Test Meeting of States Parties")
    meetings.set_meeting_translations(
        meeting=Meeting.objects.get(convention=the_ccm(), code="T-PREV"),
        title_translations=titles
        or {
            "fr": "Réunion d'essai des États parties",
            "es": "Reunión de prueba de los Estados partes",
        },
        by=secretariat,
    )
    part = _convene("T-NEXT", starts, ends, "Next Test Meeting of States Parties")
    services.add_report_text(
        part=part, section="decisions", after="item-none", statement="status", by=secretariat
    )
    return part


def test_the_status_in_french_and_spanish_names_the_states_with_their_article(ccm, secretariat):
    part = _status_since(secretariat, date(2011, 2, 1), date(2011, 3, 9), date(2011, 3, 10))

    assert _statements(_draft(part, "fr")) == [
        "Au 10 mars 2011, 42 États étaient parties à la Convention, 11 autres avaient déposé"
        " leurs instruments de ratification ou d'adhésion sans que la Convention soit encore"
        " entrée en vigueur à leur égard et 55 États avaient signé la Convention sans l'avoir"
        " encore ratifiée. Depuis la clôture de la Réunion d'essai des États parties, le 1er"
        " février 2011, le Ghana (3 février 2011), le Royaume des Pays-Bas (23 février 2011)"
        " et le Portugal (9 mars 2011) ont déposé leurs instruments de ratification ou"
        " d'adhésion."
    ]
    assert _statements(_draft(part, "es")) == [
        "Al 10 de marzo de 2011, 42 Estados eran partes en la Convención, 11 más habían"
        " depositado sus instrumentos de ratificación o adhesión sin que la Convención hubiera"
        " entrado aún en vigor para ellos y 55 Estados habían firmado la Convención sin"
        " haberla ratificado aún. Desde la clausura de la Reunión de prueba de los Estados"
        " partes, el 1 de febrero de 2011, Ghana (3 de febrero de 2011), el Reino de los"
        " Países Bajos (23 de febrero de 2011) y Portugal (9 de marzo de 2011) han depositado"
        " sus instrumentos de ratificación o adhesión."
    ]


def test_the_status_names_the_previous_meeting_with_the_article_of_its_title(ccm, secretariat):
    """The article is the title's own: "du Séminaire", "des Réunions", "del Seminario"."""
    titles = {"fr": "Séminaire d'essai des États parties", "es": "Seminario de prueba"}
    part = _status_since(
        secretariat, date(2011, 2, 1), date(2011, 3, 9), date(2011, 3, 10), titles=titles
    )
    assert (
        "Depuis la clôture du Séminaire d'essai des États parties, le 1er"
        in (_statements(_draft(part, "fr"))[0])
    )
    assert (
        "Desde la clausura del Seminario de prueba, el 1 de febrero"
        in (_statements(_draft(part, "es"))[0])
    )


def test_a_state_unterm_does_not_name_keeps_its_english_name_marked(ccm, secretariat):
    """Türkiye has no UNTERM entry in the source (SOURCES.md); Israël takes no article, and
    Spanish "y" is "e" before it."""
    part = _status_since(secretariat, date(2022, 9, 2), date(2027, 9, 1), date(2027, 9, 3))
    for iso3, on in (
        ("USA", date(2027, 6, 1)),
        ("TUR", date(2027, 6, 2)),
        ("ISR", date(2027, 6, 3)),
    ):
        registry.record_deposit(
            convention=the_ccm(),
            state=treaties.state_of(iso3),
            instrument="accession",
            deposited_on=on,
            notification=f"C.N.{iso3}.2027.TREATIES-XXVI.6",
            by=secretariat,
            today=on,
        )

    assert _statements(_draft(part, "fr"))[0].split("2022, ")[1] == (
        "le Nigéria (28 février 2023), le Soudan du Sud (3 août 2023), Vanuatu (5 septembre"
        " 2025), les États-Unis d'Amérique (1er juin 2027), Türkiye (en anglais) (2 juin 2027)"
        " et Israël (3 juin 2027) ont déposé leurs instruments de ratification ou d'adhésion."
    )
    assert _statements(_draft(part, "es"))[0].split("2022, ")[1] == (
        "Nigeria (28 de febrero de 2023), Sudán del Sur (3 de agosto de 2023), Vanuatu (5 de"
        " septiembre de 2025), los Estados Unidos de América (1 de junio de 2027), Türkiye"
        " (en inglés) (2 de junio de 2027) e Israel (3 de junio de 2027) han depositado sus"
        " instrumentos de ratificación o adhesión."
    )


def test_an_extension_request_in_french_and_spanish_names_the_state_in_the_sentence(
    ccm, secretariat
):
    part = _convene("T-2024", date(2024, 9, 2), date(2024, 9, 4), "Test Meeting")
    obligation = Obligation.objects.get(convention=the_ccm(), state__iso3="DEU", kind="clearance")
    request = decisions.submit_extension_request(
        obligation=obligation,
        submitted_on=date(2024, 3, 1),
        requested_deadline=date(2030, 8, 1),
        meeting=part.meeting,
        by=secretariat,
    )
    decisions.recommend_extension(
        request=request,
        part=part,
        until=date(2030, 8, 1),
        recommended_on=date(2024, 9, 4),
        conditions=["a work plan"],
        by=secretariat,
    )

    def extension(language):
        drafted = _draft(part, language)
        return [b.text for b in drafted.paragraphs if b.key.startswith("extension-DEU-4")]

    assert extension("fr") == [
        "La Réunion a examiné la demande de prolongation du délai présentée par l'Allemagne"
        " visant à achever l'enlèvement et la destruction des restes d'armes à sous-munitions"
        " conformément au paragraphe 1 de l'article 4 de la Convention et a recommandé de"
        " prendre la décision d'accorder la prolongation de 60 mois jusqu'au 1er août 2030.",
        "À cet égard, la Réunion a noté qu'il serait utile pour la Convention que l'Allemagne"
        " fasse rapport chaque année, dans ses rapports présentés au titre de l'article 7 avant"
        " le 30 avril de chaque année, et aux Assemblées des États parties, sur les points"
        " suivants :",
    ]
    assert extension("es") == [
        "La Reunión examinó la solicitud de prórroga del plazo presentada por Alemania para"
        " completar la limpieza y destrucción de los restos de municiones en racimo de"
        " conformidad con el párrafo 1 del artículo 4 de la Convención y recomendó adoptar la"
        " decisión de conceder la prórroga de 60 meses hasta el 1 de agosto de 2030.",
        "A este respecto, la Reunión señaló que sería beneficioso para la Convención que"
        " Alemania informara anualmente, en sus informes presentados en virtud del artículo 7"
        " antes del 30 de abril de cada año, y en las Reuniones de los Estados Partes, sobre lo"
        " siguiente:",
    ]
    # The English wording is unchanged.
    assert extension("en")[0].startswith("The Meeting assessed the request submitted by Germany")


def test_running_text_names_follow_the_name_in_use_on_the_day(ccm):
    """The forms are those of the name the UN used then in that language: for the
    Netherlands, UNTERM's "Pays-Bas (les)" is the former name, and the current M49 name
    "Pays-Bas (Royaume des)" is said as UNTERM's formal name says it."""
    names = treaties.names_in_text_on(on=date(2026, 1, 1))
    ids = dict(State.objects.values_list("iso3", "pk"))
    french, spanish = names.in_text["fr"], names.in_text["es"]
    assert [french[ids[iso3]].with_de for iso3 in ("PER", "DEU", "NLD", "FRA", "CUB")] == [
        "du Pérou",
        "de l'Allemagne",
        "du Royaume des Pays-Bas",
        "de la France",
        "de Cuba",
    ]
    assert [spanish[ids[iso3]].with_de for iso3 in ("PER", "NLD", "FRA")] == [
        "del Perú",
        "del Reino de los Países Bajos",
        "de Francia",
    ]
    # No UNTERM entry: no form, the English name stands in.
    assert ids["CIV"] not in french and ids["TUR"] not in spanish
    assert names.english[ids["NLD"]] == "Netherlands (Kingdom of the)"


def test_the_filters_write_the_forms_of_the_documents_language_or_the_english_name_marked():
    from django.utils import translation

    from plenary.drafting.templatetags import drafting as filters
    from plenary.rules import names

    peru = names.StateName(
        "Peru",
        {
            "fr": names.in_text("Pérou (le)", language="fr"),
            "es": names.in_text("Perú (el)", language="es"),
        },
    )
    turkiye = names.StateName("Türkiye")
    every = (filters.with_article, filters.with_de, filters.with_a, filters.with_que)
    with translation.override("fr"):
        assert [each(peru, "en anglais") for each in every] == [
            "le Pérou",
            "du Pérou",
            "au Pérou",
            "que le Pérou",
        ]
        assert [each(turkiye, "en anglais") for each in every] == [
            "Türkiye (en anglais)",
            "de Türkiye (en anglais)",
            "à Türkiye (en anglais)",
            "que Türkiye (en anglais)",
        ]
    with translation.override("es"):
        assert [each(peru, "en inglés") for each in every] == [
            "el Perú",
            "del Perú",
            "al Perú",
            "que el Perú",
        ]
        assert filters.with_a(turkiye, "en inglés") == "a Türkiye (en inglés)"
    # The English wording writes the English name, as before.
    assert filters.in_text(names.StateName("Netherlands")) == "the Netherlands"
    assert str(peru) == "Peru"
