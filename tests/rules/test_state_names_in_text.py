"""States' names in running French and Spanish from UNTERM's short names with their
article in brackets ("Pérou (le)"): with the article, after "de", "à"/"a" and "que"."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import names, prose


def forms(short: str, language: str, formal: str = "") -> tuple[str, str, str, str]:
    found = names.in_text(short, language=language, formal=formal)
    assert found is not None
    return found.with_article, found.with_de, found.with_a, found.with_que


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("Pérou (le)", ("le Pérou", "du Pérou", "au Pérou", "que le Pérou")),
        ("Allemagne (l')", ("l'Allemagne", "de l'Allemagne", "à l'Allemagne", "que l'Allemagne")),
        ("Pays-Bas (les)", ("les Pays-Bas", "des Pays-Bas", "aux Pays-Bas", "que les Pays-Bas")),
        ("France (la)", ("la France", "de la France", "à la France", "que la France")),
        (
            "États-Unis d'Amérique (les)",
            (
                "les États-Unis d'Amérique",
                "des États-Unis d'Amérique",
                "aux États-Unis d'Amérique",
                "que les États-Unis d'Amérique",
            ),
        ),
        ("Cuba", ("Cuba", "de Cuba", "à Cuba", "que Cuba")),
        ("Israël", ("Israël", "d'Israël", "à Israël", "qu'Israël")),
        ("Haïti", ("Haïti", "d'Haïti", "à Haïti", "qu'Haïti")),
        (
            "Saint-Siège (le) *",
            ("le Saint-Siège", "du Saint-Siège", "au Saint-Siège", "que le Saint-Siège"),
        ),
        ("Nioué **", ("Nioué", "de Nioué", "à Nioué", "que Nioué")),
    ],
)
def test_french_names_in_running_text(short, expected):
    assert forms(short, "fr") == expected


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("Perú (el)", ("el Perú", "del Perú", "al Perú", "que el Perú")),
        (
            "Países Bajos (los)",
            (
                "los Países Bajos",
                "de los Países Bajos",
                "a los Países Bajos",
                "que los Países Bajos",
            ),
        ),
        (
            "Santa Sede (la) *",
            ("la Santa Sede", "de la Santa Sede", "a la Santa Sede", "que la Santa Sede"),
        ),
        ("Bahamas (las)", ("las Bahamas", "de las Bahamas", "a las Bahamas", "que las Bahamas")),
        ("Francia", ("Francia", "de Francia", "a Francia", "que Francia")),
        # The article belongs to the name: no "del Salvador".
        ("El Salvador", ("El Salvador", "de El Salvador", "a El Salvador", "que El Salvador")),
        ("Israel", ("Israel", "de Israel", "a Israel", "que Israel")),
    ],
)
def test_spanish_names_in_running_text(short, expected):
    assert forms(short, "es") == expected


def test_a_qualified_name_is_said_as_its_formal_name_says_it():
    assert forms("Bolivie (État plurinational de)", "fr", "l'État plurinational de Bolivie") == (
        "l'État plurinational de Bolivie",
        "de l'État plurinational de Bolivie",
        "à l'État plurinational de Bolivie",
        "que l'État plurinational de Bolivie",
    )
    assert forms("Iran (République islamique d')", "fr", "la République islamique d'Iran")[1] == (
        "de la République islamique d'Iran"
    )
    assert forms("Irán (República Islámica del)", "es", "la República Islámica del Irán")[1] == (
        "de la República Islámica del Irán"
    )
    assert forms("Micronésie (États fédérés de)", "fr", "les États fédérés de Micronésie")[2] == (
        "aux États fédérés de Micronésie"
    )
    # Without a formal name that confirms the order, the name is not put in a sentence.
    assert names.in_text("Bolivie (État plurinational de)", language="fr") is None
    assert (
        names.in_text("Bolivie (État plurinational de)", language="fr", formal="la Bolivie") is None
    )


def test_only_french_and_spanish_are_put_in_a_sentence():
    assert names.in_text("Peru", language="en") is None
    assert names.in_text("Перу", language="ru") is None
    assert names.in_text("", language="fr") is None


def test_unterms_form_is_used_only_for_the_name_in_use():
    # The current M49 name, apostrophes aside.
    usa = names.in_text_of(
        "États-Unis d\u2019Amérique", language="fr", short="États-Unis d'Amérique (les)"
    )
    assert usa is not None and usa.with_de == "des États-Unis d'Amérique"
    # UNTERM's "Pays-Bas (les)" is the Netherlands' former name: used for it, and the
    # current "Pays-Bas (Royaume des)" is said as the formal name says it.
    netherlands = {"short": "Pays-Bas (les)", "formal": "le Royaume des Pays-Bas"}
    former = names.in_text_of("Pays-Bas", language="fr", **netherlands)
    current = names.in_text_of("Pays-Bas (Royaume des)", language="fr", **netherlands)
    assert former is not None and former.with_de == "des Pays-Bas"
    assert current is not None and current.with_de == "du Royaume des Pays-Bas"
    assert current.listed == "Pays-Bas (Royaume des)"
    # A former name UNTERM does not give is not said with the current name's article.
    macedonia = {"short": "Macédoine du Nord (la)", "formal": "la République de Macédoine du Nord"}
    assert (
        names.in_text_of("ex-République yougoslave de Macédoine", language="fr", **macedonia)
        is None
    )


def test_a_state_name_stands_as_its_english_name():
    peru = names.StateName("Peru", {"fr": names.InText("fr", "Pérou", "le", "Pérou")})
    assert str(peru) == "Peru"
    assert peru.in_language("fr-ch").with_article == "le Pérou"
    assert peru.in_language("es") is None


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèôçñ-", min_size=1, max_size=12)
NAME = st.builds(
    lambda first, rest: first.capitalize() + rest, WORD, st.text(" abcdefgh", max_size=8)
)


@given(NAME, st.sampled_from(["le", "la", "l'", "les"]))
def test_a_french_article_is_written_once_and_contracted_with_de_and_a(name, article):
    name = name.strip()
    found = names.in_text(f"{name} ({article})", language="fr")
    assert (found.name, found.article, found.listed) == (name, article, name)
    assert found.with_article.endswith(name)
    assert found.with_de.endswith(name) and found.with_a.endswith(name)
    expected_de = {"le": "du ", "les": "des ", "la": "de la ", "l'": "de l'"}[article]
    expected_a = {"le": "au ", "les": "aux ", "la": "à la ", "l'": "à l'"}[article]
    assert found.with_de == expected_de + name
    assert found.with_a == expected_a + name


@given(NAME, st.sampled_from(["el", "la", "los", "las"]))
def test_a_spanish_article_contracts_only_el(name, article):
    name = name.strip()
    found = names.in_text(f"{name} ({article})", language="es")
    contracted = {"el": ("del ", "al ")}.get(article, (f"de {article} ", f"a {article} "))
    assert (found.with_de, found.with_a) == (contracted[0] + name, contracted[1] + name)
    assert found.with_article == f"{article} {name}"


@given(NAME)
def test_a_name_without_an_article_stays_as_it_is(name):
    name = name.strip()
    for language in ("fr", "es"):
        found = names.in_text(name, language=language)
        assert found.with_article == name
        assert found.with_de in (f"de {name}", f"d'{name}")
        assert found.with_a == ("à " if language == "fr" else "a ") + name


@pytest.mark.parametrize(
    ("following", "word"),
    [
        ("Israel", "e"),
        ("Italia", "e"),
        ("Hispania", "e"),
        ("Hierro", "y"),
        ("Hungría", "y"),
        ("el Perú", "y"),
        ("Alemania", "y"),
        ("Irlanda", "e"),
    ],
)
def test_spanish_and_before_the_sound_i(following, word):
    assert prose.spanish_and(following) == word
