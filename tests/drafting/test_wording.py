"""The lookup of drafting templates: the convention's own words, then the UN layer."""

import pytest

from plenary.drafting import wording


@pytest.fixture
def own(settings, tmp_path):
    """Write a template into a Secretariat's own directory (DRAFTING_TEMPLATE_DIRS)."""
    settings.DRAFTING_TEMPLATE_DIRS = [str(tmp_path)]

    def write(layer: str, language: str, name: str, text: str) -> None:
        path = tmp_path / "drafting" / layer / language / f"{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    return write


def test_template_names_go_from_the_convention_to_the_un_layer():
    assert wording.template_names("APMBC", "fr", "report/title") == [
        "drafting/apmbc/fr/report/title.txt",
        "drafting/apmbc/en/report/title.txt",
        "drafting/un/fr/report/title.txt",
        "drafting/un/en/report/title.txt",
    ]
    assert wording.template_names("ccm", "en", "report/title") == [
        "drafting/ccm/en/report/title.txt",
        "drafting/un/en/report/title.txt",
    ]


def test_a_convention_without_its_own_template_gets_the_un_layer(own):
    own("un", "en", "test/greeting", "Good morning, {{ who }}.")

    assert wording.sentence("APMBC", "en", "test/greeting", {"who": "Geneva"}) == (
        "Good morning, Geneva."
    )


def test_the_convention_own_template_wins_over_the_un_layer(own):
    own("un", "en", "test/greeting", "Good morning.")
    own("apmbc", "en", "test/greeting", "Good morning, States Parties.")

    assert wording.sentence("APMBC", "en", "test/greeting", {}) == "Good morning, States Parties."
    assert wording.sentence("CCM", "en", "test/greeting", {}) == "Good morning."


def test_the_convention_english_wins_over_the_un_translation(own):
    own("un", "fr", "test/greeting", "Bonjour.")
    own("apmbc", "en", "test/greeting", "Good morning, States Parties.")

    assert wording.sentence("APMBC", "fr", "test/greeting", {}) == "Good morning, States Parties."
    assert wording.sentence("CCM", "fr", "test/greeting", {}) == "Bonjour."


def test_words_renders_the_convention_phrase_inside_a_shared_template(own):
    own("un", "en", "test/sentence", 'It is {% words "test/phrase" %}.')
    own("un", "en", "test/phrase", "shared")
    own("apmbc", "en", "test/phrase", "the {{ who }}'s own")

    assert wording.sentence("APMBC", "en", "test/sentence", {"who": "APMBC"}) == (
        "It is the APMBC's own."
    )
    assert wording.sentence("CCM", "en", "test/sentence", {}) == "It is shared."


def test_no_template_in_any_layer_names_every_place_looked(own):
    with pytest.raises(wording.TemplateError) as raised:
        wording.sentence("APMBC", "en", "test/nowhere", {})

    assert str(raised.value) == (
        "no template test/nowhere for APMBC in 'en' (looked for"
        " drafting/apmbc/en/test/nowhere.txt, drafting/un/en/test/nowhere.txt)"
    )


def test_an_error_in_a_un_template_names_it_and_its_line(own):
    own("un", "en", "test/broken", "A line.\n{% if %}\n")

    with pytest.raises(wording.TemplateError) as raised:
        wording.sentence("APMBC", "en", "test/broken", {})

    assert str(raised.value).startswith("drafting/un/en/test/broken.txt, line 2: ")
