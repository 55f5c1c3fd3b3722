import csv
import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules.conventions import DEFAULT_DIRECTORY, load_file
from plenary.rules.errors import RuleError
from plenary.rules.symbols import (
    DEFAULT_SUB_BODIES,
    EXPECTED_SHAPE,
    SERIES,
    SUFFIX_KINDS,
    Symbol,
    next_in_series,
    parse,
    sort_key,
)

DOCUMENTS_CSV = Path(__file__).resolve().parents[2] / "data" / "ccm" / "documents.csv"

# The annex of CCM/CONF/2020/L.1, in its printed order.
ANNEX = [
    "CCM/CONF/2020/1",
    "CCM/CONF/2020/2",
    "CCM/CONF/2020/3",
    "CCM/CONF/2020/4",
    "CCM/CONF/2020/5",
    "CCM/CONF/2020/6",
    "CCM/CONF/2020/7",
    "CCM/CONF/2020/8",
    "CCM/CONF/2020/9",
    "CCM/CONF/2020/10",
    "CCM/CONF/2020/11",
    "CCM/CONF/2020/12",
    "CCM/CONF/2020/13",
    "CCM/CONF/2020/14",
    "CCM/CONF/2020/15",
    "CCM/CONF/2020/16",
    "CCM/CONF/2020/L.1",
    "CCM/CONF/2020/WP.1",
    "CCM/CONF/2020/WP.2",
    "CCM/CONF/2020/WP.3",
    "CCM/CONF/2020/CRP.1",
    "CCM/CONF/2020/CRP.2",
    "CCM/CONF/2020/CRP.3",
    "CCM/CONF/2020/CRP.4",
    "CCM/CONF/2020/CRP.5",
    "CCM/CONF/2020/CRP.6",
    "CCM/CONF/2020/CRP.7",
    "CCM/CONF/2020/CRP.8",
    "CCM/CONF/2020/INF.1",
    "CCM/CONF/2020/MISC.1",
]


def test_expected_shape_names_every_form():
    assert EXPECTED_SHAPE == (
        "ROOT/BODY/YEAR/N or ROOT/BODY/YEAR/SERIES.N with SERIES one of L, WP, CRP, INF, MISC, "
        "followed by any of /Rev.N, /Corr.N, /Add.N (e.g. CCM/CONF/2020/CRP.8/Rev.1)"
    )


def test_annex_has_thirty_distinct_symbols():
    assert len(ANNEX) == 30
    assert len(set(ANNEX)) == 30


@pytest.mark.parametrize("text", ANNEX)
def test_parse_annex_symbol_round_trips(text):
    symbol = parse(text)
    assert str(symbol) == text
    assert parse(str(symbol)) == symbol


def test_parse_main_series_fields():
    assert parse("CCM/CONF/2020/16") == Symbol(
        root="CCM", body="CONF", year=2020, series="", number=16, suffixes=()
    )


def test_parse_rules_of_procedure_of_2010():
    assert parse("CCM/MSP/2010/3") == Symbol(root="CCM", body="MSP", year=2010, series="", number=3)


def test_parse_working_paper_fields():
    assert parse("CCM/MSP/2019/WP.4") == Symbol(
        root="CCM", body="MSP", year=2019, series="WP", number=4
    )


def test_parse_revision_fields():
    symbol = parse("CCM/CONF/2020/CRP.8/Rev.1")
    assert (symbol.series, symbol.number, symbol.suffixes) == ("CRP", 8, (("Rev", 1),))


def test_parse_suffix_sequence_keeps_order():
    symbol = parse("CCM/CONF/2020/2/Add.1/Corr.1")
    assert symbol.suffixes == (("Add", 1), ("Corr", 1))
    assert str(symbol) == "CCM/CONF/2020/2/Add.1/Corr.1"


