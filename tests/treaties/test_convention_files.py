"""The convention files: read at start-up from PLENARY_CONVENTIONS_DIR, checked by treaties.E001."""

import shutil

from django.conf import settings
from django.core.checks import run_checks

from plenary.rules import conventions
from plenary.treaties.checks import convention_files


def _copy(tmp_path):
    for path in settings.PLENARY_CONVENTIONS_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_configured_directory_is_the_projects_data(ccm):
    assert settings.PLENARY_CONVENTIONS_DIR.name == "conventions"
    assert sorted(conventions.registry()) == ["APMBC", "CCM"]
    assert ccm.rules is conventions.get_ruleset("CCM")
    assert ccm.time_zone == "Europe/Zurich"


def test_the_check_passes_on_the_shipped_files():
    assert [error for error in run_checks() if error.id == "treaties.E001"] == []


def test_the_check_names_the_broken_file_key_and_rule(settings, tmp_path):
    directory = _copy(tmp_path)
    path = directory / "apmbc.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("period_years = 4", "period_years = four"),
        encoding="utf-8",
    )
    settings.PLENARY_CONVENTIONS_DIR = directory

    line = path.read_text(encoding="utf-8").splitlines().index("period_years = four") + 1

    errors = convention_files(None)

    assert [(error.id, error.msg) for error in errors] == [
        (
            "treaties.E001",
            f"{path}: (file): is not valid TOML: Invalid value (at line {line}, column 16)",
        )
    ]


def test_the_check_reports_a_rule_broken_in_a_valid_file(settings, tmp_path):
    directory = _copy(tmp_path)
    path = directory / "ccm.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'strategy = "first_day_of_nth_month_after_deposit"', 'strategy = "90_days"'
        ),
        encoding="utf-8",
    )
    settings.PLENARY_CONVENTIONS_DIR = directory

    errors = [error for error in run_checks() if error.id == "treaties.E001"]

    assert [error.msg for error in errors] == [
        f"{path}: entry_into_force.strategy: '90_days' is not one of "
        "first_day_of_nth_month_after_deposit, days_after_deposit, months_after_deposit"
    ]


def test_no_code_path_writes_out_a_time_zone():
    # The zone comes from the convention's secretariat; settings.TIME_ZONE may name one,
    # and rules.times quotes one as an example in its messages.
    allowed = {"settings.py", "times.py"}
    source = settings.BASE_DIR
    offenders = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if "migrations" not in path.parts
        and path.name not in allowed
        and "Europe/Zurich" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
