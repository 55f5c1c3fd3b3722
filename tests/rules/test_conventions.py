import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import entry_into_force
from plenary.rules.conventions import (
    DEFAULT_DIRECTORY,
    OBLIGATION_KINDS,
    ConventionFileError,
    RuleSet,
    check_directory,
    get_ruleset,
    load_directory,
    load_file,
)
from plenary.rules.months import add_months

SRC = Path(__file__).resolve().parents[2] / "src"
CCM = load_file(DEFAULT_DIRECTORY / "ccm.toml")
APMBC = load_file(DEFAULT_DIRECTORY / "apmbc.toml")


def test_ccm_dates_match_treaty():
    assert CCM.opened_for_signature == date(2008, 12, 3)
    assert CCM.entry_into_force == date(2010, 8, 1)
    assert CCM.instruments_for_entry_into_force == 30
    assert (CCM.eif.strategy, CCM.eif.parameters) == (
        "first_day_of_nth_month_after_deposit",
        (("n", 6),),
    )


def _obligations(rules):
    return [
        (
            rule.kind,
            rule.article,
            rule.starts_from,
            rule.period_years,
            rule.period_days,
            rule.due_each_year,
            rule.max_extension_months,
        )
        for rule in rules.obligations
    ]


def test_ccm_obligations_match_treaty():
    assert _obligations(CCM) == [
        ("stockpile_destruction", "3", ("entry_into_force",), 8, None, None, 48),
        (
            "clearance",
            "4",
            ("entry_into_force", "end_of_active_hostilities"),
            10,
            None,
            None,
            60,
        ),
        ("initial_report", "7", ("entry_into_force",), None, 180, None, None),
        ("annual_report", "7", ("entry_into_force",), None, None, (4, 30), None),
    ]
    assert (CCM.transparency_article, CCM.initial_report_days) == ("7", 180)
    assert CCM.annual_report_due == (4, 30)


def test_apmbc_dates_match_treaty():
    assert APMBC.opened_for_signature == date(1997, 12, 3)
    assert APMBC.entry_into_force == date(1999, 3, 1)
    assert APMBC.instruments_for_entry_into_force == 40
    assert APMBC.eif.parameters == (("n", 6),)


def test_apmbc_obligations_match_treaty():
    assert _obligations(APMBC) == [
        ("stockpile_destruction", "4", ("entry_into_force",), 4, None, None, None),
        ("clearance", "5", ("entry_into_force",), 10, None, None, 120),
        ("initial_report", "7", ("entry_into_force",), None, 180, None, None),
        ("annual_report", "7", ("entry_into_force",), None, None, (4, 30), None),
    ]


def test_files_name_their_conventions():
    assert CCM.name == "Convention on Cluster Munitions"
    assert APMBC.names_in("en").short == "Anti-Personnel Mine Ban Convention"
    assert APMBC.names_in("fr").short == "Convention sur l'interdiction des mines antipersonnel"
    assert APMBC.names_in("zh-hans").short == "禁止杀伤人员地雷公约"
    assert (CCM.symbol_root, APMBC.symbol_root) == ("CCM", "APLC")
    assert CCM.depositary.name == APMBC.depositary.name == "Secretary-General of the United Nations"


def test_names_are_read_by_the_site_language_code(tmp_path):
    """The file keys a language without region or script ("zh"); the site asks "zh-hans"
    or "fr-ch". Where the file gives no name in a language, `names_given_in` says so and
    `names_in` answers English."""
    assert CCM.names_given_in("zh-hans").full == "集束弹药公约"
    assert CCM.names_given_in("fr-ch").full == "Convention sur les armes à sous-munitions"
    only_english = _english_names_only(tmp_path)
    assert only_english.names_given_in("fr") is None
    assert only_english.names_in("fr") == only_english.names_in("en")