def test_parse_other_convention_root():
    symbol = parse("APLC/MSP/2019/L.3")
    assert (symbol.root, symbol.body, symbol.meeting_root) == ("APLC", "MSP", "APLC/MSP/2019")


def test_symbol_meeting_root_and_base():
    symbol = parse("CCM/CONF/2020/CRP.8/Rev.1")
    assert symbol.meeting_root == "CCM/CONF/2020"
    assert symbol.base == parse("CCM/CONF/2020/CRP.8")
    assert str(symbol.base) == "CCM/CONF/2020/CRP.8"


def test_symbol_assignment_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse("CCM/CONF/2020/1").number = 2  # type: ignore[misc]


def _message(text, problem):
    return f"{text!r}: {problem}; expected {EXPECTED_SHAPE}"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no symbol given"),
        ("CCM/CONF/2020/ 1", "spaces or other whitespace are not allowed"),
        (" CCM/CONF/2020/1", "spaces or other whitespace are not allowed"),
        ("CCM/CONF/2020/1/", "empty part between slashes (a doubled, leading or trailing slash)"),
        ("CCM//2020/1", "empty part between slashes (a doubled, leading or trailing slash)"),
        ("CCM/CONF/2020", "no document number after ROOT/BODY/YEAR"),
        (
            "ccm/CONF/2020/1",
            "root 'ccm' must be capital letters and digits, starting with a letter",
        ),
        (
            "CCM/Conf/2020/1",
            "body 'Conf' must be capital letters and digits, starting with a letter",
        ),
        ("CCM/CONF/20/1", "year '20' must be four digits, from 1000"),
        ("CCM/CONF/2020/0", "number '0' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/01", "number '01' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/WP.04", "number '04' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/WP.0", "number '0' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/L.", "number '' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/wp.4", "series 'wp' is not one of L, WP, CRP, INF, MISC"),
        ("CCM/CONF/2020/NV.1", "series 'NV' is not one of L, WP, CRP, INF, MISC"),
        ("CCM/CONF/2020/PM.1", "series 'PM' is not one of L, WP, CRP, INF, MISC"),
        (
            "CCM/CONF/2015/PM.01/2",
            "number '01' must be a whole number from 1, without leading zeros",
        ),
        ("APLC/MSP.0/2023/1", "number '0' must be a whole number from 1, without leading zeros"),
        ("CCM/CONF/2020/1/rev.1", "suffix 'rev.1' is not one of Rev.N, Corr.N, Add.N"),
        ("CCM/CONF/2020/1/Rev1", "suffix 'Rev1' is not one of Rev.N, Corr.N, Add.N"),
        ("CCM/MSP/2011/WP.3/Amend.1", "suffix 'Amend.1' is not one of Rev.N, Corr.N, Add.N"),
        (
            "CCM/CONF/2020/CRP.8/Rev.01",
            "number '01' must be a whole number from 1, without leading zeros",
        ),
    ],
)
def test_parse_invalid_symbol_raises_rule_error(text, problem):
    with pytest.raises(RuleError) as excinfo:
        parse(text)
    assert excinfo.value.field == "symbol"
    assert excinfo.value.message == _message(text, problem)


def test_parse_wp_with_leading_zero_exact_message():
    with pytest.raises(RuleError) as excinfo:
        parse("CCM/CONF/2020/WP.04")
    assert str(excinfo.value) == (
        "symbol: 'CCM/CONF/2020/WP.04': number '04' must be a whole number from 1, without "
        "leading zeros; expected ROOT/BODY/YEAR/N or ROOT/BODY/YEAR/SERIES.N with SERIES one "
        "of L, WP, CRP, INF, MISC, followed by any of /Rev.N, /Corr.N, /Add.N "
        "(e.g. CCM/CONF/2020/CRP.8/Rev.1)"
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"number": 0},
            "number",
            "number '0' must be a whole number from 1, without leading zeros",
        ),
        ({"year": 20}, "year", "year '20' must be four digits, from 1000"),
        ({"series": "PM"}, "series", "series 'PM' is not one of L, WP, CRP, INF, MISC"),
        (
            {"root": "ccm"},
            "root",
            "root 'ccm' must be capital letters and digits, starting with a letter",
        ),
        (
            {"suffixes": (("Amend", 1),)},
            "suffixes",
            "suffix 'Amend.1' is not one of Rev.N, Corr.N, Add.N",
        ),
    ],
)
def test_symbol_invalid_field_raises_rule_error(fields, field, message):
    values = {"root": "CCM", "body": "CONF", "year": 2020, "series": "", "number": 1} | fields
    with pytest.raises(RuleError) as excinfo:
        Symbol(**values)
    assert (excinfo.value.field, excinfo.value.message) == (field, message)


