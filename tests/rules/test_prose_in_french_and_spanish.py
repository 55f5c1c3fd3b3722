"""The prose rules that French and Spanish drafts use (rules/prose.py): lists, ordinals,
numbers in words and a meeting's title in running text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import prose

names = st.lists(
    st.text(alphabet="abcdefghjklmnopqrstuvwxyzÉé", min_size=1, max_size=8), min_size=2
)


@given(names, st.sampled_from(["fr", "es"]))
def test_a_list_keeps_every_item_in_order_and_ends_with_the_languages_and(items, language):
    joined = prose.join_in(items, language=language)
    head, _, last = joined.rpartition(" ")
    assert last == items[-1]
    words = head.rsplit(" ", 1)
    assert words[-1] in ({"fr": ["et"], "es": ["y", "e"]}[language])
    assert words[0] == ", ".join(items[:-1])


@given(st.lists(st.text(min_size=1, max_size=5), max_size=4), st.booleans())
def test_another_language_joins_as_english_does(items, serial):
    assert prose.join_in(items, language="ru", serial_comma=serial) == prose.join(
        items, serial_comma=serial
    )


def test_spanish_writes_e_before_the_sound_i():
    assert prose.join_in(["Francia", "Israel"], language="es") == "Francia e Israel"
    assert prose.join_in(["Chile", "Hungría"], language="es") == "Chile y Hungría"
    assert prose.join_in(["Chile", "Perú", "Irlanda"], language="fr") == "Chile, Perú et Irlanda"


@given(
    st.integers(min_value=1, max_value=200),
    st.sampled_from(["fr", "es"]),
    st.sampled_from(["f", "m"]),
)
def test_an_ordinal_is_a_word_to_fifteen_then_a_figure_with_its_mark(number, language, gender):
    found = prose.ordinal_in(number, language=language, gender=gender)
    if number <= 15:
        assert found.isalpha() and found[:1].isupper()
    else:
        assert found.startswith(str(number)) and found != str(number)


def test_ordinals_agree_with_the_noun():
    assert prose.ordinal_in(2, language="fr", gender="f") == "Deuxième"
    assert prose.ordinal_in(1, language="fr", gender="m") == "Premier"
    assert prose.ordinal_in(1, language="es", gender="m") == "Primer"
    assert prose.ordinal_in(10, language="es", gender="f") == "Décima"
    assert prose.ordinal_in(3, language="en") is None


@given(st.integers(min_value=0, max_value=500), st.sampled_from(["fr", "es"]))
def test_a_number_in_words_to_twelve_then_in_figures(number, language):
    found = prose.number_in(number, language=language, gender="m")
    assert found.isalpha() if number <= 12 else found == str(number)


@pytest.mark.parametrize(
    ("title", "language", "the", "of", "e"),
    [
        ("Deuxième Conférence d'examen", "fr", "la Deuxième Conférence d'examen", None, "e"),
        ("Assemblée des États parties", "fr", "l'Assemblée des États parties", None, "e"),
        ("Onzième Assemblée des États parties", "fr", "la Onzième Assemblée", None, "e"),
        ("Séminaire régional", "fr", "le Séminaire régional", "du Séminaire régional", ""),
        ("Réunions intersessions", "fr", "les Réunions intersessions", "des Réunions", "es"),
        ("Segunda Conferencia de Examen", "es", "la Segunda Conferencia", None, "a"),
        ("Seminario regional", "es", "el Seminario regional", "del Seminario regional", "o"),
        ("Reuniones entre períodos de sesiones", "es", "las Reuniones", None, "as"),
    ],
)
def test_a_meetings_title_takes_the_article_and_agreement_of_its_head(title, language, the, of, e):
    named = prose.title_in_text(title, language=language)
    assert named.the.startswith(the)
    if of is not None:
        assert named.of.startswith(of)
    assert named.e == e


@given(st.text(min_size=1, max_size=30), st.sampled_from(["fr", "es"]))
def test_a_title_not_in_the_language_is_feminine_singular_whatever_its_words(title, language):
    named = prose.title_in_text(title, language=language, known=False)
    assert named.feminine and not named.plural
