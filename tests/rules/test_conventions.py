import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from plenary.rules.conventions import APMBC, CCM, RULESETS, RuleSet, get_ruleset

SRC = Path(__file__).resolve().parents[2] / "src"


def test_ccm_dates_match_treaty():
    assert CCM.opened_for_signature == date(2008, 12, 3)
    assert CCM.entry_into_force == date(2010, 8, 1)
    assert CCM.instruments_for_entry_into_force == 30
    assert CCM.eif_months_after_deposit == 6


def test_ccm_obligations_match_treaty():
    assert (CCM.stockpile_article, CCM.stockpile_years) == ("3", 8)
    assert CCM.stockpile_extension_max_months == 48
    assert (CCM.clearance_article, CCM.clearance_years) == ("4", 10)
    assert CCM.clearance_extension_max_months == 60
    assert (CCM.transparency_article, CCM.initial_report_days) == ("7", 180)
    assert CCM.annual_report_due == (4, 30)


def test_apmbc_dates_match_treaty():
    assert APMBC.opened_for_signature == date(1997, 12, 3)
    assert APMBC.entry_into_force == date(1999, 3, 1)
    assert APMBC.instruments_for_entry_into_force == 40
    assert APMBC.eif_months_after_deposit == 6


def test_apmbc_obligations_match_treaty():
    assert (APMBC.stockpile_article, APMBC.stockpile_years) == ("4", 4)
    assert APMBC.stockpile_extension_max_months is None
    assert (APMBC.clearance_article, APMBC.clearance_years) == ("5", 10)
    assert APMBC.clearance_extension_max_months == 120
    assert (APMBC.transparency_article, APMBC.initial_report_days) == ("7", 180)
    assert APMBC.annual_report_due == (4, 30)


def test_ruleset_assignment_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CCM.stockpile_years = 9  # type: ignore[misc]


def test_rulesets_keyed_by_short_name():
    assert RULESETS == {"CCM": CCM, "APMBC": APMBC}
    assert all(key == ruleset.short_name for key, ruleset in RULESETS.items())


def test_get_ruleset_known_name_returns_instance():
    assert get_ruleset("CCM") is CCM
    assert get_ruleset("APMBC") is APMBC
    assert isinstance(get_ruleset("CCM"), RuleSet)


def test_get_ruleset_unknown_name_raises_key_error():
    with pytest.raises(KeyError, match=r"no rules for convention 'CWC'; known: APMBC, CCM"):
        get_ruleset("CWC")


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