codes = st.from_regex(r"[A-Z][A-Z0-9]{0,5}", fullmatch=True)
numbers = st.integers(min_value=1, max_value=10_000)
symbols = st.builds(
    Symbol,
    root=codes,
    body=codes,
    year=st.integers(min_value=1000, max_value=9999),
    series=st.sampled_from(SERIES),
    number=numbers,
    suffixes=st.lists(st.tuples(st.sampled_from(SUFFIX_KINDS), numbers), max_size=3).map(tuple),
    body_number=st.none() | numbers,
    sub_body=st.none() | st.tuples(st.sampled_from(DEFAULT_SUB_BODIES), numbers),
)
CCM = load_file(DEFAULT_DIRECTORY / "ccm.toml").symbols
APLC = load_file(DEFAULT_DIRECTORY / "apmbc.toml").symbols


def _of_scheme(scheme):
    return st.builds(
        Symbol,
        root=st.just(scheme.root),
        body=st.sampled_from(scheme.bodies),
        year=st.integers(min_value=1000, max_value=9999),
        series=st.sampled_from(("", *scheme.series)),
        number=numbers,
        suffixes=st.lists(st.tuples(st.sampled_from(scheme.suffixes), numbers), max_size=3).map(
            tuple
        ),
        sub_body=st.none()
        | (
            st.tuples(st.sampled_from(scheme.sub_bodies), numbers)
            if scheme.sub_bodies
            else st.none()
        ),
    ).map(
        lambda symbol: (
            symbol
            if symbol.body not in scheme.numbered_bodies
            else dataclasses.replace(symbol, body_number=symbol.number)
        )
    )


@pytest.mark.parametrize("scheme", [CCM, APLC], ids=["CCM", "APLC"])
@given(data=st.data())
def test_parse_str_of_any_symbol_of_a_scheme_round_trips(scheme, data):
    symbol = data.draw(_of_scheme(scheme))
    assert parse(str(symbol), scheme=scheme) == symbol


@pytest.mark.parametrize(
    ("text", "scheme", "fields"),
    [
        ("APLC/MSP.21/2023/WP.1", APLC, {"body": "MSP", "body_number": 21, "series": "WP"}),
        ("APLC/MSP.21/2023/1", APLC, {"body": "MSP", "body_number": 21, "number": 1}),
        ("APLC/CONF/2019/5", APLC, {"body": "CONF", "body_number": None, "number": 5}),
        ("CCM/CONF/2015/PM.1/2", CCM, {"sub_body": ("PM", 1), "series": "", "number": 2}),
        ("CCM/CONF/2015/PM.2/WP.1/Rev.1", CCM, {"sub_body": ("PM", 2), "suffixes": (("Rev", 1),)}),
    ],
)
def test_parse_scheme_symbols(text, scheme, fields):
    symbol = parse(text, scheme=scheme)
    assert {key: getattr(symbol, key) for key in fields} == fields
    assert str(symbol) == text
    assert parse(text) == symbol


def test_meeting_root_keeps_session_and_sub_body():
    assert parse("APLC/MSP.21/2023/WP.1").meeting_root == "APLC/MSP.21/2023"
    assert parse("CCM/CONF/2015/PM.1/2").meeting_root == "CCM/CONF/2015/PM.1"