def _english_names_only(tmp_path) -> RuleSet:
    """The CCM's file with its names in English only."""
    kept, skipping = [], False
    for line in DEFAULT_DIRECTORY.joinpath("ccm.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            skipping = line.startswith("[names.") and line != "[names.en]"
        if not skipping:
            kept.append(line)
    path = tmp_path / "only" / "ccm.toml"
    path.parent.mkdir()
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return load_file(path)


@pytest.mark.parametrize("rules", [CCM, APMBC], ids=["CCM", "APMBC"])
def test_labels_are_every_text_a_reader_sees_but_the_names(rules):
    """What the catalogue must translate: the file's own wording, each text once, keyed by
    where it is; the sourced names are not among them."""
    labels = dict(rules.labels())
    assert labels["depositary.name"] == "Secretary-General of the United Nations"
    assert labels["secretariat.address"] == rules.secretariat.address
    titles = [text for key, text in rules.labels() if key.startswith("obligations[")]
    assert titles == [rule.title for rule in rules.obligations]
    kinds = [text for key, text in rules.labels() if key.startswith("meeting_kinds[")]
    assert kinds == [kind.name for kind in rules.meeting_kinds]
    texts = [text for _key, text in rules.labels()]
    assert len(texts) == len(set(texts))
    assert not {names.full for _language, names in rules.names} & set(texts)
    assert rules.label_context == f"{rules.short_name} convention file"


def test_secretariat_seat_gives_the_time_zone():
    assert CCM.time_zone == APMBC.time_zone == "Europe/Zurich"
    assert CCM.secretariat.email == "ccm@un.org"


def test_finance_settings_as_before():
    for rules in (CCM, APMBC):
        assert (rules.cost_shared_by, rules.rate_without_un_rate, rules.accepted_currencies) == (
            "all_states_parties",
            "scale_minimum",
            ("USD",),
        )


def test_every_fact_has_a_source():
    for rules in (CCM, APMBC):
        sections = [rules, rules.depositary, rules.secretariat, rules.eif, rules.reporting]
        sections += [rules.symbols, rules.finance, *rules.obligations, *rules.meeting_kinds]
        sections += [*rules.participant_categories, *(names for _, names in rules.names)]
        assert all(section.source for section in sections)


def test_ruleset_assignment_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CCM.short_name = "CWC"  # type: ignore[misc]


def test_load_directory_keys_by_short_name():
    conventions = load_directory(DEFAULT_DIRECTORY)
    assert sorted(conventions) == ["APMBC", "CCM"]
    assert conventions["CCM"] == CCM


def test_get_ruleset_known_name_returns_instance():
    assert get_ruleset("CCM") == CCM
    assert get_ruleset("apmbc") == APMBC
    assert isinstance(get_ruleset("CCM"), RuleSet)


def test_get_ruleset_unknown_name_raises_key_error():
    with pytest.raises(KeyError, match=r"no rules for convention 'CWC'; known: APMBC, CCM"):
        get_ruleset("CWC")


def test_obligation_unknown_kind_raises_key_error():
    with pytest.raises(KeyError, match="the CCM has no obligation 'victim_assistance'"):
        CCM.obligation("victim_assistance")


def _broken(tmp_path, old, new, name="ccm.toml"):
    text = (DEFAULT_DIRECTORY / "ccm.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key", "rule"),
    [
        (
            'strategy = "first_day_of_nth_month_after_deposit"',
            'strategy = "sixth_month"',
            "entry_into_force.strategy",
            "'sixth_month' is not one of first_day_of_nth_month_after_deposit, "
            "days_after_deposit, months_after_deposit",
        ),
        (
            "parameters = { n = 6 }",
            "parameters = { days = 90 }",
            "entry_into_force.parameters",
            "strategy 'first_day_of_nth_month_after_deposit' takes exactly: n",
        ),
        (
            "parameters = { n = 6 }",
            "parameters = { n = 0 }",
            "entry_into_force.parameters.n",
            "a whole number from 1 is required",
        ),
        (
            'kind = "clearance"',
            'kind = "demining"',
            "obligations[1].kind",
            "'demining' is not one of stockpile_destruction, clearance, initial_report, "
            "annual_report",
        ),
        (
            'kind = "clearance"',
            'kind = "stockpile_destruction"',
            "obligations[1].kind",
            "'stockpile_destruction' is given twice",
        ),
        (
            "period_years = 8\n",
            "period_years = 8\nperiod_days = 3\n",
            "obligations[0].period_years",
            "exactly one of period_years, period_days, due_each_year is required",
        ),
        (
            'due_each_year = "04-30"',
            'due_each_year = "02-30"',
            "obligations[3].due_each_year",
            'a day of the year as "MM-DD" (e.g. "04-30") is required',
        ),
        (
            'time_zone = "Europe/Zurich"',
            'time_zone = "Europe/Geneva"',
            "secretariat.time_zone",
            "'Europe/Geneva' is not an IANA time zone",
        ),
        (
            "date = 2010-08-01",
            'date = "1 August 2010"',
            "entry_into_force.date",
            "a date (YYYY-MM-DD, unquoted) is required",
        ),
        (
            '[names.en]\nfull = "Convention on Cluster Munitions"',
            '[names.en]\nfull = ""',
            "names.en.full",
            "a non-empty string is required",
        ),
        (
            "numbered_bodies = []",
            'numbered_bodies = ["PM"]',
            "symbols.numbered_bodies",
            "'PM' is not one of CONF, MSP",
        ),
        (
            'accepted_currencies = ["USD"]',
            'accepted_currencies = ["dollars"]',
            "finance.accepted_currencies",
            "'dollars' is not an ISO 4217 code (e.g. USD)",
        ),
        (
            'cost_shared_by = "all_states_parties"',
            'cost_shared_by = "everyone"',
            "finance.cost_shared_by",
            "'everyone' is not one of all_states_parties, attending_states_parties",
        ),
        (
            'slug = "ccm"',
            'slug = "ccm"\nsulg = "x"',
            "sulg",
            "unknown key; known: decisions, depositary, entry_into_force, finance, meeting_kinds,"
            " names, obligations, participant_categories, provisional_application, record,"
            " reporting, secretariat, short_name, slug, source, symbols, withdrawal",
        ),
        ('slug = "ccm"', 'slug = "cluster"', "slug", "must be the short name in lower case, 'ccm'"),
        (
            'slug = "ccm"',
            'slug = "ccm',
            "(file)",
            "is not valid TOML: Illegal character '\\n' (at line 5, column 12)",
        ),
    ],
)
def test_load_file_broken_names_file_key_and_rule(tmp_path, old, new, key, rule):
    path = _broken(tmp_path, old, new)
    with pytest.raises(ConventionFileError) as excinfo:
        load_file(path)
    assert (excinfo.value.path, excinfo.value.key, excinfo.value.rule) == (path, key, rule)
    assert str(excinfo.value) == f"{path}: {key}: {rule}"


def test_load_file_named_after_another_slug_refused(tmp_path):
    path = _broken(tmp_path, 'slug = "ccm"', 'slug = "ccm"', name="cluster.toml")
    with pytest.raises(
        ConventionFileError, match=r"cluster\.toml: slug: the file must be named ccm\.toml"
    ):
        load_file(path)


def test_check_directory_reports_each_broken_file(tmp_path):
    (tmp_path / "apmbc.toml").write_text(
        (DEFAULT_DIRECTORY / "apmbc.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _broken(tmp_path, "instruments = 30", "instruments = -30")
    errors = check_directory(tmp_path)
    assert [str(error) for error in errors] == [
        f"{tmp_path / 'ccm.toml'}: entry_into_force.instruments: a whole number from 1 is required"
    ]
    assert check_directory(DEFAULT_DIRECTORY) == []


def test_check_directory_empty_reported(tmp_path):
    assert [str(error) for error in check_directory(tmp_path)] == [
        f"{tmp_path}: (directory): holds no convention file (*.toml)"
    ]


def test_every_obligation_kind_is_configured_for_both():
    for rules in (CCM, APMBC):
        assert tuple(rule.kind for rule in rules.obligations) == OBLIGATION_KINDS


# Entry-into-force strategies, by name

deposits = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@given(deposited_on=deposits, n=st.integers(min_value=1, max_value=24))
def test_first_day_of_nth_month_after_deposit_any_deposit(deposited_on, n):
    result = entry_into_force.apply("first_day_of_nth_month_after_deposit", {"n": n}, deposited_on)
    assert result.day == 1
    months = (result.year - deposited_on.year) * 12 + result.month - deposited_on.month
    assert months == n


@given(deposited_on=deposits, days=st.integers(min_value=1, max_value=400))
def test_days_after_deposit_any_deposit(deposited_on, days):
    result = entry_into_force.apply("days_after_deposit", {"days": days}, deposited_on)
    assert (result - deposited_on).days == days


@given(deposited_on=deposits, months=st.integers(min_value=1, max_value=24))
def test_months_after_deposit_any_deposit(deposited_on, months):
    result = entry_into_force.apply("months_after_deposit", {"months": months}, deposited_on)
    assert result == add_months(deposited_on, months)
    assert result.day <= deposited_on.day


def test_strategies_match_their_treaties():
    # ATT Article 22.2: the ninetieth day following the deposit; CCW Article 5.3: six months.
    assert entry_into_force.apply("days_after_deposit", {"days": 90}, date(2014, 9, 25)) == date(
        2014, 12, 24
    )
    assert entry_into_force.apply("months_after_deposit", {"months": 6}, date(1995, 8, 31)) == date(
        1996, 2, 29
    )
    assert entry_into_force.apply(
        "first_day_of_nth_month_after_deposit", {"n": 6}, date(2005, 12, 27)
    ) == date(2006, 6, 1)


def test_rules_package_import_loads_no_django():
    code = (
        "import sys\n"
        "import plenary.rules, plenary.rules.conventions, plenary.rules.deadlines\n"
        "import plenary.rules.errors, plenary.rules.months\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_rules_package_source_mentions_no_django_import():
    for module in (SRC / "plenary" / "rules").glob("*.py"):
        text = module.read_text()
        assert "import django" not in text, module
        assert "from django" not in text, module


def test_a_cut_off_before_the_deciding_meeting_is_read_with_its_source(tmp_path):
    path = tmp_path / "ccm.toml"
    source = (DEFAULT_DIRECTORY / "ccm.toml").read_text(encoding="utf-8")
    path.write_text(source + "\n[decisions]\nextension_request_before_meeting_days = 90\n")
    with pytest.raises(ConventionFileError, match=r"decisions\.source: a non-empty string"):
        load_file(path)

    path.write_text(
        source + '\n[decisions]\nextension_request_before_meeting_days = 90\nsource = "d"\n'
    )
    rules = load_file(path)
    assert (rules.extension_request_before_meeting_days, rules.decisions_source) == (90, "d")
    assert rules.minimum_silence_hours is None
