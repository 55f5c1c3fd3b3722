"""A convention file's texts in the reader's language (issue #27): the official names the
file sources per language, and its labels (obligation titles, the secretariat's address)
through the catalogue under the file's context, with the English marked where a
translation is missing (core/convention_texts.py). Translations of labels here are the
test's own (tests/catalogue.py): the committed catalogues are the translators'."""

from datetime import date

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from plenary.core import convention_texts
from plenary.core.translations import language_name
from plenary.drafting import content, selectors
from plenary.meetings.models import Meeting
from plenary.reminders import services
from plenary.rules.conventions import DEFAULT_DIRECTORY, get_ruleset, load_file
from plenary.treaties.models import Obligation, State
from tests.apmbc_only import APMBC_ONLY, apmbc, apmbc_only_delegate
from tests.catalogue import with_translations, without_translations
from tests.conftest import client_for, the_ccm, token_client
from tests.reminders.conftest import geneva

CCM_CONTEXT = "CCM convention file"
APMBC_CONTEXT = "APMBC convention file"
# Test translations, standing in for the translators'.
CCM_STOCKPILES = "destruction des stocks (traduction de test)"
APMBC_STOCKPILES = "destruction des stocks de mines antipersonnel (traduction de test)"
# Seven days before Peru's Article 3 deadline of 1 March 2021 (data/ccm/obligations.csv).
BEFORE_PERU_ARTICLE_3 = geneva(2021, 2, 22, 9)


@pytest.fixture(autouse=True)
def fresh_pages():
    """Anonymous pages are cached per generation and language: each test renders its own."""
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def french(client: Client | None = None) -> Client:
    client = client or Client()
    client.cookies["django_language"] = "fr"
    return client


def _fr(message: str) -> str:
    with translation.override("fr"):
        return gettext(message)


def _article(state: str, article: int, title: str) -> str:
    """A deadline's heading of Articles 3 and 4, in French (treaties/deadlines.py)."""
    return _fr("%(state)s: Article %(article)s: %(title)s") % {
        "state": state,
        "article": article,
        "title": title,
    }


def _speaks(user, language: str):
    user.language = language
    user.save(update_fields=["language"])


# --- Names: facts, sourced per language in the file --------------------------------------


def test_the_french_home_page_names_each_convention_by_its_french_title(ccm):
    apmbc()
    page = french().get("/").content.decode()

    assert '<span lang="fr">Convention sur les armes à sous-munitions</span></a> (CCM)' in page
    assert (
        '<span lang="fr">Convention sur l&#x27;interdiction de l&#x27;emploi, du stockage, de la'
        " production et du transfert des mines antipersonnel et sur leur destruction</span>"
        "</a> (APMBC)"
    ) in page
    assert "Convention on Cluster Munitions" not in page
    assert 'class="original-language"' not in page


@pytest.mark.parametrize(
    ("language", "ccm_name", "apmbc_name"),
    [
        ("ar", "اتفاقية الذخائر العنقودية", "اتفاقية حظر استعمال وتخزين وإنتاج ونقل الألغام"),
        (
            "zh-hans",
            "集束弹药公约",
            "关于禁止使用、储存、生产和转让杀伤人员地雷及销毁此种地雷的公约",
        ),
        ("ru", "Конвенция по кассетным боеприпасам", "Конвенция о запрещении применения"),  # noqa: RUF001
        ("es", "Convención sobre Municiones en Racimo", "Convención sobre la prohibición"),
    ],
)
def test_the_home_page_names_the_conventions_in_every_sourced_language(
    client, ccm, language, ccm_name, apmbc_name
):
    apmbc()
    client.cookies["django_language"] = language
    page = client.get("/").content.decode()

    assert f'<span lang="{language}">{ccm_name}</span>' in page
    assert f'<span lang="{language}">{apmbc_name}' in page
    assert "Convention on Cluster Munitions" not in page


