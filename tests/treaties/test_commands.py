import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_states_json_has_exactly_the_documented_keys(ccm):
    rows = json.loads(run("states", "--on", "2020-11-25", "--format", "json"))

    peru = next(row for row in rows if row["iso3"] == "PER")
    assert peru == {
        "name": "Peru",
        "iso3": "PER",
        "status": "state_party",
        "signature": "2008-12-03",
        "deposit": "2012-09-26",
        "instrument": "ratification",
        "entry_into_force": "2013-03-01",
    }
    angola = next(row for row in rows if row["iso3"] == "AGO")
    assert angola["status"] == "signatory"
    assert (angola["deposit"], angola["instrument"], angola["entry_into_force"]) == (
        None,
        None,
        None,
    )


def test_obligations_json_has_exactly_the_documented_keys(ccm):
    rows = json.loads(run("obligations", "--on", "2020-11-25", "--format", "json"))

    assert {
        "state": "Lebanon",
        "iso3": "LBN",
        "article": 4,
        "obligation": "clearance",
        "original_deadline": "2021-05-01",
        "current_deadline": "2021-05-01",
        "status": "pending",
    } in rows
    assert all(
        set(row)
        == {
            "state",
            "iso3",
            "article",
            "obligation",
            "original_deadline",
            "current_deadline",
            "status",
        }
        for row in rows
    )


def test_states_csv_has_a_header_and_one_line_per_state(ccm):
    lines = run("states", "--on", "2020-11-25", "--format", "csv").splitlines()

    assert lines[0] == "name,iso3,status,signature,deposit,instrument,entry_into_force"
    assert "Peru,PER,state_party,2008-12-03,2012-09-26,ratification,2013-03-01" in lines


def test_the_default_table_is_readable(ccm):
    table = run("obligations", "--on", "2020-11-25", "--state", "PER", "--article", "3")

    assert table.splitlines()[0].split() == [
        "state",
        "iso3",
        "article",
        "obligation",
        "original_deadline",
        "current_deadline",
        "status",
    ]
    assert table.splitlines()[1].split() == [
        "Peru",
        "PER",
        "3",
        "stockpile_destruction",
        "2021-03-01",
        "2021-03-01",
        "pending",
    ]
    assert table.splitlines()[-1] == "(1 row)"


def test_a_date_that_is_not_a_date_is_a_clear_error(ccm):
    with pytest.raises(
        CommandError, match=r"--on: '2020-13-45' is not a date; write it as YYYY-MM-DD"
    ):
        run("states", "--on", "2020-13-45")


def test_an_unknown_state_is_a_clear_error(ccm):
    with pytest.raises(CommandError, match=r"--state: no State has the ISO 3166 code 'XYZ'"):
        run("obligations", "--state", "XYZ")


def test_deposit_command_records_and_states_lists_it_deposited(ccm, secretariat):
    out = run(
        "deposit",
        "KEN",
        "--instrument",
        "ratification",
        "--on",
        "2026-11-20",
        "--notification",
        "C.N.100.2026.TREATIES-XXVI.6",
        "--by",
        "secretariat",
    )
    assert out == "Kenya: deposited 2026-11-20, in force from 2027-05-01\n"
    rows = json.loads(
        run("states", "--on", "2027-04-30", "--status", "deposited", "--format", "json")
    )
    assert [row["iso3"] for row in rows] == ["KEN"]


def test_deposit_command_refuses_accession_for_a_signatory(ccm, secretariat):
    with pytest.raises(CommandError) as error:
        run(
            "deposit",
            "KEN",
            "--instrument",
            "accession",
            "--on",
            "2026-11-20",
            "--notification",
            "C.N.1",
            "--by",
            "secretariat",
        )
    assert str(error.value).startswith("instrument: Kenya signed the Convention")
