"""State names in the six UN languages (data/state_names.csv, from UNSD M49), shown and
sorted in the reader's language, with English where the source has no name."""

import csv
import html
import re
from datetime import date
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from plenary.rules import names
from plenary.treaties import selectors
from plenary.treaties.models import FormerStateName, State

M49_COMMIT = "25c1991e72a75b8ce494822b50cc6154bdc61a25"
OTHER_LANGUAGES = ["fr", "es", "ar", "zh-hans", "ru"]


def _row_headers(page: str) -> list[str]:
    pattern = r'<th scope="row"><a href="/ccm/states/[A-Z]{3}/[^"]*">([^<]+)</a></th>'
    return [html.unescape(name) for name in re.findall(pattern, page)]


def _states_page(client, language: str, query: str = "on=2020-11-25") -> str:
    response = client.get(f"/ccm/states/?{query}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_french_states_page_names_germany_allemagne(client, ccm):
    page = _states_page(client, "fr")

    assert ">Allemagne</a>" in page
    assert ">Germany</a>" not in page


def test_the_french_states_page_sorts_by_french_collation(client, ccm):
    rows = _row_headers(_states_page(client, "fr"))

    assert rows[:6] == [
        "Afghanistan",
        "Afrique du Sud",
        "Albanie",
        "Algérie",
        "Allemagne",
        "Andorre",
    ]
    # Accents count only after the letters: the É names among the E names.
    e_names = [name for name in rows if name[0] in "EÉ"]
    assert e_names[:8] == [
        "Égypte",
        "El Salvador",
        "Émirats arabes unis",
        "Équateur",
        "Érythrée",
        "Espagne",
        "Estonie",
        "Eswatini",
    ]
    assert len(rows) == State.objects.count()


def test_the_chinese_states_page_sorts_by_pinyin(client, ccm):
    rows = _row_headers(_states_page(client, "zh-hans"))

    # Aerbaniya, Aerjiliya, Afuhan, Agenting, Alabo lianhe qiuzhangguo, ...
    assert rows[:5] == ["阿尔巴尼亚", "阿尔及利亚", "阿富汗", "阿根廷", "阿拉伯联合酋长国"]
    # ... Deguo, ..., Milu (秘 read mi), ..., Zhili, Zhongfei gongheguo, Zhongguo.
    assert rows.index("德国") < rows.index("秘鲁")
    assert rows[-3:] == ["智利", "中非共和国", "中国"]


def test_the_english_states_page_keeps_the_un_alphabetical_order(client, ccm):
    rows = _row_headers(_states_page(client, "en"))

    assert rows == sorted(rows, key=names.un_alphabetical_key)
    assert rows.index("Costa Rica") < rows.index("Côte d'Ivoire") < rows.index("Croatia")


def test_the_arabic_page_is_right_to_left(client, ccm):
    page = _states_page(client, "ar")

    assert '<html lang="ar" dir="rtl">' in page
    assert ">ألمانيا</a>" in page


def test_a_left_to_right_page_has_no_dir(client, ccm):
    assert '<html lang="ru">' in _states_page(client, "ru")


def test_the_states_page_searches_the_readers_names(client, ccm):
    rows = _row_headers(_states_page(client, "fr", "on=2020-11-25&q=allem"))

    assert rows == ["Allemagne"]


def test_short_dates_are_unambiguous_in_french(client, ccm):
    # Germany deposited on 8 July 2009: Django's French abbreviation wrote "8 jui 2009",
    # which June shares.
    french = _states_page(client, "fr")
    english = _states_page(client, "en")

    assert "08/07/2009" in french
    assert "jui 2009" not in french.lower()
    assert "8 Jul 2009" in english


def test_the_state_page_is_named_in_the_readers_language(client, ccm):
    page = client.get("/ccm/states/DEU/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "<h1>Германия</h1>" in page


def test_a_french_states_page_runs_as_many_queries_as_an_english_one(
    client, ccm, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as english:
        _states_page(client, "en", "on=2020-11-25&obligation=clearance")
    with django_assert_num_queries(len(english.captured_queries)):
        _states_page(client, "fr", "on=2020-11-25&obligation=clearance")


def test_the_api_names_states_in_the_requests_language(client, ccm):
    french = client.get("/api/v1/ccm/states/DEU", HTTP_ACCEPT_LANGUAGE="fr").json()
    chinese = client.get("/api/v1/ccm/states/DEU", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    english = client.get("/api/v1/ccm/states/DEU").json()

    assert (french["name"], chinese["name"], english["name"]) == ("Allemagne", "德国", "Germany")


def test_the_api_list_is_sorted_in_the_requests_language(client, ccm):
    rows = client.get("/api/v1/ccm/states?limit=3", HTTP_ACCEPT_LANGUAGE="fr").json()

    items = rows["items"] if isinstance(rows, dict) else rows
    assert [row["name"] for row in items] == ["Afghanistan", "Afrique du Sud", "Albanie"]


def test_the_states_command_writes_names_in_the_language_asked(ccm):
    out = StringIO()
    call_command(
        "states", "--convention", "CCM", "--on", "2020-11-25", "--format", "csv",
        "--language", "es", stdout=out,
    )  # fmt: skip

    rows = {row["iso3"]: row["name"] for row in csv.DictReader(StringIO(out.getvalue()))}
    assert rows["DEU"] == "Alemania"
    assert rows["NLD"] == "Países Bajos (Reino de los)"


def test_a_state_without_a_name_in_a_language_is_named_in_english(ccm):
    state = State(iso3="XXA", name="Atlantis", names={"fr": "Atlantide"})

    assert [state.name_in(code) for code in ["fr", "es", "zh-hans", "en"]] == [
        "Atlantide",
        "Atlantis",
        "Atlantis",
        "Atlantis",
    ]


def test_every_state_has_its_m49_name_in_the_five_other_languages(ccm):
    incomplete = [
        state.iso3
        for state in State.objects.all()
        if sorted(state.names) != sorted(OTHER_LANGUAGES)
    ]

    assert incomplete == []
    assert State.objects.get(iso3="CIV").names["fr"] == "Côte d\u2019Ivoire"


def test_every_row_of_the_names_file_cites_the_m49_list_it_comes_from(ccm):
    path = settings.REFERENCE_DATA_DIR / "state_names.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    files = {"fr": "fr", "es": "es", "ar": "ar", "zh-hans": "cn", "ru": "ru"}
    uncited = [
        (row["iso3"], row["language"])
        for row in rows
        if "https://unstats.un.org/unsd/methodology/m49/overview/" not in row["source"]
        or f"{M49_COMMIT}/tmp/UNSD-{files[row['language']]}.csv" not in row["source"]  # noqa: S108 -- a path in a GitHub URL
    ]
    assert uncited == []
    assert len(rows) == 5 * State.objects.count()


def test_former_names_are_kept_per_language(ccm):
    macedonia = State.objects.get(iso3="MKD")

    with translation.override("fr"):
        before = selectors.names_on(on=date(2018, 11, 30), language="fr")[macedonia.pk]
        after = selectors.names_on(on=date(2019, 11, 30), language="fr")[macedonia.pk]

    assert (before, after) == ("ex-République yougoslave de Macédoine", "Macédoine du Nord")
    assert selectors.names_on(on=date(2018, 11, 30))[macedonia.pk] == (
        "The former Yugoslav Republic of Macedonia"
    )
    # The source keeps no former Arabic, Chinese or Russian name of Türkiye: the same name.
    assert sorted(
        FormerStateName.objects.filter(state__iso3="TUR").values_list("language", "name")
    ) == [("en", "Turkey"), ("es", "Turquía"), ("fr", "Turquie")]


def test_the_collation_keys_follow_pinyin_and_the_russian_alphabet():
    chinese = names.collation_key("zh-hans")
    russian = names.collation_key("ru")

    assert sorted(["中国", "德国", "阿富汗", "法国", "巴西"], key=chinese) == [
        "阿富汗",
        "巴西",
        "德国",
        "法国",
        "中国",
    ]
    assert sorted(["Чили", "Австрия", "Ёмкость", "Ямайка", "Ежи"], key=russian) == [
        "Австрия",
        "Ежи",
        "Ёмкость",
        "Чили",
        "Ямайка",
    ]