def test_the_convention_page_and_header_name_it_in_french(ccm):
    page = french().get("/ccm/").content.decode()

    assert "<title>Convention sur les armes à sous-munitions · " in page
    assert '<h1><span lang="fr">Convention sur les armes à sous-munitions</span></h1>' in page
    assert (
        '<a class="convention" href="/ccm/"><span lang="fr">Convention sur les armes à'
        " sous-munitions</span></a>"
    ) in page


def test_a_name_the_file_does_not_give_is_the_english_one_marked(tmp_path):
    """The file of a convention with its names in English only: French reads the English
    name, marked as standing in, as a record's untranslated text is."""
    kept, skipping = [], False
    for line in (DEFAULT_DIRECTORY / "ccm.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            skipping = line.startswith("[names.") and line != "[names.en]"
        if not skipping:
            kept.append(line)
    (tmp_path / "ccm.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    rules = load_file(tmp_path / "ccm.toml")

    assert convention_texts.name(rules, language="fr") == convention_texts.Text(
        "Convention on Cluster Munitions", "en", fallback=True
    )
    assert convention_texts.name(rules, language="en") == convention_texts.Text(
        "Convention on Cluster Munitions", "en", fallback=False
    )


# --- Labels: plenary's wording, through the catalogue --------------------------------------


def test_a_label_without_translation_is_the_english_marked(ccm, settings, tmp_path):
    """Until the translators translate it, the CCM's record of its obligations says the
    English title, marked on the page as English (lang="en", "(anglais)")."""
    without_translations(settings, tmp_path, "fr", [(CCM_CONTEXT, "destruction of stockpiles")])
    rules = get_ruleset("CCM")
    with translation.override("fr"):
        title = convention_texts.label(rules, "destruction of stockpiles")
        english = convention_texts.label(rules, "destruction of stockpiles", language="en")

    assert title == convention_texts.Text("destruction of stockpiles", "en", fallback=True)
    assert english == convention_texts.Text("destruction of stockpiles", "en", fallback=False)


def test_a_label_is_translated_under_its_conventions_context_only(ccm, settings, tmp_path):
    with_translations(
        settings,
        tmp_path,
        "fr",
        {
            (CCM_CONTEXT, "annual report"): "rapport annuel (test)",
            (APMBC_CONTEXT, "annual report"): "annual report",  # none for the APMBC
        },
    )
    with translation.override("fr"):
        for_the_ccm = convention_texts.label(get_ruleset("CCM"), "annual report")
        for_the_apmbc = convention_texts.label(get_ruleset("APMBC"), "annual report")

    assert for_the_ccm == convention_texts.Text("rapport annuel (test)", "fr", fallback=False)
    assert for_the_apmbc == convention_texts.Text("annual report", "en", fallback=True)


def test_a_french_reminder_of_the_ccm_article_3_obligation_has_no_english_title(
    ccm, peru_delegate, settings, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_OFFSETS_DAYS = ["7"]
    with_translations(
        settings, tmp_path, "fr", {(CCM_CONTEXT, "destruction of stockpiles"): CCM_STOCKPILES}
    )
    _speaks(peru_delegate, "fr")

    services.send_due_reminders(now=BEFORE_PERU_ARTICLE_3)

    (message,) = mail.outbox
    assert "CCM: " + _article("Pérou", 3, CCM_STOCKPILES) in message.subject
    assert "destruction of stockpiles" not in message.subject + message.body


def test_without_a_translation_the_french_reminder_keeps_the_english_title(
    ccm, peru_delegate, settings, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_OFFSETS_DAYS = ["7"]
    without_translations(settings, tmp_path, "fr", [(CCM_CONTEXT, "destruction of stockpiles")])
    _speaks(peru_delegate, "fr")

    services.send_due_reminders(now=BEFORE_PERU_ARTICLE_3)

    (message,) = mail.outbox
    assert "CCM: " + _article("Pérou", 3, "destruction of stockpiles") in message.subject


def _apmbc_stockpile_deadline() -> None:
    """The APMBC-only test State's Article 4 deadline: four years after its entry into force
    on 1 July 2015."""
    apmbc_only_delegate()
    Obligation.objects.create(
        convention=apmbc(),
        state=State.objects.get(iso3=APMBC_ONLY),
        kind="stockpile_destruction",
        original_deadline=date(2019, 7, 1),
        current_deadline=date(2019, 7, 1),
        source="test",
    )


def test_a_french_reminder_of_the_apmbc_article_4_obligation_has_no_english_title(
    ccm, settings, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_OFFSETS_DAYS = ["7"]
    title = "destruction of stockpiled anti-personnel mines"
    with_translations(settings, tmp_path, "fr", {(APMBC_CONTEXT, title): APMBC_STOCKPILES})
    _apmbc_stockpile_deadline()
    delegate = State.objects.get(iso3=APMBC_ONLY).grants.get().user
    _speaks(delegate, "fr")

    services.send_due_reminders(now=geneva(2019, 6, 24, 9))

    (message,) = [m for m in mail.outbox if m.to == [delegate.email]]
    heading = "APMBC: " + _article(f"Test State {APMBC_ONLY}", 4, APMBC_STOCKPILES)
    assert heading in message.subject
    assert title not in message.subject + message.body


def test_the_api_words_a_deadline_in_the_accept_language(ccm, peru_delegate, settings, tmp_path):
    with_translations(
        settings, tmp_path, "fr", {(CCM_CONTEXT, "destruction of stockpiles"): CCM_STOCKPILES}
    )
    response = token_client(peru_delegate).get(
        "/api/v1/deadlines?start=2021-03-01&end=2021-03-01&state=PER",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 200
    assert [row["subject"] for row in response.json()["items"]] == [
        _article("Pérou", 3, CCM_STOCKPILES)
    ]


def test_the_french_state_page_titles_the_obligation_once_translated(
    ccm, peru_delegate, settings, tmp_path
):
    with_translations(
        settings, tmp_path, "fr", {(CCM_CONTEXT, "destruction of stockpiles"): CCM_STOCKPILES}
    )
    page = french(client_for(peru_delegate)).get("/ccm/states/PER/?on=2021-01-01")

    assert page.status_code == 200
    text = page.content.decode()
    with translation.override("fr"):
        what = gettext("Article %(article)s: %(title)s") % {"article": 3, "title": CCM_STOCKPILES}
    assert what in text
    assert "destruction of stockpiles" not in text


def test_the_apmbc_partial_record_note_is_english_marked_until_translated(ccm, settings, tmp_path):
    apmbc()
    note = get_ruleset("APMBC").record.note
    without_translations(settings, tmp_path / "none", "fr", [(APMBC_CONTEXT, note)])
    page = french().get("/apmbc/states/").content.decode()
    with translation.override("fr"):
        english = language_name("en")
    assert (
        f'<span lang="en">{note}</span> <small class="original-language">({english})</small>'
    ) in page.replace("&#x27;", "'")

    with_translations(settings, tmp_path, "fr", {(APMBC_CONTEXT, note): "Le registre (test)."})
    caches["pages"].clear()
    page = french().get("/apmbc/states/").content.decode()
    assert '<span lang="fr">Le registre (test).</span>' in page
    assert 'class="original-language"' not in page


def test_a_french_draft_gives_the_secretariats_address_once_translated(ccm, settings, tmp_path):
    address = the_ccm().rules.secretariat.address
    meeting = Meeting.objects.get(convention=the_ccm(), code="2RC")
    records = selectors.convening_records(meeting=meeting, on=date(2020, 12, 10))

    def body() -> str:
        drafted = content.convening_note(records, reference="R", kind="convening", language="fr")
        return " ".join(block.text for block in drafted.blocks if block.kind == "text")

    without_translations(settings, tmp_path / "none", "fr", [(CCM_CONTEXT, address)])
    assert f"{address} (en anglais)" in body()
    with_translations(settings, tmp_path, "fr", {(CCM_CONTEXT, address): "Palais (test)"})
    drafted = body()
    assert "Palais (test). Courriel" in drafted
    assert address not in drafted