@pytest.mark.parametrize(
    ("text", "scheme", "problem"),
    [
        ("APLC/MSP.21/2023/1", CCM, "root 'APLC' is not this convention's root 'CCM'"),
        ("CCM/MSP.9/2019/1", CCM, "body 'MSP.9' takes no session number here"),
        ("CCM/RC/2019/1", CCM, "body 'RC' is not one of CONF, MSP"),
        ("APLC/CONF/2019/PM.1/2", APLC, "series 'PM' is not one of L, WP, CRP, INF, MISC"),
    ],
)
def test_parse_outside_scheme_raises_rule_error(text, scheme, problem):
    with pytest.raises(RuleError) as excinfo:
        parse(text, scheme=scheme)
    assert excinfo.value.message == _message(text, problem)


def test_next_in_series_under_numbered_body_and_sub_body():
    taken = ["APLC/MSP.21/2023/WP.1", "APLC/MSP.20/2022/WP.9"]
    assert str(next_in_series(meeting_root="APLC/MSP.21/2023", series="WP", taken=taken)) == (
        "APLC/MSP.21/2023/WP.2"
    )
    assert (
        str(
            next_in_series(
                meeting_root="CCM/CONF/2015/PM.1",
                series="",
                taken=["CCM/CONF/2015/PM.1/2"],
                scheme=CCM,
            )
        )
        == "CCM/CONF/2015/PM.1/3"
    )


def test_sort_key_orders_sessions_and_sub_bodies():
    expected = [
        "APLC/MSP.2/2000/1",
        "APLC/MSP.10/2010/1",
        "CCM/CONF/2015/1",
        "CCM/CONF/2015/PM.1/1",
        "CCM/CONF/2015/PM.2/1",
    ]
    assert sorted(reversed(expected), key=sort_key) == expected


@given(symbols)
def test_parse_str_of_any_symbol_round_trips(symbol):
    assert parse(str(symbol)) == symbol


@given(symbols)
def test_sort_key_of_text_equals_sort_key_of_symbol(symbol):
    assert sort_key(str(symbol)) == sort_key(symbol)


def test_sort_key_orders_annex_after_shuffle():
    shuffled = ANNEX.copy()
    random.Random(2020).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ANNEX


def test_sort_key_puts_revision_after_its_original():
    expected = [
        "CCM/CONF/2020/1",
        "CCM/CONF/2020/2",
        "CCM/CONF/2020/10",
        "CCM/CONF/2020/16",
        "CCM/CONF/2020/L.1",
        "CCM/CONF/2020/WP.1",
        "CCM/CONF/2020/WP.2",
        "CCM/CONF/2020/CRP.1",
        "CCM/CONF/2020/CRP.8",
        "CCM/CONF/2020/CRP.8/Rev.1",
        "CCM/CONF/2020/INF.1",
        "CCM/CONF/2020/MISC.1",
    ]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_sort_key_orders_suffixes_by_kind_then_number():
    expected = [
        "CCM/CONF/2020/2",
        "CCM/CONF/2020/2/Rev.1",
        "CCM/CONF/2020/2/Rev.1/Corr.1",
        "CCM/CONF/2020/2/Rev.2",
        "CCM/CONF/2020/2/Rev.10",
        "CCM/CONF/2020/2/Corr.1",
        "CCM/CONF/2020/2/Add.1",
        "CCM/CONF/2020/2/Add.1/Corr.1",
        "CCM/CONF/2020/3",
    ]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_sort_key_groups_by_meeting_root():
    expected = ["CCM/CONF/2020/WP.1", "CCM/MSP/2010/3", "CCM/MSP/2019/1"]
    assert sorted(reversed(expected), key=sort_key) == expected


