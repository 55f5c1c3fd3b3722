"""`plenary load_reference` loads every configured convention from its own directory."""

import shutil
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from plenary.documents.models import Document
from plenary.meetings.models import Meeting
from plenary.reference import conventions_with_data, load_reference
from plenary.treaties.models import Convention, Participation
from plenary.treaties.reference import ReferenceDataError
from tests.conftest import LOAD_DAY

FIXTURE = Path(__file__).parent / "reference_data"
SHARED = [
    "states.csv",
    "state_names.csv",
    "state_names_former.csv",
    "state_names_unterm.csv",
    "un_scale_names.csv",
    "un_scale_of_assessments.csv",
]


@pytest.fixture
def apmbc_data(tmp_path, settings) -> Path:
    """A data directory with the shared files and only a small APMBC directory."""
    settings.PLENARY_CONVENTIONS = ["CCM", "APMBC"]
    for name in SHARED:
        shutil.copy(settings.REFERENCE_DATA_DIR / name, tmp_path / name)
    shutil.copytree(FIXTURE / "apmbc", tmp_path / "apmbc")
    return tmp_path


def test_load_reference_loads_a_convention_from_its_directory(ccm, apmbc_data):
    lines = load_reference(today=LOAD_DAY, data_dir=apmbc_data).lines

    apmbc = Convention.objects.get(short_name="APMBC")
    ukraine = Participation.objects.get(convention=apmbc, state__iso3="UKR")
    assert (ukraine.signed_on, ukraine.deposited_on) == (date(1999, 2, 24), date(2005, 12, 27))
    assert ukraine.instrument == "ratification"
    assert lines[lines.index("APMBC (data/apmbc/):") :] == [
        "APMBC (data/apmbc/):",
        "Treaty registry: 1 participation, 0 obligations, 0 extensions added,"
        " 0 transparency reports added.",
        "Meetings: 1 added, 1 in all.",
        "Documents: 2 added, 0 already on record.",
    ]
    assert "CCM (data/ccm/):" not in lines
    meeting = Meeting.objects.get(convention=apmbc, code="TEST-APMBC-RC")
    assert sorted(Document.objects.filter(meeting=meeting).values_list("symbol", flat=True)) == [
        "APLC/CONF/2099/1",
        "APLC/CONF/2099/WP.1",
    ]


def test_a_second_load_of_a_convention_adds_nothing(ccm, apmbc_data):
    load_reference(today=LOAD_DAY, data_dir=apmbc_data)
    participations = Participation.history.count()

    lines = load_reference(today=LOAD_DAY, data_dir=apmbc_data).lines

    assert "Meetings: 0 added, 1 in all." in lines
    assert "Documents: 0 added, 2 already on record." in lines
    assert Participation.history.count() == participations


def test_a_file_absent_for_a_convention_is_skipped(ccm, apmbc_data):
    lines = load_reference(today=LOAD_DAY, data_dir=apmbc_data).lines

    # No finance.json, action plan, decisions or texts in the APMBC's directory.
    apmbc = lines[lines.index("APMBC (data/apmbc/):") :]
    assert not [line for line in apmbc if line.split(":")[0] in {"Finance", "Action plan"}]


def test_only_configured_conventions_with_a_directory_are_loaded(settings, apmbc_data):
    settings.PLENARY_CONVENTIONS = ["CCM", "APMBC"]
    assert [each.short_name for each in conventions_with_data(data_dir=apmbc_data)] == ["APMBC"]

    settings.PLENARY_CONVENTIONS = ["CCM"]
    assert conventions_with_data(data_dir=apmbc_data) == []


def test_one_convention_is_loaded_by_its_short_name_in_any_case(ccm):
    lines = load_reference(today=LOAD_DAY, convention="ccm").lines

    assert "CCM (data/ccm/):" in lines
    assert not [line for line in lines if line.startswith("APMBC")]


def test_an_unknown_convention_is_refused(ccm):
    with pytest.raises(ReferenceDataError, match="no convention 'CCW' is configured"):
        load_reference(today=LOAD_DAY, convention="CCW")


def test_the_command_loads_one_convention(ccm, settings, apmbc_data):
    settings.REFERENCE_DATA_DIR = apmbc_data
    out = StringIO()

    call_command("load_reference", "--convention", "APMBC", stdout=out)

    assert "APMBC (data/apmbc/):\n" in out.getvalue()
    assert Convention.objects.filter(short_name="APMBC").exists()
    with pytest.raises(CommandError, match="no convention 'XYZ' is configured"):
        call_command("load_reference", "--convention", "XYZ", stdout=StringIO())