def test_next_in_series_none_taken_is_one():
    assert next_in_series(meeting_root="CCM/CONF/2020", series="WP", taken=[]) == parse(
        "CCM/CONF/2020/WP.1"
    )


def test_next_in_series_annex_gives_next_numbers():
    def next_of(series):
        return str(next_in_series(meeting_root="CCM/CONF/2020", series=series, taken=ANNEX))

    assert next_of("") == "CCM/CONF/2020/17"
    assert next_of("L") == "CCM/CONF/2020/L.2"
    assert next_of("WP") == "CCM/CONF/2020/WP.4"
    assert next_of("CRP") == "CCM/CONF/2020/CRP.9"
    assert next_of("INF") == "CCM/CONF/2020/INF.2"
    assert next_of("MISC") == "CCM/CONF/2020/MISC.2"


def test_next_in_series_revision_counts_as_its_original():
    taken = ["CCM/CONF/2020/CRP.8/Rev.1", parse("CCM/CONF/2020/CRP.2/Rev.3")]
    assert str(next_in_series(meeting_root="CCM/CONF/2020", series="CRP", taken=taken)) == (
        "CCM/CONF/2020/CRP.9"
    )


def test_next_in_series_ignores_other_meetings_and_series():
    taken = ["CCM/MSP/2019/WP.7", "CCM/CONF/2015/WP.5", "APLC/CONF/2020/WP.6", "CCM/CONF/2020/9"]
    assert str(next_in_series(meeting_root="CCM/CONF/2020", series="WP", taken=taken)) == (
        "CCM/CONF/2020/WP.1"
    )


def test_next_in_series_uses_highest_not_count():
    taken = ["CCM/MSP/2019/3"]
    assert str(next_in_series(meeting_root="CCM/MSP/2019", series="", taken=taken)) == (
        "CCM/MSP/2019/4"
    )


@pytest.mark.parametrize("meeting_root", ["CCM/CONF", "CCM/CONF/2020/", "ccm/CONF/2020", ""])
def test_next_in_series_invalid_meeting_root_raises_rule_error(meeting_root):
    with pytest.raises(RuleError) as excinfo:
        next_in_series(meeting_root=meeting_root, series="WP", taken=[])
    assert excinfo.value.field == "meeting_root"
    assert excinfo.value.message == f"{meeting_root!r} is not ROOT/BODY/YEAR (e.g. CCM/CONF/2020)"


@pytest.mark.parametrize("series", ["wp", "PM", "WP.1"])
def test_next_in_series_unknown_series_raises_rule_error(series):
    with pytest.raises(RuleError) as excinfo:
        next_in_series(meeting_root="CCM/CONF/2020", series=series, taken=[])
    assert excinfo.value.field == "series"
    assert excinfo.value.message == (
        f"{series!r} is not one of '' (the main series), L, WP, CRP, INF, MISC"
    )


def test_next_in_series_invalid_taken_symbol_raises_rule_error():
    with pytest.raises(RuleError) as excinfo:
        next_in_series(meeting_root="CCM/CONF/2020", series="WP", taken=["CCM/CONF/2020/WP.04"])
    assert excinfo.value.field == "symbol"


def test_next_in_series_takes_keywords_only():
    with pytest.raises(TypeError):
        next_in_series("CCM/CONF/2020", "WP", [])  # type: ignore[misc]


def test_documents_csv_symbols_are_the_annex_in_order():
    with DOCUMENTS_CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [row["symbol"] for row in rows] == ANNEX
    assert all(parse(row["symbol"]).meeting_root == row["meeting_root"] for row in rows)
    assert sorted((row["symbol"] for row in rows), key=sort_key) == ANNEX


def test_a_document_of_the_l_series_is_of_limited_distribution():
    assert parse("CCM/CONF/2020/L.1").limited
    assert parse("CCM/CONF/2020/L.1/Rev.1").limited
    assert not parse("CCM/CONF/2020/CRP.8").limited
    assert not parse("CCM/CONF/2020/7").limited
